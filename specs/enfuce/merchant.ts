// Merchant sites for the iframe checks: real HTTP servers on loopback, each its own origin.
// On a mock the harness agrees a frame key for its own loopback site. A sandbox has agreed its key
// for a fixed origin (ENFUCE_FRAME_ORIGIN), which a correct frame enforces through frame-ancestors:
// the merchant page is then served at that origin by routing the page's requests to it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame, Page } from '@playwright/test';

class Site {
  private pages = new Map<string, string>();
  private n = 0;
  constructor(
    private readonly server: Server,
    readonly origin: string,
  ) {
    server.on('request', (req, res) => {
      const html = this.pages.get(new URL(req.url ?? '/', origin).pathname);
      res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html ?? 'not found');
    });
  }
  /** Serves the HTML at a fresh path and returns its URL. */
  host(html: string): string {
    const path = `/page-${++this.n}.html`;
    this.pages.set(path, html);
    return `${this.origin}${path}`;
  }
  close(): Promise<void> {
    return new Promise((r) => {
      this.server.closeAllConnections();
      this.server.close(() => r());
    });
  }
}

async function listen(): Promise<Site> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return new Site(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
}

export class MerchantSites {
  private constructor(
    /** The origin agreed with the provider for the frame key. */
    readonly agreed: Site,
    /** Any other origin. */
    readonly other: Site,
  ) {}
  static async start(): Promise<MerchantSites> {
    return new MerchantSites(await listen(), await listen());
  }
  close(): Promise<void> {
    return Promise.all([this.agreed.close(), this.other.close()]).then(() => undefined);
  }
}

/** Pages served by routing so far, for fresh paths. */
let routed = 0;

/**
 * Serves `html` as a page of `origin` and returns its URL: from the loopback site when that is the
 * origin, else by answering the page's request for that origin itself (no server needs to listen
 * there, whatever host and port the sandbox agreed).
 */
export async function hostAt(page: Page, sites: MerchantSites, origin: string, html: string): Promise<string> {
  if (origin === sites.agreed.origin) return sites.agreed.host(html);
  const url = `${origin}/merchant-${++routed}.html`;
  await page.route(url, (route) =>
    route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
      body: html,
    }),
  );
  return url;
}

/**
 * The merchant's page: embeds the card-data frame, and exposes `reveal(message, delayMs)` that
 * posts the message to the frame once it has loaded and the delay (on the page's clock) is over.
 * An optional second iframe from another origin can post its own messages.
 */
export function merchantPage(frameUrl: string, otherFrameUrl?: string): string {
  const targetOrigin = new URL(frameUrl).origin;
  return `<!doctype html><html><head><meta charset="utf-8"><title>Merchant</title></head><body>
<h1>Your card</h1>
<iframe id="card-frame" name="card" title="Card data" src="${frameUrl}" width="380" height="200" onload="window.cardFrameLoaded = true; if (window.onCardFrameLoad) window.onCardFrameLoad()"></iframe>
${otherFrameUrl ? `<iframe id="other-frame" title="Other" src="${otherFrameUrl}" width="10" height="10"></iframe>` : ''}
<script>
  const frame = document.getElementById('card-frame');
  // The frame's load is heard from its own onload attribute, there since the element was parsed: a
  // listener added here could come after a fast load, and reveal() would then wait for ever.
  const loaded = new Promise((resolve) => (window.cardFrameLoaded ? resolve() : (window.onCardFrameLoad = resolve)));
  window.reveal = async (message, delayMs) => {
    // A frame that never loads is a clear failure, not a wait until the test's timeout.
    await Promise.race([loaded, new Promise((_, reject) => setTimeout(() => reject(new Error('the card frame did not load within 10 s')), 10000))]);
    setTimeout(() => frame.contentWindow.postMessage(message, ${JSON.stringify(targetOrigin)}), delayMs);
  };
</script></body></html>`;
}

/** Calls the merchant page's `reveal(message, delayMs)`: the message is posted after the delay on the page's clock. */
export function reveal(page: Page, message: unknown, delayMs = 0): Promise<void> {
  return page.evaluate(
    ([m, d]) => (window as unknown as { reveal(m: unknown, d: number): Promise<void> }).reveal(m, d),
    [message, delayMs] as const,
  );
}

/** Posts a message to the card frame from the sibling frame of another origin. */
export function postFromSibling(sibling: Frame, message: unknown): Promise<void> {
  return sibling.evaluate(
    (m) => (window as unknown as { postToCardFrame(m: unknown): void }).postToCardFrame(m),
    message,
  );
}

/** A page from another origin, framed next to the card frame: it posts to its sibling. */
export const siblingPage = `<!doctype html><html><body><script>
  window.postToCardFrame = (message) => window.parent.frames[0].postMessage(message, '*');
</script></body></html>`;

/** The frame's visible text, text nodes joined by spaces (a label and its value stay apart). */
export async function cardFrameText(page: Page): Promise<string> {
  return page
    .frameLocator('#card-frame')
    .locator('body')
    .evaluate(
      (body) => {
        const walker = body.ownerDocument.createTreeWalker(body, NodeFilter.SHOW_TEXT);
        const parts: string[] = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (n.parentElement?.closest('script,style')) continue;
          parts.push(n.textContent ?? '');
        }
        return parts.join(' ').replace(/\s+/g, ' ').trim();
      },
      undefined,
      { timeout: 5_000 },
    );
}
