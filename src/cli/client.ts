// `card-reveal-harness client <provider> [--case <name>]... [--timeout <s>] [--output <dir>] -- <command> [args...]`:
// the app's reveal command judged against the provider's reference mock, served honestly and then
// adversarially (src/client/). The same reports and exit codes as `run`.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { conclude, type Matrix } from '../core/matrix.ts';
import { summaryLine } from '../../reporters/render-matrix.ts';
import { CommandNotStarted } from '../client/command.ts';
import { clientMatrix } from '../client/matrix.ts';
import { runPageCases } from '../client/page-run.ts';
import { findingText, type ClientRunRecord } from '../client/record.ts';
import { runClientCases } from '../client/run.ts';
import type { PageSide } from '../client/side.ts';
import { clientSides, pageSides } from '../client/sides.ts';
import { writeClientReports } from '../../reporters/client-reports.ts';
import { readSettings } from './settings.ts';
import { chromiumOrUsageError } from './chromium.ts';
import { parse, UsageError } from './usage.ts';

const DEFAULT_TIMEOUT_S = 20;

/** `--list`: each case with its title and the rules it tries. */
function listCases(cases: readonly { name: string; title: string; requirements: readonly string[] }[]): number {
  for (const c of cases) console.log(`${c.name.padEnd(22)} ${c.title}  [${c.requirements.join(', ')}]`);
  return 0;
}

/** --timeout in seconds (per run of the command, or per case of a page), as milliseconds. */
function timeoutMsOf(seconds: string, per: string): number {
  const s = Number(seconds);
  if (!Number.isFinite(s) || s <= 0 || s > 600)
    throw new UsageError(`--timeout takes seconds per ${per}, more than 0 and at most 600`);
  return s * 1000;
}

/** The cases --case names (all when it names none), or a UsageError naming the unknown ones. */
function selectedCases<C extends { name: string }>(
  cases: readonly C[],
  names: readonly string[],
  provider: string,
): readonly C[] {
  const unknown = names.filter((n) => !cases.some((c) => c.name === n));
  if (unknown.length)
    throw new UsageError(
      `unknown case ${unknown.join(', ')} for ${provider}; known: ${cases.map((c) => c.name).join(', ')}`,
    );
  return names.length ? cases.filter((c) => names.includes(c.name)) : cases;
}

export async function clientCommand(args: string[]): Promise<number> {
  const dashdash = args.indexOf('--');
  const own = dashdash >= 0 ? args.slice(0, dashdash) : args;
  let command = dashdash >= 0 ? args.slice(dashdash + 1) : [];
  const { values, positionals } = parse(
    own,
    {
      case: { type: 'string', multiple: true },
      timeout: { type: 'string' },
      output: { type: 'string' },
      settings: { type: 'string' },
      list: { type: 'boolean' },
      page: { type: 'string' },
      reveal: { type: 'string' },
      quiet: { type: 'boolean' },
      strict: { type: 'boolean' },
    },
    true,
  );
  // The calling repository's settings file (its "client" part), under what the command line says.
  const kept = readSettings(values.settings).client;
  if (kept && (positionals[0] === undefined || positionals[0] === kept.provider)) {
    if (!command.length) command = kept.command ?? [];
    values.page ??= kept.page;
    values.reveal ??= kept.reveal;
    values.case ??= kept.cases;
    values.timeout ??= kept.timeout === undefined ? undefined : String(kept.timeout);
    values.output ??= kept.output;
  }
  const known = [...new Set([...Object.keys(clientSides), ...Object.keys(pageSides)])];
  const id = positionals[0] ?? kept?.provider;
  if (!id) throw new UsageError(`name the provider whose app is judged: ${known.join(', ')}`);
  if (positionals.length > 1)
    throw new UsageError(`one provider, then -- and the app's command (got ${positionals.join(' ')})`);
  const page = pageSides[id];
  const timeoutS = values.timeout ?? String(DEFAULT_TIMEOUT_S);
  const output = resolve(values.output ?? 'reports/client');
  // A provider whose client may be a web page (Enfuce's desktop browser): --page says it is one.
  if (page && (values.page !== undefined || !clientSides[id]))
    return pageCommand(await page(), { ...values, timeout: timeoutS, output }, command);
  const load = clientSides[id];
  if (!load) throw new UsageError(`no client checks for "${id}" yet; known: ${known.join(', ')}`);
  const side = await load();
  if (values.list) return listCases(side.cases);
  if (!command.length)
    throw new UsageError(
      `give the app's reveal command after --: it prints ${side.outputFields} as one JSON object and exits 0, or refuses with exit code ≠ 0`,
    );
  const timeoutMs = timeoutMsOf(timeoutS, 'run of the command');
  const cases = selectedCases(side.cases, values.case ?? [], id);

  rmSync(output, { recursive: true, force: true });
  let record;
  try {
    record = await runClientCases({ side, command, cases, timeoutMs, concurrency: 4 });
  } catch (e) {
    if (e instanceof CommandNotStarted) throw new UsageError(`${e.message} (${command[0]})`);
    throw e;
  }
  return report(record, clientMatrix(record, side), output, !!values.quiet, !!values.strict);
}

/** The closing lines and the reports of a client run; the exit code. */
function report(record: ClientRunRecord, matrix: Matrix, output: string, quiet: boolean, strict: boolean): number {
  writeClientReports(record, matrix, output);
  if (!quiet)
    for (const c of record.cases) {
      const word = { pass: 'pass', warn: 'WARN', fail: 'FAIL', 'not-run': 'not run', error: 'ERROR' }[c.status];
      const why = c.status === 'not-run' || c.status === 'error' ? ` (${c.notRunReason})` : '';
      console.log(`${word.padEnd(7)} ${c.case}: ${c.title}${why}`);
      for (const f of c.findings) console.log(`          ${findingText(f)}`);
    }
  console.log(summaryLine(matrix).replace('checks:', 'cases:'));
  console.log(`reports: ${output} (client.json, conformance.md, junit.xml, junit-requirements.xml, allure-results)`);
  const verdict = conclude(matrix);
  console.log(verdict.line);
  return verdict.verdict === 'not-conformant' || (strict && verdict.verdict === 'conformant-with-warnings') ? 1 : 0;
}

/** `client enfuce --page <url> [--reveal <selector>] [-- <command that serves the page>]`. */
async function pageCommand(
  side: PageSide,
  values: {
    case?: string[];
    timeout: string;
    output: string;
    list?: boolean;
    page?: string;
    reveal?: string;
    quiet?: boolean;
    strict?: boolean;
  },
  backend: string[],
): Promise<number> {
  if (values.list) return listCases(side.cases);
  if (!values.page || !/^https?:\/\/[^/]+/.test(values.page))
    throw new UsageError(
      `${side.provider}'s client is a web page: give its URL with --page <http(s) URL>, and after -- the command that serves it (if it is not served already)`,
    );
  const timeoutMs = timeoutMsOf(values.timeout, 'case');
  const cases = selectedCases(side.cases, values.case ?? [], side.provider);
  chromiumOrUsageError();
  rmSync(values.output, { recursive: true, force: true });
  let record;
  try {
    record = await runPageCases({
      side,
      pageUrl: values.page,
      backend,
      ...(values.reveal ? { reveal: values.reveal } : {}),
      cases,
      timeoutMs,
    });
  } catch (e) {
    if (e instanceof CommandNotStarted) throw new UsageError(e.message);
    throw e;
  }
  return report(record, clientMatrix(record, side), values.output, !!values.quiet, !!values.strict);
}
