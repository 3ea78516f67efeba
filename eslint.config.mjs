// typescript-eslint's recommended rules over the harness, its tests and scripts (npm test runs
// `npm run lint`: this, then Prettier's check).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.build/',
      'reports/',
      'allure-report/',
      'reports-history/',
      'schemas/json/',
      'schemas/openapi/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      // A name that starts with _ is left unused on purpose (a destructured field kept out of the rest).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Playwright's fixtures take their dependencies as an object pattern, an empty one where there are none.
      'no-empty-pattern': 'off',
    },
  },
);
