// Reference mock of Exa's GET /card and the PATCH that binds the card (seeds/001, PROVIDERS.md),
// with a --defect switch for each rule (./defects.ts). The RSA-1024 key pair is made at start;
// its public half is in GET /__mock/state, as a sandbox hands it out.
import { constants, createHash, generateKeyPairSync, privateDecrypt, randomBytes } from 'node:crypto';
import { VariantSet } from '../../src/core/variants.ts';
import { exaVariants, type ExaVariantName } from '../../src/providers/exa/variants.ts';
import { DefectSet } from '../../src/core/defects.ts';
import { gcmSeal } from '../../src/crypto/aes-gcm.ts';
import { fromBase64, toBase64 } from '../../src/crypto/base64.ts';
import { encodePinBlock } from '../../src/crypto/pin-block.ts';
import { openSession, secretFromPlaintext, SECRET_BYTES } from '../../src/providers/exa/session.ts';
import { BindRequest, Scope, type EncryptedField, type ExaErrorCode } from '../../schemas/exa.ts';
import type { MockFactoryOptions } from '../core/factory.ts';
import { json, jsonBodyAs, type MockApp, type MockReply, type MockRequest, type Route } from '../core/server.ts';
// SIWE and WebAuthn (viem, @simplewebauthn: over half a second to load) are loaded by the first
// request that needs them, not at start: the mock listens at once.
type Binding = typeof import('./binding.ts');
import { exaDefects, type ExaDefectName } from '../../src/providers/exa/defects.ts';
import {
  bindingStatement,
  exaBinding,
  exaTestKeys,
  exaUsers,
  type ExaCard,
  type ExaUser,
} from '../../src/providers/exa/users.ts';

export const EXA_CARD_PATH = '/card';

/** What GET /__mock/state answers: the provider key, the seeded users, where challenges are bound (with the test keys), bindings made. */
export interface ExaMockState {
  publicKeyPem: string;
  users: ExaUser[];
  binding: typeof exaBinding & typeof exaTestKeys & { walletAddress?: string };
  bindings: number;
}

export function createExaMock(options: MockFactoryOptions): MockApp<ExaMockState> {
  let loaded: Binding | undefined;
  let loading: Promise<Binding> | undefined;
  const binding = (): Promise<Binding> => (loading ??= import('./binding.ts').then((b) => (loaded = b)));
  const defects = new DefectSet<ExaDefectName>(exaDefects, options.defects ?? []);
  const has = (d: ExaDefectName) => defects.has(d);
  const variants = new VariantSet<ExaVariantName>(exaVariants, options.variants ?? []);
  const wording = variants.has('statement-wording');
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const serverKey = randomBytes(SECRET_BYTES); // only the card-data-without-sessionid defect uses it
  const users = new Map(exaUsers.map((u) => [u.token, u]));
  let siweNonces = new Map<string, string>(); // nonce → user id, until used
  let bindings = 0;

  const error = (status: number, code: ExaErrorCode | 'not found' | 'unexpected error'): MockReply =>
    json(status, { code });

  function user(req: MockRequest): ExaUser | undefined {
    const m = /^Bearer (\S+)$/.exec(String(req.headers.authorization ?? ''));
    return m ? users.get(m[1]!) : undefined;
  }

  /** The 16 secret bytes of a sessionid, or the reason to answer "bad session id". */
  function sessionKey(sessionid: string): Buffer | 'bad' | 'crash' {
    if (has('crash-on-bad-sessionid') && !/^[A-Za-z0-9+/=]*$/.test(sessionid)) return 'crash';
    try {
      if (has('short-secret-accepted')) {
        const plain = privateDecrypt(
          { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
          fromBase64(sessionid, 'sessionid'),
        );
        try {
          return secretFromPlaintext(plain);
        } catch {
          return Buffer.concat([plain, Buffer.alloc(SECRET_BYTES)]).subarray(0, SECRET_BYTES);
        }
      }
      return openSession(privateKey, sessionid, has('oaep-sha256') ? 'sha256' : 'sha1');
    } catch {
      return 'bad';
    }
  }

  function encrypt(plaintext: string, key: Buffer, ivLength: 12 | 16): EncryptedField {
    const iv = has('iv-reused')
      ? createHash('sha256').update(key).digest().subarray(0, ivLength)
      : randomBytes(ivLength);
    const aesKey = has('key-from-hex-text') ? Buffer.from(key.toString('hex'), 'utf8') : key;
    let data = gcmSeal(aesKey, iv, Buffer.from(plaintext, 'utf8'));
    if (has('tag-truncated')) data = data.subarray(0, data.length - 4);
    return { data: toBase64(data), iv: toBase64(iv) };
  }

  function cardFields(card: ExaCard, key: Buffer) {
    return {
      encryptedPan: encrypt(card.pan, key, 16),
      encryptedCvc: encrypt(card.cvc, key, 16),
      pin: card.pin === null ? null : encrypt(has('pin-not-a-block') ? card.pin : encodePinBlock(card.pin), key, 12),
      ...(has('cvc-in-clear') ? { cvc: card.cvc } : {}),
    };
  }

  const getCard: Route = {
    method: 'GET',
    path: EXA_CARD_PATH,
    async handle(req) {
      const u = user(req) ?? (has('auth-not-checked') ? exaUsers.find((x) => x.card) : undefined);
      if (!u) return error(401, 'unauthorized');
      const raw = req.url.searchParams.getAll('scope');
      const scopes = raw.map((s) => Scope.safeParse(s));
      if (scopes.some((s) => !s.success)) return error(400, 'bad request');
      const include = (s: string) => raw.includes(s);
      if (include('siwe') && include('webauthn') && !has('siwe-and-webauthn-together'))
        return error(400, 'bad request');
      const header = req.headers.sessionid;
      const sessionid = Array.isArray(header) ? header[0] : header;
      let key: Buffer | undefined;
      if (sessionid !== undefined) {
        const k = sessionKey(sessionid);
        if (k === 'crash')
          return {
            status: 500,
            body: "TypeError: Cannot read properties of undefined (reading 'length')\n    at getSecrets (mocks/exa/index.ts:71:12)",
            headers: { 'content-type': 'text/plain' },
          };
        if (k === 'bad') return error(400, 'bad session id');
        key = k;
      }
      if (!u.pandaId) return error(403, 'no panda');
      if (!u.card) return has('no-card-as-no-panda') ? error(403, 'no panda') : error(404, 'no card');
      const card = u.card;
      let challenge: string | undefined;
      const siwe = async () => {
        const nonce = randomBytes(12).toString('hex');
        siweNonces.set(nonce, u.id);
        return (await binding()).siweChallenge(u, nonce, new Date(options.clock.now()), wording);
      };
      if (include('siwe')) challenge = has('siwe-challenge-plain') ? bindingStatement(u, wording) : await siwe();
      else if (include('webauthn'))
        challenge = has('webauthn-challenge-siwe') ? await siwe() : bindingStatement(u, wording);
      const fieldsKey = key ?? (has('card-data-without-sessionid') ? serverKey : undefined);
      const body = {
        ...(fieldsKey ? cardFields(card, fieldsKey) : {}),
        cardId: card.cardId,
        displayName: `${u.firstName} ${u.lastName}`,
        expirationMonth: has('month-unpadded') ? String(Number(card.expirationMonth)) : card.expirationMonth,
        expirationYear: card.expirationYear,
        lastFour: card.pan.slice(-4),
        mode: card.mode,
        provider: 'panda',
        status: card.status,
        limit: variants.has('other-limit-frequency') ? { ...card.limit, frequency: 'perMonth' } : card.limit,
        productId: card.productId,
        ...(variants.has('extra-response-fields') ? { createdAt: '2024-01-01T00:00:00Z', color: 'black' } : {}),
        ...(challenge ? { challenge } : {}),
        ...(include('provisioning') || has('provisioning-without-scope')
          ? { provisioning: { id: `proc_${card.cardId.slice(0, 8)}`, secret: `otp_${randomBytes(6).toString('hex')}` } }
          : {}),
      };
      // Documented: no-store whenever a scope is sent. The mock also sends it with card data.
      const noStore = raw.length > 0 ? !has('no-store-missing') : key !== undefined;
      return json(200, body, noStore ? { 'cache-control': 'no-store' } : {});
    },
  };

  const bind: Route = {
    method: 'PATCH',
    // The document writes PATCH / (the card router's root).
    path: variants.has('bind-path-card') ? EXA_CARD_PATH : '/',
    async handle(req) {
      const u = user(req);
      if (!u) return error(401, 'unauthorized');
      const body = jsonBodyAs(req, BindRequest);
      if (!body) return error(400, 'bad request');
      if (!u.card) return error(404, 'no card');
      if (!u.pandaId) return error(403, 'no panda');
      let ok: boolean;
      if (body.method === 'siwe') {
        const nonce = (await binding()).siweNonce(u, body.message, wording);
        const issued = nonce !== undefined && siweNonces.get(nonce) === u.id;
        ok = has('signature-not-checked') || (issued && (await (await binding()).siweSignatureValid(body)));
        if (ok && nonce && !has('siwe-nonce-reusable')) siweNonces.delete(nonce);
      } else {
        ok =
          has('signature-not-checked') ||
          (await (await binding()).webauthnAssertionValid(u, body, has('webauthn-any-challenge'), wording));
      }
      if (!ok) return error(400, 'bad signature');
      bindings++;
      return json(200, { verification: 'OK' });
    },
  };

  return {
    provider: 'exa',
    routes: [getCard, bind],
    state: () => ({
      publicKeyPem,
      users: exaUsers.map((u) => ({ ...u, card: u.card })),
      binding: { ...exaBinding, ...(loaded ? { walletAddress: loaded.walletAddress } : {}), ...exaTestKeys },
      bindings,
    }),
    vendorEnv(url) {
      return exaVendorEnv(this.state(), url);
    },
    reset() {
      siweNonces = new Map();
      bindings = 0;
    },
    refuse(_req, status, reason) {
      if (reason === 'not-found') return error(404, 'not found');
      return error(status, reason === 'internal' ? 'unexpected error' : 'bad request');
    },
  };
}

/** The variables a vendor would set for this mock run as a sandbox (`mock --write-env`). */
export function exaVendorEnv(s: ExaMockState, url: string): Record<string, string> {
  const holder = s.users.find((u) => u.card?.pin)!;
  const noPin = s.users.find((u) => u.card && u.card.pin === null);
  return {
    EXA_BASE_URL: url,
    EXA_TOKEN: holder.token,
    EXA_PUBLIC_KEY: s.publicKeyPem,
    EXA_CARD_PAN: holder.card!.pan,
    EXA_CARD_CVC: holder.card!.cvc,
    EXA_CARD_PIN: holder.card!.pin!,
    EXA_NO_CARD_TOKEN: s.users.find((u) => u.pandaId && !u.card)!.token,
    EXA_NO_PANDA_TOKEN: s.users.find((u) => !u.pandaId)!.token,
    EXA_WALLET_PRIVATE_KEY: s.binding.walletPrivateKey,
    EXA_PASSKEY_PRIVATE_KEY: s.binding.passkeyPrivateKey,
    EXA_PASSKEY_CREDENTIAL_ID: s.binding.passkeyCredentialId,
    EXA_PASSKEY_RP_ID: s.binding.rpId,
    EXA_PASSKEY_ORIGIN: s.binding.origin,
    ...(noPin ? { EXA_NO_PIN_TOKEN: noPin.token, EXA_NO_PIN_CARD_PAN: noPin.card!.pan } : {}),
  };
}
