// The project's root folder (where package.json is), whether this code runs from its TypeScript
// source or compiled into .build/ (tsconfig.build.json): paths to data files start here. And where
// the harness's own modules are: a checkout runs their TypeScript; an installed package holds no
// TypeScript (package.json `files`), only their JavaScript in .build/, which `prepack` compiles,
// so that nothing inside node_modules needs a TypeScript loader.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the project. */
export const fromRoot = (...parts: string[]): string => join(projectRoot, ...parts);

/** An installed package: its root has the compiled config, not the TypeScript one. */
const packaged = !existsSync(join(projectRoot, 'playwright.config.ts'));

/** The extension of the harness's modules here: `.ts` in a checkout, `.js` in a package. */
export const CODE_EXT = packaged ? '.js' : '.ts';

/** A module of the harness by its source path (`specs/fixtures/pact.ts`): the file that runs here. */
export const codeFile = (source: string): string =>
  packaged ? join(projectRoot, '.build', source.replace(/\.ts$/, '.js')) : join(projectRoot, source);
