// A provider's profile: its switchable defaults, overridden by a JSON file named in
// <PROVIDER>_PROFILE (a path; profiles hold no secrets).
import { readFileSync } from 'node:fs';
import type { ProviderCatalogue } from '../providers/types.ts';

/** The environment variable naming a provider's profile file: ENFUCE_PROFILE for enfuce. */
export const profileEnvVar = (provider: Pick<ProviderCatalogue, 'id'>): string => `${provider.id.toUpperCase()}_PROFILE`;

export function loadProfile(provider: ProviderCatalogue, env: NodeJS.ProcessEnv = process.env): Record<string, unknown> {
  const file = env[profileEnvVar(provider)];
  let raw: unknown = {};
  if (file) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    } catch (e) {
      throw new Error(`profile ${file} for ${provider.id} is not readable JSON: ${(e as Error).message.split('\n')[0]}`);
    }
  }
  const parsed = provider.profile.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`profile ${file} for ${provider.id} is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
