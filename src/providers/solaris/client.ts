// What a Solaris partner backend does for the cardholder's bound device: POST the request.
import { send, type HttpExchange, type SendOptions } from '../../core/http.ts';
import type { VirtualCardRequest } from '../../../schemas/solaris.ts';

export class SolarisClient {
  constructor(private readonly o: { baseUrl: string; accessToken?: string | undefined; http?: SendOptions }) {}

  virtualCardRequest(
    cardId: string,
    body: VirtualCardRequest | Record<string, unknown> | string,
  ): Promise<HttpExchange> {
    return send(
      {
        method: 'POST',
        url: `${this.o.baseUrl}/v1/cards/${encodeURIComponent(cardId)}/virtual_card_requests`,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(this.o.accessToken ? { authorization: `Bearer ${this.o.accessToken}` } : {}),
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      },
      this.o.http,
    );
  }
}
