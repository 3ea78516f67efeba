// The one redactor of reports and annotations: the specs mask what they attach with it, and the
// reporters what they write.
import { Redactor } from './mask.ts';
import { catalogue } from '../catalogue.ts';

/** Knows every seeded card of every mock, and masks anything else that looks like a PAN. */
export const redactor = new Redactor(catalogue.flatMap((p) => p.testCards));
