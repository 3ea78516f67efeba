// A defect batch: every defect of the proof in one Playwright run, a project per (provider, defect)
// whose embedded mock carries that defect, instead of a process tree per defect. Playwright keeps
// both workers busy across defects, and the run pays its start-up once.

/** `plumery:iv-reused,salt-reused;exa:iv-reused`: which defects the run's projects carry. */
export const BATCH_ENV = 'CRH_DEFECT_BATCH';

/** Set: a defect run outside a batch (`defects --live`) runs only the pact's verification, of the clean run's pact. */
export const VERIFY_ONLY_ENV = 'CRH_VERIFY_PACTS_ONLY';

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

const MARK = '~';

/** `plumery~iv-reused`: a project of the batch. */
export const batchProject = (project: string, defect: string): string => `${project}${MARK}${defect}`;

/** The project a batch project stands for, and its defect (none outside a batch). */
export function splitBatchProject(name: string): { project: string; defect: string | undefined } {
  const i = name.indexOf(MARK);
  return i < 0 ? { project: name, defect: undefined } : { project: name.slice(0, i), defect: name.slice(i + 1) };
}

/** Where a batch writes the matrix of one provider's defect: the folder a single defect run would use. */
export const defectRunDir = (root: string, provider: string, defect: string): string => `${root}/${provider}--${defect}`;
