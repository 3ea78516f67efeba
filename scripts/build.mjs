// npm run build: compiles the harness into .build/ (tsconfig.build.json), bundles its CLI into
// .build/cli/ and stamps it; bin/ runs the bundle while the stamp is newer than every source file.
// The bundle holds the CLI's own modules and zod (a hundred small files, most of a text command's
// start-up), split at each command's dynamic import so that a command loads only what it needs;
// every other package stays external (native code, files found beside their own modules).
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);

// Plain JavaScript a command hands to another Node (report's --import): beside the compiled modules.
copyFileSync('src/cli/iterator-to-array.mjs', '.build/src/cli/iterator-to-array.mjs');

const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8'));
const bundled = new Set(['zod', '@noble/curves', '@noble/hashes', '@noble/ciphers', 'jose']);
rmSync('.build/cli', { recursive: true, force: true });
await build({
  entryPoints: { main: '.build/src/cli/main.js' },
  outdir: '.build/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunk-[hash]',
  external: Object.keys(dependencies).filter((d) => !bundled.has(d)),
  logLevel: 'warning',
});
writeFileSync('.build/stamp', `${new Date().toISOString()}\n`);
