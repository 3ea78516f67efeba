// The check both browser-driving commands (run, client --page) make before anything starts; its own
// module, so that the text commands, which load usage.ts, do not load the network settings.
import { chromiumAvailable, chromiumPath } from '../core/browser.ts';
import { UsageError } from './usage.ts';

/** Chromium is there, or a UsageError that says how to get it. */
export function chromiumOrUsageError(): void {
  if (!chromiumAvailable())
    throw new UsageError(
      `no Chromium at ${chromiumPath()}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`,
    );
}
