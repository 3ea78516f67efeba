// What an Enfuce consumer does: ask for a control token, then show the card data with it.
import { basicAuth, send, type HttpExchange, type SendOptions } from '../../core/http.ts';

export interface EnfuceClientOptions {
  baseUrl: string;
  username: string;
  password: string;
  http?: SendOptions;
}

export class EnfuceClient {
  constructor(private readonly o: EnfuceClientOptions) {}

  /** POST /v4/card/{cardId}/controlToken?auditUser=…; `auditUser: null` leaves the parameter out. */
  controlToken(
    cardId: string,
    auditUser: string | null = 'card-reveal-harness',
    opts: { authorization?: string | null } = {},
  ): Promise<HttpExchange> {
    const query = auditUser === null ? '' : `?auditUser=${encodeURIComponent(auditUser)}`;
    const authorization =
      opts.authorization === undefined ? basicAuth(this.o.username, this.o.password) : opts.authorization;
    return send(
      {
        method: 'POST',
        url: `${this.o.baseUrl}/v4/card/${encodeURIComponent(cardId)}/controlToken${query}`,
        headers: { accept: 'application/json', ...(authorization ? { authorization } : {}) },
      },
      this.o.http,
    );
  }

  /** Mobile: form POST of the token (in form field `token`, unless told) to cardDataUrl; the answer is an HTML snapshot. */
  viewCardData(
    cardDataUrl: string,
    token: string | null,
    opts: { contentType?: string; rawBody?: string; field?: string } = {},
  ): Promise<HttpExchange> {
    const body =
      opts.rawBody ?? (token === null ? '' : new URLSearchParams({ [opts.field ?? 'token']: token }).toString());
    return send(
      {
        method: 'POST',
        url: cardDataUrl,
        headers: { 'content-type': opts.contentType ?? 'application/x-www-form-urlencoded', accept: 'text/html' },
        body,
      },
      this.o.http,
    );
  }

  static frameUrl(cardDataFrameUrl: string, key: string | null): string {
    const u = new URL(cardDataFrameUrl);
    if (key !== null) u.searchParams.set('key', key);
    return u.toString();
  }
}
