import { defineVariants } from '../../core/variants.ts';

// Choices Exa's document leaves open: the SIWE statement's wording (only "a fully formed SIWE
// message" is written), where the binding PATCH lives when mounted under /card, extra fields.
export const exaVariants = defineVariants([
  {
    name: 'statement-wording',
    description: 'the binding statement (SIWE statement and WebAuthn challenge) is worded otherwise',
  },
  {
    name: 'bind-path-card',
    description: 'the binding PATCH is served at /card, stated in the profile',
    profile: { bindPath: '/card' },
  },
  { name: 'extra-response-fields', description: 'the card answer also carries fields no document names' },
  {
    name: 'other-limit-frequency',
    description: 'limit.frequency is "perMonth", a value the document does not list (its server code is no contract)',
  },
] as const);

export type ExaVariantName = (typeof exaVariants)[number]['name'];
