// The scan for card data in clear: what it finds, what it leaves (a correct answer is never
// flagged), and that a finding never repeats the secret. The cards are public test numbers.
import { expect, test } from '@playwright/test';
import { clearCardData, clearCardDataInAnswer } from '../../src/core/clear-card-data.ts';

const card = { pan: '4929170463821570', cvv: '417', pin: '2580', expiry: '05/29' };
const answer = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) => ({
  status: 200,
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
const sealed = { encryptedPayload: { iv: 'AAAA', ciphertext: '4929170463821570', salt: 'x', ephemeralPublicKey: 'y' } };

test('"pin" beside the envelope is found, by name and by value', () => {
  expect(clearCardData({ ...sealed, pin: '2580' }, { members: ['encryptedPayload'] }, [card])).toEqual([
    'a member $.pin holding a PIN in clear',
  ]);
  expect(clearCardData({ ...sealed, pin: '2580' }, { members: ['encryptedPayload'] })).toEqual([
    'a member $.pin holding a PIN in clear',
  ]);
  expect(
    clearCardData({ ...sealed, card: { cardPin: 'x2580' } }, { members: ['encryptedPayload'] }, [{ pin: 'x2580' }]),
  ).toEqual(['the PIN as the value of $.card.cardPin']);
});

test('the envelope itself is not looked into; the same member deeper down is', () => {
  expect(clearCardData(sealed, { members: ['encryptedPayload'] }, [card])).toEqual([]);
  expect(clearCardData({ data: sealed }, { members: ['encryptedPayload'] }, [card])).toEqual([
    'the PAN ****1570 in $.data.encryptedPayload.ciphertext',
  ]);
});

test('a known PAN anywhere: a value, grouped in a message, a header, a text body', () => {
  expect(
    clearCardData({ errors: [{ detail: 'no view of card 4929 1704 6382 1570' }] }, { members: [] }, [card]),
  ).toEqual(['the PAN ****1570 in $.errors[0].detail']);
  expect(
    clearCardDataInAnswer(answer(sealed, { 'x-card': 'c1:4929-1704-6382-1570' }), { members: ['encryptedPayload'] }, [
      card,
    ]),
  ).toEqual(['the PAN ****1570 in header x-card']);
  expect(
    clearCardDataInAnswer(answer('<p>card 4929170463821570</p>', { 'content-type': 'text/html' }), { members: [] }, [
      card,
    ]),
  ).toEqual(['the PAN ****1570 in the body']);
  expect(clearCardDataInAnswer(answer('{"pan": "4929170463821570"'), { members: [] }, [card])).toEqual([
    'the PAN ****1570 in the body',
  ]);
});

test('short secrets only under a card-data name: a lastFour, an amount or a year equal to them is no finding', () => {
  const profile = {
    lastFour: '2580',
    limit: { amount: 417 },
    expirationYear: '2029',
    expirationMonth: '05',
    note: '05/29',
    port: 44170,
  };
  expect(clearCardData(profile, { members: [] }, [card])).toEqual([]);
  expect(clearCardData({ cvc: 417 }, { members: [] }, [card])).toEqual(['a member $.cvc holding a CVV in clear']);
  expect(
    clearCardData({ expiry: '05/29', token: { expiresAt: '2026-12-02T12:00:00Z' } }, { members: [] }, [card]),
  ).toEqual(["the card's expiry as the value of $.expiry"]);
});

test('names alone need the shape of card data: an error about the pin field is no finding', () => {
  expect(
    clearCardData({ field: 'pin', pin: 'required', cvv: null, AccountNumber: 'must be 13-19 digits' }, { members: [] }),
  ).toEqual([]);
  expect(clearCardData({ Account: { AccountNumber: '4111111111111111' } }, { members: [] })).toEqual([
    'a member $.Account.AccountNumber holding a PAN ****1111 in clear',
  ]);
});

test('no finding repeats a secret', () => {
  const found = [
    ...clearCardData(
      { pin: '2580', cvv2: '417', pan: card.pan, detail: card.pan, expiry: card.expiry },
      { members: [] },
      [card],
    ),
    ...clearCardDataInAnswer(answer('x', { h: card.pan }), { members: [] }, [card]),
  ].join('\n');
  expect(found).toContain('****1570');
  for (const secret of [card.pan, '2580', '417', '05/29']) expect(found).not.toContain(secret);
});
