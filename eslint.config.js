// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Packages that run on every runtime (Workers, Deno, Bun, Lambda) must not pull in node:* modules.
const RUNTIME_NEUTRAL = ['sync', 'async', 'router', 'aws-lambda', 'fetch'];

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', '**/.turbo/**', '**/fixtures/**/*.js'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', '*.mjs', '*.cjs'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only (STYLE.md: Public surface).' },
        {
          selector: 'ExportAllDeclaration[exported=null]',
          message: 'No `export *`: list what is public in src/index.ts.',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@tsgi/*/src', '@tsgi/*/src/*', '../../*/src/*', '../../../packages/*/src/*'],
              message: "No package reaches into another's src/: import its public entry.",
            },
          ],
        },
      ],
    },
  },
  {
    files: RUNTIME_NEUTRAL.map((name) => `packages/${name}/src/**/*.ts`),
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'Runtime-neutral package: no node:* imports (STYLE.md: Layout).' },
            {
              group: ['@tsgi/*/src', '@tsgi/*/src/*', '../../*/src/*'],
              message: "No package reaches into another's src/: import its public entry.",
            },
          ],
        },
      ],
    },
  },
  {
    // Test files and configs may be looser: they poke at invalid input on purpose.
    files: ['**/*.test.ts', '**/test/**/*.ts', '**/*.config.ts', '**/*.config.js'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/unbound-method': 'off',
      'no-restricted-syntax': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
