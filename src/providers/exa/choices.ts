import { defineChoices } from '../../core/choices.ts';
import { exaVariants } from './variants.ts';
import { ExaProfile } from './profile.ts';

// Where Exa's document (and the standards) leave the implementer a choice; the first option of
// each is the reference mock's. `variants --generated` draws them (src/core/choices.ts).
export const exaChoices = defineChoices(exaVariants, [
  {
    name: 'statement-wording',
    why: 'only "a fully formed SIWE message" is written: the statement\'s words are free',
    options: [{ value: 'the reference wording' }, { value: 'other words', variants: ['statement-wording'] }],
  },
  {
    name: 'bind-path',
    why: 'the document writes "PATCH /"; a server mounted under /card serves it there',
    profileOption: 'bindPath',
    options: [
      { value: '/', profile: { bindPath: '/' } },
      { value: '/card', variants: ['bind-path-card'], profile: { bindPath: '/card' } },
    ],
  },
  {
    name: 'card-answer-fields',
    why: "the card answer's example shows some fields; more are not excluded",
    options: [{ value: 'the documented' }, { value: 'also createdAt, color', variants: ['extra-response-fields'] }],
  },
  {
    name: 'limit-frequency',
    why: "the document names limit.frequency, not its values (the list is from Exa's server code)",
    profileOption: 'limitFrequencies',
    options: [
      { value: 'per30DayPeriod' },
      {
        value: 'perMonth',
        variants: ['other-limit-frequency'],
        profile: { limitFrequencies: [...ExaProfile.parse({}).limitFrequencies, 'perMonth'] },
      },
    ],
  },
]);
