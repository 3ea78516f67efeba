// Cardinal DX GetInfo for FIDO: signatures, field rules, the account and issuer answer, the Fido
// conditions, and the FlowType table (each row from a fresh enrollment store).
import { randomUUID } from 'node:crypto';
import { send } from '../../src/core/http.ts';
import type { DxFlowType } from '../../schemas/cardinal.ts';
import { unknownValues } from '../fixtures/expect.ts';
import { jsonBody } from '../fixtures/provider.ts';
import {
  accepted,
  expectRefused,
  expect,
  knownPans,
  newDevice,
  newEmail,
  req,
  signed,
  success,
  test,
  timestampNow,
  ruleCheck,
} from './fixtures.ts';

test.describe('signed requests', () => {
  test(
    'a signed request for a FIDO card: RequestId, LastFour, CardBrand, issuer versions, Fido',
    req(
      'CDX-RESPONSE',
      'CDX-SIGNATURE',
      'CDX-TRANSACTION-ID',
      'CDX-LAST-FOUR',
      'CDX-ISSUER-VERSIONS',
      'CDX-FIDO-CONDITIONS',
    ),
    async ({ dx, setup }) => {
      const request = signed(setup, {});
      const body = success(await dx.getInfo(request), request, setup);
      ruleCheck('CDX-LAST-FOUR', body.Payload.Account.LastFour, 'LastFour').toBe(setup.fidoPan.slice(-4));
      ruleCheck(
        'CDX-ISSUER-VERSIONS',
        body.Payload.Issuer.SupportedVersions.length,
        'SupportedVersions',
      ).toBeGreaterThan(0);
      ruleCheck(
        'CDX-ISSUER-VERSIONS',
        body.Payload.Issuer.SupportedVersions.some((v) => v.Capabilities?.includes('DelegatedAuthentication')),
        'the FIDO issuer supports DelegatedAuthentication',
      ).toBe(true);
      ruleCheck(
        'CDX-FIDO-CONDITIONS',
        body.Payload.Account.Fido,
        'Fido object for a FIDO issuer in a FIDO region',
      ).toBeDefined();
    },
  );

  test(
    'SHA-256 and SHA-512 signatures are both accepted, each call with a ReferenceId of its own',
    req('CDX-ALGORITHMS'),
    async ({ dx, setup }) => {
      const referenceIds: string[] = [];
      for (const algorithm of ['SHA-256', 'SHA-512'] as const) {
        const request = signed(setup, {}, { algorithm });
        await test.step(algorithm, async () =>
          referenceIds.push(success(await dx.getInfo(request), request, setup).Payload.ReferenceId),
        );
      }
      // Each call starts a Device Data Collection session: the document's sample ReferenceId is one.
      ruleCheck('CDX-RESPONSE', new Set(referenceIds).size, 'distinct ReferenceIds of two calls').toBe(2);
    },
  );

  test(
    'an Algorithm the service does not know, over a SHA-256 digest, is refused',
    req('CDX-ALGORITHMS'),
    async ({ dx, setup }) => {
      // Only a service that ignores Algorithm and checks SHA-256 anyway answers this one.
      const request = { ...signed(setup, {}, { algorithm: 'SHA-256' }), Algorithm: 'SHA-1' };
      expectRefused(await dx.getInfo(request), setup, 'CDX-ALGORITHMS', { errorNumber: 'non-zero' });
    },
  );

  test('an ISO-8601 and an epoch Timestamp are both accepted', req('CDX-TIMESTAMP'), async ({ dx, setup }) => {
    const iso = signed(setup, {}, { timestamp: timestampNow(setup.profile, 0, 'iso') });
    await test.step('iso', async () => void success(await dx.getInfo(iso), iso, setup));
    // The epoch form is the document's; its unit is not settled (the words say milliseconds, the
    // example is in seconds): refused in the profile's unit but accepted in the other, it warns.
    const unit = setup.profile.epochTimestampUnit;
    await test.step(`epoch (${unit})`, async () => {
      const request = signed(setup, {}, { timestamp: timestampNow(setup.profile, 0, 'epoch') });
      const ex = await dx.getInfo(request);
      if (!accepted(ex)) {
        const other = unit === 'seconds' ? 'milliseconds' : 'seconds';
        const retry = signed(setup, {}, { timestamp: timestampNow(setup.profile, 0, 'epoch', other) });
        if (accepted(await dx.getInfo(retry))) {
          ruleCheck('CDX-TIMESTAMP', other, 'the unit of an epoch Timestamp accepted', 'epochTimestampUnit').toBe(unit);
          return;
        }
      }
      success(ex, request, setup);
    });
  });

  test('a wrong signature is refused with 1010', req('CDX-SIGNATURE', 'CDX-ALGORITHMS'), async ({ dx, setup }) => {
    const wrongKey = signed(
      setup,
      {},
      { credentials: { ...setup.credentials, apiKey: `${setup.credentials.apiKey}x` } },
    );
    const sha256AsSha512 = { ...signed(setup, {}, { algorithm: 'SHA-256' }), Algorithm: 'SHA-512' as const };
    const sha512AsSha256 = { ...signed(setup, {}, { algorithm: 'SHA-512' }), Algorithm: 'SHA-256' as const };
    const otherRecipe = signed(
      setup,
      {},
      {
        recipe:
          setup.profile.signatureRecipe === 'timestamp+apiKey' ? 'timestamp+transactionId+apiKey' : 'timestamp+apiKey',
      },
    );
    const base = signed(setup, {});
    const tidChanged = { ...base, TransactionId: randomUUID() };
    const hexSignature = { ...base, Signature: Buffer.from(base.Signature, 'base64').toString('hex') };
    // A changed TransactionId breaks the signature only where the recipe digests it.
    const cases = {
      wrongKey,
      sha256AsSha512,
      sha512AsSha256,
      otherRecipe,
      ...(setup.profile.signatureRecipe.includes('transactionId') ? { tidChanged } : {}),
      hexSignature,
    };
    // Look-ups that share nothing: sent side by side (on a slow link, one round trip instead of six).
    await Promise.all(
      Object.entries(cases).map(([what, request]) =>
        test.step(what, async () =>
          expectRefused(await dx.getInfo(request), setup, what.startsWith('sha') ? 'CDX-ALGORITHMS' : 'CDX-SIGNATURE', {
            errorNumber: 1010,
          }),
        ),
      ),
    );
  });

  test('a Timestamp outside the freshness window is refused with 1011', req('CDX-TIMESTAMP'), async ({ dx, setup }) => {
    const window = setup.profile.freshnessWindowMs;
    const cases = [
      ['stale', -(window + 60_000)],
      ['an hour old', -3_600_000],
      ['in the future', window + 60_000],
    ] as const;
    await Promise.all(
      cases.map(([what, offset]) =>
        test.step(what, async () =>
          expectRefused(
            await dx.getInfo(signed(setup, {}, { timestamp: timestampNow(setup.profile, offset) })),
            setup,
            'CDX-TIMESTAMP',
            { errorNumber: 1011 },
          ),
        ),
      ),
    );
  });

  test(
    'a request without its Signature, Algorithm, Identifier or Timestamp is refused',
    req('CDX-SIGNATURE', 'CDX-ALGORITHMS', 'CDX-IDENTIFIER', 'CDX-TIMESTAMP'),
    async ({ dx, setup }) => {
      // Each is required ("Y"); without it the call is not authenticated. Which ErrorNumber says so
      // the document does not fix (1000, or the signature's 1010, or another): any error refuses.
      const rules = {
        Signature: 'CDX-SIGNATURE',
        Algorithm: 'CDX-ALGORITHMS',
        Identifier: 'CDX-IDENTIFIER',
        Timestamp: 'CDX-TIMESTAMP',
      } as const;
      await Promise.all(
        Object.entries(rules).map(([field, rule]) =>
          test.step(`without ${field}`, async () => {
            const request = Object.fromEntries(Object.entries(signed(setup, {})).filter(([k]) => k !== field));
            expectRefused(await dx.getInfo(request), setup, rule, { errorNumber: 'non-zero' });
          }),
        ),
      );
    },
  );

  test(
    'a request without OrgUnitId is refused, and one with an OrgUnitId the service does not know',
    req('CDX-ORG-UNIT'),
    async ({ dx, setup }) => {
      const { OrgUnitId: _, ...without } = signed(setup, {});
      expectRefused(await dx.getInfo(without), setup, 'CDX-ORG-UNIT', { errorNumber: 'non-zero' });
      // A profile that states unknown ones are answered leaves only the missing one to refuse.
      if (!setup.profile.unknownOrgUnitIdRefused) return;
      const unknown = signed(setup, {}, { credentials: { ...setup.credentials, orgUnitId: `crh-${randomUUID()}` } });
      const ex = await dx.getInfo(unknown);
      ruleCheck('CDX-ORG-UNIT', accepted(ex), 'an unknown OrgUnitId answered', 'unknownOrgUnitIdRefused').toBe(false);
      if (!accepted(ex)) expectRefused(ex, setup, 'CDX-ORG-UNIT', { errorNumber: 'non-zero' });
    },
  );

  test('an unknown Identifier is refused', req('CDX-IDENTIFIER'), async ({ dx, setup }) => {
    const request = signed(setup, {}, { credentials: { ...setup.credentials, identifier: `unknown-${randomUUID()}` } });
    expectRefused(await dx.getInfo(request), setup, 'CDX-IDENTIFIER', {
      errorNumber: setup.profile.unknownIdentifierErrorNumber,
    });
  });
});

test.describe('request fields', () => {
  test(
    'TransactionId of 5 and 55 characters is echoed; 4 or 56 characters are refused',
    req('CDX-TRANSACTION-ID'),
    async ({ dx, setup }) => {
      for (const transactionId of ['a1b2c', 'x'.repeat(55)]) {
        const request = signed(setup, {}, { transactionId });
        success(await dx.getInfo(request), request, setup);
      }
      for (const transactionId of ['a1b2', 'x'.repeat(56)])
        expectRefused(await dx.getInfo(signed(setup, {}, { transactionId })), setup, 'CDX-TRANSACTION-ID', {
          errorNumber: setup.profile.invalidRequestErrorNumber,
        });
    },
  );

  test(
    'a Luhn-invalid, short or long AccountNumber is refused with 2000',
    req('CDX-ACCOUNT-NUMBER'),
    async ({ dx, setup }) => {
      const pan = setup.fidoPan;
      const luhnBroken = pan.slice(0, -1) + String((Number(pan.at(-1)) + 1) % 10);
      const cases = [
        ['Luhn-invalid', luhnBroken],
        ['12 digits', '400000000006'],
        ['20 digits', '40000000000000000006'],
      ] as const;
      await Promise.all(
        cases.map(([what, AccountNumber]) =>
          test.step(what, async () =>
            expectRefused(await dx.getInfo(signed(setup, { AccountNumber })), setup, 'CDX-ACCOUNT-NUMBER', {
              errorNumber: 2000,
            }),
          ),
        ),
      );
    },
  );

  test('CardType other than CB, UPI, ITMX is refused', req('CDX-CARD-TYPE'), async ({ dx, setup }) => {
    await Promise.all(
      ['VISA', 'Visa', 'MC', ''].map((CardType) =>
        test.step(`CardType "${CardType}"`, async () =>
          expectRefused(await dx.getInfo(signed(setup, { CardType })), setup, 'CDX-CARD-TYPE', {
            errorNumber: setup.profile.invalidRequestErrorNumber,
          })),
      ),
    );
  });

  test(
    'a GetInfo without FidoSetupPayload is a call outside FIDO: answered, without the Fido object',
    req('CDX-REQUIRED-FIELDS', 'CDX-FIDO-CONDITIONS'),
    async ({ dx, setup }) => {
      // The FIDO card, whose FIDO call gets a Fido object: without FidoSetupPayload (and Email), none.
      const request = signed(setup, {});
      const payload = request.Payload as Partial<typeof request.Payload>;
      delete payload.FidoSetupPayload;
      delete payload.Email;
      const ex = await dx.getInfo(request);
      const body = jsonBody(ex) as { ErrorNumber?: unknown };
      ruleCheck('CDX-REQUIRED-FIELDS', Number(body.ErrorNumber), 'ErrorNumber of a GetInfo outside FIDO').toBe(0);
      if (Number(body.ErrorNumber) !== 0) return;
      const answer = success(ex, request, setup);
      ruleCheck(
        'CDX-FIDO-CONDITIONS',
        Object.keys(answer.Payload.Account),
        'no Fido without FidoSetupPayload',
      ).not.toContain('Fido');
      ruleCheck('CDX-LAST-FOUR', answer.Payload.Account.LastFour, 'LastFour').toBe(setup.fidoPan.slice(-4));
    },
  );

  test(
    'a FIDO call without a valid Email, or with a FidoSetupPayload that is not base64, is refused',
    req('CDX-REQUIRED-FIELDS'),
    async ({ dx, setup }) => {
      const noEmail = signed(setup, {});
      delete (noEmail.Payload as Partial<typeof noEmail.Payload>).Email;
      const cases = {
        noEmail,
        badEmail: signed(setup, { Email: 'not an email' }),
        badSetup: signed(setup, { FidoSetupPayload: 'not base64!' }),
      };
      await Promise.all(
        Object.entries(cases).map(([what, request]) =>
          test.step(what, async () =>
            expectRefused(await dx.getInfo(request), setup, 'CDX-REQUIRED-FIELDS', {
              errorNumber: setup.profile.invalidRequestErrorNumber,
            }),
          ),
        ),
      );
    },
  );

  test(
    'malformed bodies get an error in HTTP 200, wrong methods a 4xx, never a 5xx',
    req('CDX-ERROR-SHAPE'),
    async ({ dx, setup, http }) => {
      await Promise.all(
        ['{', '[]', '"text"', '{}', JSON.stringify({ TransactionId: 'abcdef' })].map(async (raw) =>
          expectRefused(await dx.getInfo(raw), setup, 'CDX-ERROR-SHAPE', {
            errorNumber: setup.profile.invalidRequestErrorNumber,
          }),
        ),
      );
      const ex = await send({ method: 'GET', url: `${setup.target.baseUrl}/V1/AccountNumber/GetInfo` }, http);
      expect(ex.response.status, 'GET status').toBeGreaterThanOrEqual(400);
      expect(ex.response.status, 'GET status').toBeLessThan(500);
    },
  );
});

test.describe('account and issuer', () => {
  test(
    'CardBrand for every brand of the document; FIDO answers for Visa cards only',
    req('CDX-CARD-BRAND', 'CDX-LAST-FOUR', 'CDX-FIDO-CONDITIONS'),
    async ({ dx, setup }) => {
      test.skip(
        setup.brandCards.length === 0,
        'not applicable: set CARDINAL_BRAND_CARDS (a published test card per brand)',
      );
      // One look-up a brand, side by side (each stands alone).
      await Promise.all(
        setup.brandCards.map((card) =>
          test.step(card.brand, async () => {
            const request = signed(setup, {
              AccountNumber: card.pan,
              ...(card.cardType ? { CardType: card.cardType } : {}),
            });
            const body = success(await dx.getInfo(request), request, setup);
            ruleCheck('CDX-CARD-BRAND', body.Payload.Account.CardBrand, `CardBrand of a ${card.brand} card`).toBe(
              card.brand,
            );
            ruleCheck('CDX-LAST-FOUR', body.Payload.Account.LastFour, 'LastFour').toBe(card.pan.slice(-4));
            // "Cardinal FIDO authentication is currently only supported on Visa cards."
            if (card.brand !== 'Visa')
              ruleCheck(
                'CDX-FIDO-CONDITIONS',
                body.Payload.Account.Fido,
                `the Fido object for a ${card.brand} card`,
              ).toBeUndefined();
          }),
        ),
      );
    },
  );

  test(
    "CardType does not name a Visa PAN's brand: the document's sample sends CardType CB with a Visa PAN and answers Visa",
    req('CDX-CARD-BRAND'),
    async ({ dx, setup }) => {
      const plain = signed(setup, {});
      const asCb = signed(setup, { CardType: 'CB' });
      const [a, b] = [success(await dx.getInfo(plain), plain, setup), success(await dx.getInfo(asCb), asCb, setup)];
      ruleCheck('CDX-CARD-BRAND', a.Payload.Account.CardBrand, 'CardBrand of the FIDO card (a Visa)').toBe('Visa');
      ruleCheck('CDX-CARD-BRAND', b.Payload.Account.CardBrand, 'CardBrand of the same PAN sent with CardType CB').toBe(
        'Visa',
      );
    },
  );

  test(
    'no Fido object when the issuer lacks Delegated Authentication',
    req('CDX-FIDO-CONDITIONS', 'CDX-ISSUER-VERSIONS'),
    async ({ dx, setup }) => {
      test.skip(!setup.noDelegatedAuthPan, 'not applicable: set CARDINAL_NO_DA_PAN');
      const request = signed(setup, { AccountNumber: setup.noDelegatedAuthPan! });
      const body = success(await dx.getInfo(request), request, setup);
      ruleCheck(
        'CDX-ISSUER-VERSIONS',
        body.Payload.Issuer.SupportedVersions.some((v) => v.Capabilities?.includes('DelegatedAuthentication')),
        'issuer capabilities',
      ).toBe(false);
      ruleCheck('CDX-FIDO-CONDITIONS', body.Payload.Account.Fido, 'Fido object').toBeUndefined();
    },
  );

  test(
    'no Fido object when the issuer or the acquirer is outside the FIDO regions',
    req('CDX-FIDO-CONDITIONS'),
    async ({ dx, setup }) => {
      test.skip(
        !setup.outsideRegionPan || !setup.outsideRegionOrgUnitId,
        'not applicable: set CARDINAL_OUTSIDE_REGION_PAN and CARDINAL_OUTSIDE_REGION_ORG_UNIT_ID (an issuer and a merchant outside the FIDO regions)',
      );
      const issuerOutside = signed(setup, { AccountNumber: setup.outsideRegionPan! });
      expect(
        success(await dx.getInfo(issuerOutside), issuerOutside, setup).Payload.Account.Fido,
        'Fido object (issuer outside)',
      ).toBeUndefined();
      const acquirerOutside = signed(
        setup,
        {},
        { credentials: { ...setup.credentials, orgUnitId: setup.outsideRegionOrgUnitId! } },
      );
      expect(
        success(await dx.getInfo(acquirerOutside), acquirerOutside, setup).Payload.Account.Fido,
        'Fido object (acquirer outside)',
      ).toBeUndefined();
    },
  );
});

test.describe('FlowType table (each row from a fresh store)', () => {
  // "the cardholder email is used as the base identifier": a new email is ENROLLMENT, even with a
  // device and a PAN enrolled under another one (knownElsewhere).
  const rows: { flow: DxFlowType; enrolled: boolean; sameDevice: boolean; samePan: boolean; knownElsewhere?: true }[] =
    [
      { flow: 'ENROLLMENT', enrolled: false, sameDevice: false, samePan: false },
      { flow: 'ENROLLMENT', enrolled: false, sameDevice: true, samePan: true, knownElsewhere: true },
      { flow: 'TRANSACTION', enrolled: true, sameDevice: true, samePan: true },
      { flow: 'ADD_NEW_DEVICE', enrolled: true, sameDevice: false, samePan: true },
      { flow: 'ADD_PAN', enrolled: true, sameDevice: true, samePan: false },
      { flow: 'ADD_NEW_DEVICE_AND_PAN', enrolled: true, sameDevice: false, samePan: false },
    ];
  for (const row of rows) {
    test(
      `${row.flow}: email ${row.enrolled ? 'enrolled' : 'new'}, device ${row.sameDevice ? 'enrolled' : 'new'}, PAN ${row.samePan ? 'enrolled' : 'new'}${row.knownElsewhere ? ' (both under another email)' : ''}`,
      req('CDX-FLOWTYPE', 'CDX-FIDO-CONDITIONS'),
      async ({ dx, setup }) => {
        // An enrolled cardholder: enrolled here through /__mock/ control, or the one a sandbox keeps.
        let holder = { email: newEmail(), device: setup.newDevicePayload ?? newDevice(), pan: setup.fidoPan };
        // A real service may refuse made-up setup payloads; a mock takes any.
        if (!setup.target.control)
          unknownValues(
            'CDX-FLOWTYPE',
            { CARDINAL_FIDO_SETUP_PAYLOAD: setup.newDevicePayload },
            'with a captured FidoSetupPayload (24 random bytes were sent)',
          );
        if (row.enrolled || row.knownElsewhere) {
          test.skip(
            !row.samePan && !setup.secondFidoPan,
            'not applicable: no second card of the FIDO issuer (set CARDINAL_SECOND_FIDO_PAN)',
          );
          if (setup.target.control) {
            holder = { ...holder, device: newDevice() };
            await setup.target.control.call('POST', 'enrollments', {
              email: holder.email,
              fidoSetupPayloads: [holder.device],
              accountNumbers: [holder.pan],
            });
          } else {
            test.skip(
              !setup.enrolled,
              'not applicable: set CARDINAL_ENROLLED_EMAIL and CARDINAL_ENROLLED_SETUP_PAYLOAD (a cardholder the sandbox keeps enrolled)',
            );
            holder = setup.enrolled!;
          }
        }
        // A new device is another one than the enrolled: a captured payload stands for it only when it differs.
        const otherDevice =
          setup.newDevicePayload && setup.newDevicePayload !== holder.device ? setup.newDevicePayload : newDevice();
        const request = signed(setup, {
          Email: row.knownElsewhere ? newEmail() : holder.email,
          FidoSetupPayload: row.sameDevice || !row.enrolled ? holder.device : otherDevice,
          AccountNumber: row.samePan || !row.enrolled ? holder.pan : setup.secondFidoPan!,
        });
        ruleCheck(
          'CDX-FLOWTYPE',
          success(await dx.getInfo(request), request, setup).Payload.Account.Fido?.FlowType,
          'FlowType',
        ).toBe(row.flow);
      },
    );
  }
});

test.describe('card data in clear', () => {
  // Every answer of every test is scanned (providerTest); this one meets each kind of answer once.
  test(
    'no answer carries the full AccountNumber, only its LastFour',
    req('CDX-NO-CLEAR-CARD-DATA'),
    async ({ dx, setup, answers }) => {
      await Promise.all(knownPans(setup).map((pan) => dx.getInfo(signed(setup, { AccountNumber: pan }))));
      await dx.getInfo(signed(setup, {}, { credentials: { ...setup.credentials, apiKey: 'not-the-key' } }));
      await dx.getInfo(signed(setup, { CardType: 'VISA' }));
      await dx.getInfo(signed(setup, { Email: undefined }));
      expect(answers.check(), 'answers scanned').toBeGreaterThanOrEqual(4);
    },
  );
});
