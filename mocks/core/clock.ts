// The mocks' notion of "now". Tests move it forward through POST /__mock/clock, so a
// 30-second expiry is checked without waiting 30 seconds; a frozen clock makes a boundary
// (29.9 s valid, 30 s refused) exact, however slow the machine.
export class MockClock {
  private offsetMs = 0;
  private frozenAt: number | undefined;
  now(): number {
    return (this.frozenAt ?? Date.now()) + this.offsetMs;
  }
  advance(ms: number): number {
    this.offsetMs += ms;
    return this.now();
  }
  freeze(): number {
    this.frozenAt ??= Date.now();
    return this.now();
  }
  reset(): void {
    this.offsetMs = 0;
    this.frozenAt = undefined;
  }
  get offset(): number {
    return this.offsetMs;
  }
  get frozen(): boolean {
    return this.frozenAt !== undefined;
  }
}
