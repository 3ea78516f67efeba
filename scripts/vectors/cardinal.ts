// Writes vectors/cardinal-signature.json from fixed inputs (reproducible). `npx tsx scripts/vectors/cardinal.ts`
import { dxSignature, type SignatureRecipe } from '../../src/providers/cardinal/signature.ts';
import type { DxAlgorithm } from '../../schemas/cardinal.ts';
import { writeVectorFile, type DraftTest } from './common.ts';

const apiKey = 'crh-vector-api-key-1b7e';
const groups: { type: string; recipe: SignatureRecipe; algorithm: DxAlgorithm; tests: DraftTest[] }[] = [];
for (const recipe of ['timestamp+transactionId+apiKey', 'timestamp+apiKey'] as const) {
  for (const algorithm of ['SHA-256', 'SHA-512'] as const) {
    const sign = (
      timestamp: string | number,
      transactionId: string,
      key = apiKey,
      r: SignatureRecipe = recipe,
      a: DxAlgorithm = algorithm,
    ) => dxSignature({ recipe: r, algorithm: a, timestamp, transactionId, apiKey: key });
    const t = (
      comment: string,
      flags: string[],
      result: 'valid' | 'invalid',
      timestamp: string | number,
      transactionId: string,
      signature: string,
    ) => ({ comment, flags, result, timestamp, transactionId, apiKey, signature });
    const tid = '265d92d0-3868-4704-8731-b850d42ce00a';
    const iso = '2017-07-21T17:32:28Z';
    const other = algorithm === 'SHA-256' ? 'SHA-512' : 'SHA-256';
    const otherRecipe = recipe === 'timestamp+apiKey' ? 'timestamp+transactionId+apiKey' : 'timestamp+apiKey';
    const tests: DraftTest[] = [
      t('ISO-8601 timestamp, the sample TransactionId', ['IsoTimestamp'], 'valid', iso, tid, sign(iso, tid)),
      t(
        'epoch milliseconds sent as a JSON number',
        ['EpochTimestamp'],
        'valid',
        1626113191000,
        'a1b2c',
        sign(1626113191000, 'a1b2c'),
      ),
      t(
        'epoch milliseconds sent as a string',
        ['EpochTimestamp'],
        'valid',
        '1626113191000',
        'x'.repeat(55),
        sign('1626113191000', 'x'.repeat(55)),
      ),
      t(`signature made with ${other}`, ['WrongDigest'], 'invalid', iso, tid, sign(iso, tid, apiKey, recipe, other)),
      t(
        `signature of the other recipe (${otherRecipe})`,
        ['WrongRecipe'],
        'invalid',
        iso,
        tid,
        sign(iso, tid, apiKey, otherRecipe),
      ),
      t(
        'parts joined with "|"',
        ['Delimiter'],
        'invalid',
        iso,
        tid,
        dxSignature({ recipe, algorithm, timestamp: `${iso}|`, transactionId: `${tid}|`, apiKey }),
      ),
      t(
        'digest as hex instead of base64',
        ['WrongEncoding'],
        'invalid',
        iso,
        tid,
        Buffer.from(sign(iso, tid), 'base64').toString('hex'),
      ),
      t(
        'digest as base64url',
        ['WrongEncoding'],
        'invalid',
        iso,
        tid,
        Buffer.from(sign(iso, '265d92d0'), 'base64').toString('base64url'),
      ),
      t(
        'timestamp re-formatted before hashing (milliseconds added)',
        ['TimestampNotAsSent'],
        'invalid',
        iso,
        tid,
        sign('2017-07-21T17:32:28.000Z', tid),
      ),
      t('signed with another API key', ['WrongKey'], 'invalid', iso, tid, sign(iso, tid, `${apiKey}x`)),
    ];
    groups.push({ type: 'DxSignatureTest', recipe, algorithm, tests });
  }
}
// Make sure the base64url case really differs from base64 for every group (a + or / in the digest).
for (const g of groups) {
  const t = g.tests.find((x) => x.comment === 'digest as base64url')!;
  if (!/[-_]/.test(t.signature as string))
    throw new Error(`pick another input: the base64url case of ${g.recipe} ${g.algorithm} equals base64`);
}

const count = writeVectorFile(
  'vectors/cardinal-signature.json',
  {
    algorithm: 'Cardinal DX request signature: Base64(SHA-256|SHA-512(Timestamp + TransactionId + ApiKey))',
    header: [
      'Signature = Base64(digest(text)), text = Timestamp + TransactionId + ApiKey (current recipe) or Timestamp + ApiKey (older Centinel recipe), no delimiters.',
      'The Timestamp is hashed exactly as sent: a JSON number as its decimal text, a string as is.',
      'apiKey values are test-only.',
    ],
    notes: {
      IsoTimestamp: { bugType: 'FUNCTIONALITY', description: 'an ISO-8601 Timestamp' },
      EpochTimestamp: { bugType: 'FUNCTIONALITY', description: 'a Timestamp in epoch milliseconds' },
      WrongDigest: { bugType: 'MODIFIED_PARAMETER', description: 'the other digest than Algorithm names' },
      WrongRecipe: { bugType: 'MODIFIED_PARAMETER', description: 'the other signed-text recipe' },
      Delimiter: { bugType: 'MODIFIED_PARAMETER', description: 'delimiters between the parts' },
      WrongEncoding: { bugType: 'MODIFIED_PARAMETER', description: 'the digest in another encoding than base64' },
      TimestampNotAsSent: { bugType: 'EDGE_CASE', description: 'the Timestamp parsed and re-formatted before hashing' },
      WrongKey: { bugType: 'AUTH_BYPASS', description: 'signed with another API key' },
    },
    source: {
      description: 'Generated by scripts/vectors/cardinal.ts from fixed inputs with node:crypto.',
      independentChecks: ['node:crypto createHash', '@noble/hashes sha256/sha512'],
    },
  },
  groups,
);
console.log(`wrote vectors/cardinal-signature.json (${count} tests)`);
