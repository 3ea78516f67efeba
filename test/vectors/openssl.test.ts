// The RSA key-wrap vectors of Solaris checked by the OpenSSL command line as well, a third
// implementation beside the harness's decoders and Java SunJCE (which `card-reveal-harness vectors`
// runs, one JVM per file): a process per test is fine here, outside the timed command. Runs where
// openssl is installed; elsewhere it is skipped with the reason.
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { loadVectorFile } from '../../src/core/vectors.ts';
import { opensslAvailable, opensslRsa, type RsaPadding } from '../../src/vectors/openssl.ts';

const vectors = fileURLToPath(new URL('../../vectors/solaris-rsa-decrypt.json', import.meta.url));

test('solaris-rsa-decrypt.json: the OpenSSL CLI agrees on every test', () => {
  test.skip(!opensslAvailable(), 'openssl is not installed');
  const file = loadVectorFile(vectors);
  const disagreements: number[] = [];
  let checked = 0;
  for (const g of file.testGroups as unknown as {
    type: string;
    mgfSha?: string;
    privateKeyPkcs8: string;
    tests: { tcId: number; result: string; msg: string; ct: string }[];
  }[]) {
    const padding: RsaPadding =
      g.type === 'RsaesPkcs1Decrypt'
        ? { mode: 'pkcs1' }
        : { mode: 'oaep', md: 'sha256', mgf1: g.mgfSha === 'SHA-1' ? 'sha1' : 'sha256' };
    const rsa = opensslRsa(Buffer.from(g.privateKeyPkcs8, 'hex'));
    try {
      for (const t of g.tests) {
        checked++;
        const out = rsa.decrypt(Buffer.from(t.ct, 'hex'), padding);
        const agrees = t.result === 'valid' ? out?.toString('hex') === t.msg : out === undefined;
        if (!agrees) disagreements.push(t.tcId);
      }
    } finally {
      rsa.close();
    }
  }
  expect(checked, 'tests checked').toBe(file.numberOfTests);
  expect(disagreements, 'tcIds where OpenSSL disagrees with the vectors').toEqual([]);
});
