// A defect batch: every defect of the proof in one Playwright run, instead of a process tree per
// defect. A project per provider holds a test file per defect (written by writeBatchFiles), whose
// embedded mock carries that defect; Playwright keeps both workers busy across defects, and a worker
// runs one defect's file after another, so the run pays start-up once per provider and worker.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { codeFile } from './root.ts';

/** `plumery:iv-reused,salt-reused;exa:iv-reused`: which defects the run's projects carry. */
export const BATCH_ENV = 'CRH_DEFECT_BATCH';

/** Which half of the pact projects' file runs: `provider` (a defect run outside a batch, `defects --live`: the verification of the clean run's pact), `consumer` (the pacts a batch verifies); unset, both. */
export const PACT_PART_ENV = 'CRH_PACT_PART';

/** The test file of a `<id>-pact` project for `part` (specs/<id>/pact/). */
export const pactFile = (part: string | undefined, ext = '.ts'): string =>
  `${part === 'consumer' ? 'consumer' : part === 'provider' ? 'provider' : 'contract.spec'}${ext}`;

/** The project of a batch that runs a provider's checks against its mock without a defect: the run every defect's matrix is compared with. */
export const CLEAN = 'clean';

export type Batch = ReadonlyMap<string, readonly string[]>;

export function encodeBatch(batch: Batch): string {
  return [...batch].map(([provider, defects]) => `${provider}:${defects.join(',')}`).join(';');
}

export function decodeBatch(text: string | undefined): Batch {
  const out = new Map<string, string[]>();
  for (const part of (text ?? '').split(';').filter(Boolean)) {
    const [provider, list] = part.split(':', 2);
    if (provider && list) out.set(provider, list.split(',').filter(Boolean));
  }
  return out;
}

const MARK = '~defects';

/** `plumery~defects`: the batch project of a provider's checks project. */
export const batchProject = (project: string): string => `${project}${MARK}`;

/** The project a batch project stands for, and whether it is one. */
export function splitBatchProject(name: string): { project: string; batch: boolean } {
  return name.endsWith(MARK) ? { project: name.slice(0, -MARK.length), batch: true } : { project: name, batch: false };
}

const FILE_SUFFIX = '.defect.mts';

/** The defect a file of a batch project runs: its name (`iv-reused.defect.mts`), as the file suite's title. */
export const defectOfBatchFile = (fileTitle: string): string =>
  fileTitle.replace(/^.*\//, '').slice(0, -FILE_SUFFIX.length);

/**
 * Writes, in `dir`, a test file per defect of one provider that declares the provider's checks
 * against a mock with that defect (specs/fixtures/defect-batch.ts); returns the pattern that
 * matches them. A file is written only when its text changes: Playwright's workers load this
 * config too, while files may be read.
 */
export function writeBatchFiles(dir: string, providerId: string, defects: readonly string[]): string {
  mkdirSync(dir, { recursive: true });
  const declare = pathToFileURL(codeFile('specs/fixtures/defect-batch.ts')).href;
  for (const defect of defects) {
    const file = join(dir, `${defect}${FILE_SUFFIX}`);
    const text = `// Written by src/core/defect-batch.ts: ${providerId}'s checks against its mock ${defect === CLEAN ? 'without a defect' : `with defect ${defect}`}.\nimport { declareDefectChecks } from ${JSON.stringify(declare)};\n\nawait declareDefectChecks(${JSON.stringify(providerId)}, ${JSON.stringify(defect)});\n`;
    if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
  }
  return `*${FILE_SUFFIX}`;
}

/** Where a batch writes the matrix of one provider's defect: the folder a single defect run would use. */
export const defectRunDir = (root: string, provider: string, defect: string): string =>
  `${root}/${provider}--${defect}`;
