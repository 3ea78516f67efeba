// "Card data remains encrypted in transport" (PCI and security considerations): the URLs a token
// answer sends a device to carry the card data, so they are https. Plain http is left to a
// loopback host, a bench no device reaches (the reference mocks, a server under test behind a
// terminator that does not know its public address).
import { BlockList, isIP } from 'node:net';

// Node's BlockList checks an IPv4-mapped IPv6 address ([::ffff:7f00:1]) against the IPv4 rules.
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

const loopbackHost = (host: string): boolean => {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  const family = isIP(h);
  return family !== 0 && LOOPBACK.check(h, family === 4 ? 'ipv4' : 'ipv6');
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
