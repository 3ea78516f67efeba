// Closes a run with the plain line "label: N passed, N failed, N skipped", which CI reads.
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SummaryLine implements Reporter {
  private readonly final = new Map<string, TestResult['status']>();
  constructor(private readonly options: { label?: string } = {}) {}
  printsToStdio(): boolean {
    return true;
  }
  onTestEnd(test: TestCase, result: TestResult): void {
    this.final.set(test.id, result.status);
  }
  onEnd(): void {
    const s = [...this.final.values()];
    const passed = s.filter((x) => x === 'passed').length;
    const skipped = s.filter((x) => x === 'skipped').length;
    const failed = s.length - passed - skipped;
    process.stdout.write(`${this.options.label ?? 'tests'}: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
