// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['dist/**', 'dist-*/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': ['error', { allow: ['error', 'warn'] }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The dependency rule of DEVELOPERS.md: each layer imports only the layers below it.
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '**/machines/**',
            '**/device-adapters/**',
            '**/stores',
            '**/stores/**',
            '**/kiosk-ui/**',
            'preact',
            'preact/*',
            'xstate',
          ],
        },
      ],
    },
  },
  {
    files: ['device-adapters/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '**/machines/**',
            '**/stores',
            '**/stores/**',
            '**/kiosk-ui/**',
            'preact',
            'preact/*',
            'xstate',
          ],
        },
      ],
    },
  },
  {
    // The hall server and its pages share the domain with the kiosk, nothing else of ours: the
    // kiosk's stores, machines, devices and screens are not the server's.
    files: ['hall-server/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '**/machines',
            '**/machines/**',
            '**/device-adapters',
            '**/device-adapters/**',
            '**/stores',
            '**/stores/**',
            '**/kiosk-ui/**',
            'xstate',
          ],
        },
      ],
    },
  },
  {
    // Stores keep what the kiosk remembers or looks up (IndexedDB, the registry, the hall server):
    // they build on the domain only; the composition root in kiosk-ui hands them to the machines.
    files: ['stores/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '**/machines',
            '**/machines/**',
            '**/device-adapters',
            '**/device-adapters/**',
            '**/kiosk-ui/**',
            'preact',
            'preact/*',
            'xstate',
          ],
        },
      ],
    },
  },
  {
    // Machines see devices only through their interfaces: type imports, never drivers or mocks.
    files: ['machines/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/kiosk-ui/**', 'preact', 'preact/*'],
              message: 'Machines never touch the DOM or the UI.',
            },
            {
              group: ['**/stores', '**/stores/**'],
              message:
                'Machines reach stores through the domain ports (QueueService, PrintJournal, LicenceRegistry); the composition root supplies them.',
            },
            {
              group: ['**/device-adapters', '**/device-adapters/**'],
              allowTypeImports: true,
              message:
                'Machines use adapter interfaces only (import type); the composition root supplies the actors.',
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      'scripts/**/*.mjs',
      'deploy/**/*.mjs',
      'bench/**/*.mjs',
      '*.config.{js,ts}',
      '*.cjs',
      'playwright.config.ts',
    ],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-console': 'off' },
  },
);
