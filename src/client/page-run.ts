// Runs a web page's reveal (`client <provider> --page <url> -- <backend>`) against a provider's page
// cases: the reference mock (with control: a frame key is agreed for the page's origin), one
// adversary per case in front of it, the page's backend started per case with the case's
// variables, and Chromium opening the page. Cases run one after another: they share the page's port.
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Frame } from '@playwright/test';
import { browserContextOptions, chromiumLaunchOptions } from '../core/browser.ts';
import { startMockWithVars } from '../core/mock-process.ts';
import { listenFor } from './adversary.ts';
import { appMasker, caseRecord } from './case-record.ts';
import { CommandNotStarted } from './command.ts';
import type { ClientCaseRecord, ClientRunRecord } from './record.ts';
import type { PageCase, PageObservation, PageSide } from './side.ts';

export interface PageRunOptions {
  side: PageSide;
  pageUrl: string;
  /** The command that serves the page (started per case), or none when the page is served already. */
  backend: readonly string[];
  /** A selector the harness clicks to start the reveal, if the page waits for a user. */
  reveal?: string;
  cases: readonly PageCase[];
  /** How long a case waits for the page to settle. */
  timeoutMs: number;
}

// Every frame records what it receives by postMessage (Playwright's init scripts reach cross-origin
// frames, and run before the frame's own scripts, whatever its Content-Security-Policy).
const FRAME_SPY = `if (window.top !== window) {
  window.__crhMessages = [];
  window.addEventListener('message', (e) => {
    window.__crhMessages.push({ data: e.data, origin: e.origin, afterLoad: document.readyState === 'complete' });
  }, true);
}`;

async function startBackend(
  argv: readonly string[],
  env: Record<string, string>,
): Promise<{ child?: ChildProcess; output: () => string }> {
  if (!argv.length) return { output: () => '' };
  let output = '';
  const child = spawn(argv[0]!, argv.slice(1), {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout!.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-20_000)));
  child.stderr!.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-20_000)));
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (e) => reject(new CommandNotStarted(`the page's backend could not be started: ${e.message}`)));
  });
  return { child, output: () => output };
}

const stop = (child?: ChildProcess) => {
  if (!child || child.exitCode !== null) return Promise.resolve();
  const gone = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
  return gone;
};

/** Waits until the page answers (its backend listening), or says why not. */
async function pageAnswers(url: string, untilMs: number, backend?: ChildProcess): Promise<string | undefined> {
  for (;;) {
    if (backend && backend.exitCode !== null)
      return `the page's backend ended (exit code ${backend.exitCode}) before it served ${url}`;
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (r.status < 500) return undefined;
    } catch {
      // not listening yet
    }
    if (Date.now() > untilMs) return `${url} did not answer within the time limit`;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function advanceMockClock(mockUrl: string, ms: number): Promise<void> {
  const r = await fetch(`${mockUrl}/__mock/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advanceMs: ms }),
  });
  if (r.status !== 200) throw new Error(`the mock's clock did not move (${r.status})`);
}

async function frameOf(frames: Frame[]) {
  for (const f of frames.slice(1)) {
    try {
      const state = await f.evaluate(() => document.body?.dataset.state ?? '');
      if (state) return { frame: f, state };
    } catch {
      // a frame navigating or gone
    }
  }
  return undefined;
}

async function runPageCase(
  o: PageRunOptions,
  c: PageCase,
  vars: Record<string, string>,
  mockUrl: string,
  browser: Awaited<ReturnType<typeof chromium.launch>>,
): Promise<ClientCaseRecord> {
  const start = Date.now();
  const { adversary, server } = await listenFor(mockUrl, (self) => c.adversary(vars, self));
  const backend = await startBackend(o.backend, adversary.env(server.url));
  const consoleLines: string[] = [];
  const seen: PageObservation = { frameMessages: [], frameState: '', frameText: '', places: [], revealed: false };
  const context = await browser.newContext(browserContextOptions());
  try {
    const why = await pageAnswers(o.pageUrl, Date.now() + o.timeoutMs, backend.child);
    if (why) seen.error = why;
    else {
      await context.addInitScript(FRAME_SPY);
      const page = await context.newPage();
      page.on('console', (m) => consoleLines.push(m.text()));
      if (c.clock?.pageForwardMs) await page.clock.install();
      await page.goto(o.pageUrl);
      if (o.reveal) {
        // A user who looks at the page a while before asking to see the card.
        if (c.clock?.mockAdvanceBeforeRevealMs) {
          // Whatever the page asks for as it loads is asked before the user waits.
          await page.waitForLoadState('networkidle');
          await advanceMockClock(mockUrl, c.clock.mockAdvanceBeforeRevealMs);
        }
        await page.click(o.reveal, { timeout: o.timeoutMs });
        seen.revealed = true;
      }
      const until = Date.now() + o.timeoutMs;
      for (;;) {
        const f = await frameOf(page.frames());
        seen.frameState = f?.state ?? '';
        if (adversary.settled(seen) || Date.now() > until) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      if (c.clock?.pageForwardMs) {
        await page.clock.fastForward(c.clock.pageForwardMs);
        seen.frameOpenAfterForward = await page
          .locator('iframe')
          .first()
          .isVisible()
          .catch(() => false);
      }
      for (const f of page.frames().slice(1)) {
        try {
          seen.frameMessages.push(
            ...(await f.evaluate(
              () => (window as unknown as { __crhMessages?: PageObservation['frameMessages'] }).__crhMessages ?? [],
            )),
          );
          const state = await f.evaluate(() => document.body?.dataset.state ?? '');
          if (state) seen.frameText = await f.evaluate(() => document.body.innerText);
        } catch {
          // a frame of another origin that is gone
        }
      }
      const storage = await page
        .evaluate(() =>
          JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie }),
        )
        .catch(() => '');
      seen.places.push(
        { where: "the page's storage and cookies", text: storage },
        { where: 'cookies of the browser', text: JSON.stringify(await context.cookies()) },
        { where: "the page's URL", text: page.url() },
        { where: "the page's console", text: consoleLines.join('\n') },
      );
    }
  } catch (e) {
    seen.error = `the browser could not run the page: ${(e as Error).message.split('\n')[0]}`;
  } finally {
    await context.close();
    await stop(backend.child);
    await server.close();
  }
  return caseRecord({
    provider: o.side.provider,
    c,
    harnessErrors: server.errors(),
    judge: () => adversary.judge(seen),
    runs: [
      {
        ended: seen.error ?? `the frame is ${seen.frameState || 'not there'}`,
        ok: !seen.error,
        stdout: consoleLines.join('\n'),
        stderr: backend.output(),
        durationMs: Date.now() - start,
      },
    ],
    mask: appMasker([o.side.card(vars)]),
    start,
  });
}

export async function runPageCases(o: PageRunOptions): Promise<ClientRunRecord> {
  const mock = await startMockWithVars(o.side.provider);
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const vars = await o.side.prepare(mock.url, mock.env, new URL(o.pageUrl).origin);
    const cases: ClientCaseRecord[] = [];
    for (const c of o.cases) cases.push(await runPageCase(o, c, vars, mock.url, browser));
    return {
      generatedAt: new Date().toISOString(),
      provider: o.side.provider,
      command: `${o.pageUrl}${o.backend.length ? ` (served by ${o.backend.join(' ')})` : ''}`,
      cases,
    };
  } finally {
    await browser.close();
    await mock.stop();
  }
}
