// A defect batch: every defect of the proof in one Playwright run, instead of a process tree per
// defect. A project per provider holds a test file per defect (written by writeBatchFiles), whose
// embedded mock carries that defect; Playwright keeps both workers busy across defects, and a worker
// runs one defect's file after another, so the run pays start-up once per provider and worker.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { codeFile } from './root.ts';

/** The test file of a contract (specs/<id>/pact/) for the part of it a run wants (RunSettings.pactPart). */
export const pactFile = (part: 'consumer' | 'provider' | undefined, ext = '.ts'): string =>
  `${part ?? 'contract.spec'}${ext}`;

/** The project of a batch that runs a provider's checks against its mock without a defect: the run every defect's matrix is compared with. */
export const CLEAN = 'clean';

/** Per provider, the defects a batch runs (RunSettings.defectBatch). */
export type Batch = ReadonlyMap<string, readonly string[]>;

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

/** Where a batch keeps one provider's test files, under the run's output. */
export const batchFilesDir = (output: string, providerId: string): string => join(output, 'defect-files', providerId);

/** The pattern of a batch's test files. */
export const BATCH_FILES = `*${FILE_SUFFIX}`;

/**
 * Writes, under `output`, a test file per defect of each provider of the batch that declares the
 * provider's checks against a mock with that defect (specs/fixtures/defect-batch.ts). The CLI writes
 * them before Playwright starts: the config only names them.
 */
export function writeBatchFiles(output: string, batch: Batch): void {
  const declare = pathToFileURL(codeFile('specs/fixtures/defect-batch.ts')).href;
  for (const [providerId, defects] of batch) {
    const dir = batchFilesDir(output, providerId);
    mkdirSync(dir, { recursive: true });
    for (const defect of defects) {
      const text = `// Written by src/core/defect-batch.ts: ${providerId}'s checks against its mock ${defect === CLEAN ? 'without a defect' : `with defect ${defect}`}.\nimport { declareDefectChecks } from ${JSON.stringify(declare)};\n\nawait declareDefectChecks(${JSON.stringify(providerId)}, ${JSON.stringify(defect)});\n`;
      writeFileSync(join(dir, `${defect}${FILE_SUFFIX}`), text);
    }
  }
}

/** Where a batch writes the matrix of one provider's defect: the folder a single defect run would use. */
export const defectRunDir = (root: string, provider: string, defect: string): string =>
  `${root}/${provider}--${defect}`;
