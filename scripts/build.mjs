// npm run build: compiles the CLI into .build/ (tsconfig.build.json) and stamps it; bin/ runs the
// build while the stamp is newer than every source file.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
writeFileSync('.build/stamp', `${new Date().toISOString()}\n`);
