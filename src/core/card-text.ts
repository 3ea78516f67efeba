// Reads card data out of a page as a person would: the visible text, whatever the markup.
import { panLikeNumbers } from './mask.ts';

export interface ExpectedCard {
  pan: string;
  expiry?: string | undefined;
  cvv2?: string | undefined;
}

export function visibleText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Which parts of the card the text shows. PAN grouping (spaces, dashes) is ignored. */
export function cardShown(text: string, card: ExpectedCard) {
  const digitsOnly = text.replace(/(?<=\d)[ -](?=\d)/g, '');
  const expiryForms = card.expiry ? expiryVariants(card.expiry) : [];
  return {
    pan: digitsOnly.includes(card.pan),
    expiry: expiryForms.some((e) => text.includes(e)),
    cvv2: card.cvv2 !== undefined && new RegExp(`(?<!\\d)${card.cvv2}(?!\\d)`).test(text),
  };
}

/**
 * The text shows the card: its PAN, and expiry and CVV2 where the card gives them; with no expected
 * card (a live target without ENFUCE_CARD_PAN), a Luhn-valid card number.
 */
export function showsCard(text: string, card: ExpectedCard | undefined): boolean {
  if (!card) return panLikeNumbers(text).length > 0;
  const shown = cardShown(text, card);
  return shown.pan && (card.expiry === undefined || shown.expiry) && (card.cvv2 === undefined || shown.cvv2);
}

function expiryVariants(mmYY: string): string[] {
  const m = /^(\d{2})\/(\d{2})$/.exec(mmYY);
  return m ? [`${m[1]}/${m[2]}`, `${m[1]}/20${m[2]}`, `${m[1]}-${m[2]}`] : [mmYY];
}
