// README's CI recipes ("In your pipeline"), run as written: each job's shell steps in a team's
// repository, with the variables the job names taken from a secret store, as the CI system would.
// The actions a GitHub job uses are not run (checkout, cache) or are checked for what they would
// find (artifact and JUnit paths); anything else in a recipe is refused, so that a recipe cannot
// grow a step this runner silently skips.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { runProcess } from './helpers.ts';

export interface StepResult {
  name: string;
  /** Exit code of a shell step; undefined when skipped or not a shell step. */
  code?: number;
  output: string;
}

export interface JobResult {
  failed: boolean;
  steps: StepResult[];
  /** Files the job publishes (artifacts, JUnit), relative to the repository: each must exist. */
  published: string[];
}

/** The YAML block that follows `marker` in README.md. */
export function recipe(readme: string, marker: string): unknown {
  const at = readme.indexOf(marker);
  if (at < 0) throw new Error(`README has no "${marker}"`);
  const block = /```yaml\n([\s\S]*?)```/.exec(readme.slice(at));
  if (!block) throw new Error(`no yaml block after "${marker}"`);
  return parse(block[1]!);
}

/** The environment of a CI job's shell: a clean one (no variable of this test runner's), plus the job's. */
function jobEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'LANG', 'TMPDIR', 'CHROMIUM_PATH', 'PACT_DO_NOT_TRACK'];
  const base = Object.fromEntries(keep.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]!]));
  // runProcess layers onto process.env: blank every other variable of this process.
  const blank = Object.fromEntries(
    Object.keys(process.env)
      .filter((k) => !keep.includes(k))
      .map((k) => [k, undefined]),
  );
  return { ...blank, ...base, CI: 'true', ...extra };
}

async function shell(script: string, cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  const r = await runProcess('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
    cwd,
    env,
    timeoutMs: 8 * 60_000,
  });
  return { code: r.code, output: r.stdout + r.stderr };
}

interface GithubStep {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

/** `${{ vars.X }}` and `${{ secrets.X }}` from the store; any other expression is refused. */
function githubExpand(value: string, store: Record<string, string>): string {
  return value.replace(/\$\{\{\s*(vars|secrets)\.([A-Z0-9_]+)\s*\}\}/g, (_m, _kind, name: string) => {
    if (store[name] === undefined) throw new Error(`the secret store has no ${name}`);
    return store[name];
  });
}

/** Runs the `conformance` job of a GitHub Actions workflow in `repo`. */
export async function runGithubJob(workflow: unknown, repo: string, store: Record<string, string>): Promise<JobResult> {
  const job = (workflow as { jobs: Record<string, { steps: GithubStep[] }> }).jobs.conformance;
  if (!job) throw new Error('the workflow has no "conformance" job');
  const result: JobResult = { failed: false, steps: [], published: [] };
  for (const step of job.steps) {
    const name = step.name ?? step.uses ?? step.run ?? '?';
    const always = step.if === 'always()';
    if (step.if !== undefined && !always)
      throw new Error(`step "${name}": condition ${step.if} is not understood here`);
    if (step.uses) {
      const action = step.uses.replace(/@.*$/, '');
      if (action === 'actions/upload-artifact')
        result.published.push(
          ...String(step.with?.path ?? '')
            .split('\n')
            .map((p) => p.trim())
            .filter(Boolean),
        );
      else if (action === 'mikepenz/action-junit-report') result.published.push(String(step.with?.report_paths));
      else if (action !== 'actions/checkout' && action !== 'actions/cache')
        throw new Error(`step "${name}": action ${action} is not understood here`);
      result.steps.push({ name, output: '' });
      continue;
    }
    if (!step.run) throw new Error(`step "${name}" neither uses an action nor runs a command`);
    if (step.run.includes('${{')) throw new Error(`step "${name}": an expression in a command is not understood here`);
    if (result.failed && !always) {
      result.steps.push({ name, output: 'skipped' });
      continue;
    }
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, githubExpand(String(v), store)]));
    const r = await shell(step.run, repo, jobEnv({ GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: repo, ...env }));
    result.steps.push({ name, code: r.code, output: r.output });
    if (r.code !== 0) result.failed = true;
  }
  return result;
}

interface GitlabJob {
  image?: string;
  variables?: Record<string, string>;
  cache?: unknown;
  before_script?: string[];
  script: string[];
  after_script?: string[];
  artifacts?: { when?: string; paths?: string[]; reports?: { junit?: string } };
}

/** Runs the one job of a .gitlab-ci.yml in `repo`; the store holds the project's CI/CD variables. */
export async function runGitlabJob(pipeline: unknown, repo: string, store: Record<string, string>): Promise<JobResult> {
  const jobs = Object.entries(pipeline as Record<string, GitlabJob>);
  if (jobs.length !== 1) throw new Error(`the pipeline has ${jobs.length} jobs; this runner takes one`);
  const [name, job] = jobs[0]!;
  const predefined = { GITLAB_CI: 'true', CI_PROJECT_DIR: repo, CI_JOB_NAME: name };
  const variables = Object.fromEntries(
    Object.entries(job.variables ?? {}).map(([k, v]) => [
      k,
      String(v).replace(/\$(\w+)/g, (m, n: string) => (predefined as Record<string, string>)[n] ?? m),
    ]),
  );
  const env = jobEnv({ ...predefined, ...store, ...variables });
  const result: JobResult = { failed: false, steps: [], published: [] };
  // before_script and script are one shell: the first failing line ends the job.
  const main = await shell([...(job.before_script ?? []), ...job.script].join('\n'), repo, env);
  result.steps.push({ name: 'script', code: main.code, output: main.output });
  result.failed = main.code !== 0;
  if (job.after_script?.length) {
    const after = await shell(job.after_script.join('\n'), repo, env);
    result.steps.push({ name: 'after_script', code: after.code, output: after.output });
  }
  if (job.artifacts && (job.artifacts.when === 'always' || !result.failed)) {
    result.published.push(
      ...(job.artifacts.paths ?? []),
      ...(job.artifacts.reports?.junit ? [job.artifacts.reports.junit] : []),
    );
  }
  return result;
}

/** The published paths that are missing in `repo`. */
export const missingPublished = (job: JobResult, repo: string): string[] =>
  job.published.filter((p) => !existsSync(join(repo, p)));

/** A shell step's exit code by the start of its name or command. */
export function stepCode(job: JobResult, name: string): number | undefined {
  return job.steps.find((s) => s.name.startsWith(name))?.code;
}
