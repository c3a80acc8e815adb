#!/usr/bin/env node
// `npx footprint …` (or `node bin/footprint.cjs …`): the CLI.
// The Node.js check comes first: on an old Node the database driver crashes without a word.
require('../scripts/check-node.cjs').requireSupportedNode();
// The built CLI (scripts/build-cli.cjs; rebuilt here when a source file is newer) starts in tens of
// milliseconds; when it cannot be built, the TypeScript sources run through tsx (about a second).
const built = require('../scripts/build-cli.cjs').builtCli();
let cli;
if (built) {
  // V8 keeps the compiled bundle on disk: later runs skip parsing it (Node 22.1+)
  require('node:module').enableCompileCache?.(require('node:path').join(built, '..', '.compile-cache'));
  cli = require(built);
}
else {
  require('tsx/cjs');
  require('tsx/esm/api').register(); // the CLI loads each command's code with import()
  cli = require('../src/main/cli/main.ts');
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
