// DEPARTS from the harness's default (PLM-CLIENT-FRESH-KEY, a warning): one key pair made the first
// time the app runs, kept in a file and sent with every request, where the server makes a new
// ephemeral key each time.
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decrypt, keyPair, main } from '../reveal-node.mjs';

const file = join(tmpdir(), `plumery-app-key-${process.env.PLUMERY_CARD_TOKEN}.pem`);
if (!existsSync(file))
  writeFileSync(file, keyPair().privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
const privateKey = createPrivateKey(readFileSync(file, 'utf8'));
const header = createPublicKey(privateKey).export({ type: 'spki', format: 'der' }).toString('base64');

await main({ keyPair: () => ({ privateKey, header }), decrypt });
