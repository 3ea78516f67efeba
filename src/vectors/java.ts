// Java's own providers (SunJCE) as an implementation that shares no code with the harness, nor
// with OpenSSL: RSA decryption with OAEP (SHA-256, MGF1 SHA-1 or SHA-256) or PKCS #1 v1.5. One JVM
// answers every ciphertext of a vector file (java/RsaDecrypt.java), instead of a process per test.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromRoot } from '../core/root.ts';
import type { RsaPadding } from './openssl.ts';

let available: boolean | undefined;
export function javaAvailable(): boolean {
  return (available ??= spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0);
}

export interface RsaJob {
  privateKeyPkcs8: Buffer;
  ciphertext: Buffer;
  padding: RsaPadding;
}

function mode(p: RsaPadding): string {
  if (p.mode === 'pkcs1') return 'pkcs1';
  if (p.md !== 'sha256') throw new Error(`RsaDecrypt.java has no OAEP with ${p.md}`);
  return p.mgf1 === 'sha1' ? 'oaep-sha256-mgf1sha1' : 'oaep-sha256-mgf1sha256';
}

const SOURCE = fromRoot('src/vectors/java/RsaDecrypt.java');

/**
 * The java arguments that run RsaDecrypt: its class, compiled once per source text into the system's
 * temporary folder (a JVM then starts in a fraction of the second the source launcher spends
 * compiling), or the source itself where there is no javac.
 */
function rsaDecryptCommand(): string[] {
  const dir = join(
    tmpdir(),
    `crh-java-${createHash('sha256').update(readFileSync(SOURCE)).digest('hex').slice(0, 16)}`,
  );
  if (!existsSync(join(dir, 'RsaDecrypt.class'))) {
    // Compiled beside it, then renamed into place: a JVM started meanwhile never reads half a class.
    const fresh = mkdtempSync(`${dir}-`);
    if (spawnSync('javac', ['-d', fresh, SOURCE], { stdio: 'ignore' }).status !== 0) return [SOURCE];
    try {
      renameSync(fresh, dir);
    } catch {
      rmSync(fresh, { recursive: true, force: true }); // another process put it in place first
    }
  }
  return ['-cp', dir, 'RsaDecrypt'];
}

/** Each job's plaintext, or undefined where Java refused the ciphertext; one JVM for all of them. */
export function javaRsaDecryptAll(jobs: readonly RsaJob[]): (Buffer | undefined)[] {
  if (!jobs.length) return [];
  const input = jobs
    .map((j, i) => `${i} ${mode(j.padding)} ${j.privateKeyPkcs8.toString('hex')} ${j.ciphertext.toString('hex')}`)
    .join('\n');
  const r = spawnSync('java', ['-XX:TieredStopAtLevel=1', ...rsaDecryptCommand()], {
    input: `${input}\n`,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (r.status !== 0)
    throw new Error(`java RsaDecrypt exited with ${r.status ?? r.signal}: ${(r.stderr ?? '').split('\n')[0]}`);
  const answers = new Map(
    r.stdout
      .trim()
      .split('\n')
      .map((l) => l.split(' '))
      .map(
        ([id, verdict, plaintext]) =>
          [Number(id), verdict === 'OK' ? Buffer.from(plaintext ?? '', 'hex') : undefined] as const,
      ),
  );
  if (answers.size !== jobs.length)
    throw new Error(`java RsaDecrypt answered ${answers.size} of ${jobs.length} ciphertexts`);
  return jobs.map((_, i) => answers.get(i));
}
