// BROKEN on purpose (ENF-CLIENT-NO-TRACE): keeps the control token in sessionStorage "for later",
// where any script of the page can read it.
import { serve, SHOW_CARD } from '../page-server.mjs';

serve(Number(process.argv[2]), `${SHOW_CARD}\nsessionStorage.setItem('cardToken', token);`);
