// Enfuce's control-token answer as the harness serves it to an app (the mobile app and the web
// page alike): the token recorded, and the URLs it returns pointed at the adversary, so that what
// the app does with them passes through it. A case may put the card-data URL at another path.
import type { Answer, Exchange } from '../../client/adversary.ts';

export function tokenAnswers(vars: Record<string, string>, self: { url: string }, viewAt?: string) {
  const mockOrigin = new URL(vars.ENFUCE_BASE_URL!).origin;
  const tokens = new Set<string>();
  /** Where the mock serves the card-data pages (the paths its answer returned). */
  const paths: { view?: string; frame?: string } = {};
  const answer = (r: Exchange, a: Answer): Answer => {
    if (!/\/controlToken$/.test(r.path.split('?')[0]!) || a.status !== 201) return a;
    const body = JSON.parse(a.body.toString('utf8')) as Record<string, unknown>;
    if (typeof body.token === 'string') tokens.add(body.token);
    if (typeof body.cardDataUrl === 'string') {
      paths.view = new URL(body.cardDataUrl).pathname;
      body.cardDataUrl = viewAt ? `${self.url}${viewAt}` : body.cardDataUrl.replace(mockOrigin, self.url);
    }
    if (typeof body.cardDataFrameUrl === 'string') {
      paths.frame = new URL(body.cardDataFrameUrl).pathname;
      body.cardDataFrameUrl = body.cardDataFrameUrl.replace(mockOrigin, self.url);
    }
    return { ...a, body: Buffer.from(JSON.stringify(body)) };
  };
  return { answer, tokens, paths };
}
