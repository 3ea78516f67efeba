// The table of every provider's environment variables, from the registry: the README carries it
// between markers (a test keeps it in sync), `--help` prints the names.
import { catalogue } from '../catalogue.ts';

export const VARIABLES_START =
  '<!-- variables: generated from the registry by `npm run readme`; do not edit by hand -->';
export const VARIABLES_END = '<!-- /variables -->';

export function variablesTable(): string {
  const rows = catalogue.map((p) => {
    const required = [p.env.baseUrl, ...p.env.required].map((v) => `\`${v}\``).join(', ');
    const optional = Object.entries(p.env.vars)
      .filter(([k]) => !p.env.required.includes(k))
      .map(([k, what]) => `\`${k}\` (${what.replace(/\|/g, '\\|')})`)
      .join('; ');
    const vars: Record<string, string> = p.env.vars;
    const requiredWhat = p.env.required.map((k) => `\`${k}\`: ${vars[k]}`).join('; ');
    return `| \`${p.id}\` | ${required} | ${requiredWhat} | ${optional} |`;
  });
  return [
    VARIABLES_START,
    '| provider | required | what they are | optional |',
    '|---|---|---|---|',
    ...rows,
    VARIABLES_END,
  ].join('\n');
}

/** The names only, for --help. */
export function variableNames(): string {
  return catalogue.map((p) => `  ${p.id}: ${[p.env.baseUrl, ...Object.keys(p.env.vars)].join(' ')}`).join('\n');
}
