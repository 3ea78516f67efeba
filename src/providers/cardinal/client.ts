// What a merchant does with DX GetInfo: sign the request and post it.
import { send, type HttpExchange, type SendOptions } from '../../core/http.ts';
import type { DxAlgorithm, GetInfoPayload, GetInfoRequest } from '../../../schemas/cardinal.ts';
import { dxSignature, type SignatureRecipe } from './signature.ts';

export interface DxCredentials {
  identifier: string;
  apiKey: string;
  orgUnitId: string;
}

export interface SignOptions {
  algorithm?: DxAlgorithm;
  recipe: SignatureRecipe;
  timestamp: string | number;
  transactionId: string;
}

export function signedRequest(c: DxCredentials, payload: GetInfoPayload, o: SignOptions): GetInfoRequest {
  const algorithm = o.algorithm ?? 'SHA-256';
  return {
    Algorithm: algorithm,
    Identifier: c.identifier,
    OrgUnitId: c.orgUnitId,
    Signature: dxSignature({
      recipe: o.recipe,
      algorithm,
      timestamp: o.timestamp,
      transactionId: o.transactionId,
      apiKey: c.apiKey,
    }),
    Timestamp: o.timestamp,
    TransactionId: o.transactionId,
    Payload: payload,
  };
}

export class CardinalClient {
  constructor(private readonly o: { baseUrl: string; http?: SendOptions }) {}

  getInfo(body: GetInfoRequest | Record<string, unknown> | string): Promise<HttpExchange> {
    return send(
      {
        method: 'POST',
        url: `${this.o.baseUrl}/V1/AccountNumber/GetInfo`,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      },
      this.o.http,
    );
  }
}
