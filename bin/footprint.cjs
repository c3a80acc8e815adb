#!/usr/bin/env node
// `npx footprint …`: runs the TypeScript CLI through tsx (installed by `npm install`).
require('tsx/cjs');
require('../src/main/cli.ts')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
