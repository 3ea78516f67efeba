// The URLs Enfuce's token answer sends a device to: the document names no path or host for them
// ("the cardDataUrl"), so the run asks the target once, before it starts, where they are.
import { EnfuceClient } from './client.ts';

/** cardDataUrl and cardDataFrameUrl of a token issued with the vendor's variables; none if it issues none. */
export async function enfuceReturnedUrls(
  baseUrl: string,
  vars: Readonly<Record<string, string | undefined>>,
): Promise<string[]> {
  const { ENFUCE_USERNAME: username, ENFUCE_PASSWORD: password, ENFUCE_CARD_ID: cardId } = vars;
  if (!username || !password || !cardId) return [];
  const ex = await new EnfuceClient({ baseUrl, username, password }).controlToken(cardId);
  if (ex.response.status !== 201) return [];
  const body = JSON.parse(ex.response.body) as { cardDataUrl?: unknown; cardDataFrameUrl?: unknown };
  return [body.cardDataUrl, body.cardDataFrameUrl].filter(
    (u): u is string => typeof u === 'string' && /^https?:\/\//.test(u),
  );
}
