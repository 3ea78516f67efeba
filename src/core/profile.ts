// A provider's profile: its switchable defaults, overridden by a JSON file named in
// <PROVIDER>_PROFILE (a path; profiles hold no secrets), and the risks it accepts by name.
import { readFileSync } from 'node:fs';
import type { z, ZodObject } from 'zod';
import type { ProviderCatalogue } from '../providers/types.ts';
import { ACCEPTED_RISKS_KEY, acceptedRisksOf } from './accepted-risks.ts';

/** The environment variable naming a provider's profile file: ENFUCE_PROFILE for enfuce. */
export const profileEnvVar = (provider: Pick<ProviderCatalogue, 'id'>): string =>
  `${provider.id.toUpperCase()}_PROFILE`;

function readProfileFile(
  provider: Pick<ProviderCatalogue, 'id'>,
  env: NodeJS.ProcessEnv,
): { file?: string; raw: Record<string, unknown> } {
  const file = env[profileEnvVar(provider)];
  if (!file) return { raw: {} };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (e) {
    throw new Error(`profile ${file} for ${provider.id} is not readable JSON: ${(e as Error).message.split('\n')[0]}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new Error(`profile ${file} for ${provider.id} is not a JSON object`);
  return { file, raw: raw as Record<string, unknown> };
}

/** The profile in force: the file's options over the defaults (its accepted risks apart), typed by the provider's own schema. */
export function loadProfile<S extends ZodObject>(
  provider: Pick<ProviderCatalogue, 'id' | 'requirements'> & { profile: S },
  env: NodeJS.ProcessEnv = process.env,
): z.output<S> {
  const { file, raw } = readProfileFile(provider, env);
  const { [ACCEPTED_RISKS_KEY]: risks, ...options } = raw;
  const parsed = provider.profile.safeParse(options);
  if (!parsed.success) {
    throw new Error(
      `profile ${file} for ${provider.id} is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  acceptedRisksOf(provider, risks);
  return parsed.data;
}

/** The risks a provider's profile accepts, by requirement id, with their reasons (validated by loadProfile first). */
export function loadAcceptedRisks(
  provider: Pick<ProviderCatalogue, 'id' | 'requirements'>,
  env: NodeJS.ProcessEnv = process.env,
): Record<string, string> {
  return acceptedRisksOf(provider, readProfileFile(provider, env).raw[ACCEPTED_RISKS_KEY]);
}

/** Makes `file` (none: the defaults) this process's profile of the provider: a variant batch's worker judges one implementation after another. */
export function useProfileFile(provider: Pick<ProviderCatalogue, 'id'>, file: string | undefined): void {
  if (file) process.env[profileEnvVar(provider)] = file;
  else delete process.env[profileEnvVar(provider)];
}
