// BROKEN on purpose (ENF-CLIENT-TARGET-ORIGIN): posts the token with targetOrigin '*', so a frame
// that has been sent elsewhere (a redirect, a compromised page) receives it.
import { serve, SHOW_CARD } from '../page-server.mjs';

serve(Number(process.argv[2]), SHOW_CARD.replace('token }, cardDataFrameUrl)', "token }, '*')"));
