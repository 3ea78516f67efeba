// The HTML Enfuce serves: the card-data snapshot, error pages, and the iframe page that waits
// for postMessage. The document shows the snapshot only as a picture, so its markup is ours.
import { escapeMarkup as esc } from '../../src/core/markup.ts';
import type { EnfuceCard } from '../../src/providers/enfuce/cards.ts';

const STYLE = `body{font:16px system-ui,sans-serif;margin:0;padding:12px;color:#111}
.card{border-radius:12px;padding:16px;background:#0d2b45;color:#fff;max-width:340px}
.pan{font-size:20px;letter-spacing:2px;margin-bottom:12px}
.label{font-size:11px;opacity:.7;text-transform:uppercase;margin-right:6px}
.error{color:#8a1c1c}`;

export function snapshotPage(card: EnfuceCard, withCvv = true): string {
  const grouped = card.pan.replace(/(\d{4})(?=\d)/g, '$1 ');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Card details</title><style>${STYLE}</style></head>
<body><section class="card" data-testid="card-data">
<div class="pan"><span class="label">Card number</span><span data-field="pan">${esc(grouped)}</span></div>
<div><span class="label">Expires</span><span data-field="expiry">${esc(card.expiry)}</span>
${withCvv ? `<span class="label">CVV2</span><span data-field="cvv2">${esc(card.cvv2)}</span>` : ''}</div>
</section></body></html>`;
}

export function errorPage(title: string, detail: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${STYLE}</style></head>
<body><section class="error" data-testid="error"><h1>${esc(title)}</h1><p>${esc(detail)}</p></section></body></html>`;
}

export interface FramePageOptions {
  agreedOrigin: string | '*';
  viewUrl: string;
  nonce: string;
  checkOrigin: boolean;
  checkOperation: boolean;
  /** The operation the frame acts on: 'view-pan', as documented. */
  operation: string;
  requireToken: boolean;
  /** How long the frame keeps showing "Loading" once the answer is in (a minimum spinner time). */
  renderDelayMs: number;
  /** How long the frame waits, after a message it acts on, before its request (an await first). */
  actDelayMs: number;
}

/**
 * The iframe page. It acts only on `{operation: 'view-pan', token}` from the agreed origin, posts
 * the token to the card-data endpoint, and renders the answer inside itself. `data-state` on
 * <body> (waiting | loading | shown | refused) lets a test wait without sleeping.
 */
export function framePage(o: FramePageOptions): string {
  const js = String.raw;
  const script = js`(() => {
  const AGREED = ${JSON.stringify(o.agreedOrigin)};
  const VIEW_URL = ${JSON.stringify(o.viewUrl)};
  const view = document.getElementById('view');
  window.addEventListener('message', async (event) => {
    if (${o.checkOrigin} && event.origin !== AGREED) return;
    const msg = event.data;
    if (${o.checkOperation} && (!msg || typeof msg !== 'object' || msg.operation !== ${JSON.stringify(o.operation)})) return;
    const token = msg && typeof msg.token === 'string' ? msg.token : '';
    if (${o.requireToken} && token === '') return;
    if (${o.actDelayMs} > 0) await new Promise((resolve) => setTimeout(resolve, ${o.actDelayMs}));
    document.body.dataset.state = 'loading';
    try {
      const res = await fetch(VIEW_URL, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token }).toString(),
        credentials: 'omit',
        cache: 'no-store',
      });
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      if (${o.renderDelayMs} > 0) {
        view.textContent = 'Loading';
        await new Promise((resolve) => setTimeout(resolve, ${o.renderDelayMs}));
      }
      const card = doc.querySelector('[data-testid="card-data"]');
      if (res.ok && card) {
        view.replaceChildren(document.importNode(card, true));
        document.body.dataset.state = 'shown';
      } else {
        view.textContent = 'Card data is not available. Please try again.';
        document.body.dataset.state = 'refused';
      }
    } catch {
      view.textContent = 'Card data is not available. Please try again.';
      document.body.dataset.state = 'refused';
    }
  });
})();`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Card data</title><style>${STYLE}</style></head>
<body data-state="waiting"><main id="view" aria-live="polite"></main>
<script nonce="${esc(o.nonce)}">${script}</script></body></html>`;
}
