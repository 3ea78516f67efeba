import { expect, test } from '@playwright/test';
import { randomBytes, randomUUID } from 'node:crypto';
import { luhnValid, maskPan, panLikeNumbers, Redactor } from '../../src/core/mask.ts';
import { scanForCardData } from '../../src/core/leak-scan.ts';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

test('Luhn: known valid and invalid numbers', () => {
  // Public test numbers from card-network documentation, not computed by the code under test.
  expect(luhnValid('4111111111111111')).toBe(true);
  expect(luhnValid('5555555555554444')).toBe(true);
  expect(luhnValid('378282246310005')).toBe(true);
  expect(luhnValid('4111111111111112')).toBe(false);
  expect(luhnValid('12ab')).toBe(false);
});

test('maskPan keeps the last four digits only', () => {
  expect(maskPan('4111 1111 1111 1111')).toBe('****1111');
  expect(maskPan('123')).toBe('****');
});

test('the redactor masks PANs in any grouping, and known short secrets as whole numbers', () => {
  const r = new Redactor([{ pan: '4929170463821570', cvv: '417', pin: '2580' }]);
  const text =
    'pan 4929170463821570, grouped 4929 1704 6382 1570, dashed 4929-1704-6382-1570, cvv 417, pin 2580, port 44170, other 4111111111111111';
  const out = r.redact(text);
  for (const secret of [
    '4929170463821570',
    '4929 1704 6382 1570',
    '4929-1704-6382-1570',
    ' 417,',
    '2580',
    '4111111111111111',
  ]) {
    expect(out).not.toContain(secret);
  }
  expect(out).toContain('****1570');
  expect(out).toContain('port 44170');
});

test('a non-Luhn long number is left readable', () => {
  expect(new Redactor().redact('order 1234567890123456')).toBe('order 1234567890123456');
});

test('the leak scan finds a PAN in any grouping and a labelled CVV, and nothing in clean files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leak-'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'clean.txt'), 'duration 417 ms, card ****1570');
  writeFileSync(join(dir, 'sub', 'pan.json'), '{"x":"4929 1704 6382 1570"}');
  writeFileSync(join(dir, 'cvv.html'), '<span>CVV2</span><span>417</span>');
  writeFileSync(join(dir, 'trace.zip'), 'PK');
  // A step named after the PIN that happened to take as many milliseconds as the CVV is not a leak…
  writeFileSync(join(dir, 'steps.json'), '{"name":"[EXA-PIN-BLOCK] the PIN","duration":417,"stop":417}');
  writeFileSync(join(dir, 'junit.xml'), '<testcase name="the CVV2 check" time="0.417">');
  // …but the same number in a value is.
  writeFileSync(join(dir, 'value.json'), '{"name":"the PIN","value":417}');
  const r = scanForCardData([dir], [{ pan: '4929170463821570', cvv: '417' }]);
  expect(r.filesScanned).toBe(6);
  expect(r.leaks.map((l) => `${l.file.split('/').pop()} ${l.what}`).sort()).toEqual([
    'cvv.html CVV of ****1570',
    'pan.json PAN ****1570',
    'value.json CVV of ****1570',
  ]);
  expect(r.opaque.map((f) => f.split('/').pop())).toEqual(['trace.zip']);
});

test('UUIDs are never taken for card numbers, whatever digits they hold', () => {
  // 4000-0000-0000-02 across UUID groups would be a Luhn-valid 14-digit run.
  const uuid = 'abcdef12-4000-0000-0000-02aabbccddee';
  expect(panLikeNumbers(`id ${uuid}`)).toEqual([]);
  expect(new Redactor().redact(`id ${uuid}`)).toBe(`id ${uuid}`);
  expect(panLikeNumbers('card 4111 1111 1111 1111')).toEqual(['4111111111111111']);
  expect(panLikeNumbers('run 4000-0000-0000-02 outside a UUID')).toEqual(['40000000000002']);
  for (let i = 0; i < 2000; i++) expect(panLikeNumbers(randomUUID())).toEqual([]);
});

test('a digit run inside a hex or base64 word (an id, a token) is no card number; one standing alone is', () => {
  // 4111111111111111 is Luhn-valid: glued to hex letters it is part of an id a server chose.
  expect(panLikeNumbers('{"requestId":"af4111111111111111c0"}')).toEqual([]);
  expect(panLikeNumbers('token=Zx4111111111111111')).toEqual([]);
  expect(panLikeNumbers('{"pan":"4111111111111111"}')).toEqual(['4111111111111111']);
  expect(panLikeNumbers('<td>4111 1111 1111 1111</td>')).toEqual(['4111111111111111']);
  // The redactor still masks the run wherever it stands.
  expect(new Redactor().redact('af4111111111111111c0')).not.toContain('4111111111111111');
  // 2000 random 32-hex ids: none taken for a card number (before, about 1 in 250 was).
  for (let i = 0; i < 2000; i++) expect(panLikeNumbers(randomBytes(16).toString('hex'))).toEqual([]);
});
