// DEPARTS from Enfuce's recommendation (ENF-CLIENT-CLOSES-VIEW, a warning): the card-data view
// stays on screen until the user leaves the page.
import { serve, SHOW_CARD } from '../page-server.mjs';

serve(Number(process.argv[2]), SHOW_CARD.replace('setTimeout(() => frame.remove(), 60_000);', ''));
