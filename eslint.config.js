import js from '@eslint/js'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import { importX } from 'eslint-plugin-import-x'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import react from 'eslint-plugin-react'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// Nothing imports the root route, not even its types: it imports the layout, so any reader of root
// data would close a cycle. Root data has a declared type and one reader (~/utils/root-data).
const rootRouteImport = {
  name: '~/root',
  message: 'Read the root data with useRootData/rootDataFromMatches from ~/utils/root-data.',
}

export default tseslint.config(
  {
    ignores: ['build/', 'node_modules/', 'data/', 'test-results/', 'playwright-report/', '.cache/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['app/**/*.{ts,tsx}', '*.ts', 'db/**/*.ts', 'tests/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { react, 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    settings: { react: { version: 'detect' } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs['jsx-runtime'].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.recommended.rules,
      'react/prop-types': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-imports': ['error', { paths: [rootRouteImport] }],
    },
  },
  {
    // No import cycles: a cycle makes module load order decide whether a value is still undefined.
    // Type-only imports are erased at build time, so the rule does not follow them.
    files: ['app/**/*.{ts,tsx}', 'db/**/*.ts', '*.ts', 'scripts/**/*.ts', 'tests/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // Without these the rule reads only .js files and silently finds nothing in TypeScript.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.jsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    // db/ is a leaf: connection, schema types, migrator, frozen migrations and reference data.
    // Nothing in it imports the app; the demo seed is app/seed, the database commands scripts/db.ts.
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [rootRouteImport],
          patterns: [
            {
              group: ['~/*', '~/**', '\\#app/**', '**/app/**'],
              message: 'db/ imports nothing from app/: move the code that needs the app into app/.',
            },
          ],
        },
      ],
    },
  },
  {
    // The one place `any` stays: migrations are frozen once on main, and Kysely's Migration
    // interface takes Kysely<any> (a migration must not depend on today's schema types).
    files: ['db/migrations/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Playwright fixtures call `use`, which is not React's hook.
    files: ['tests/e2e/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    files: ['app/routes/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'kysely', message: 'Routes call models; queries live in app/models.' },
            rootRouteImport,
          ],
        },
      ],
    },
  },
  {
    // UI text comes from the translation files: no literal strings in JSX.
    files: ['app/routes/**/*.tsx', 'app/components/**/*.tsx', 'app/root.tsx'],
    rules: {
      'react/jsx-no-literals': [
        'error',
        {
          noStrings: false,
          allowedStrings: ['·', '–', '—', '(', ')', ':', '◆', '/', '|', '…'],
          ignoreProps: true,
        },
      ],
    },
  },
)
