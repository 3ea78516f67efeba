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
  let cardDataUrl = `${baseUrl}/v4/card-data/view`;
  let frameUrl = vars.ENFUCE_CARD_DATA_FRAME_URL ?? `${baseUrl}/v4/card-data/frame`;
  const controlToken = await captureSeed('POST /v4/card/{cardId}/controlToken', async (http) => {
    const ex = await client(http).controlToken(cardId);
    const body = JSON.parse(ex.response.body) as { token: string; cardDataUrl?: string; cardDataFrameUrl?: string };
    token = body.token;
    cardDataUrl = body.cardDataUrl ?? cardDataUrl;
    frameUrl = body.cardDataFrameUrl ?? frameUrl;
    return ex;
  });
  return [
    controlToken,
    await captureSeed('POST /v4/card-data/view', (http) => client(http).viewCardData(cardDataUrl, token)),
    await captureSeed('GET /v4/card-data/frame', (http) =>
      send(
        {
          method: 'GET',
          url: EnfuceClient.frameUrl(frameUrl, vars.ENFUCE_FRAME_KEY ?? 'demo-merchant'),
          headers: { accept: 'text/html' },
        },
        http,
      ),
    ),
  ];
}
