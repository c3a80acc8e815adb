// Architecture guard: only the Electron shell may import 'electron'. Everything else (service,
// store, export reader, analyses, CLI, shared contract, renderer, tests) must run in plain Node or
// the browser, so the CLI and the tests exercise exactly what the app runs.
// Allowed: src/main/shell/** and src/preload/**.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(__dirname, '..');
const SCAN = ['src', 'test', 'bench', 'bin', 'scripts'];
const SKIP_DIRS = new Set(['node_modules', 'out', 'dist', '.git', '.tools']);
const EXTS = /\.(ts|mts|cts|js|mjs|cjs|svelte)$/;

const ALLOWED = [/^src\/main\/shell\//, /^src\/preload\//];

const MOD = String.raw`['"]electron(?:\/[^'"]*)?['"]`;
const IMPORTS_ELECTRON = new RegExp(
  [
    String.raw`\bimport\s+[^;]*?\bfrom\s*${MOD}`, // import x from 'electron'
    String.raw`\bimport\s*${MOD}`, // import 'electron'
    String.raw`\bexport\s+[^;]*?\bfrom\s*${MOD}`, // export { x } from 'electron'
    String.raw`\bimport\s*\(\s*${MOD}\s*\)`, // import('electron')
    String.raw`\brequire\s*\(\s*${MOD}\s*\)`, // require('electron')
  ].join('|'),
);

function importsElectron(source: string): boolean {
  // ignore comments, and strings that are not a module specifier (test code quoting an import)
  const code = source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1')
    .replace(/(['"`])(?:\\.|(?!\1)[^\\])*\1/g, (lit) => (/^['"]electron(\/[^'"]*)?['"]$/.test(lit) ? lit : "''"));
  return IMPORTS_ELECTRON.test(code);
}

function* files(dir: string): Generator<string> {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries) {
    if (SKIP_DIRS.has(name)) continue;
    const full = join(dir, name);
    const st = statSync(full);
    if (st.isDirectory()) yield* files(full);
    else if (EXTS.test(name)) yield full;
  }
}

const rel = (f: string) => relative(ROOT, f).split(sep).join('/');
const all = SCAN.flatMap((d) => [...files(join(ROOT, d))]).map((f) => ({ path: rel(f), text: readFileSync(f, 'utf8') }));

describe('electron imports', () => {
  it('recognises every form of importing electron', () => {
    const q = "'";
    const forms = [
      `import { app } from ${q}electron${q};`,
      `import * as e from "electron"`,
      `import type { BrowserWindow } from ${q}electron${q};`,
      `import ${q}electron${q};`,
      `export { ipcMain } from ${q}electron/main${q};`,
      `const e = await import(${q}electron${q});`,
      `const { shell } = require("electron");`,
      `import {\n  app,\n  BrowserWindow,\n} from ${q}electron${q};`,
    ];
    for (const f of forms) expect(importsElectron(f), f).toBe(true);
    const fine = [
      `const quoted = ${q}const { shell } = require("electron");${q};`,
      "const t = `import { app } from 'electron'`;",
      `import { defineConfig } from ${q}electron-vite${q};`,
      `// import { app } from ${q}electron${q};`,
      `/* require(${q}electron${q}) */`,
      `const name = ${q}electron${q};`,
      `import x from ${q}./electron${q};`,
    ];
    for (const f of fine) expect(importsElectron(f), f).toBe(false);
  });

  it('sees the files that do import it (the guard is not blind)', () => {
    const importers = all.filter((f) => importsElectron(f.text)).map((f) => f.path);
    expect(importers).toContain('src/main/shell/app.ts');
    expect(importers).toContain('src/preload/index.ts');
  });

  it('only the Electron shell imports electron', () => {
    const offenders = all.filter((f) => importsElectron(f.text) && !ALLOWED.some((re) => re.test(f.path))).map((f) => f.path);
    expect(offenders, `files outside the Electron shell import 'electron': ${offenders.join(', ')}`).toEqual([]);
  });

  it('the renderer uses no Node built-in and nothing from src/main', () => {
    const offenders = all
      .filter((f) => f.path.startsWith('src/renderer/'))
      .filter((f) => /\bfrom\s*['"](node:[^'"]+|fs|path|os|child_process|worker_threads)['"]|\bfrom\s*['"][./]*main\//.test(f.text))
      .map((f) => f.path);
    expect(offenders).toEqual([]);
  });

  it('the preload imports only electron and src/shared', () => {
    for (const f of all.filter((x) => x.path.startsWith('src/preload/'))) {
      const specs = [...f.text.matchAll(/\bfrom\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
      for (const s of specs) expect(s === 'electron' || s.startsWith('../shared/'), `${f.path} imports ${s}`).toBe(true);
    }
  });
});
