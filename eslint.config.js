// One lint configuration for the whole monorepo: typescript-eslint strict type-checked rules.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

const APPS = ['offline', 'nearline', 'online'];

/** Package-name imports each workspace may not make: the dependency direction as a lint rule. */
const forbiddenImports = {
  shared: ['@mediassist/feature-store', ...APPS.map((a) => `@mediassist/${a}`)],
  'feature-store': APPS.map((a) => `@mediassist/${a}`),
  ...Object.fromEntries(
    APPS.map((app) => [app, APPS.filter((other) => other !== app).map((o) => `@mediassist/${o}`)]),
  ),
};

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.turbo/**',
      '.mediassist/**',
      '**/coverage/**',
      'online/web/dist/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      eqeqeq: ['error', 'always'],
      curly: ['error', 'all'],
      'max-params': ['error', 3],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSEnumDeclaration',
          message: 'Use an `as const` object and a union instead of enum.',
        },
        {
          selector:
            "CallExpression[callee.property.name='only'][callee.object.name=/^(it|describe|test)$/]",
          message: 'Focused tests (.only) must not be committed.',
        },
      ],
    },
  },
  ...Object.entries(forbiddenImports).map(([pkg, names]) => ({
    files: [`${pkg}/**/*.ts`, `${pkg}/**/*.tsx`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: names.flatMap((n) => [n, `${n}/*`]),
              message:
                'Dependency direction: shared ← feature-store ← {offline, nearline, online}; apps never import each other.',
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.test.ts', '**/*.int.test.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  prettier,
);
