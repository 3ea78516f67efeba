import type { ZodObject, ZodType } from 'zod';
import type { Defect } from '../core/defects.ts';
import type { Variant } from '../core/variants.ts';
import type { FreeChoice } from '../core/choices.ts';
import type { EndpointDoc } from '../core/openapi.ts';
import type { Requirement } from '../core/requirements.ts';
import type { SentenceCoverage } from '../core/document-coverage.ts';
import type { Seed } from '../fuzz/mutations.ts';

export interface ProviderDefinition {
  /** The id names the Playwright projects, the folders and the env-var prefix. */
  id: string;
  title: string;
  /** The provider's document the contract comes from, as a reader finds it: its title, and its address where it gives one. */
  document: { title: string; url?: string };
  requirements: Record<string, Requirement>;
  /** Every testable sentence of the document, quoted, with the requirement ids that check it or why none can. */
  coverage: readonly SentenceCoverage[];
  defects: readonly Defect[];
  /** Choices within the documents, each a --variant of the mock that the suite must not fail. */
  variants: readonly Variant[];
  /**
   * Every point where the documents and the standards leave the implementer a choice, with its
   * options (made by the variants) and the profile option that states it: what a draw picks from.
   */
  choices: readonly FreeChoice[];
  /**
   * Requirements a sandbox run (no /__mock/ control, every variable set) cannot check fully, each
   * with why: only what needs control of the server's clock or state by nature. test/package.test.ts
   * holds every other requirement to a full check against the mock run as a sandbox.
   */
  liveExceptions: Readonly<Record<string, string>>;
  /**
   * Defects that only a run with /__mock/ control can catch, each with why (`defects --live` must
   * catch every other one, and must not catch these, or the declaration is out of date).
   */
  controlledOnlyDefects?: Readonly<Record<string, string>>;
  /**
   * Requirements no defect of the reference mock can break, each with why and where else the check
   * is proven able to fail (a unit test of its judgement). Every other requirement has a defect.
   */
  beyondTheMock?: Readonly<Record<string, string>>;
  /**
   * Why this provider's checks may share a sandbox two at a time (no check changes what another
   * reads: each issues its own tokens). Without it, a target at a URL gets one worker.
   */
  parallelOnSandbox?: string;
  /**
   * Why this provider has checks in a real browser (specs/<id>/browser.spec.ts): the suite gives
   * them a project of their own, run first (playwright.config.ts).
   */
  browserChecks?: string;
  /** Zod schemas by the file name their JSON Schema is emitted to (schemas/json/<id>/<name>.json). */
  schemas: Record<string, ZodType>;
  /** The HTTP endpoints, with the schema names of their parts: the OpenAPI document (schemas/openapi/<id>.json). */
  endpoints: readonly EndpointDoc[];
  /** Switchable defaults the harness pins where the documents are silent; parse({}) gives the defaults. */
  profile: ZodObject;
  env: {
    baseUrl: string;
    /** Env vars the provider's checks read, with what each is. */
    vars: Record<string, string>;
    /** Needed when baseUrl is set (a live target). */
    required: readonly string[];
    /**
     * Optional variables with a fallback that loses no check, each with what stands in for it. Any
     * other optional variable, left unset, is named by the note of a check it leaves out or
     * weakens (test/variables.test.ts).
     */
    fallbacks?: Readonly<Record<string, string>>;
  };
  /** What the fuzzer starts from: valid requests read off a running mock, and extra error schemas. */
  fuzz: {
    seeds(baseUrl: string, vars: Readonly<Record<string, string | undefined>>): Promise<Seed[]>;
    /** Error bodies beyond the documented ≥ 400 responses (Cardinal answers errors in HTTP 200). */
    errorSchemas?: readonly string[];
  };
  /**
   * The URLs the target's answers send a browser to (Enfuce: its token answer's cardDataUrl and
   * cardDataFrameUrl), asked of the target before a run with the vendor's variables: the browser's
   * trust (keys pinned against --ca) and client certificate must reach their origins too, which
   * may be others than the base URL's. Empty when the target gives none.
   */
  returnedUrls?(baseUrl: string, vars: Readonly<Record<string, string | undefined>>): Promise<string[]>;
  /** Lines the `mock` command prints for a person: test credentials, agreed keys. */
  mockNotes: readonly string[];
  /** Seeded cards: ids, and the secrets the leak checks look for. */
  testCards: readonly { id: string; pan: string; cvv?: string; pin?: string; summary: string }[];
}

/** The light half of a definition (src/providers/<id>/catalogue.ts): what text commands need, nothing that loads a mock or crypto. */
export type ProviderCatalogue = Pick<
  ProviderDefinition,
  | 'id'
  | 'title'
  | 'document'
  | 'requirements'
  | 'coverage'
  | 'defects'
  | 'variants'
  | 'choices'
  | 'liveExceptions'
  | 'controlledOnlyDefects'
  | 'beyondTheMock'
  | 'parallelOnSandbox'
  | 'browserChecks'
  | 'profile'
  | 'env'
  | 'testCards'
>;
