// card-reveal-harness: run the conformance suite, start a reference mock, or prove the suite
// catches every mock defect.
import { UsageError } from './usage.ts';
import { providerIds } from '../catalogue.ts';
import { variableNames } from '../core/variables-table.ts';

// Each command's module is loaded when it is called: text commands answer without the mocks,
// Playwright or the crypto libraries (docs/BENCHMARKS.md, CLI start-up).
const commands: Record<string, () => Promise<(args: string[]) => number | Promise<number>>> = {
  run: async () => (await import('./run.ts')).runCommand,
  mock: async () => (await import('./mock.ts')).mockCommand,
  client: async () => (await import('./client.ts')).clientCommand,
  defects: async () => (await import('./defects.ts')).defectsCommand,
  variants: async () => (await import('./variants.ts')).variantsCommand,
  report: async () => (await import('./report.ts')).reportCommand,
  merge: async () => (await import('./merge.ts')).mergeCommand,
  gate: async () => (await import('./report.ts')).gateCommand,
  broker: async () => (await import('./broker.ts')).brokerCommand,
  requirements: async () => (await import('./requirements.ts')).requirementsCommand,
  fuzz: async () => (await import('./fuzz.ts')).fuzzCommand,
  vectors: async () => (await import('./vectors.ts')).vectorsCommand,
};

const HELP = `card-reveal-harness — contract checks for card-data reveal APIs

Usage:
  card-reveal-harness run [--provider <id>]... [--target mock|<url>] [--profile <file.json>] [--strict]
                          [--grep <re>] [--shard <i/n>] [--output <dir>] [--quiet | --verbose]
                          [--ca <file.pem>]... [--client-cert <file.pem> --client-key <file.pem>] [--rate <n>]
                          [--transport-retries <n>] [--settings <file.json>] [-- <playwright args>]
      Runs every check (API, browser, Pact) against the targets: the embedded reference mocks, or a
      base URL: --target <url> (one --provider) or <PROVIDER>_BASE_URL, with that provider's
      credentials from the environment (never from a file). --profile (or <PROVIDER>_PROFILE) names
      a JSON file that switches the provider's defaults (card-reveal-harness requirements <id> lists
      them), and may accept a standard's rule as a risk by name, with the reason (acceptedRisks).
      Settings a repository keeps (providers, target, profile, strict, output) may sit in
      ./card-reveal-harness.json (or --settings <file>); options on the command line win.
      --grep @<REQUIREMENT-ID> runs the checks of one requirement; --shard i/n one part of the run.
      Writes <dir>/junit.xml, <dir>/conformance.{md,json}, <dir>/allure-results (default dir: reports).
      A rule the documents state or a standard decides fails; a default the harness pins where they
      are silent warns, naming the profile option that would state the target's choice (a stated
      option is enforced). One line per check by default; --verbose adds the tools' own output.
      --ca trusts a private CA (NODE_EXTRA_CA_CERTS and SSL_CERT_FILE too), --client-cert/--client-key
      answer a target that asks for mutual TLS, HTTPS_PROXY/HTTP_PROXY/NO_PROXY are honoured, and --rate
      paces the requests to a target (per second); all of it reaches the API checks, the Pact verifier and
      Chromium alike. A 429 (or 503 with Retry-After) is waited out and counted, never a finding; a
      check a dropped, cut or timed-out connection interrupted runs again from its start, up to
      --transport-retries times (default 2; 0: never), counted, and fails only if it meets it every time.
      --strict makes warnings and accepted risks fail. Verdict: conformant / conformant with N warnings / NOT conformant.
      Exit 0: conformant (with or without warnings); 1: NOT conformant; 2: bad usage or settings.
  card-reveal-harness mock <provider> [--port <n>] [--host <h>] [--defect <name>]... [--variant <name>]...
                          [--choices <seed>] [--no-control] [--write-env <file.json>] [--write-profile <file.json>]
      Starts a provider's reference mock and prints its URL, credentials and test cards (masked).
      --variant takes a choice the documents leave open; --choices draws an option of every free
      choice from a seed ("reference", or a variant's name, is that one draw); --write-env writes the
      variables a vendor would set to point the harness at it as a sandbox, --write-profile the
      profile that states its choices.
  card-reveal-harness client <provider> [--case <name>]... [--timeout <s>] [--output <dir>] [--list]
                             [--page <url> [--reveal <selector>]] [--strict] [--settings <file>] -- <command> [args...]
      Judges an app's reveal code (the other side of the API): starts the provider's reference mock as
      a sandbox with the harness in front of it, and runs the command once per case with the
      provider's variables. Served honestly, the app must print exactly the card (one JSON object on
      stdout, exit 0); served an answer that does not verify (a tag altered, cut or missing, a bit
      flipped, another IV or key; another JWE alg), it must refuse (exit ≠ 0) and print no card.
      Enfuce's client is a web page: client enfuce --page <url> [--reveal <selector>] -- <command
      that serves it>; Chromium opens it, and the frame must get {operation: 'view-pan', token} after
      its load, posted to its origin only. --list names the cases. Writes the same reports as run
      (default dir: reports/client). Exit 0 / 1 / 2 as run.
  card-reveal-harness variants [<provider>]... [--only <name,...>] [--jobs <n>]
                               [--generated <n> [--seed <s>]] [--draw <seed>]... [--choices] [--list]
      Runs the suite against each variant of the mocks, without /__mock/ control and reached through
      the variables a vendor sets, with the profile the variant declares: each must be judged
      conformant (with warnings where no profile states its choice). Closes with "judged right N of
      M variants". All of them run in one Playwright run of --jobs workers (default 4).
      --generated runs n drawn implementations per provider (their seeds from --seed, printed), --draw
      one again: each with the profile it writes, so each must be exactly conformant. --choices lists
      every provider's free choices and their options.
  card-reveal-harness defects [<provider>]... [--jobs <n>] [--only <name,...>] [--list] [--strict] [--live] [--choices <seed>]
                              [--share <n>]
      Runs the suite against the mock clean and once per defect (n at a time, default 2); prints which
      tests caught each one and where the defect's matrix differs from the clean one. --strict also
      fails a defect whose matrix differs in more than it declares. --live starts each mock as its
      own process without /__mock/ control, as a sandbox: an escaped defect is named with why its
      requirements could not be checked there (what only a controlled run can catch). --choices plants
      the defects in a drawn implementation (see mock --choices) instead of the reference mocks.
      --share plants n of each provider's defects, drawn by the --choices seed (the same seed, the
      same share; printed).
  card-reveal-harness fuzz [<provider>]... [--runs <n>] [--seed <n>] [--path <p>] [--defect <name>]... [--record <file.md>]
      Sends n generated malformed requests (default 1000) to each mock, started as its own process:
      no 5xx, no hang, no crash, every error in the documented schema. A failure is shrunk and
      printed as a curl command; --seed replays a run, --path one case of it; --record writes a Markdown record.
  card-reveal-harness fuzz <provider> --target <url> [--runs <n>] [--max-seconds <s>] [--rate <n>] [--ca <file.pem>]...
      The same requests to a vendor's sandbox (default 200), made from the provider's variables as run
      reads them; paced by --rate, a 429 waited out; secrets and card data masked in the curl command.
  card-reveal-harness vectors [<file>]...
      Checks every known-answer vector file (vectors/*.json) with every independent implementation
      its checker runs; prints seconds and checks per second per file. Exit 1 on any failure.
  card-reveal-harness merge [--output <dir>]
      After "run --shard 1/n … n/n --output <dir>": one junit.xml and one conformance matrix for all shards.
  card-reveal-harness report [--output <dir>] [--serve]
      Turns <dir>/allure-results into an Allure HTML report (<dir>/allure-report); --serve opens it over HTTP.
  card-reveal-harness gate [--output <dir>] [--max-failures <n>] [--min-tests <n>]
      Allure's quality gate over <dir>/allure-results (default: no failure allowed): exit 1 when it fails.
  card-reveal-harness requirements [<provider>]... [--coverage]
      Prints every requirement: its id, source (document, provider-docs, default), endpoint and sentence,
      the document's own words each document rule quotes, and the provider's profile options with their
      defaults. --coverage prints instead every testable sentence of each document, quoted, with the
      requirements that check it, or why no check from outside can.
  card-reveal-harness broker publish --version <v> [--branch <b>] [--output <dir>]
  card-reveal-harness broker can-i-deploy --version <v> [--environment <env>]
      Publishes <dir>/pacts to the Pact Broker at PACT_BROKER_BASE_URL, or asks it can-i-deploy.

Providers: ${providerIds().join(', ')}. Environment variables per provider (what each is: README.md, "Against your sandbox"):
${variableNames()}

Exit codes: 0 conformant / all caught, 1 a check failed / a defect escaped, 2 bad usage or setup.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const load = command ? commands[command] : undefined;
  if (load) return (await load())(rest);
  switch (command) {
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      console.log(HELP);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

// `card-reveal-harness defects --list | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) {
    console.error(`card-reveal-harness: ${e.message}\nRun "card-reveal-harness --help" for usage.`);
    process.exitCode = 2;
  } else {
    console.error(`card-reveal-harness: ${(e as Error).message}`);
    process.exitCode = 2;
  }
}
