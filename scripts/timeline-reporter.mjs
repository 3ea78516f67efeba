// A reporter for `npm run bench` only: where each worker's time went in one suite run (its first
// check, its last, the time inside checks), written as JSON to TIMELINE_OUT.
import { writeFileSync } from 'node:fs';

export default class TimelineReporter {
  onBegin() {
    this.began = Date.now();
    this.beganAt = process.uptime();
    this.workers = new Map();
  }
  onTestEnd(test, result) {
    if (result.workerIndex < 0) return;
    const start = (result.startTime.getTime() - this.began) / 1000;
    const w = this.workers.get(result.workerIndex) ?? {
      worker: result.workerIndex,
      project: test.parent.project()?.name ?? '',
      first: start,
      last: 0,
      inTests: 0,
      tests: 0,
    };
    w.first = Math.min(w.first, start);
    w.last = Math.max(w.last, start + result.duration / 1000);
    w.inTests += result.duration / 1000;
    w.tests += 1;
    this.workers.set(result.workerIndex, w);
  }
  onEnd() {
    const out = {
      listedAfter: this.beganAt,
      ranFor: (Date.now() - this.began) / 1000,
      workers: [...this.workers.values()],
    };
    writeFileSync(process.env.TIMELINE_OUT ?? 'timeline.json', JSON.stringify(out, null, 2));
  }
  printsToStdio() {
    return false;
  }
}
