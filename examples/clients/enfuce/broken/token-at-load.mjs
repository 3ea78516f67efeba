// BROKEN on purpose (ENF-CLIENT-TOKEN-ON-REVEAL): asks for the control token when the page loads
// and uses it when the user clicks; a user who looks for more than 30 seconds first gets nothing.
import { serve } from '../page-server.mjs';

serve(
  Number(process.argv[2]),
  `
const answer = fetch('/reveal', { method: 'POST' }).then((r) => r.json());
document.getElementById('show').addEventListener('click', async () => {
  const { token, cardDataFrameUrl, frameUrl } = await answer;
  const frame = document.createElement('iframe');
  frame.src = frameUrl;
  frame.addEventListener('load', () => frame.contentWindow.postMessage({ operation: 'view-pan', token }, cardDataFrameUrl));
  document.body.append(frame);
  setTimeout(() => frame.remove(), 60_000);
});`,
);
