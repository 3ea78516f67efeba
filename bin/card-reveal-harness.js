#!/usr/bin/env node
// The harness is written in TypeScript. `npm run build` (run by scripts/install.sh and npm test)
// compiles and bundles the CLI into .build/cli/; while that build is newer than every source file,
// the CLI runs from it as plain JavaScript and starts in about a quarter of a second. Otherwise (a source edited
// since, or no build) tsx loads the sources, which is correct but slower to start. An installed
// package has no sources, only the build (package.json `files`).
import { existsSync, readdirSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const SOURCES = ['src', 'mocks', 'schemas', 'specs/fixtures'];

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.(ts|mjs)$/.test(entry.name))
      newest = Math.max(newest, statSync(`${entry.parentPath ?? entry.path}/${entry.name}`).mtimeMs);
  }
  return newest;
}

function buildIsCurrent() {
  if (!existsSync(new URL('playwright.config.ts', root))) return true;
  try {
    const built = statSync(new URL('.build/stamp', root)).mtimeMs;
    return SOURCES.every((d) => newestSource(new URL(d, root)) <= built);
  } catch {
    return false;
  }
}

if (buildIsCurrent()) {
  await import('../.build/cli/main.mjs');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
