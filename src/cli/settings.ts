// Settings a pipeline can hold in its own repository: card-reveal-harness.json in the directory the
// harness runs from (or the file --settings names). Command-line options win over it; secrets never
// go in it (credentials stay in the environment, as the run's variables say).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { providerIds } from '../catalogue.ts';
import { UsageError } from './usage.ts';

export const SETTINGS_FILE = 'card-reveal-harness.json';

const Settings = z.strictObject({
  providers: z.array(z.string()).min(1).optional().describe('the providers to check (default: all)'),
  target: z.string().min(1).optional().describe('base URL of the one provider named (or "mock")'),
  profile: z.string().min(1).optional().describe('profile file of the one provider named, relative to this file'),
  strict: z.boolean().optional().describe('warnings and accepted risks fail'),
  output: z
    .string()
    .min(1)
    .optional()
    .describe('where the reports go, relative to this file (default: ./reports of the directory run from)'),
  client: z
    .strictObject({
      provider: z.string().min(1),
      command: z
        .array(z.string())
        .min(1)
        .optional()
        .describe("the app's reveal command (or the page's backend), as argv"),
      page: z.string().min(1).optional().describe("the page's URL, for a provider whose client is a web page"),
      reveal: z.string().min(1).optional().describe('a selector to click on that page before the reveal'),
      cases: z.array(z.string()).min(1).optional().describe('the cases to run (default: all)'),
      timeout: z.number().positive().max(600).optional().describe('seconds per run of the command'),
      output: z.string().min(1).optional().describe('where the client reports go, relative to this file'),
    })
    .optional()
    .describe('the app `card-reveal-harness client` judges'),
});

export type SettingsFile = z.infer<typeof Settings>;

/** The settings file's values, paths resolved against its folder; none when there is no file. */
export function readSettings(file: string | undefined, cwd = process.cwd()): SettingsFile {
  const path = resolve(cwd, file ?? SETTINGS_FILE);
  if (!existsSync(path)) {
    if (file !== undefined) throw new UsageError(`settings file ${file} does not exist`);
    return {};
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (e) {
    throw new UsageError(`settings file ${path} is not readable JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  const parsed = Settings.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) =>
      i.code === 'unrecognized_keys'
        ? `unknown key${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')} (known: ${Object.keys(Settings.shape).join(', ')}; credentials belong in the environment, never in a file)`
        : `${i.path.join('.') || '(root)'}: ${i.message}`,
    );
    throw new UsageError(`settings file ${path} is not valid: ${issues.join('; ')}`);
  }
  const s = parsed.data;
  for (const id of s.providers ?? [])
    if (!providerIds().includes(id))
      throw new UsageError(`settings file ${path}: unknown provider "${id}"; known: ${providerIds().join(', ')}`);
  const here = dirname(path);
  return {
    ...s,
    ...(s.profile ? { profile: resolve(here, s.profile) } : {}),
    ...(s.output ? { output: resolve(here, s.output) } : {}),
    ...(s.client
      ? { client: { ...s.client, ...(s.client.output ? { output: resolve(here, s.client.output) } : {}) } }
      : {}),
  };
}
