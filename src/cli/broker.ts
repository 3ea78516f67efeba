// Pact Broker steps through @pact-foundation/pact-cli (the Rust CLI, shipped as npm binaries):
// publish the consumer contracts a run wrote, and ask can-i-deploy. The broker and its credentials
// come from the environment (PACT_BROKER_BASE_URL, PACT_BROKER_TOKEN or PACT_BROKER_USERNAME and
// PACT_BROKER_PASSWORD), which the CLI reads itself.
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONSUMER } from '../core/pact-names.ts';
import { packageDir, runChild } from './playwright.ts';
import { parse, UsageError } from './usage.ts';

/** The Pact Broker CLI's script, when installed. */
function pactBroker(): string | undefined {
  try {
    return resolve(packageDir('@pact-foundation/pact-cli'), 'bin/pact-broker.js');
  } catch {
    return undefined;
  }
}

export async function brokerCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      output: { type: 'string' },
      version: { type: 'string' },
      branch: { type: 'string' },
      environment: { type: 'string' },
    },
    true,
  );
  const [step] = positionals;
  if (step !== 'publish' && step !== 'can-i-deploy') throw new UsageError('broker takes publish or can-i-deploy');
  const broker = process.env.PACT_BROKER_BASE_URL;
  if (!broker)
    throw new UsageError(
      'set PACT_BROKER_BASE_URL (and PACT_BROKER_TOKEN, or PACT_BROKER_USERNAME and PACT_BROKER_PASSWORD) to use a Pact Broker',
    );
  if (!values.version) throw new UsageError('--version <consumer version> is required (for example the git commit)');
  const script = pactBroker();
  if (!script || !existsSync(script))
    throw new UsageError('@pact-foundation/pact-cli is not installed: run scripts/install.sh');
  const run = (rest: string[]) => runChild(process.execPath, [script, ...rest]);
  if (step === 'publish') {
    const dir = resolve(values.output ?? 'reports', 'pacts');
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => /^[^.]+-[^.]+\.json$/.test(f)) : [];
    if (files.length === 0) throw new UsageError(`no pacts in ${dir}: run "card-reveal-harness run" first`);
    return run([
      'publish',
      ...files.map((f) => resolve(dir, f)),
      '--broker-base-url',
      broker,
      '--consumer-app-version',
      values.version,
      ...(values.branch ? ['--branch', values.branch] : []),
    ]);
  }
  return run([
    'can-i-deploy',
    '--broker-base-url',
    broker,
    '--pacticipant',
    CONSUMER,
    '--version',
    values.version,
    ...(values.environment ? ['--to-environment', values.environment] : ['--to', 'prod']),
  ]);
}
