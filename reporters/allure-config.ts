// The Allure 3 report's settings for `card-reveal-harness report`, written beside the results as
// allurerc.json: the tree groups results by provider (epic), endpoint (feature) and requirement
// (story); a category per kind of verdict, matched on the `verdict` label the requirement results
// carry (reporters/allure-requirements.ts); and the history file that keeps trends between runs.
import { VERDICT_WORD } from './render-matrix.ts';
import { HARNESS_ERROR } from './allure-requirements.ts';

const exactly = (word: string) => `^${word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`;

export const ALLURE_CATEGORIES = [
  { name: 'Product defect', matchers: { labels: { verdict: exactly(VERDICT_WORD.fail) } } },
  { name: 'Warning: default departed from', matchers: { labels: { verdict: exactly(VERDICT_WORD.warn) } } },
  { name: 'Accepted risk', matchers: { labels: { verdict: exactly(VERDICT_WORD.accepted) } } },
  { name: 'Harness error', matchers: [{ labels: { verdict: exactly(HARNESS_ERROR) } }, { statuses: ['broken'] }] },
  {
    name: 'Not checked here',
    matchers: [
      { labels: { verdict: `${exactly(VERDICT_WORD['not-applicable'])}|${exactly(VERDICT_WORD['not-run'])}` } },
      { labels: { coverage: '^partial$' } },
    ],
  },
];

export function allureConfig(historyPath: string): Record<string, unknown> {
  return {
    name: 'card-reveal-harness conformance',
    historyPath,
    categories: { rules: ALLURE_CATEGORIES },
    plugins: {
      awesome: {
        options: {
          reportName: 'card-reveal-harness conformance',
          groupBy: ['epic', 'feature', 'story'],
        },
      },
    },
  };
}
