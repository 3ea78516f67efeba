// The RSA key-wrap vectors of Solaris checked by Java's SunJCE, an implementation that shares no
// code with the harness (the "RSA/ECB/OAEPWithSHA-256AndMGF1Padding" check). Runs where a
// JDK is installed; elsewhere it is skipped with the reason.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { loadVectorFile } from '../../src/core/vectors.ts';

const javaFile = fileURLToPath(new URL('./java/RsaDecrypt.java', import.meta.url));
const vectors = fileURLToPath(new URL('../../vectors/solaris-rsa-decrypt.json', import.meta.url));
const hasJava = spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;

test('solaris-rsa-decrypt.json: Java SunJCE agrees on every test', () => {
  test.skip(!hasJava, 'no JDK on this machine (java not found)');
  test.setTimeout(120_000);
  const file = loadVectorFile(vectors);
  const lines: string[] = [];
  const expected = new Map<number, string>();
  for (const g of file.testGroups as unknown as { type: string; mgfSha?: string; privateKeyPkcs8: string; tests: { tcId: number; result: string; msg: string; ct: string }[] }[]) {
    const mode = g.type === 'RsaesPkcs1Decrypt' ? 'pkcs1' : g.mgfSha === 'SHA-1' ? 'oaep-sha256-mgf1sha1' : 'oaep-sha256-mgf1sha256';
    for (const t of g.tests) {
      lines.push(`${t.tcId} ${mode} ${g.privateKeyPkcs8} ${t.ct}`);
      expected.set(t.tcId, t.result === 'valid' ? `OK ${t.msg}` : 'ERR');
    }
  }
  const r = spawnSync('java', [javaFile], { input: `${lines.join('\n')}\n`, encoding: 'utf8', timeout: 110_000 });
  expect(r.status, r.stderr).toBe(0);
  const got = new Map(r.stdout.trim().split('\n').map((l) => [Number(l.split(' ')[0]), l.split(' ').slice(1).join(' ')] as const));
  const disagreements = [...expected].filter(([id, want]) => got.get(id) !== want).map(([id]) => id);
  expect(got.size, 'answers from Java').toBe(expected.size);
  expect(disagreements, 'tcIds where Java disagrees with the vectors').toEqual([]);
});
