// Prints the requirement catalogue (what each check proves, where the sentence comes from, and what
// a failed check weighs), as Markdown, for one provider or all.
import { ACCEPTED_RISKS_KEY } from '../core/accepted-risks.ts';
import { profileEnvVar } from '../core/profile.ts';
import { catalogue } from '../catalogue.ts';
import type { Requirement } from '../core/requirements.ts';
import type { ProviderCatalogue } from '../providers/types.ts';
import { parse, providerOrUsageError } from './usage.ts';

/** What a failed check of a rule weighs (src/core/levels.ts). */
export function weightOf(r: Requirement): string {
  const part = r.options?.length ? `; its default part warns (${r.options.join(', ')})` : '';
  if (r.source === 'default') return `warns (${(r.options ?? []).join(', ')})`;
  if (r.source === 'standard') return `fails, unless the profile accepts the risk by name${part}`;
  return `fails${part}`;
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** The coverage table of a document: each testable sentence, and what checks it or why nothing can. */
function printCoverage(p: ProviderCatalogue): void {
  console.log(
    `## ${p.title} (\`${p.id}\`): what the document says, and what checks it\n\nDocument: ${p.document.title}\n`,
  );
  console.log('| section | the document says | checked by |\n|---|---|---|');
  for (const e of p.coverage) {
    const by = 'checks' in e ? e.checks.join(', ') : `no check from outside: ${e.untestable}`;
    console.log(`| ${cell(e.section)} | "${cell(e.quote)}" | ${cell(by)} |`);
  }
  const open = p.coverage.filter((e) => !('checks' in e)).length;
  console.log(
    `\n${p.coverage.length} sentences: ${p.coverage.length - open} checked, ${open} beyond a check from outside.\n`,
  );
}

export function requirementsCommand(args: string[]): number {
  const { values, positionals } = parse(args, { coverage: { type: 'boolean' } }, true);
  positionals.forEach(providerOrUsageError);
  for (const p of (catalogue as readonly ProviderCatalogue[]).filter(
    (x) => positionals.length === 0 || positionals.includes(x.id),
  )) {
    if (values.coverage) {
      printCoverage(p);
      continue;
    }
    const doc = `${p.document.title}${p.document.url ? ` <${p.document.url}>` : ''}`;
    console.log(
      `## ${p.title} (\`${p.id}\`)\n\nDocument: ${doc}\n\n| requirement | source | a failed check | severity | endpoint | what it means |\n|---|---|---|---|---|---|`,
    );
    const cited: Requirement[] = [];
    for (const r of Object.values(p.requirements) as Requirement[]) {
      const source =
        r.source === 'standard'
          ? `standard: ${r.cites.map((c) => c.clause).join('; ')}`
          : `${r.source}${r.section ? `, ${r.section}` : ''}`;
      console.log(
        `| ${r.id} | ${cell(source)} | ${weightOf(r)} | ${r.severity} | ${cell(r.endpoint)} | ${cell(r.text)} |`,
      );
      if (r.cites?.length) cited.push(r);
    }
    console.log('\nThe document\'s own words (each document rule quotes them; "…" joins parts of one sentence):\n');
    for (const r of Object.values(p.requirements) as Requirement[])
      if (r.source === 'document') console.log(`- ${r.id}: ${r.quotes.map((q) => `"${q}"`).join(' ')}`);
    const torn = (Object.values(p.requirements) as Requirement[]).filter((r) => r.contradiction);
    if (torn.length) {
      console.log('\nWhere the document contradicts itself (the reading each rule takes):\n');
      for (const r of torn) console.log(`- ${r.id}: ${r.contradiction}`);
    }
    if (cited.length) {
      console.log('\nStandards quoted:\n');
      for (const r of cited)
        for (const c of r.cites ?? []) console.log(`- ${r.id} — ${c.clause}: "${c.quote}" <${c.url}>`);
    }
    console.log(`\nProfile options (${profileEnvVar(p)}):\n`);
    const defaults = p.profile.parse({}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(p.profile.shape))
      console.log(
        `- \`${k}\` (default \`${JSON.stringify(defaults[k])}\`): ${(v as { description?: string }).description ?? ''}`,
      );
    const acceptable = (Object.values(p.requirements) as Requirement[])
      .filter((r) => r.source === 'standard')
      .map((r) => r.id);
    console.log(
      `- \`${ACCEPTED_RISKS_KEY}\` (default \`{}\`): rules a standard decides whose failure the vendor accepts, each with its reason (${acceptable.join(', ')}); shown as ACCEPTED RISK in every report, failed by --strict`,
    );
    console.log('');
  }
  return 0;
}
