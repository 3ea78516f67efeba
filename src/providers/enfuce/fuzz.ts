// Enfuce's fuzz seeds: the control-token POST, the mobile form POST and the frame GET, as the client sends them.
import { captureSeed, mockState, type Seed } from '../../fuzz/seed.ts';
import { EnfuceClient } from './client.ts';
import { send, type SendOptions } from '../../core/http.ts';


export async function enfuceFuzzSeeds(baseUrl: string): Promise<Seed[]> {
  const s = await mockState<{ cards: { cardId: string; status: string }[]; credentials: { username: string; password: string } }>(baseUrl);
  const cardId = s.cards.find((c) => c.status === 'ACTIVE')!.cardId;
  const client = (http: SendOptions) => new EnfuceClient({ baseUrl, ...s.credentials, http });
  let token = '';
  let cardDataUrl = `${baseUrl}/v4/card-data/view`;
  let frameUrl = `${baseUrl}/v4/card-data/frame`;
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
    await captureSeed('GET /v4/card-data/frame', (http) => send({ method: 'GET', url: EnfuceClient.frameUrl(frameUrl, 'demo-merchant'), headers: { accept: 'text/html' } }, http)),
  ];
}
