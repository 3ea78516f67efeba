// The OpenSSL command line as an implementation that shares no code with the harness: RSA
// decryption with an explicit padding, OAEP digest and MGF1 digest.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type RsaPadding = { mode: 'oaep'; md: 'sha1' | 'sha256'; mgf1: 'sha1' | 'sha256' } | { mode: 'pkcs1' };

export function opensslAvailable(): boolean {
  return spawnSync('openssl', ['version'], { stdio: 'ignore' }).status === 0;
}

/** A session holding one private key in a temporary PEM file. */
export function opensslRsa(privateKeyPkcs8Der: Buffer) {
  const dir = mkdtempSync(join(tmpdir(), 'crh-openssl-'));
  const keyFile = join(dir, 'key.der');
  writeFileSync(keyFile, privateKeyPkcs8Der);
  return {
    /** The plaintext, or undefined when OpenSSL refuses the ciphertext. */
    decrypt(ciphertext: Buffer, p: RsaPadding): Buffer | undefined {
      const opts =
        p.mode === 'pkcs1'
          ? ['-pkeyopt', 'rsa_padding_mode:pkcs1']
          : [
              '-pkeyopt',
              'rsa_padding_mode:oaep',
              '-pkeyopt',
              `rsa_oaep_md:${p.md}`,
              '-pkeyopt',
              `rsa_mgf1_md:${p.mgf1}`,
            ];
      try {
        return execFileSync('openssl', ['pkeyutl', '-decrypt', '-keyform', 'DER', '-inkey', keyFile, ...opts], {
          input: ciphertext,
          stdio: ['pipe', 'pipe', 'ignore'],
        });
      } catch {
        return undefined;
      }
    },
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}
