// Runs before electron-vite in `npm start` and `npm run dev`: makes sure the Electron runtime is
// there, fetching it once through Electron's own installer (node_modules/electron/install.js),
// and says in one plain paragraph what to do when that download fails.
// Electron's npm package has no install script; without this, electron-vite stops with
// "Error: Electron uninstall" on every fresh machine.
'use strict';

const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { requireSupportedNode } = require('./check-node.cjs');

/** The Electron package folder of the project in `cwd`, or null when `npm install` has not run. */
function electronDir(cwd) {
  try {
    return dirname(require.resolve('electron/package.json', { paths: [cwd] }));
  } catch {
    return null;
  }
}

/** Whether the runtime is on disk: electron-vite's own override, or path.txt naming an existing binary. */
function runtimePresent(dir, env) {
  if (env.ELECTRON_EXEC_PATH) return existsSync(env.ELECTRON_EXEC_PATH);
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return false;
  return existsSync(join(dir, 'dist', readFileSync(pathFile, 'utf8').trim()));
}

/** The installer's own reason, one line: its first stderr line without a stack. */
function reasonFrom(stderr) {
  let line = String(stderr || '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l && !l.startsWith('at '));
  if (!line) return 'no reason given';
  line = line.replace(/^[A-Za-z]*Error: /, '');
  return line.length > 200 ? line.slice(0, 197) + '...' : line;
}

function failureMessage(version, reason) {
  return (
    'Footprint could not start: the Electron runtime it runs in is not installed yet, and downloading it failed (' + reason + '). ' +
    'Electron ' + version + ' (about 100 MB) is fetched once, the first time you run `npm start`, from Electron\'s release downloads; ' +
    'check your internet connection and run `npm start` again. If those downloads are blocked where you are, point the download ' +
    'at a mirror with the ELECTRON_MIRROR environment variable (for example `ELECTRON_MIRROR=<mirror URL> npm start`), or use an ' +
    'Electron ' + version + ' you already have with `ELECTRON_EXEC_PATH=/path/to/electron npm start`.'
  );
}

/** Returns the exit status: 0 when the runtime is there (or was just fetched), 1 with a message otherwise. */
function ensureElectron({ cwd = process.cwd(), env = process.env, log = (s) => process.stderr.write(s + '\n') } = {}) {
  const dir = electronDir(cwd);
  if (!dir) {
    log('Footprint could not start: its dependencies are not installed. Run `npm install` in this folder first.');
    return 1;
  }
  if (runtimePresent(dir, env)) return 0;
  const version = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  if (env.ELECTRON_EXEC_PATH) {
    log('Footprint could not start: ELECTRON_EXEC_PATH names "' + env.ELECTRON_EXEC_PATH + '", which does not exist.');
    return 1;
  }
  log('Fetching the Electron ' + version + ' runtime (about 100 MB, only this once)...');
  const run = spawnSync(process.execPath, [join(dir, 'install.js')], { cwd, env, stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (run.status === 0 && runtimePresent(dir, env)) return 0;
  log(failureMessage(version, run.error ? run.error.message : reasonFrom(run.stderr)));
  return 1;
}

module.exports = { ensureElectron, failureMessage, reasonFrom };

if (require.main === module) {
  requireSupportedNode();
  process.exitCode = ensureElectron();
}
