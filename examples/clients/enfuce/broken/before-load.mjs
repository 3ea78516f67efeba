// BROKEN on purpose (ENF-CLIENT-FRAME): posts the token as soon as the frame is added, before it
// has loaded: the message reaches the frame's empty first document, and the card never shows.
import { serve, SHOW_CARD } from '../page-server.mjs';

serve(
  Number(process.argv[2]),
  SHOW_CARD.replace(
    "frame.addEventListener('load', () => frame.contentWindow.postMessage({ operation: 'view-pan', token }, cardDataFrameUrl));\ndocument.body.append(frame);",
    "document.body.append(frame);\nframe.contentWindow.postMessage({ operation: 'view-pan', token }, '*');",
  ),
);
