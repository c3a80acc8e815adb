// First run on a fresh machine: `npm start` fetches the Electron runtime (through Electron's own
// installer) before electron-vite looks for it, a failed download ends in one plain paragraph, and
// every entry point refuses a too-old Node.js by name instead of crashing.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';

const ROOT = resolve(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const req = createRequire(__filename);
const checkNode = req('../scripts/check-node.cjs') as { tooOld(v: string): boolean; message(v: string): string };
const runtime = req('../scripts/electron-runtime.cjs') as { reasonFrom(s: string): string };

describe('npm start on a fresh machine', () => {
  it('fetches the Electron runtime before electron-vite runs, in start and dev', () => {
    for (const script of ['start', 'dev']) {
      const steps = (pkg.scripts[script] as string).split('&&').map((s) => s.trim());
      const fetch = steps.indexOf('node scripts/electron-runtime.cjs');
      const vite = steps.findIndex((s) => s.startsWith('electron-vite'));
      expect(fetch, script).toBeGreaterThanOrEqual(0);
      expect(vite, script).toBeGreaterThan(fetch);
    }
  });

  it('keeps nothing stale from the postinstall era', () => {
    expect(pkg.allowScripts?.electron).toBeUndefined();
    expect(readFileSync(join(ROOT, '.ci/run'), 'utf8')).not.toMatch(/postinstall|ELECTRON_SKIP_BINARY_DOWNLOAD/);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).not.toMatch(/npm install` also downloads/);
  });

  it('a failed download says what failed, the size, and how to use a mirror or a local copy, without a stack', () => {
    // A project whose electron package has no runtime yet; its downloads go to a closed local port.
    const dir = mkdtempSync(join(tmpdir(), 'fp-first-run-'));
    try {
      const real = join(ROOT, 'node_modules');
      mkdirSync(join(dir, 'node_modules'));
      for (const f of ['package.json', 'install.js', 'checksums.json', 'index.js']) cpSync(join(real, 'electron', f), join(dir, 'node_modules/electron', f));
      for (const scope of ['@electron', '@electron-internal']) if (existsSync(join(real, scope))) symlinkSync(join(real, scope), join(dir, 'node_modules', scope));
      const run = spawnSync(process.execPath, [join(ROOT, 'scripts/electron-runtime.cjs')], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', ELECTRON_EXEC_PATH: '', electron_config_cache: join(dir, 'cache') },
        timeout: 60_000,
      });
      expect(run.status).toBe(1);
      const lines = run.stderr.trim().split('\n');
      expect(lines[0]).toMatch(/^Fetching the Electron [\d.]+ runtime/);
      const paragraph = lines.slice(1).join('\n');
      expect(lines).toHaveLength(2); // one paragraph after the "fetching" line
      expect(paragraph).toMatch(/^Footprint could not start: the Electron runtime/);
      expect(paragraph).toContain('about 100 MB');
      expect(paragraph).toContain('ELECTRON_MIRROR');
      expect(paragraph).toContain('ELECTRON_EXEC_PATH');
      expect(paragraph).not.toMatch(/\n\s+at |node:internal|file:\/\//);
      expect(existsSync(join(dir, 'node_modules/electron/path.txt'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes the installer reason without the error class or stack', () => {
    expect(runtime.reasonFrom('TypeError: fetch failed\n    at node:internal/x\n')).toBe('fetch failed');
    expect(runtime.reasonFrom('HTTPError: Response code 404 (Not Found)')).toBe('Response code 404 (Not Found)');
    expect(runtime.reasonFrom('')).toBe('no reason given');
  });

  it('without npm install, says to run it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fp-first-run-'));
    try {
      const run = spawnSync(process.execPath, [join(ROOT, 'scripts/electron-runtime.cjs')], { cwd: dir, encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toBe('Footprint could not start: its dependencies are not installed. Run `npm install` in this folder first.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a Node.js older than 22.12', () => {
  it('is refused by npm install (engine-strict) and named by every entry point', () => {
    expect(readFileSync(join(ROOT, '.npmrc'), 'utf8')).toMatch(/^engine-strict=true$/m);
    expect(pkg.engines.node).toBe('>=22.12');
    expect(pkg.scripts.test.startsWith('node scripts/check-node.cjs && ')).toBe(true);
    // the CLI entry checks before loading anything else
    const entry = readFileSync(join(ROOT, 'bin/footprint.cjs'), 'utf8');
    const firstRequire = entry.match(/require\(([^)]*)\)/)?.[1];
    expect(firstRequire).toBe("'../scripts/check-node.cjs'");
  });

  it('is recognised, and the message names the version found and the one needed', () => {
    expect(checkNode.tooOld('20.20.2')).toBe(true);
    expect(checkNode.tooOld('v22.11.0')).toBe(true);
    expect(checkNode.tooOld('22.12.0')).toBe(false);
    expect(checkNode.tooOld('24.1.0')).toBe(false);
    const text = checkNode.message('v20.20.2');
    expect(text).toContain('Node.js 22.12 or newer');
    expect(text).toContain('this is Node.js 20.20.2');
  });

  // A real old Node, where the machine has one (Debian's /usr/bin/node is 20 on these machines).
  const old = ['/usr/bin/node', '/usr/local/bin/node'].find((p) => {
    if (!existsSync(p)) return false;
    const v = spawnSync(p, ['--version'], { encoding: 'utf8' }).stdout.trim();
    return v !== '' && checkNode.tooOld(v);
  });
  it.skipIf(!old)('the CLI, npm start and npm test stop with that message on a real old Node', () => {
    for (const args of [['bin/footprint.cjs', '--help'], ['scripts/electron-runtime.cjs'], ['scripts/check-node.cjs']]) {
      const run = spawnSync(old!, args, { cwd: ROOT, encoding: 'utf8' });
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stderr).toMatch(/^Footprint needs Node\.js 22\.12 or newer, and this is Node\.js 2[01]\./);
      expect(run.stderr).not.toMatch(/Segmentation|at Object\./);
    }
  });
});
