// Prints the requirement catalogue (what each check proves and where the sentence comes from), as
// Markdown, for one provider or all.
import { profileEnvVar } from '../core/profile.ts';
import { catalogue } from '../catalogue.ts';
import type { Requirement } from '../core/requirements.ts';
import { parse, providerOrUsageError } from './usage.ts';

export function requirementsCommand(args: string[]): number {
  const { positionals } = parse(args, {}, true);
  positionals.forEach(providerOrUsageError);
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  for (const p of catalogue.filter((x) => positionals.length === 0 || positionals.includes(x.id))) {
    console.log(`## ${p.title} (\`${p.id}\`, shared/seeds/${p.seed})\n\n| requirement | source | a failed check | severity | endpoint | what it means |\n|---|---|---|---|---|---|`);
    for (const r of Object.values(p.requirements) as Requirement[]) {
      // What a failed check weighs (src/core/levels.ts): a default, or a default part, warns naming its options.
      const weight = r.source === 'default' ? `warns (${(r.options ?? []).join(', ')})` : r.options?.length ? `fails; its default part warns (${r.options.join(', ')})` : 'fails';
      console.log(`| ${r.id} | ${r.source} | ${weight} | ${r.severity} | ${cell(r.endpoint)} | ${cell(r.text)} |`);
    }
    console.log(`\nProfile options (${profileEnvVar(p)}):\n`);
    const defaults = p.profile.parse({}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(p.profile.shape)) console.log(`- \`${k}\` (default \`${JSON.stringify(defaults[k])}\`): ${(v as { description?: string }).description ?? ''}`);
    console.log('');
  }
  return 0;
}
