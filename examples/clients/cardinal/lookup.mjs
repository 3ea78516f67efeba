// A merchant backend's FIDO look-up with Cardinal DX (GetInfo): the request signed with the API
// key (Base64 of SHA-256 over Timestamp + TransactionId + ApiKey), a new TransactionId each time,
// and the answer read only when ErrorNumber is 0. Prints {cardBrand, lastFour, flowType}, or exits
// 1 saying why. Variables: CARDINAL_BASE_URL, CARDINAL_IDENTIFIER, CARDINAL_API_KEY,
// CARDINAL_ORG_UNIT_ID, and the user's CARDINAL_PAN, CARDINAL_EMAIL, CARDINAL_FIDO_SETUP_PAYLOAD.
import crypto from 'node:crypto';
import { pathToFileURL } from 'node:url';

export function signed(env, transactionId = crypto.randomUUID()) {
  const timestamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const signature = crypto
    .createHash('sha256')
    .update(`${timestamp}${transactionId}${env.CARDINAL_API_KEY}`)
    .digest('base64');
  return {
    Algorithm: 'SHA-256',
    Identifier: env.CARDINAL_IDENTIFIER,
    OrgUnitId: env.CARDINAL_ORG_UNIT_ID,
    Signature: signature,
    Timestamp: timestamp,
    TransactionId: transactionId,
    Payload: {
      AccountNumber: env.CARDINAL_PAN,
      Email: env.CARDINAL_EMAIL,
      FidoSetupPayload: env.CARDINAL_FIDO_SETUP_PAYLOAD,
    },
  };
}

/** DX answers errors in HTTP 200: only ErrorNumber 0 is a result. */
export function accountOf(answer) {
  if (Number(answer.ErrorNumber) !== 0) throw new Error(`DX error ${answer.ErrorNumber}: ${answer.ErrorDescription}`);
  const account = answer.Payload.Account;
  return { cardBrand: account.CardBrand, lastFour: account.LastFour, flowType: account.Fido?.FlowType ?? null };
}

export async function lookup(env, request = signed(env), read = accountOf) {
  const r = await fetch(`${env.CARDINAL_BASE_URL}/V1/AccountNumber/GetInfo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(request),
  });
  if (r.status !== 200) throw new Error(`DX answered ${r.status}`);
  return read(await r.json());
}

export async function main(request, read) {
  try {
    console.log(JSON.stringify(await lookup(process.env, request, read)));
  } catch (e) {
    console.error(`no FIDO decision: ${e.message}`);
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
