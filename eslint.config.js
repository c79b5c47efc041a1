// One lint setup for every package (`pnpm lint`): ESLint's and typescript-eslint's recommended rules
// (syntax only, no type information, so it runs in seconds), React's hook rules for the web app, and
// eslint-config-prettier last so no rule argues with the formatter (`pnpm format`).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // generated, built or vendored
    ignores: ['**/node_modules/', '**/dist/', '**/coverage/', '**/.data/', 'test-output/', 'db/migrations/', 'web/src/gql/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // dropping a key by destructuring (`const { [name]: _, ...rest } = errors`) is how a field is removed
      // without mutating; a leading underscore marks a parameter an interface requires but this code ignores
      '@typescript-eslint/no-unused-vars': [
        'error',
        { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // tests read JSON answers (GraphQL, the Stripe stand-in's HTTP API) loosely, property by property
    files: ['test/**/*.ts', '**/*.test.ts', '**/*.test.tsx', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The two classic hook rules. Version 7's `recommended` set adds the React Compiler's rules, left out here:
    // the app is not built with React Compiler, and those rules run the compiler over every component
    // (about 20 s, half of the whole lint).
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  prettier,
);
