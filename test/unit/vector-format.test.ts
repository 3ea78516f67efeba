// The vector format itself: a well-formed file passes, and each kind of corruption is refused.
import { expect, test } from '@playwright/test';
import { checkVectorFile } from '../../src/core/vectors.ts';

const good = () => ({
  algorithm: 'EXAMPLE',
  schema: 'vectors/schema.json',
  numberOfTests: 2,
  header: ['format check'],
  notes: { Tampered: { bugType: 'AUTH_BYPASS', description: 'a flipped bit must be refused' } },
  source: { description: 'hand-written', independentChecks: ['node:crypto', '@noble/ciphers'] },
  testGroups: [
    {
      type: 'ExampleTest',
      keySize: 128,
      tests: [
        { tcId: 1, comment: 'ok', flags: [], result: 'valid', msg: '00' },
        { tcId: 2, comment: 'tampered', flags: ['Tampered'], result: 'invalid', msg: '01' },
      ],
    },
  ],
});

test('a well-formed vector file passes', () => {
  expect(checkVectorFile(good()).numberOfTests).toBe(2);
});

const corruptions: [string, (f: ReturnType<typeof good>) => void, RegExp][] = [
  ['duplicate tcId', (f) => (f.testGroups[0]!.tests[1]!.tcId = 1), /not unique/],
  ['gap in tcIds', (f) => (f.testGroups[0]!.tests[1]!.tcId = 3), /1\.\.2/],
  ['wrong numberOfTests', (f) => (f.numberOfTests = 3), /numberOfTests/],
  ['unexplained flag', (f) => f.testGroups[0]!.tests[0]!.flags.push('Mystery'), /Mystery/],
  ['unknown result', (f) => ((f.testGroups[0]!.tests[0] as { result: string }).result = 'maybe'), /schema/],
  ['one independent check only', (f) => f.source.independentChecks.pop(), /schema/],
  ['missing comment', (f) => delete (f.testGroups[0]!.tests[0] as { comment?: string }).comment, /schema/],
];

for (const [name, corrupt, message] of corruptions) {
  test(`a vector file with a ${name} is refused`, () => {
    const f = good();
    corrupt(f);
    expect(() => checkVectorFile(f)).toThrow(message);
  });
}
