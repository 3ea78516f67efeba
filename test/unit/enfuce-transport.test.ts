// ENF-ENCRYPTED-TRANSPORT's judgement: no defect of the reference mock can break the rule (it serves
// loopback http, which the rule allows), so the judgement is proven able to fail here.
import { expect, test } from '@playwright/test';
import { clearTransport } from '../../src/providers/enfuce/encrypted-transport.ts';

test('https anywhere and http to a loopback host pass', () => {
  for (const url of [
    'https://cards.enfuce.example/view',
    'https://10.0.0.5:8443/frame?key=k',
    'http://127.0.0.1:4010/card-data',
    'http://127.8.9.10/card-data',
    'http://localhost:3000/frame',
    'http://pages.localhost/frame',
    'http://[::1]:8080/card-data',
    'http://[::ffff:127.0.0.1]:8080/card-data',
  ])
    expect(clearTransport(url), url).toBeUndefined();
});

test('http off loopback, other schemes and no URL at all fail, naming why', () => {
  expect(clearTransport('http://cards.enfuce.example/view')).toBe('http to cards.enfuce.example');
  expect(clearTransport('http://10.0.0.5:8080/card-data')).toBe('http to 10.0.0.5');
  expect(clearTransport('http://localhost.attacker.example/frame')).toBe('http to localhost.attacker.example');
  expect(clearTransport('http://128.0.0.1/card-data')).toBe('http to 128.0.0.1');
  expect(clearTransport('http://[::ffff:10.0.0.5]/card-data')).toBe('http to [::ffff:a00:5]');
  expect(clearTransport('http://[fe80::1]/card-data')).toBe('http to [fe80::1]');
  expect(clearTransport('ws://cards.enfuce.example/view')).toBe('ws to cards.enfuce.example');
  expect(clearTransport('/card-data')).toBe('not a URL');
});
