// Reference mock of Solaris's virtual card requests (test/documents/solaris.txt, with the defaults
// of its profile): validates every field, verifies the device binding, and answers the card details
// as a compact JWE to the JWK, in all six alg × enc flavours; errors in the documented envelope.
// One route over the mock's state, naming the defects it honours
// (src/providers/solaris/defects.ts).
import { createPrivateKey, createPublicKey, randomUUID, verify, type KeyObject } from 'node:crypto';
import { VariantSet } from '../../src/core/variants.ts';
import { solarisVariants, type SolarisVariantName } from '../../src/providers/solaris/variants.ts';
import { DefectSet } from '../../src/core/defects.ts';
import { encryptCompact, type KeyWrap } from '../../src/crypto/jwe.ts';
import { decodeSignature, verifyJwkSignature } from '../../src/providers/solaris/device.ts';
import { CONTENT_ENC, KEY_WRAP, publicKeyOfJwk } from '../../src/providers/solaris/card-details.ts';
import { SolarisProfile } from '../../src/providers/solaris/profile.ts';
import { JweAlg, JweEnc, type SolarisJweAlg, type SolarisJweEnc, type SolarisJwk } from '../../schemas/solaris.ts';
import type { MockFactoryOptions } from '../core/factory.ts';
import { json, type MockApp, type MockReply } from '../core/server.ts';
import { refusalOf, routeOf, stateMock, type Flaws } from '../core/route.ts';
import { solarisCards, solarisDevices } from '../../src/providers/solaris/people.ts';
import { solarisDefects, type SolarisDefectName } from '../../src/providers/solaris/defects.ts';
import type { SolarisCard, SolarisDevice } from '../../src/providers/solaris/people.ts';

const CODES: Record<number, [string, string]> = {
  400: ['invalid_model', 'Validation Error'],
  403: ['unauthorized_action', 'Unauthorized Action'],
  404: ['not_found', 'Not Found'],
  405: ['method_not_allowed', 'Method Not Allowed'],
  413: ['payload_too_large', 'Payload Too Large'],
  500: ['generic_server_error', 'Generic Server Error'],
};

/** What GET /__mock/state answers: the seeded cards and devices, the profile the mock follows, requests answered. */
export interface SolarisMockState {
  cards: readonly SolarisCard[];
  devices: readonly SolarisDevice[];
  profile: SolarisProfile;
  issued: number;
}

type Flaw = SolarisDefectName;

/** The mock's state: the cards and bound devices, the profile it follows, the requests answered. */
interface SolarisState {
  variants: VariantSet<SolarisVariantName>;
  profile: SolarisProfile;
  cards: Map<string, SolarisCard>;
  devices: Map<string, SolarisDevice & { publicKey: KeyObject }>;
  issued: number;
}

function error(
  flaw: Flaws<'error-without-source-field'>,
  status: number,
  field: string,
  message: string,
  detail = message,
): MockReply {
  const [code, title] = CODES[status] ?? CODES[500]!;
  return json(status, {
    errors: [
      {
        id: randomUUID(),
        status,
        code,
        title,
        detail,
        source: flaw['error-without-source-field'] ? { message } : { field, message },
      },
    ],
  });
}

const crash = (): MockReply => ({
  status: 500,
  body: "NoMethodError: undefined method `fetch' for nil:NilClass\n  app/controllers/virtual_card_requests_controller.rb:41",
  headers: { 'content-type': 'text/plain' },
});

/** The first bad field, as [field, message, status if not 400], or the validated request. */
function validate(
  s: SolarisState,
  b: Record<string, unknown>,
  flaw: Flaws<'kty-not-checked' | 'bad-enum-500' | 'short-key-accepted' | 'exponent-defaulted' | 'jwk-alg-not-checked'>,
):
  | [string, string, number?]
  | { deviceId: string; signature: string; jwk: SolarisJwk; alg: SolarisJweAlg; enc: SolarisJweEnc; key: KeyObject }
  | 'crash' {
  if (typeof b.device_id !== 'string' || b.device_id === '') return ['device_id', 'must be a non-empty string'];
  if (typeof b.signature !== 'string' || !/^[0-9a-fA-F]+$/.test(b.signature))
    return ['signature', 'must be a hex string'];
  const jwk = b.jwk as Record<string, unknown> | undefined;
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) return ['jwk', 'must be an object'];
  if (jwk.kty !== 'RSA' && !flaw['kty-not-checked']) return ['jwk.kty', 'must be RSA'];
  if (jwk.use !== undefined && jwk.use !== 'enc') return ['jwk.use', 'must be enc'];
  if (jwk.alg !== undefined && jwk.alg !== 'RS256' && !flaw['jwk-alg-not-checked']) return ['jwk.alg', 'must be RS256'];
  if (jwk.kid !== undefined && (typeof jwk.kid !== 'string' || jwk.kid === ''))
    return ['jwk.kid', 'must be a non-empty string'];
  const base64url = (v: unknown) => typeof v === 'string' && /^[A-Za-z0-9+/_-]+={0,2}$/.test(v);
  if (!base64url(jwk.n)) return ['jwk.n', 'must be base64url'];
  if (!base64url(jwk.e) && !flaw['exponent-defaulted']) return ['jwk.e', 'must be base64url'];
  const jwe = b.jwe as Record<string, unknown> | undefined;
  if (typeof jwe !== 'object' || jwe === null) return ['jwe', 'must be an object'];
  const alg = JweAlg.safeParse(jwe.alg);
  if (!alg.success) return flaw['bad-enum-500'] ? 'crash' : ['jwe.alg', `must be one of ${JweAlg.options.join(', ')}`];
  const enc = JweEnc.safeParse(jwe.enc);
  if (!enc.success) return flaw['bad-enum-500'] ? 'crash' : ['jwe.enc', `must be one of ${JweEnc.options.join(', ')}`];
  if (b.device_data !== undefined && typeof b.device_data !== 'string') return ['device_data', 'must be a string'];
  let key: KeyObject;
  try {
    if (jwk.kty !== 'RSA') return 'crash';
    key = publicKeyOfJwk({ n: jwk.n as string, e: base64url(jwk.e) ? (jwk.e as string) : 'AQAB' });
  } catch {
    return ['jwk.n', 'is not an RSA public key'];
  }
  if ((key.asymmetricKeyDetails?.modulusLength ?? 0) < s.profile.minModulusBits && !flaw['short-key-accepted'])
    return ['jwk.n', `the modulus must have at least ${s.profile.minModulusBits} bits`, s.profile.shortKeyStatus];
  return { deviceId: b.device_id, signature: b.signature, jwk: jwk as SolarisJwk, alg: alg.data, enc: enc.data, key };
}

function signatureValid(
  s: SolarisState,
  deviceKey: KeyObject,
  jwk: SolarisJwk,
  signature: string,
  flaw: Flaws<'signature-over-json'>,
): boolean {
  if (flaw['signature-over-json']) {
    const der = decodeSignature(signature, s.profile.signatureEncoding);
    try {
      return (
        !!der && verify('sha256', Buffer.from(JSON.stringify(jwk), 'utf8'), { key: deviceKey, dsaEncoding: 'der' }, der)
      );
    } catch {
      return false;
    }
  }
  return verifyJwkSignature(deviceKey, jwk, signature, s.profile.signatureEncoding);
}

const virtualCardRequest = routeOf<SolarisState, Flaw>()({
  method: 'POST',
  path: '/v1/cards/:id/virtual_card_requests',
  defects: [
    'error-without-source-field',
    'kty-not-checked',
    'exponent-defaulted',
    'jwk-alg-not-checked',
    'device-data-refused',
    'bad-enum-500',
    'short-key-accepted',
    'unknown-card-403',
    'unknown-device-accepted',
    'any-device-signature',
    'signature-not-checked',
    'signature-over-json',
    'card-data-in-error',
    'android-mgf1-sha256',
    'enc-ignored',
    'kid-not-echoed',
    'alg-mislabelled',
    'rsa1_5-as-oaep',
    'pan-in-header',
  ],
  handle(s, request, flaw) {
    let body: unknown;
    try {
      body = JSON.parse(request.body.toString('utf8'));
    } catch {
      return error(flaw, 400, 'body', 'must be a JSON object');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      return error(flaw, 400, 'body', 'must be a JSON object');
    const known = ['device_id', 'signature', 'jwk', 'jwe', ...(flaw['device-data-refused'] ? [] : ['device_data'])];
    const unknown = Object.keys(body).find((k) => !known.includes(k));
    if (unknown) return error(flaw, 400, unknown, 'is not a known field');
    const v = validate(s, body as Record<string, unknown>, flaw);
    if (v === 'crash') return crash();
    if (Array.isArray(v)) return error(flaw, v[2] ?? 400, v[0], v[1]);
    const card = s.cards.get(request.params.id ?? '');
    if (!card)
      return flaw['unknown-card-403']
        ? error(flaw, 403, 'id', 'not allowed')
        : error(flaw, 404, 'id', 'card not found');
    let device = s.devices.get(v.deviceId);
    if (!device && flaw['unknown-device-accepted'])
      device = [...s.devices.values()].find((d) => d.personId === card.personId);
    if (!device) return error(flaw, s.profile.unknownDeviceStatus, 'device_id', 'device is not bound');
    const candidates = flaw['any-device-signature'] ? [...s.devices.values()] : [device];
    const signed =
      flaw['signature-not-checked'] || candidates.some((d) => signatureValid(s, d.publicKey, v.jwk, v.signature, flaw));
    if (!signed || device.personId !== card.personId) {
      return error(
        flaw,
        s.profile.badSignatureStatus,
        'signature',
        'the signature does not verify with the bound device',
        flaw['card-data-in-error']
          ? `no secure view of card ${card.pan}`
          : 'the signature does not verify with the bound device',
      );
    }
    let wrap: KeyWrap = KEY_WRAP[v.alg];
    if (v.alg === 'RSA_OAEP_256_ANDROID' && flaw['android-mgf1-sha256']) wrap = 'RSA-OAEP-256';
    const plaintext = JSON.stringify({ pan: card.pan, cvc: card.cvc, expires_at: card.expiresAt, line_1: card.line1 });
    let data = encryptCompact(v.key, Buffer.from(plaintext), {
      wrap,
      enc: flaw['enc-ignored'] ? 'A256GCM' : CONTENT_ENC[v.enc],
      ...(v.jwk.kid && s.profile.kidInHeader && !flaw['kid-not-echoed'] ? { kid: v.jwk.kid } : {}),
      ...(v.alg === 'RSA_OAEP_256' && flaw['alg-mislabelled'] ? { algLabel: 'RSA-OAEP' } : {}),
    });
    if (v.alg === 'RSA1_5' && flaw['rsa1_5-as-oaep']) {
      const oaep = encryptCompact(v.key, Buffer.from(plaintext), {
        wrap: 'RSA-OAEP-256',
        enc: CONTENT_ENC[v.enc],
        ...(v.jwk.kid ? { kid: v.jwk.kid } : {}),
      }).split('.');
      data = [data.split('.')[0], ...oaep.slice(1)].join('.');
    }
    s.issued++;
    return json(
      200,
      {
        data,
        ...(s.variants.has('extra-response-fields')
          ? { id: `vcr_${s.issued}`, created_at: new Date().toISOString() }
          : {}),
      },
      {
        'cache-control': 'no-store',
        ...(flaw['pan-in-header'] ? { 'x-card-reference': `${card.id}:${card.pan}` } : {}),
      },
    );
  },
});

const refusal = refusalOf<SolarisState, Flaw>()({
  defects: ['error-without-source-field'],
  handle(_s, _req, status, reason, flaw) {
    return error(flaw, status, reason === 'not-found' ? 'path' : 'request', reason.replace(/-/g, ' '));
  },
});

export function createSolarisMock(options: MockFactoryOptions): MockApp<SolarisMockState> {
  const variants = new VariantSet<SolarisVariantName>(solarisVariants, options.variants ?? []);
  return stateMock({
    provider: 'solaris',
    state: {
      variants,
      profile: SolarisProfile.parse({
        ...(variants.has('unknown-device-404') ? { unknownDeviceStatus: 404 } : {}),
        ...(variants.has('signature-hex-base64') ? { signatureEncoding: 'hex-base64-der' } : {}),
        ...(variants.has('no-kid-in-header') ? { kidInHeader: false } : {}),
        ...(variants.has('short-key-422') ? { shortKeyStatus: 422 } : {}),
        ...(variants.has('bad-signature-401') ? { badSignatureStatus: 401 } : {}),
      }),
      cards: new Map(solarisCards.map((c) => [c.id, c])),
      devices: new Map(
        solarisDevices.map((d) => [
          d.id,
          {
            ...d,
            publicKey: createPublicKey(
              createPrivateKey({ key: Buffer.from(d.privateKeyPkcs8, 'base64'), format: 'der', type: 'pkcs8' }),
            ),
          },
        ]),
      ),
      issued: 0,
    },
    defects: new DefectSet<SolarisDefectName>(solarisDefects, options.defects ?? []),
    allDefects: solarisDefects,
    routes: [virtualCardRequest],
    refusal,
    snapshot: (s) => ({ cards: solarisCards, devices: solarisDevices, profile: s.profile, issued: s.issued }),
    vendorEnv: solarisVendorEnv,
    reset(s) {
      s.issued = 0;
    },
  });
}

/** The variables a vendor would set for this mock run as a sandbox (`mock --write-env`). */
export function solarisVendorEnv(s: SolarisMockState, url: string): Record<string, string> {
  const card = s.cards[0]!;
  const pem = (d: SolarisDevice) =>
    createPrivateKey({ key: Buffer.from(d.privateKeyPkcs8, 'base64'), format: 'der', type: 'pkcs8' })
      .export({ format: 'pem', type: 'pkcs8' })
      .toString();
  const mine = s.devices.find((d) => d.personId === card.personId)!;
  const other = s.devices.find((d) => d.personId !== card.personId);
  return {
    SOLARIS_BASE_URL: url,
    SOLARIS_CARD_ID: card.id,
    SOLARIS_CARD_PAN: card.pan,
    SOLARIS_CARD_CVC: card.cvc,
    SOLARIS_CARD_EXPIRES_AT: card.expiresAt,
    SOLARIS_DEVICE_ID: mine.id,
    SOLARIS_DEVICE_PRIVATE_KEY: pem(mine),
    ...(other ? { SOLARIS_OTHER_DEVICE_ID: other.id, SOLARIS_OTHER_DEVICE_PRIVATE_KEY: pem(other) } : {}),
  };
}
