// Debian's Chromium, not a browser Playwright downloads (there is no network to download from).
import { existsSync } from 'node:fs';
import { networkSettings, noProxyOf, proxyOf } from './network.ts';

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/**
 * The features Playwright 1.65 disables (playwright-core's chromiumSwitches.ts). Chromium honours
 * only the last `--disable-features` of its command line, and Playwright puts a caller's arguments
 * after its own: a list of ours alone would switch all of these back on. test/unit/browser.test.ts
 * keeps this copy in step with the installed Playwright.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * The harness's own: Local Network Access off, since a merchant page served by routing at a
 * sandbox's agreed origin (specs/enfuce/merchant.ts) counts as public to Chromium, which would then
 * block a frame from a loopback or private sandbox (no documented rule concerns it; frame-ancestors
 * still applies); and the WebUI omnibox popups, two renderers a headless browser preloads and never
 * shows (about 3.5 of the browser checks' 9 CPU-seconds).
 */
const HARNESS_DISABLED_FEATURES = [
  'LocalNetworkAccessChecks',
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
  'OmniboxAimPopup',
];

/**
 * Chromium's way to a target, from the same settings as every other client (network.ts): the
 * proxy CI names (Playwright proxies loopback too), and trust of exactly the targets' keys the CLI
 * verified against the CAs given (tls-probe.ts): Chromium has no CA option of its own, and its
 * certificate checks stay on for every other key.
 */
function chromiumNetwork(env: NodeJS.ProcessEnv) {
  // One proxy for the browser's traffic, which is https to a sandbox.
  const proxy = proxyOf('https:', env);
  const noProxy = noProxyOf(env);
  const pins = networkSettings(env).browserSpki ?? [];
  return {
    args: pins.length ? [`--ignore-certificate-errors-spki-list=${pins.join(',')}`] : [],
    ...(proxy ? { proxy: { server: proxy, ...(noProxy ? { bypass: noProxy } : {}) } } : {}),
  };
}

/** Options of every browser context: the client certificate, shown to the targets' origins (mutual TLS). */
export function browserContextOptions(env: NodeJS.ProcessEnv = process.env) {
  const s = networkSettings(env);
  if (!s.clientCert || !s.clientKey || !s.browserOrigins?.length) return {};
  return {
    clientCertificates: s.browserOrigins.map((origin) => ({ origin, certPath: s.clientCert!, keyPath: s.clientKey! })),
  };
}

export function chromiumLaunchOptions(env: NodeJS.ProcessEnv = process.env) {
  const network = chromiumNetwork(env);
  return {
    executablePath: chromiumPath(env),
    ...(network.proxy ? { proxy: network.proxy } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
      `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...HARNESS_DISABLED_FEATURES].join(',')}`,
      ...network.args,
    ],
  };
}

export function chromiumAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  return existsSync(chromiumPath(env));
}
