// The run's default console output: one line per check (its mark, provider group, title and time),
// then the closing lines of the conformance reporter. What the tools print along the way (the Pact
// verifier's account of each interaction, a test's own output, Playwright's hints) stays in the
// reports (junit.xml keeps a check's output); `run --verbose` shows it too, through Playwright's
// list reporter. Colour only on a terminal, and never with NO_COLOR set (no-color.org).
import type { FullConfig, Reporter, TestCase, TestError, TestResult } from '@playwright/test/reporter';
import { checkGroup } from '../src/catalogue.ts';

const colour = process.stdout.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
const paint = (code: number, s: string) => (colour ? `\u001b[${code}m${s}\u001b[0m` : s);
const MARK: Record<TestResult['status'], string> = {
  passed: paint(32, 'ok  '),
  failed: paint(31, 'FAIL'),
  timedOut: paint(31, 'FAIL'),
  interrupted: paint(33, 'STOP'),
  skipped: paint(90, 'skip'),
};

export default class CheckLines implements Reporter {
  private total = 0;
  private done = 0;

  printsToStdio(): boolean {
    return true;
  }

  onBegin(_config: FullConfig, suite: { allTests(): TestCase[] }): void {
    this.total = suite.allTests().length;
    process.stdout.write(`${this.total} checks\n`);
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    this.done++;
    const group = checkGroup(test.location.file) ?? test.parent.project()?.name ?? '';
    const title = test.titlePath().slice(3).join(' › ');
    const width = String(this.total).length;
    const line = `${MARK[result.status]} ${String(this.done).padStart(width)}/${this.total} [${group}] ${title} ${paint(90, `(${Math.round(result.duration)} ms)`)}`;
    // A skip says why in a word; a failure's words are the matrix's, in the closing lines.
    const why =
      result.status === 'skipped'
        ? test.annotations.concat(result.annotations).find((a) => a.type === 'skip')?.description
        : undefined;
    process.stdout.write(`${line}${why ? paint(90, ` — ${why}`) : ''}\n`);
  }

  onError(error: TestError): void {
    // An error outside any check (a config that does not load, a worker that died) is never hidden.
    process.stdout.write(`${paint(31, 'ERROR')} ${(error.message ?? String(error.value ?? '')).split('\n')[0]}\n`);
  }
}
