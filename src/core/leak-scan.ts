// Searches every file a run left for seeded card data: a PAN in any grouping, and a CVV or PIN
// next to its label. (A bare 3-digit CVV would match timestamps and durations by chance, so
// short secrets count only where something names them.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { maskPan, type CardSecrets } from './mask.ts';

export interface Leak {
  file: string;
  what: string;
}

export interface ScanResult {
  filesScanned: number;
  leaks: Leak[];
  /** Compressed files the scan cannot look into (traces, zips): none should exist. */
  opaque: string[];
}

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(p);
    else if (entry.isFile()) yield p;
  }
}

const OPAQUE = /\.(zip|gz|br|png|jpe?g|webm|webp)$/i;

export function scanForCardData(dirs: readonly string[], cards: readonly CardSecrets[]): ScanResult {
  const patterns: { re: RegExp; what: string }[] = [];
  for (const c of cards) {
    if (c.pan) {
      const digits = c.pan.replace(/\D/g, '');
      patterns.push({
        re: new RegExp(`(?<!\\d)${digits.split('').join('[\\s-]?')}(?!\\d)`),
        what: `PAN ${maskPan(digits)}`,
      });
    }
    for (const [label, secret] of [
      ['CVV', c.cvv],
      ['PIN', c.pin],
    ] as const) {
      if (secret) {
        patterns.push({
          re: new RegExp(`(cvv2?|cvc2?|pin|security.?code)[^0-9]{0,40}(?<!\\d)${secret}(?!\\d)`, 'i'),
          what: `${label} of ${c.pan ? maskPan(c.pan) : 'a card'}`,
        });
      }
    }
  }
  const result: ScanResult = { filesScanned: 0, leaks: [], opaque: [] };
  for (const dir of dirs) {
    let isDir = false;
    try {
      isDir = statSync(dir).isDirectory();
    } catch {
      continue;
    }
    if (!isDir) continue;
    for (const file of files(dir)) {
      const rel = relative(process.cwd(), file);
      if (OPAQUE.test(file)) {
        result.opaque.push(rel);
        continue;
      }
      result.filesScanned++;
      const text = withoutTimings(readFileSync(file).toString('latin1'));
      for (const p of patterns) if (p.re.test(text)) result.leaks.push({ file: rel, what: p.what });
    }
  }
  return result;
}

/**
 * Report timings are numbers, never card data: a step titled "the PIN" that took 287 ms must not
 * read as "PIN … 287". Timing fields of JSON (Allure, Playwright) and JUnit's time="…" are blanked.
 */
export function withoutTimings(text: string): string {
  return text
    .replace(/"(duration|start|stop|startTime|time|timestamp)"\s*:\s*[\d.]+/g, '"$1":#')
    .replace(/\btime="[\d.]+"/g, 'time="#"');
}
