// The Node.js version check every entry point runs first (npm start, npm test, the CLI).
// Plain ES5-era CommonJS on purpose: it must run, and say something useful, on any old Node.
'use strict';

var NEEDED = [22, 12];

function tooOld(version) {
  var parts = String(version).replace(/^v/, '').split('.').map(Number);
  return parts[0] < NEEDED[0] || (parts[0] === NEEDED[0] && parts[1] < NEEDED[1]);
}

function message(version) {
  return (
    'Footprint needs Node.js ' + NEEDED.join('.') + ' or newer, and this is Node.js ' + String(version).replace(/^v/, '') + '.\n' +
    'Install a current Node.js (the LTS from nodejs.org, or `nvm install` in this folder, which reads .nvmrc), ' +
    'then run `npm install` again.'
  );
}

/** Exits with a plain message when this Node is too old; returns quietly otherwise. */
function requireSupportedNode() {
  if (!tooOld(process.versions.node)) return;
  process.stderr.write(message(process.versions.node) + '\n');
  process.exit(1);
}

module.exports = { tooOld: tooOld, message: message, requireSupportedNode: requireSupportedNode, NEEDED: NEEDED };

if (require.main === module) requireSupportedNode();
