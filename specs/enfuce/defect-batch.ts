// Every check of this provider as one test file, for a defect batch (specs/fixtures/defect-batch.ts).
import { declareEveryCheck } from '../fixtures/defect-batch.ts';

await declareEveryCheck(import.meta.url);
