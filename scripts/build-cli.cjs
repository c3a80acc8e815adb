// Builds the CLI to plain JavaScript (main.cjs and the reader thread's entry next to it), so
// `footprint` starts in tens of milliseconds instead of compiling TypeScript through tsx each run.
// It lives in node_modules/.cache/footprint-cli, not out/: out/ is the desktop app's build, which
// electron-builder packages and the security scan (test/security-scan.test.ts) reads as the app.
// `npm install` runs it (the `prepare` script); bin/footprint.cjs also runs it when a source file
// is newer than the build, and falls back to tsx when it cannot build (no esbuild, read-only tree).
// Pure-JS dependencies are bundled too (one file loads faster than hundreds of small ones); the
// native database driver stays external, and so do the IP data packages (read from disk by path).
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'node_modules', '.cache', 'footprint-cli');
const STAMP = path.join(OUT, 'build.json');
const ENTRIES = {
  main: 'src/main/cli/main.ts',
  // import/threads.ts looks for the reader thread's entry next to the running code
  'reader-worker': 'src/main/import/reader-worker.ts',
};

/** The built entry when it is at least as new as every source file it was built from, else null. */
function upToDate() {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(STAMP, 'utf8'));
  } catch {
    return null;
  }
  const main = path.join(OUT, 'main.cjs');
  try {
    const built = fs.statSync(main).mtimeMs;
    for (const input of stamp.inputs) if (fs.statSync(path.join(ROOT, input)).mtimeMs > built) return null;
  } catch {
    return null; // an input was deleted or renamed, or the build is gone
  }
  return main;
}

/** esbuild, which tsx (a dev dependency) brings along. */
function loadEsbuild() {
  try {
    return require('esbuild');
  } catch {
    return require(require.resolve('esbuild', { paths: [path.dirname(require.resolve('tsx/package.json'))] }));
  }
}

/**
 * Builds into a private folder, then moves the files into place one rename at a time: a CLI
 * starting meanwhile (tests run several at once) sees the old file or the new one, never half.
 */
function build() {
  const esbuild = loadEsbuild();
  fs.mkdirSync(OUT, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(OUT, '.build-'));
  try {
    const result = esbuild.buildSync({
      absWorkingDir: ROOT,
      entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, path.join(ROOT, file)])),
      outdir: tmp,
      outExtension: { '.js': '.cjs' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node22',
      external: ['better-sqlite3-multiple-ciphers', '@ip-location-db/*'],
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules'));
    for (const name of Object.keys(ENTRIES)) fs.renameSync(path.join(tmp, name + '.cjs'), path.join(OUT, name + '.cjs'));
    fs.writeFileSync(path.join(tmp, 'build.json'), JSON.stringify({ inputs }, null, 1));
    fs.renameSync(path.join(tmp, 'build.json'), STAMP);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return path.join(OUT, 'main.cjs');
}

/** The built CLI, built now if it is missing or stale; null when it cannot be built here. */
function builtCli() {
  const ready = upToDate();
  if (ready) return ready;
  try {
    return build();
  } catch {
    return null;
  }
}

module.exports = { builtCli, build, upToDate, OUT };

if (require.main === module) {
  try {
    console.log(`footprint CLI built: ${path.relative(ROOT, build())}`);
  } catch (e) {
    // never fail `npm install` over it: bin/footprint.cjs runs the sources through tsx instead
    console.warn(`footprint CLI not built (${e && e.message ? e.message.split('\n')[0] : e}); \`npx footprint\` will run from source.`);
  }
}
