// ESLint: the checks a type checker cannot make. Type-aware typescript-eslint
// rules catch promises that are dropped or returned past a `finally` (a file
// handle closed before the read it serves); eslint-plugin-regexp catches
// regular expressions that backtrack super-linearly on hostile text; the
// security rules keep repository content from ever running as code. The
// import rules (cycles, layers, @actions/* only at the edge) are
// dependency-cruiser's: .dependency-cruiser.cjs.
import js from '@eslint/js';
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

const promiseRules = {
  '@typescript-eslint/no-floating-promises': [
    'error',
    {
      // node:test collects top-level describe/it/test calls itself; their
      // returned promise is the runner's, not ours to await.
      allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite'] }],
    },
  ],
  // Inside try/catch/finally a returned promise must be awaited, or `finally`
  // runs (and closes what the promise still reads) before it settles.
  '@typescript-eslint/return-await': ['error', 'in-try-catch'],
  '@typescript-eslint/no-misused-promises': 'error',
};

// Every scanned byte may be hostile: nothing read from a repository may run
// as code, and no module is chosen at run time.
const noCodeFromData = {
  'no-eval': 'error',
  'no-implied-eval': 'off',
  '@typescript-eslint/no-implied-eval': 'error',
  'no-new-func': 'error',
};
// Only our own modules may be imported late, by a literal relative path (the
// bundler turns such an import into a chunk of the bundle): nothing else is chosen at run time.
const noDynamicImport = {
  selector: "ImportExpression:not([source.type='Literal'][source.value=/^\\.\\.?\\//])",
  message: 'No dynamic import() but of our own module by a literal relative path: every module is bundled and chosen at build time.',
};
const noFocusedTests = [
  {
    selector: "CallExpression > MemberExpression.callee[object.name=/^(describe|it|test|suite)$/][property.name='only']",
    message: 'Focused test left in: it hides every other test.',
  },
  {
    selector: "Property[key.name='only'][value.value=true]",
    message: 'Focused test left in ({ only: true }): it hides every other test.',
  },
];
const noCodeRunner = {
  paths: ['child_process', 'vm', 'worker_threads'].flatMap((name) =>
    [name, `node:${name}`].map((spec) => ({ name: spec, message: 'No child process, vm or worker in the engine: repository content never runs.' })),
  ),
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'examples/**', 'docs/**', 'schema/**', '.relaygate-tmp/**'] },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  {
    files: ['**/*.ts', '**/*.mts', '**/*.mjs'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked, regexp.configs['flat/recommended']],
    languageOptions: {
      parserOptions: {
        projectService: {
          // The build scripts are plain JavaScript outside tsconfig.json; they
          // are checked (allowJs) against the same compiler options.
          allowDefaultProject: ['scripts/*.mjs', 'eslint.config.mjs'],
          defaultProject: 'tsconfig.json',
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      ...promiseRules,
      ...noCodeFromData,
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      // Spelling preferences only (\w for [A-Za-z0-9_], \d for [0-9], the i
      // flag for [A-Za-z], (?:) for a group never read): they change neither
      // what a pattern matches nor how fast.
      'regexp/prefer-w': 'off',
      'regexp/prefer-d': 'off',
      'regexp/use-ignore-case': 'off',
      'regexp/no-unused-capturing-group': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', ...noFocusedTests],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', noDynamicImport, ...noFocusedTests],
      // The engine returns data; only the edge prints.
      'no-console': 'error',
      'no-restricted-imports': ['error', noCodeRunner],
    },
  },
  {
    // The command line is the edge that prints.
    files: ['src/cli.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // The CLI's entry starts one worker thread, on its own bundled file (the
    // scan, with a capped young generation); nothing of the repository runs.
    files: ['src/cli.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: noCodeRunner.paths.filter((p) => p.name !== 'worker_threads' && p.name !== 'node:worker_threads') },
      ],
    },
  },
  {
    // These two run the git program (with hooks and fsmonitor disabled) on the
    // workspace to list files and read the pull request's base; no file of the
    // repository is ever executed.
    files: ['src/discover/git-files.ts', 'src/github/git.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Tests read JSON reports back (JSON.parse gives any), fake async
    // interfaces with methods that have nothing to await, and match
    // relaygate's own bounded output, never hostile text. The promise rules
    // stay on.
    files: ['test/**/*.ts'],
    rules: {
      'regexp/no-super-linear-backtracking': 'off',
      'regexp/no-super-linear-move': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Plain JavaScript has no declared types: every JSON.parse and untyped
    // import is any, so the no-unsafe-* rules would flag each use.
    files: ['**/*.mjs'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['**/*.cjs'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
);
