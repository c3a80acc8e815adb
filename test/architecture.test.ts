// The rules of ARCHITECTURE.md that a machine can check, and proof that each check can fail:
// - layers, cycles, electron and the database driver (dependency-cruiser, .dependency-cruiser.cjs);
// - SQL only in src/main/store (ESLint, eslint.config.mjs).
// Each rule is run on the real tree (no violations) and on a small planted tree (caught).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ESLint } from 'eslint';

const ROOT = resolve(__dirname, '..');
const DEPCRUISE = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

function cruise(cwd: string): Violation[] {
  const run = spawnSync(process.execPath, [DEPCRUISE, 'src', '--config', join(cwd, '.dependency-cruiser.cjs'), '--output-type', 'json'], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!run.stdout) throw new Error(`depcruise failed: ${run.stderr}`);
  return (JSON.parse(run.stdout) as { summary: { violations: Violation[] } }).summary.violations;
}

const describeViolations = (vs: Violation[]) => vs.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).join('\n');

describe('layers, cycles, electron and the driver (dependency-cruiser)', () => {
  it('the source tree breaks none of them', () => {
    const violations = cruise(ROOT);
    expect(violations, describeViolations(violations)).toEqual([]);
  });

  it('catches a planted upward import, cycle, electron import, driver import and renderer import', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fp-architecture-'));
    try {
      cpSync(join(ROOT, '.dependency-cruiser.cjs'), join(dir, '.dependency-cruiser.cjs'));
      writeFileSync(join(dir, 'tsconfig.node.json'), JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler' } }));
      const files: Record<string, string> = {
        'src/shared/contract.ts': 'export const x = 1;\n',
        'src/main/store/db.ts': "import { x } from '../../shared/contract';\nexport const db = x;\n",
        'src/main/analysis/upward.ts': "import { db } from '../store/db';\nexport const y = db;\n", // analysis may not use the store
        'src/main/reader/a.ts': "import { b } from './b';\nexport const a = 1 + b;\n",
        'src/main/reader/b.ts': "import { a } from './a';\nexport const b = 2 + a;\n", // a cycle
        'src/main/service/window.ts': "import { app } from 'electron';\nexport const w = app;\n", // electron outside the shell
        'src/main/import/sql.ts': "import Database from 'better-sqlite3-multiple-ciphers';\nexport const d = Database;\n", // the driver outside the store
        'src/renderer/src/page.ts': "import { db } from '../../main/store/db';\nexport const p = db;\n", // the renderer reaching into main
      };
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      const found = new Set(cruise(dir).map((v) => `${v.rule.name} ${v.from}`));
      for (const expected of [
        'layer-analysis src/main/analysis/upward.ts',
        'no-circular src/main/reader/a.ts',
        'electron-only-in-the-shell src/main/service/window.ts',
        'driver-only-in-the-store src/main/import/sql.ts',
        'renderer-is-a-web-page src/renderer/src/page.ts',
      ])
        expect(found, [...found].join('\n')).toContain(expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SQL only in the store (ESLint)', () => {
  const eslint = new ESLint({ cwd: ROOT });
  const sqlErrors = async (code: string, filePath: string) =>
    (await eslint.lintText(code, { filePath: join(ROOT, filePath) }))[0]!.messages.filter((m) => m.ruleId === 'no-restricted-syntax');

  it('src holds no lint error', async () => {
    const results = await eslint.lintFiles(['src']);
    const errors = results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${r.filePath.slice(ROOT.length + 1)}:${m.line} ${m.ruleId}: ${m.message}`));
    expect(errors).toEqual([]);
  });

  it('flags prepare, pragma, transaction and exec of SQL text outside the store, and allows them inside', async () => {
    const code = [
      "db.prepare('SELECT 1').get();",
      "db.pragma('user_version');",
      'db.transaction(() => 1)();',
      'db.exec(`DELETE FROM records`);',
      "const m = /a/.exec(input);", // RegExp#exec is not SQL
    ].join('\n');
    const outside = await sqlErrors(code, 'src/main/analysis/planted.ts');
    expect(outside.map((m) => m.line)).toEqual([1, 2, 3, 4]);
    expect(await sqlErrors(code, 'src/main/store/planted.ts')).toEqual([]);
  });
});
