// Debian's Chromium, not a browser Playwright downloads (there is no network to download from).
import { existsSync } from 'node:fs';

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export function chromiumLaunchOptions(env: NodeJS.ProcessEnv = process.env) {
  return {
    executablePath: chromiumPath(env),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
  };
}

export function chromiumAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  return existsSync(chromiumPath(env));
}
