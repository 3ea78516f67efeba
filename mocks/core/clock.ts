// The mocks' notion of "now". Tests move it forward through POST /__mock/clock, so a
// 30-second expiry is checked without waiting 30 seconds.
export class MockClock {
  private offsetMs = 0;
  now(): number {
    return Date.now() + this.offsetMs;
  }
  advance(ms: number): number {
    this.offsetMs += ms;
    return this.now();
  }
  reset(): void {
    this.offsetMs = 0;
  }
  get offset(): number {
    return this.offsetMs;
  }
}
