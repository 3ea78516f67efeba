// What an Exa consumer does over HTTP: GET /card (with or without a sessionid and scopes) and the
// binding PATCH. Cryptography lives in session.ts and card-data.ts; this only moves bytes.
import { send, type HttpExchange, type SendOptions } from '../../core/http.ts';
import type { BindRequest, ExaScope } from '../../../schemas/exa.ts';
import type { ExaProfile } from './profile.ts';

export interface ExaClientOptions {
  baseUrl: string;
  /** The cardholder's credential (bearer token or cookie value); null sends none. */
  token: string | null;
  profile: ExaProfile;
  http?: SendOptions;
}

export interface GetCardOptions {
  sessionid?: string;
  scopes?: readonly (ExaScope | string)[];
  /** Another user's credential for this one call. */
  token?: string | null;
}

export class ExaClient {
  constructor(private readonly o: ExaClientOptions) {}

  private auth(token: string | null): Record<string, string> {
    if (token === null) return {};
    return this.o.profile.auth === 'cookie'
      ? { cookie: `credential_id=${token}` }
      : { authorization: `Bearer ${token}` };
  }

  getCard(opts: GetCardOptions = {}): Promise<HttpExchange> {
    const q = new URLSearchParams();
    for (const s of opts.scopes ?? []) q.append('scope', s);
    const query = q.size ? `?${q.toString()}` : '';
    return send(
      {
        method: 'GET',
        url: `${this.o.baseUrl}${this.o.profile.cardPath}${query}`,
        headers: {
          accept: 'application/json',
          ...this.auth(opts.token === undefined ? this.o.token : opts.token),
          ...(opts.sessionid !== undefined ? { sessionid: opts.sessionid } : {}),
        },
      },
      this.o.http,
    );
  }

  bind(
    body: BindRequest | Record<string, unknown>,
    opts: { token?: string | null; rawBody?: string } = {},
  ): Promise<HttpExchange> {
    return send(
      {
        method: 'PATCH',
        url: `${this.o.baseUrl}${this.o.profile.bindPath}`,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...this.auth(opts.token === undefined ? this.o.token : opts.token),
        },
        body: opts.rawBody ?? JSON.stringify(body),
      },
      this.o.http,
    );
  }
}
