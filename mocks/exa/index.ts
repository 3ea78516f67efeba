// Reference mock of Exa's GET /card and the PATCH that binds the card (test/documents/exa.txt, with
// the defaults of its profile), as routes over its state, each naming the defects it honours
// (src/providers/exa/defects.ts). The RSA-1024 key pair is made at start; its public half is in
// GET /__mock/state, as a sandbox hands it out.
import { constants, createHash, generateKeyPairSync, privateDecrypt, randomBytes, type KeyObject } from 'node:crypto';
import { VariantSet } from '../../src/core/variants.ts';
import { exaVariants, type ExaVariantName } from '../../src/providers/exa/variants.ts';
import { DefectSet } from '../../src/core/defects.ts';
import { gcmSeal } from '../../src/crypto/aes-gcm.ts';
import { fromBase64, toBase64 } from '../../src/crypto/base64.ts';
import { encodePinBlock } from '../../src/crypto/pin-block.ts';
import { openSession, secretFromPlaintext, SECRET_BYTES } from '../../src/providers/exa/session.ts';
import { BindRequest, Scope, type EncryptedField, type ExaErrorCode } from '../../schemas/exa.ts';
import type { MockFactoryOptions } from '../core/factory.ts';
import { json, jsonBodyAs, type MockApp, type MockReply, type MockRequest } from '../core/server.ts';
// SIWE and WebAuthn (viem, @simplewebauthn: over half a second to load) are loaded by the first
// request that needs them, not at start: the mock listens at once.
type Binding = typeof import('./binding.ts');
import { lazy, type Lazy } from '../core/lazy.ts';
import { refusalOf, routeOf, stateMock, type Flaws } from '../core/route.ts';
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

type Flaw = ExaDefectName;

/** The mock's state: the provider key, the users, the SIWE nonces issued and the bindings made. */
interface ExaState {
  clock: MockFactoryOptions['clock'];
  variants: VariantSet<ExaVariantName>;
  /** The statement-wording variant: how the binding statement reads. */
  wording: boolean;
  privateKey: KeyObject;
  publicKeyPem: string;
  /** Only the card-data-without-sessionid defect uses it. */
  serverKey: Buffer;
  users: Map<string, ExaUser>;
  /** nonce → user id, until used. */
  siweNonces: Map<string, string>;
  bindings: number;
  binding: Lazy<Binding>;
}

const route = routeOf<ExaState, Flaw>();

const error = (status: number, code: ExaErrorCode | 'not found' | 'unexpected error'): MockReply =>
  json(status, { code });

function user(s: ExaState, request: MockRequest): ExaUser | undefined {
  const m = /^Bearer (\S+)$/.exec(String(request.headers.authorization ?? ''));
  return m ? s.users.get(m[1]!) : undefined;
}

/** The 16 secret bytes of a sessionid, or the reason to answer "bad session id". */
function sessionKey(
  s: ExaState,
  sessionid: string,
  flaw: Flaws<'crash-on-bad-sessionid' | 'short-secret-accepted' | 'oaep-sha256'>,
): Buffer | 'bad' | 'crash' {
  if (flaw['crash-on-bad-sessionid'] && !/^[A-Za-z0-9+/=]*$/.test(sessionid)) return 'crash';
  try {
    if (flaw['short-secret-accepted']) {
      const plain = privateDecrypt(
        { key: s.privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
        fromBase64(sessionid, 'sessionid'),
      );
      try {
        return secretFromPlaintext(plain);
      } catch {
        return Buffer.concat([plain, Buffer.alloc(SECRET_BYTES)]).subarray(0, SECRET_BYTES);
      }
    }
    return openSession(s.privateKey, sessionid, flaw['oaep-sha256'] ? 'sha256' : 'sha1');
  } catch {
    return 'bad';
  }
}

type SealFlaw = 'iv-reused' | 'key-from-hex-text' | 'tag-truncated';

function encrypt(plaintext: string, key: Buffer, ivLength: 12 | 16, flaw: Flaws<SealFlaw>): EncryptedField {
  const iv = flaw['iv-reused']
    ? createHash('sha256').update(key).digest().subarray(0, ivLength)
    : randomBytes(ivLength);
  const aesKey = flaw['key-from-hex-text'] ? Buffer.from(key.toString('hex'), 'utf8') : key;
  let data = gcmSeal(aesKey, iv, Buffer.from(plaintext, 'utf8'));
  if (flaw['tag-truncated']) data = data.subarray(0, data.length - 4);
  return { data: toBase64(data), iv: toBase64(iv) };
}

function cardFields(card: ExaCard, key: Buffer, flaw: Flaws<SealFlaw | 'pin-not-a-block' | 'cvc-in-clear'>) {
  return {
    encryptedPan: encrypt(card.pan, key, 16, flaw),
    encryptedCvc: encrypt(card.cvc, key, 16, flaw),
    pin:
      card.pin === null ? null : encrypt(flaw['pin-not-a-block'] ? card.pin : encodePinBlock(card.pin), key, 12, flaw),
    ...(flaw['cvc-in-clear'] ? { cvc: card.cvc } : {}),
  };
}

const getCard = route({
  method: 'GET',
  path: EXA_CARD_PATH,
  defects: [
    'auth-not-checked',
    'siwe-and-webauthn-together',
    'crash-on-bad-sessionid',
    'short-secret-accepted',
    'oaep-sha256',
    'no-card-as-no-panda',
    'siwe-challenge-plain',
    'webauthn-challenge-siwe',
    'card-data-without-sessionid',
    'month-unpadded',
    'provisioning-without-scope',
    'no-store-missing',
    'iv-reused',
    'key-from-hex-text',
    'tag-truncated',
    'pin-not-a-block',
    'cvc-in-clear',
  ],
  async handle(s, request, flaw) {
    const u = user(s, request) ?? (flaw['auth-not-checked'] ? exaUsers.find((x) => x.card) : undefined);
    if (!u) return error(401, 'unauthorized');
    const raw = request.url.searchParams.getAll('scope');
    const scopes = raw.map((x) => Scope.safeParse(x));
    if (scopes.some((x) => !x.success)) return error(400, 'bad request');
    const include = (x: string) => raw.includes(x);
    if (include('siwe') && include('webauthn') && !flaw['siwe-and-webauthn-together']) return error(400, 'bad request');
    const header = request.headers.sessionid;
    const sessionid = Array.isArray(header) ? header[0] : header;
    let key: Buffer | undefined;
    if (sessionid !== undefined) {
      const k = sessionKey(s, sessionid, flaw);
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
    if (!u.card) return flaw['no-card-as-no-panda'] ? error(403, 'no panda') : error(404, 'no card');
    const card = u.card;
    let challenge: string | undefined;
    const siwe = async () => {
      const nonce = randomBytes(12).toString('hex');
      s.siweNonces.set(nonce, u.id);
      return (await s.binding()).siweChallenge(u, nonce, new Date(s.clock.now()), s.wording);
    };
    if (include('siwe')) challenge = flaw['siwe-challenge-plain'] ? bindingStatement(u, s.wording) : await siwe();
    else if (include('webauthn'))
      challenge = flaw['webauthn-challenge-siwe'] ? await siwe() : bindingStatement(u, s.wording);
    const fieldsKey = key ?? (flaw['card-data-without-sessionid'] ? s.serverKey : undefined);
    const body = {
      ...(fieldsKey ? cardFields(card, fieldsKey, flaw) : {}),
      cardId: card.cardId,
      displayName: `${u.firstName} ${u.lastName}`,
      expirationMonth: flaw['month-unpadded'] ? String(Number(card.expirationMonth)) : card.expirationMonth,
      expirationYear: card.expirationYear,
      lastFour: card.pan.slice(-4),
      mode: card.mode,
      provider: 'panda',
      status: card.status,
      limit: s.variants.has('other-limit-frequency') ? { ...card.limit, frequency: 'perMonth' } : card.limit,
      productId: card.productId,
      ...(s.variants.has('extra-response-fields') ? { createdAt: '2024-01-01T00:00:00Z', color: 'black' } : {}),
      ...(challenge ? { challenge } : {}),
      ...(include('provisioning') || flaw['provisioning-without-scope']
        ? { provisioning: { id: `proc_${card.cardId.slice(0, 8)}`, secret: `otp_${randomBytes(6).toString('hex')}` } }
        : {}),
    };
    // Documented: no-store whenever a scope is sent. The mock also sends it with card data.
    const noStore = raw.length > 0 ? !flaw['no-store-missing'] : key !== undefined;
    return json(200, body, noStore ? { 'cache-control': 'no-store' } : {});
  },
});

/** PATCH / binds the card to a wallet (SIWE) or a passkey (WebAuthn). The document writes PATCH / (the card router's root). */
const bind = (path: string) =>
  route({
    method: 'PATCH',
    path,
    defects: ['signature-not-checked', 'siwe-nonce-reusable', 'webauthn-any-challenge'],
    async handle(s, request, flaw) {
      const u = user(s, request);
      if (!u) return error(401, 'unauthorized');
      const body = jsonBodyAs(request, BindRequest);
      if (!body) return error(400, 'bad request');
      if (!u.card) return error(404, 'no card');
      if (!u.pandaId) return error(403, 'no panda');
      const b = await s.binding();
      let ok: boolean;
      if (body.method === 'siwe') {
        const nonce = b.siweNonce(u, body.message, s.wording);
        const issued = nonce !== undefined && s.siweNonces.get(nonce) === u.id;
        ok = flaw['signature-not-checked'] || (issued && (await b.siweSignatureValid(body)));
        if (ok && nonce && !flaw['siwe-nonce-reusable']) s.siweNonces.delete(nonce);
      } else {
        ok =
          flaw['signature-not-checked'] ||
          (await b.webauthnAssertionValid(u, body, flaw['webauthn-any-challenge'], s.wording));
      }
      if (!ok) return error(400, 'bad signature');
      s.bindings++;
      return json(200, { verification: 'OK' });
    },
  });

const refusal = refusalOf<ExaState, Flaw>()({
  defects: [],
  handle(_s, _req, status, reason) {
    if (reason === 'not-found') return error(404, 'not found');
    return error(status, reason === 'internal' ? 'unexpected error' : 'bad request');
  },
});

export function createExaMock(options: MockFactoryOptions): MockApp<ExaMockState> {
  const variants = new VariantSet<ExaVariantName>(exaVariants, options.variants ?? []);
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const state: ExaState = {
    clock: options.clock,
    variants,
    wording: variants.has('statement-wording'),
    privateKey,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    serverKey: randomBytes(SECRET_BYTES),
    users: new Map(exaUsers.map((u) => [u.token, u])),
    siweNonces: new Map(),
    bindings: 0,
    binding: lazy(() => import('./binding.ts')),
  };
  return stateMock({
    provider: 'exa',
    state,
    defects: new DefectSet<ExaDefectName>(exaDefects, options.defects ?? []),
    allDefects: exaDefects,
    routes: [getCard, bind(variants.has('bind-path-card') ? EXA_CARD_PATH : '/')],
    refusal,
    snapshot: (s) => ({
      publicKeyPem: s.publicKeyPem,
      users: exaUsers.map((u) => ({ ...u, card: u.card })),
      binding: {
        ...exaBinding,
        ...(s.binding.loaded ? { walletAddress: s.binding.loaded.walletAddress } : {}),
        ...exaTestKeys,
      },
      bindings: s.bindings,
    }),
    vendorEnv: exaVendorEnv,
    reset(s) {
      s.siweNonces = new Map();
      s.bindings = 0;
    },
  });
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
