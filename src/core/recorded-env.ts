// What a report is rendered from besides the checks' own records: each provider's target and
// profile, and --strict. A shard records them where its reports go; `merge` renders from what the
// shards recorded, never from its own environment (a pipeline's merge job has none of the
// sandbox's variables, and its matrix would name the embedded mock as the target).
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { catalogue } from '../catalogue.ts';
import { profileEnvVar } from './profile.ts';
import { runSettings, withSettings } from './settings.ts';

const RECORDED = 'recorded-env.json';

const Recorded = z.object({
  /** Each provider's base URL and profile variables as the run had them; null: unset (the embedded mock, the defaults). */
  env: z.record(z.string(), z.string().nullable()),
  strict: z.boolean(),
});
type Recorded = z.infer<typeof Recorded>;

/**
 * Writes what this run's reports were rendered from into `dir`, with a copy of each profile file
 * (the merge job may not have it). Only the base URL and profile variables: no credential.
 */
export function recordEnv(dir: string, providers: readonly string[], env: NodeJS.ProcessEnv = process.env): void {
  const recorded: Recorded = { env: {}, strict: runSettings(env).strict };
  for (const p of catalogue.filter((x) => providers.includes(x.id))) {
    recorded.env[p.env.baseUrl] = env[p.env.baseUrl] ?? null;
    const profile = env[profileEnvVar(p)];
    let copy: string | null = null;
    if (profile && existsSync(profile)) {
      mkdirSync(join(dir, 'profiles'), { recursive: true });
      copy = resolve(dir, 'profiles', `${p.id}.json`);
      copyFileSync(profile, copy);
    }
    recorded.env[profileEnvVar(p)] = copy;
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, RECORDED), `${JSON.stringify(recorded, null, 2)}\n`);
}

/**
 * The environment to render a merged report from: this process's, with each provider's variables
 * and --strict as the shards under `shardsDir` recorded them. Unchanged when no shard recorded any.
 */
export function recordedEnv(shardsDir: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  if (!existsSync(shardsDir)) return env;
  const out: NodeJS.ProcessEnv = { ...env };
  let strict: boolean | undefined;
  for (const shard of readdirSync(shardsDir, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const file = join(shardsDir, shard.name, RECORDED);
    if (!existsSync(file)) continue;
    const parsed = Recorded.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`${file} is not a recorded environment: ${parsed.error.message}`);
    for (const [k, v] of Object.entries(parsed.data.env)) {
      if (v === null) delete out[k];
      else out[k] = v;
    }
    strict = (strict ?? false) || parsed.data.strict;
  }
  return strict === undefined ? out : { ...out, ...withSettings({ strict }, env) };
}
