// A batch: every defect of the proof (or every variant, or draw, of `variants`) in one Playwright
// run, instead of a process tree each. One project holds a test file per provider and defect
// (written by writeBatchFiles), whose embedded mock carries that defect, or per implementation of
// the free choices (writeVariantBatchFiles), whose mock has no control and is reached as a sandbox
// is; Playwright keeps the workers busy across files, and a worker runs one file after another, so
// the run pays start-up once per worker.
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

/**
 * The one project of a batch: every provider's files in it, so that a worker runs any provider's
 * defect after another's. A project per provider gave each its own workers, and a worker was
 * replaced at every switch (about 3 CPU-s of start-up, and a Chromium): `defects` started 18
 * workers on three.
 */
export const BATCH_PROJECT = 'batch';

const FILE_SUFFIX = '.defect.mts';
const VARIANT_SUFFIX = '.variant.mts';

/** The defect (or implementation) a file of a batch project runs: its name (`iv-reused.defect.mts`), as the file suite's title. */
export const defectOfBatchFile = (fileTitle: string): string =>
  fileTitle.replace(/^.*\//, '').replace(/\.(defect|variant)\.mts$/, '');

/** Where a batch keeps its test files, under the run's output: a folder per provider. */
export const batchFilesRoot = (output: string): string => join(output, 'defect-files');

/** Where a batch keeps one provider's test files. */
export const batchFilesDir = (output: string, providerId: string): string => join(batchFilesRoot(output), providerId);

/** The patterns of a batch's test files. */
export const BATCH_FILES = [`*${FILE_SUFFIX}`, `*${VARIANT_SUFFIX}`];

/**
 * Writes, under `output`, a test file per defect of each provider of the batch that declares the
 * provider's checks against a mock with that defect (specs/fixtures/defect-batch.ts). The CLI writes
 * them before Playwright starts: the config only names them.
 */
export function writeBatchFiles(output: string, batch: Batch): void {
  for (const [providerId, defects] of batch)
    for (const defect of defects)
      writeBatchFile(
        output,
        providerId,
        `${defect}${FILE_SUFFIX}`,
        `against its mock ${defect === CLEAN ? 'without a defect' : `with defect ${defect}`}`,
        'declareDefectChecks',
        defect,
      );
}

/** One test file of a batch: a comment saying what it runs, and the one call that declares its checks. */
function writeBatchFile(
  output: string,
  providerId: string,
  name: string,
  what: string,
  declare: 'declareDefectChecks' | 'declareVariantChecks',
  argument: unknown,
): void {
  const dir = batchFilesDir(output, providerId);
  mkdirSync(dir, { recursive: true });
  const from = JSON.stringify(pathToFileURL(codeFile('specs/fixtures/defect-batch.ts')).href);
  const text = `// Written by src/core/defect-batch.ts: ${providerId}'s checks ${what}.\nimport { ${declare} } from ${from};\n\nawait ${declare}(${JSON.stringify(providerId)}, ${JSON.stringify(argument)});\n`;
  writeFileSync(join(dir, name), text);
}

/**
 * One implementation of the free choices a variant batch judges: a variant of the mock, or a draw
 * (its variants), and the profile that states its choices (none: the defaults).
 */
export interface VariantImplementation {
  /** Its file's name, and the folder of its matrix: `bind-path-card`, `draw-k3x9`. */
  key: string;
  variants: string[];
  /** The profile file written beside its test file (variantProfileFile). */
  profileFile?: string;
}

/** Where a variant batch keeps the profile of one implementation: the reporter reads it too. */
export const variantProfileFile = (output: string, providerId: string, key: string): string =>
  join(batchFilesDir(output, providerId), `${key}.profile.json`);

/**
 * Writes, under `output`, a test file per implementation of each provider (specs/fixtures/defect-batch.ts
 * declareVariantChecks), and the profile file of each that states one.
 */
export function writeVariantBatchFiles(
  output: string,
  batch: ReadonlyMap<string, readonly (Omit<VariantImplementation, 'profileFile'> & { profile?: object })[]>,
): void {
  for (const [providerId, implementations] of batch)
    for (const { key, variants, profile } of implementations) {
      const profileFile = profile ? variantProfileFile(output, providerId, key) : undefined;
      const impl: VariantImplementation = { key, variants, ...(profileFile ? { profileFile } : {}) };
      writeBatchFile(
        output,
        providerId,
        `${key}${VARIANT_SUFFIX}`,
        `against its mock with ${variants.join(', ') || 'no variant'}, as a sandbox`,
        'declareVariantChecks',
        impl,
      );
      if (profileFile) writeFileSync(profileFile, JSON.stringify(profile));
    }
}

/** Where a batch writes the matrix of one provider's defect: the folder a single defect run would use. */
export const defectRunDir = (root: string, provider: string, defect: string): string =>
  `${root}/${provider}--${defect}`;
