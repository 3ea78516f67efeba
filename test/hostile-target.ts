// A target that misbehaves in one of the ways the harness must survive, on every request:
// malformed JSON, the wrong content type, a 10 MB body, a redirect to another host, a reset
// connection, or no answer at all.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const HOSTILE_BEHAVIOURS = [
  'malformed-json',
  'wrong-content-type',
  'huge-body',
  'redirect',
  'reset',
  'silent',
] as const;

export type HostileBehaviour = (typeof HOSTILE_BEHAVIOURS)[number];

export async function startHostileTarget(
  behaviour: HostileBehaviour,
): Promise<{ url: string; requests: () => number; close(): Promise<void> }> {
  let n = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    n++;
    switch (behaviour) {
      case 'malformed-json':
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"encryptedPayload": {"iv": "AAAA", ');
        break;
      case 'wrong-content-type':
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>maintenance</body></html>');
        break;
      case 'huge-body': {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(1024 * 1024, 0x20);
        let sent = 0;
        const pump = () => {
          while (sent < 10 && res.write(chunk)) sent++;
          if (sent >= 10) res.end();
          else res.once('drain', pump);
        };
        res.on('error', () => {});
        pump();
        break;
      }
      case 'redirect':
        res.writeHead(302, { location: 'http://elsewhere.invalid/steal' }).end();
        break;
      case 'reset':
        req.socket.destroy();
        break;
      case 'silent':
        break; // never answers; the harness must give up on its own
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => n,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
