// A merchant's card page for Enfuce, the way the document's step 4 describes the desktop browser:
// the backend asks Enfuce for a control token (Basic auth, auditUser), the page frames the returned
// cardDataFrameUrl with the agreed key, and once the frame has loaded posts {operation: 'view-pan',
// token} to it, with the frame URL as targetOrigin. The view closes after a minute (Enfuce's
// recommendation). Usage: node page-server.mjs <port> [--button]. Variables: ENFUCE_BASE_URL, ENFUCE_USERNAME,
// ENFUCE_PASSWORD, ENFUCE_CARD_ID, ENFUCE_FRAME_KEY. The broken/ pages reuse this server with one
// script changed.
import http from 'node:http';
import { pathToFileURL } from 'node:url';

async function controlToken(env) {
  const auth = Buffer.from(`${env.ENFUCE_USERNAME}:${env.ENFUCE_PASSWORD}`).toString('base64');
  const url = `${env.ENFUCE_BASE_URL}/v4/card/${encodeURIComponent(env.ENFUCE_CARD_ID)}/controlToken?auditUser=web-cardholder`;
  const r = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Basic ${auth}`, accept: 'application/json' },
  });
  if (r.status !== 201 && r.status !== 200) throw new Error(`Enfuce answered ${r.status}`);
  const { token, cardDataFrameUrl } = await r.json();
  const frameUrl = new URL(cardDataFrameUrl);
  frameUrl.searchParams.set('key', env.ENFUCE_FRAME_KEY);
  return { token, cardDataFrameUrl, frameUrl: frameUrl.href };
}

/** The page's script: frame first, post once it has loaded, to the frame's URL only. */
export const SHOW_CARD = `
const { token, cardDataFrameUrl, frameUrl } = await (await fetch('/reveal', { method: 'POST' })).json();
const frame = document.createElement('iframe');
frame.title = 'Card data';
frame.src = frameUrl;
frame.addEventListener('load', () => frame.contentWindow.postMessage({ operation: 'view-pan', token }, cardDataFrameUrl));
document.body.append(frame);
setTimeout(() => frame.remove(), 60_000);
`;

/** The same behind a button: the token is asked for when the user asks to see the card (30 s to use it). */
export const ON_CLICK = (script) =>
  `document.getElementById('show').addEventListener('click', async () => {\n${script}\n});`;

export function serve(port, script = SHOW_CARD, env = process.env) {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Your card</title></head>
<body><h1>Your card</h1><button id="show">Show card details</button><script type="module">${script}</script></body></html>`;
  return http
    .createServer(async (req, res) => {
      try {
        if (req.method === 'POST' && req.url === '/reveal') {
          const body = JSON.stringify(await controlToken(env));
          res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(body);
        } else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      } catch (e) {
        console.error(`cannot reveal: ${e.message}`);
        res.writeHead(502).end();
      }
    })
    .listen(port, '127.0.0.1');
}

// node page-server.mjs <port> [--button]: with --button the card shows when the user clicks "Show card details".
if (import.meta.url === pathToFileURL(process.argv[1]).href)
  serve(Number(process.argv[2] ?? 8091), process.argv.includes('--button') ? ON_CLICK(SHOW_CARD) : SHOW_CARD);
