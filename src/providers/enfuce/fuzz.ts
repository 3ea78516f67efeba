// Enfuce's fuzz seeds: the control-token POST, the mobile form POST and the frame GET, as the client
// sends them, from the variables a vendor sets (a mock's own, written by `mock --write-env`).
import { captureSeed, need, type Seed, type VendorVars } from '../../fuzz/seed.ts';
import { EnfuceClient } from './client.ts';
import { send, type SendOptions } from '../../core/http.ts';

export async function enfuceFuzzSeeds(baseUrl: string, vars: VendorVars): Promise<Seed[]> {
  const cardId = need(vars, 'ENFUCE_CARD_ID');
  const client = (http: SendOptions) =>
    new EnfuceClient({
      baseUrl,
      username: need(vars, 'ENFUCE_USERNAME'),
      password: need(vars, 'ENFUCE_PASSWORD'),
      http,
    });
  let token = '';
  // The document names no card-data path: the pages are where the token answer points.
  let cardDataUrl: string | undefined;
  let frameUrl = vars.ENFUCE_CARD_DATA_FRAME_URL;
  const controlToken = await captureSeed('POST /v4/card/{cardId}/controlToken', async (http) => {
    const ex = await client(http).controlToken(cardId);
    const body = JSON.parse(ex.response.body) as { token: string; cardDataUrl?: string; cardDataFrameUrl?: string };
    token = body.token;
    cardDataUrl = body.cardDataUrl ?? cardDataUrl;
    frameUrl = body.cardDataFrameUrl ?? frameUrl;
    return ex;
  });
  if (!cardDataUrl) throw new Error('fuzz seeds: the controlToken answer returned no cardDataUrl');
  const viewUrl = cardDataUrl;
  const frame = frameUrl;
  return [
    controlToken,
    await captureSeed('POST cardDataUrl', (http) => client(http).viewCardData(viewUrl, token), { page: true }),
    ...(frame
      ? [
          await captureSeed(
            'GET cardDataFrameUrl',
            (http) =>
              send(
                {
                  method: 'GET',
                  url: EnfuceClient.frameUrl(frame, vars.ENFUCE_FRAME_KEY ?? 'demo-merchant'),
                  headers: { accept: 'text/html' },
                },
                http,
              ),
            { page: true },
          ),
        ]
      : []),
  ];
}
