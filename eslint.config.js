// House rules checked in `npm test`: TypeScript's recommended rules, no page content
// into HTML sinks, and the boundaries between the parts of the extension.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import noUnsanitized from 'eslint-plugin-no-unsanitized';

/** Folders of the extension that `src/core` must not reach: core runs in Node and in every context alike. */
const OUTSIDE_CORE = ['**/background/**', '**/content/**', '**/pages/**', '**/popup/**', '**/platform/**', '**/ui/**', '**/cli/**', '**/messaging/ports*', './ports*'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'tests/artifacts/**', 'web-ext-artifacts/**', '**/*.js', '!eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  noUnsanitized.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "AssignmentExpression[left.property.name='innerHTML'] ", message: 'Page content is data: build nodes with createElement and textContent.' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Page content is data: pass it as a child, which becomes a text node.' },
      ],
    },
  },
  {
    // The in-page cards are JSX made into elements by dom-chef (its classic h, set by each file's pragma), not Preact.
    files: ['src/content/**/*.tsx'],
    languageOptions: { parserOptions: { jsxPragma: 'h', jsxFragmentName: 'Fragment' } },
  },
  {
    // The message map, its schemas and the router are as pure as core; only messaging/ports.ts talks to the extension API.
    files: ['src/core/**/*.ts', 'src/messaging/**/*.ts'],
    ignores: ['src/messaging/ports.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: OUTSIDE_CORE, message: 'src/core (and messaging but its ports) uses no extension API and no extension context.' }],
          paths: [{ name: 'webextension-polyfill', message: 'src/core (and messaging but its ports) uses no extension API.' }],
        },
      ],
      'no-restricted-globals': ['error', { name: 'chrome', message: 'src/core uses no extension API.' }, { name: 'browser', message: 'src/core uses no extension API.' }],
    },
  },
  {
    // What every page of the three sites loads: the rest comes on demand (see scripts/build.ts).
    files: ['src/content/index.ts', 'src/content/main.ts', 'src/content/text-additions.ts', 'src/content/page-watch.ts', 'src/content/lookup-gesture.ts', 'src/content/pinyin-habit.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['valibot', 'pinyin-pro', '@mozilla/readability', 'dexie', 'preact', 'dom-chef'].map((name) => ({
            name,
            message: 'The always-loaded content script stays small: load this on demand.',
          })),
        },
      ],
    },
  },
);
