// What a report needs to be compared with another: the harness's version, the mode (--strict), and
// the CI build that ran it (from the variables the usual CI systems set).
import { readFileSync } from 'node:fs';
import { runSettings } from './settings.ts';
import { fromRoot } from './root.ts';

export interface RunContext {
  version: string;
  strict: boolean;
  ci?: { system: string; build: string; url?: string };
}

function ciBuild(env: NodeJS.ProcessEnv): RunContext['ci'] {
  if (env.GITHUB_ACTIONS && env.GITHUB_RUN_ID) {
    const url =
      env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY
        ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined;
    return {
      system: 'GitHub Actions',
      build: `${env.GITHUB_RUN_ID}${env.GITHUB_RUN_ATTEMPT ? `.${env.GITHUB_RUN_ATTEMPT}` : ''}`,
      ...(url ? { url } : {}),
    };
  }
  if (env.GITLAB_CI && env.CI_PIPELINE_ID)
    return {
      system: 'GitLab CI',
      build: `${env.CI_PIPELINE_ID}${env.CI_JOB_ID ? `/${env.CI_JOB_ID}` : ''}`,
      ...(env.CI_JOB_URL ? { url: env.CI_JOB_URL } : {}),
    };
  if (env.JENKINS_URL && env.BUILD_NUMBER)
    return { system: 'Jenkins', build: env.BUILD_NUMBER, ...(env.BUILD_URL ? { url: env.BUILD_URL } : {}) };
  if (env.CIRCLECI && env.CIRCLE_BUILD_NUM)
    return {
      system: 'CircleCI',
      build: env.CIRCLE_BUILD_NUM,
      ...(env.CIRCLE_BUILD_URL ? { url: env.CIRCLE_BUILD_URL } : {}),
    };
  if (env.BUILDKITE && env.BUILDKITE_BUILD_NUMBER)
    return {
      system: 'Buildkite',
      build: env.BUILDKITE_BUILD_NUMBER,
      ...(env.BUILDKITE_BUILD_URL ? { url: env.BUILDKITE_BUILD_URL } : {}),
    };
  return undefined;
}

let version: string | undefined;

export function runContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  version ??= (JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { version: string }).version;
  const ci = ciBuild(env);
  return { version, strict: runSettings(env).strict, ...(ci ? { ci } : {}) };
}
