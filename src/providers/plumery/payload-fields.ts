// The encryptedPayload's fields: the document describes them (the IV, the ciphertext with its tag,
// the server's ephemeral key, the salt) and names none; the harness's names are a default the
// profile can restate (payloadFields). Everything that reads a target's payload reads it through here.
import type { PlumeryProfile } from './profile.ts';

export type PayloadFields = PlumeryProfile['payloadFields'];

/** A body with its encryptedPayload's fields under the harness's names, from the names the target gives them. */
export function asDocumented(body: unknown, names: PayloadFields): unknown {
  const p = (body as { encryptedPayload?: unknown } | null)?.encryptedPayload;
  if (typeof p !== 'object' || p === null || Array.isArray(p)) return body;
  const renamed: Record<string, unknown> = { ...(p as Record<string, unknown>) };
  for (const [part, name] of Object.entries(names))
    if (name !== part && name in renamed) {
      renamed[part] = renamed[name];
      delete renamed[name];
    }
  return { ...(body as object), encryptedPayload: renamed };
}
