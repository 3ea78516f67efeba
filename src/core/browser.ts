// Debian's Chromium, not a browser Playwright downloads (there is no network to download from).
import { existsSync } from 'node:fs';

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export function chromiumLaunchOptions(env: NodeJS.ProcessEnv = process.env) {
  return {
    executablePath: chromiumPath(env),
    // Local Network Access off: a merchant page served by routing at a sandbox's agreed origin
    // (specs/enfuce/merchant.ts) counts as public to Chromium, which would then block a frame from
    // a loopback or private sandbox. No documented rule concerns it; frame-ancestors still applies.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync', '--disable-features=LocalNetworkAccessChecks,WebUIOmniboxPopup,WebUIOmniboxAimPopup,OmniboxAimPopup'],
  };
}

export function chromiumAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  return existsSync(chromiumPath(env));
}
