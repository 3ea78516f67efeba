// What a merchant page and its frames asked of the network since the page was opened: which
// requests carried a token, and whether the page has gone quiet. The frame looks end on it: a frame
// that got its card-data answer and then went quiet has shown whatever it will show.
import type { Page, Request } from '@playwright/test';

interface Entry {
  request: Request;
  startedAt: number;
  /** When its answer had been read, or it failed (performance.now()). */
  endedAt: number | undefined;
}

export class NetworkLog {
  private readonly entries: Entry[] = [];
  /** When the merchant page and its frames had loaded (openMerchant): what the frames request later, they do on a message. */
  private loadedAt = Infinity;
  private readonly onRequest = (request: Request) =>
    void this.entries.push({ request, startedAt: performance.now(), endedAt: undefined });
  private readonly onEnd = (request: Request) => {
    const entry = this.entries.find((e) => e.request === request);
    if (entry) entry.endedAt = performance.now();
  };

  constructor(private readonly page: Page) {
    page.on('request', this.onRequest);
    page.on('requestfinished', this.onEnd);
    page.on('requestfailed', this.onEnd);
  }

  stop(): void {
    this.page.off('request', this.onRequest);
    this.page.off('requestfinished', this.onEnd);
    this.page.off('requestfailed', this.onEnd);
  }

  markLoaded(): void {
    this.loadedAt = performance.now();
  }

  /** Whether anything was requested since the page had loaded: a frame that acts on a message fetches. */
  requestedSinceLoad(): boolean {
    return this.entries.some((e) => e.startedAt > this.loadedAt);
  }

  /** `METHOD /path` of every request that carried `token` in its URL or body. */
  carrying(token: string): string[] {
    return this.entries
      .filter((e) => carries(e.request, token))
      .map((e) => `${e.request.method()} ${new URL(e.request.url()).pathname}`);
  }

  /** The first request carrying `token` that has been answered (or failed). */
  answerTo(token: string): Request | undefined {
    return this.entries.find((e) => e.endedAt !== undefined && carries(e.request, token))?.request;
  }

  /**
   * How long the page has been quiet: milliseconds since `since` or since the last request ended,
   * whichever is later; undefined while a request is in flight.
   */
  quietSince(since: number): number | undefined {
    if (this.entries.some((e) => e.endedAt === undefined)) return undefined;
    return performance.now() - Math.max(since, ...this.entries.map((e) => e.endedAt!));
  }
}

function carries(r: Request, token: string): boolean {
  const forms = [token, encodeURIComponent(token)];
  return forms.some((t) => r.url().includes(t) || (r.postData() ?? '').includes(t));
}

const logs = new WeakMap<Page, NetworkLog>();

/** Starts a new log for `page` (a page about to load), ending the one before. */
export function startNetworkLog(page: Page): NetworkLog {
  logs.get(page)?.stop();
  const log = new NetworkLog(page);
  logs.set(page, log);
  return log;
}

/** The log since the page was last opened by openMerchant (specs/enfuce/frame.ts). */
export function networkLog(page: Page): NetworkLog {
  const log = logs.get(page);
  if (!log) throw new Error('no network log: the page was not opened through openMerchant');
  return log;
}
