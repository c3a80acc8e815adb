// A small, strict lint: the recommended rules of ESLint, typescript-eslint and eslint-plugin-svelte,
// plus the one architecture rule a linter sees better than an import graph: SQL is written only
// in src/main/store (ARCHITECTURE.md). Layering and cycles: .dependency-cruiser.cjs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

/** Calls that run SQL on a better-sqlite3 handle; `.exec` only with SQL text (RegExp#exec takes a string variable). */
const SQL_CALLS = [
  { selector: "CallExpression[callee.property.name=/^(prepare|pragma|transaction|backup|serialize|function|aggregate|table)$/]", message: 'SQL belongs in src/main/store (ARCHITECTURE.md: the store is the only owner of SQL).' },
  { selector: "CallExpression[callee.property.name='exec'][arguments.0.type=/^(Literal|TemplateLiteral)$/]", message: 'SQL belongs in src/main/store (ARCHITECTURE.md: the store is the only owner of SQL).' },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tools/**', 'test-results/**', 'bench/.data/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // the plugin's rule set names no files; keep it to Svelte components and rune modules
  ...svelte.configs.recommended.map((c) => (c.rules && !c.files ? { ...c, files: ['**/*.svelte', '**/*.svelte.ts'] } : c)),
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      // the sanitizers match control characters on purpose (terminal output, file names)
      'no-control-regex': 'off',
      // flags every Map/Set/URLSearchParams in a component, also locals that are never state
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/renderer/**/*.{ts,svelte}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    files: ['src/**/*.{ts,svelte}'],
    ignores: ['src/main/store/**'],
    rules: { 'no-restricted-syntax': ['error', ...SQL_CALLS] },
  },
  {
    // tests and benches may prepare SQL to check what the store wrote, and print figures
    files: ['test/**', 'bench/**', 'scripts/**'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
);
