// What a Plumery consumer does over HTTP: GET the PIN or the card details with its public key.
import { send, type HttpExchange, type SendOptions } from '../../core/http.ts';

export interface PlumeryClientOptions {
  baseUrl: string;
  /** Sent as is in Authorization when set (the connector's own authentication is undocumented). */
  authorization?: string | undefined;
  http?: SendOptions;
}

export class PlumeryClient {
  constructor(private readonly o: PlumeryClientOptions) {}

  private get(path: string, clientKey: string | null, extra: Record<string, string> = {}): Promise<HttpExchange> {
    return send(
      {
        method: 'GET',
        url: `${this.o.baseUrl}${path}`,
        headers: {
          accept: 'application/json',
          ...(this.o.authorization ? { authorization: this.o.authorization } : {}),
          ...(clientKey !== null ? { 'x-client-public-key': clientKey } : {}),
          ...extra,
        },
      },
      this.o.http,
    );
  }

  /** `clientKey: null` leaves the header out. */
  pin(token: string, clientKey: string | null, extra?: Record<string, string>): Promise<HttpExchange> {
    return this.get(`/internal/v1/cards/${encodeURIComponent(token)}/pin`, clientKey, extra);
  }

  details(token: string, clientKey: string | null, extra?: Record<string, string>): Promise<HttpExchange> {
    return this.get(`/internal/v1/cards/${encodeURIComponent(token)}`, clientKey, extra);
  }
}
