// Every known-answer vector file passes its format check and every independent implementation;
// and a corrupted copy of each fails, so the check is known to be able to fail.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { checkVectorFile, loadVectorFile, type VectorFile } from '../../src/core/vectors.ts';
import { vectorCheckers } from '../../src/vectors/index.ts';
import { vectorFileNames } from '../../src/vectors/timing.ts';

const dir = fileURLToPath(new URL('../../vectors/', import.meta.url));
const files = vectorFileNames();

test('every vector file has a checker', () => {
  expect(files.sort()).toEqual(Object.keys(vectorCheckers).sort());
});

for (const name of files) {
  test(`${name}: every test passes in every independent implementation`, async () => {
    const file = loadVectorFile(`${dir}${name}`);
    const { checked, failures } = await vectorCheckers[name]!(file);
    expect(checked).toBe(file.numberOfTests);
    expect(failures).toEqual([]);
    expect(file.source.independentChecks.length).toBeGreaterThanOrEqual(2);
    expect(
      file.testGroups.flatMap((g) => g.tests).some((t) => t.result === 'invalid'),
      'invalid cases present',
    ).toBe(true);
  });

  test(`${name}: a corrupted copy fails the check`, async () => {
    const original = JSON.parse(readFileSync(`${dir}${name}`, 'utf8')) as VectorFile;
    const tests = () => copy.testGroups.flatMap((g) => g.tests);
    let copy = structuredClone(original);
    // 1. A valid test's expected output changed.
    const valid = tests().find((t) => t.result === 'valid')!;
    const field = ['secret', 'msg', 'pin', 'shared', 'okm', 'signature', 'signedString'].find(
      (f) => typeof valid[f] === 'string' && (valid[f] as string).length > 0,
    )!;
    valid[field] = (valid[field] as string).replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    expect(
      (await vectorCheckers[name]!(checkVectorFile(copy))).failures.map((f) => f.tcId),
      `changed ${field}`,
    ).toContain(valid.tcId);
    // 2. An invalid test relabelled valid.
    copy = structuredClone(original);
    const invalid = tests().find((t) => t.result === 'invalid')!;
    invalid.result = 'valid';
    expect(
      (await vectorCheckers[name]!(checkVectorFile(copy))).failures.map((f) => f.tcId),
      'invalid relabelled',
    ).toContain(invalid.tcId);
    // 3. A structural corruption is refused by the format check.
    copy = structuredClone(original);
    copy.numberOfTests += 1;
    expect(() => checkVectorFile(copy)).toThrow(/numberOfTests/);
  });
}

// Files whose groups go to a checker by their `type`: a group no checker claims is a failure.
for (const name of ['exa-card-fields.json', 'plumery-envelope.json']) {
  test(`${name}: a group of a type with no checker fails the check`, async () => {
    const copy = JSON.parse(readFileSync(`${dir}${name}`, 'utf8')) as VectorFile;
    copy.testGroups[0]!.type = 'NoSuchTest';
    const { failures } = await vectorCheckers[name]!(checkVectorFile(copy));
    expect(failures.map((f) => f.problem)).toContain('group types without a checker: NoSuchTest');
  });
}
