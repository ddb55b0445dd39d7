// The import rules of the project (run by `npm run lint`): arrows point
// down the pipeline, the two axes of src/sources stay apart, the engine runs
// anywhere, and no file of src/ is dead.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment:
        'An import cycle: the modules cannot be read, tested or loaded one before the other. ' +
        'A cycle closed by an `import type` is erased at compile time (verbatimModuleSyntax) and is not counted here; ' +
        'in src/sources even those are (rule no-cycle-in-sources).',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-cycle-in-sources',
      comment: 'src/sources is layered (contracts, languages, ecosystems, registries, steps, stage): not even types may point back up.',
      severity: 'error',
      from: { path: '^src/sources/' },
      to: { path: '^src/sources/', circular: true },
    },
    {
      name: 'contracts-are-a-leaf',
      comment: 'src/sources/contracts/ holds the types every tree shares: it imports only src/model/ and itself.',
      severity: 'error',
      from: { path: '^src/sources/contracts/' },
      to: { path: '^src/', pathNot: '^src/(model|sources/contracts)/' },
    },
    {
      name: 'languages-know-no-tool',
      comment: 'A language (how text is read) never uses an ecosystem (what a tool means); ecosystems use languages.',
      severity: 'error',
      from: { path: '^src/sources/languages/' },
      to: { path: '^src/sources/ecosystems/' },
    },
    {
      name: 'axes-below-registries',
      comment:
        'Languages and ecosystems are what the registries (template-languages.ts, host-formats.ts) list and the stage ' +
        'steps run: they import neither, nor the rest of the pipeline.',
      severity: 'error',
      from: { path: '^src/sources/(contracts|languages|ecosystems)/' },
      to: {
        path: [
          '^src/sources/(template-languages|host-formats|stage|extract|annotate|extra-vars)\\.ts$',
          '^src/sources/(render|replay)/',
          '^src/(scan|main|cli)\\.ts$',
          '^src/(config|policy|report|github|cli)/',
        ],
      },
    },
    {
      name: 'mta-and-rules-below-sources',
      comment: 'The MTA parsers and the rules judge configurations; where those came from (src/sources) is not their business.',
      severity: 'error',
      from: { path: '^src/(mta|rules)/' },
      to: { path: '^src/sources/' },
    },
    {
      name: 'sources-read-through-the-repository-reader',
      comment:
        'Every repository file src/sources reads beyond the discovered candidate goes through the RepositoryReader it is ' +
        'given (src/sources/contracts/repository.ts, the one file here that touches the file system): the sources stage ' +
        'records what each rendering and extraction reads as the inputs of its configuration, which the pull-request scope needs.',
      severity: 'error',
      from: { path: '^src/sources/', pathNot: '^src/sources/contracts/repository[.]ts$' },
      to: { dependencyTypes: ['core'], path: '^(node:)?fs(/promises)?$' },
    },
    {
      name: 'actions-only-at-the-edge',
      comment:
        'scan() and everything it calls must run anywhere: only src/main.ts, src/github/ and the GitHub reporters ' +
        '(src/report/github-*.ts) may import @actions/*.',
      severity: 'error',
      from: { path: '^src/', pathNot: ['^src/main\\.ts$', '^src/github/', '^src/report/github-[^/]*\\.ts$'] },
      to: { path: '^@actions/|node_modules/@actions/' },
    },
    {
      name: 'no-dead-file',
      comment: 'A file under src/ that nothing imports (the entry points, scripts, bench and tests included) is dead code.',
      severity: 'error',
      from: { path: ['^src/(main|cli)\\.ts$', '^scripts/', '^bench/', '^test/'] },
      to: { path: '^src/', pathNot: '^src/(main|cli)\\.ts$', reachable: false },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
  },
};
