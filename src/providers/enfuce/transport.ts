// "Card data remains encrypted in transport" (PCI and security considerations): the URLs a token
// answer sends a device to carry the card data, so they are https. Plain http is left to a
// loopback host, a bench no device reaches (the reference mocks, a server under test behind a
// terminator that does not know its public address).
import { isIP } from 'node:net';

const loopbackHost = (host: string): boolean => {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  return h === '::1' || /^::ffff:127\./.test(h);
};

/** Why `url` would carry card data in clear, or undefined when it is https (or http to a loopback host). */
export function clearTransport(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (u.protocol === 'https:') return undefined;
  if (u.protocol === 'http:' && loopbackHost(u.hostname)) return undefined;
  return `${u.protocol.replace(/:$/, '')} to ${u.hostname}`;
}
