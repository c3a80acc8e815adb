// The layer rules of ARCHITECTURE.md, checked by `npm run lint` and test/architecture.test.ts.
// Each layer of src/main imports only the layers below it; electron stays in the shell and the
// preload; the database driver stays in the store; nothing imports in a circle.
/** layer -> the folders (besides itself and src/shared) it may import */
const LAYERS = {
  reader: [],
  store: [],
  import: ['reader', 'store', 'analysis'],
  analysis: [],
  vault: ['store'],
  service: ['reader', 'store', 'import', 'analysis', 'vault'],
  cli: ['service'],
  shell: ['service', 'vault', 'import'],
};

const layerRules = Object.entries(LAYERS).map(([layer, below]) => ({
  name: `layer-${layer}`,
  comment: `src/main/${layer} may import src/shared${below.length ? ' and ' + below.map((b) => `src/main/${b}`).join(', ') : ''} (ARCHITECTURE.md, Layers)`,
  severity: 'error',
  // a worker thread's entry is its composition root, like the shell (ARCHITECTURE.md, Layers)
  from: { path: `^src/main/${layer}/`, pathNot: layer === 'import' ? ['^src/main/import/import-worker\\.ts$'] : [] },
  to: {
    path: '^src/',
    pathNot: [
      `^src/main/${layer}/`,
      '^src/shared/',
      ...below.map((b) => `^src/main/${b}/`),
      // the store writes the pipeline's record batches: it may name their types (next rule)
      ...(layer === 'store' ? ['^src/main/import/(record-batch|hash128)\\.ts$'] : []),
    ],
  },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'import-worker-entry',
      comment: "The import worker's entry composes the thread: it may use src/main/import and the service, nothing above.",
      severity: 'error',
      from: { path: '^src/main/import/import-worker\\.ts$' },
      to: { path: '^src/', pathNot: ['^src/main/(import|service|reader|store|analysis|vault)/', '^src/shared/'] },
    },
    {
      name: 'store-types-from-import',
      comment: 'The store may name the record-batch and fingerprint types of the import pipeline, never run its code.',
      severity: 'error',
      from: { path: '^src/main/store/' },
      to: { path: '^src/main/import/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'shared-is-the-bottom',
      comment: 'src/shared is imported by every door and the renderer: it imports nothing else of ours and no Node built-in.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { pathNot: '^src/shared/|^node_modules/intl-messageformat|^node_modules/@formatjs/' },
    },
    {
      name: 'electron-only-in-the-shell',
      comment: 'Only src/main/shell and src/preload may import electron: everything else runs in plain Node and the tests.',
      severity: 'error',
      from: { pathNot: '^src/main/shell/|^src/preload/' },
      to: { path: '^electron$|^node_modules/electron/' },
    },
    {
      name: 'driver-only-in-the-store',
      comment: 'The database driver belongs to the store, the only owner of SQL.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/main/store/' },
      to: { path: 'better-sqlite3-multiple-ciphers', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'renderer-is-a-web-page',
      comment: 'The renderer imports src/shared and itself only: no main-process code, no Node built-ins.',
      severity: 'error',
      from: { path: '^src/renderer/' },
      to: { path: '^src/', pathNot: '^src/renderer/|^src/shared/' },
    },
    {
      name: 'renderer-no-node',
      severity: 'error',
      from: { path: '^src/(renderer|preload|shared)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'preload-only-shared',
      comment: 'The preload exposes the contract and nothing else.',
      severity: 'error',
      from: { path: '^src/preload/' },
      to: { path: '^src/', pathNot: '^src/shared/|^src/preload/' },
    },
    {
      name: 'no-circular',
      comment: 'Import cycles make load order fragile and layers meaningless.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    exclude: { path: '\\.d\\.ts$' },
    enhancedResolveOptions: { extensions: ['.ts', '.svelte', '.js', '.cjs', '.mjs', '.json'] },
  },
};
