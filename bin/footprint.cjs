#!/usr/bin/env node
// `npx footprint …`: runs the TypeScript CLI through tsx (installed by `npm install`).
// The Node.js check comes first: on an old Node the database driver crashes without a word.
require('../scripts/check-node.cjs').requireSupportedNode();
require('tsx/cjs');
require('../src/main/cli/main.ts')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
