// Merges the results of a sharded run (`run --shard i/n` into one --output) into one JUnit file and
// one conformance matrix, through Playwright's merge-reports over the shards' blobs.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { withSettings } from '../core/settings.ts';
import { resolve } from 'node:path';
import { codeFile } from '../core/root.ts';
import { playwrightCli, projectRoot, runChild } from './playwright.ts';
import { printVerdict } from './run.ts';
import { parse, UsageError } from './usage.ts';

export async function mergeCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { output: { type: 'string' } });
  const output = resolve(values.output ?? 'reports');
  // Each shard left blob/<i>-of-<n>/shard-<i>-of-<n>.zip; merge-reports reads one folder of zips.
  const shardDirs = existsSync(resolve(output, 'blob'))
    ? readdirSync(resolve(output, 'blob'), { withFileTypes: true }).filter((d) => d.isDirectory())
    : [];
  const blobs = resolve(output, 'blob-merged');
  rmSync(blobs, { recursive: true, force: true });
  mkdirSync(blobs, { recursive: true });
  for (const d of shardDirs)
    for (const f of readdirSync(resolve(output, 'blob', d.name)).filter((x) => x.endsWith('.zip')))
      copyFileSync(resolve(output, 'blob', d.name, f), resolve(blobs, f));
  if (readdirSync(blobs).length === 0)
    throw new UsageError(
      `no shard results in ${blobs}: run "card-reveal-harness run --shard i/n --output ${values.output ?? 'reports'}" for each shard first`,
    );
  const code = await runChild(
    process.execPath,
    [playwrightCli, 'merge-reports', '-c', codeFile('reporters/merge.config.ts'), blobs],
    { cwd: projectRoot, env: withSettings({ outputDir: output }) },
  );
  const failing = printVerdict(output, code);
  return failing === 0 ? 0 : 1;
}
