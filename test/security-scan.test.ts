// Electron security scan: @doyensec/electronegativity over src/ (plus the built out/ when present
// and package.json's scripts). It reports findings but never fails on them. Here every finding
// must match an entry in electronegativity-exceptions.json, which records why it is accepted.
// Anything else fails. A file the tool cannot parse is a file it did not scan, so that fails too
// (check "PARSE_ERROR").
//
// Runs fully offline. The tool's only network use goes through `got`: translations at startup
// (1 s timeout, ignored on failure) and AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK (no timeout; it is
// excluded, see the exceptions file). Before the tool loads, `got` is replaced by a stub that
// always rejects, so the scan sends no request.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXCEPTIONS_FILE = join(ROOT, 'electronegativity-exceptions.json');
const requireHere = createRequire(import.meta.url);

interface Exception {
  /** electronegativity's check id (e.g. OPEN_EXTERNAL_JS_CHECK) or PARSE_ERROR */
  check: string;
  /** repo-relative path, `*` within a segment and `**` across them; "*" alone = check not run */
  file: string;
  /** optional: text the flagged line must contain, so one new call elsewhere in the file still fails */
  sample?: string;
  reason: string;
}

interface EngIssue {
  id: string;
  file: string;
  location: { line: number; column: number };
  sample?: string;
  description: string;
  severity: { name: string };
  confidence: { name: string };
  manualReview: boolean;
  shortenedURL?: string;
}
interface EngResult {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: EngIssue[];
}
type EngRun = (options: Record<string, unknown>) => Promise<EngResult>;

/** One finding, with its file relative to the scanned project root. */
interface Finding {
  check: string;
  file: string;
  line: number;
  sample: string;
  description: string;
  severity: string;
}

function loadExceptions(): Exception[] {
  return JSON.parse(readFileSync(EXCEPTIONS_FILE, 'utf8')) as Exception[];
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
    } else if (c === '*') re += '[^/]*';
    else re += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function matches(e: Exception, f: Finding): boolean {
  return e.check === f.check && globToRegExp(e.file).test(f.file) && (e.sample === undefined || f.sample.includes(e.sample));
}

let engine: EngRun | undefined;

/** electronegativity's run(), with `got` stubbed out first so that it never goes online. */
function electronegativity(): EngRun {
  if (engine) return engine;
  const main = requireHere.resolve('@doyensec/electronegativity');
  const gotPath = createRequire(main).resolve('got');
  const offline = () => Promise.reject(Object.assign(new Error('electronegativity scan runs offline'), { code: 'EOFFLINE' }));
  const stub = Object.assign(offline, { head: offline, get: offline });
  // what `import got from 'got'` in the tool's Babel output reads (`.default` of an ES module)
  requireHere.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: { __esModule: true, default: stub } } as unknown as NodeJS.Module;
  const loaded = requireHere(main) as EngRun | { default: EngRun };
  // had the real `got` been loaded already, the scan would go online: refuse instead
  if ((requireHere.cache[gotPath]?.exports as { default?: unknown } | undefined)?.default !== stub) throw new Error('could not stub got for electronegativity');
  engine = typeof loaded === 'function' ? loaded : loaded.default;
  return engine;
}

/** The Electron version in node_modules (the tool would otherwise assume 0.1.0 for src/). */
function electronVersion(): string {
  return (requireHere('electron/package.json') as { version: string }).version;
}

/**
 * Not run at all: the exceptions whose file is "*". The tool's -x list takes class names, in lower
 * case (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK is availablesecurityfixesglobalcheck).
 */
function excludedChecks(exceptions: Exception[]): string[] {
  return exceptions.filter((e) => e.file === '*').map((e) => e.check.replace(/_/g, '').toLowerCase());
}

async function scan(projectRoot: string, input: string, exceptions: Exception[], opts: { checks?: string[] } = {}): Promise<{ findings: Finding[]; result: EngResult }> {
  const run = electronegativity();
  const log = console.log;
  // the translation download failing is expected (offline), not news
  console.log = (...args: unknown[]) => {
    if (!(args.length === 1 && typeof args[0] === 'string' && args[0].startsWith('Could not retrieve updated translations'))) log(...args);
  };
  let result: EngResult;
  try {
    result = await run({
      input: join(projectRoot, input),
      isRelative: false,
      electronVersionOverride: electronVersion(),
      customScan: opts.checks ?? [],
      // (the tool exits the process when an excluded global check is not in a custom list)
      excludeFromScan: opts.checks ? [] : excludedChecks(exceptions),
      parserPlugins: [],
    });
  } finally {
    console.log = log;
  }
  const rel = (file: string) => (file === 'N/A' ? file : relative(projectRoot, file).split(sep).join('/'));
  const findings: Finding[] = result.issues.map((i) => ({
    check: i.id,
    file: rel(i.file),
    line: i.location.line,
    sample: i.sample ?? '',
    description: i.description,
    severity: `${i.severity.name}/${i.confidence.name}`,
  }));
  for (const e of result.errors) {
    if (e.tolerable) continue;
    findings.push({ check: 'PARSE_ERROR', file: rel(e.file), line: 0, sample: '', description: e.message, severity: 'not scanned' });
  }
  return { findings, result };
}

/** The whole project: src/ always, out/ when a build is there, package.json's scripts. */
async function scanProject(projectRoot: string, exceptions: Exception[]): Promise<{ findings: Finding[]; scanned: string[] }> {
  const findings: Finding[] = [];
  const scanned: string[] = [];
  for (const input of ['src', 'out']) {
    if (!existsSync(join(projectRoot, input))) continue;
    const { findings: f, result } = await scan(projectRoot, input, exceptions);
    // a scan that loaded no checks would pass vacuously
    expect(result.atomicChecks, `${input}: atomic checks loaded`).toBeGreaterThan(30);
    expect(result.globalChecks, `${input}: global checks loaded`).toBeGreaterThan(3);
    findings.push(...f);
    scanned.push(input);
  }
  if (existsSync(join(projectRoot, 'package.json'))) {
    // only the package.json checks (npm scripts passing e.g. --ignore-certificate-errors or
    // disabling the security warnings): global checks on one lone JSON file would be noise
    const { findings: f } = await scan(projectRoot, 'package.json', exceptions, {
      checks: ['customargumentsjsoncheck', 'securitywarningsdisabledjsoncheck'],
    });
    findings.push(...f);
    scanned.push('package.json');
  }
  return { findings, scanned };
}

function unexcepted(findings: Finding[], exceptions: Exception[]): Finding[] {
  return findings.filter((f) => !exceptions.some((e) => matches(e, f)));
}

function describeFindings(findings: Finding[]): string {
  return findings
    .map((f) => `  ${f.check} [${f.severity}] ${f.file}:${f.line}\n    ${f.description}${f.sample ? `\n    > ${f.sample.slice(0, 200)}` : ''}`)
    .join('\n');
}

const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

describe('electronegativity security scan', () => {
  it('the exceptions file is well-formed and every exception gives a reason', () => {
    const exceptions = loadExceptions();
    expect(Array.isArray(exceptions)).toBe(true);
    for (const e of exceptions) {
      const label = JSON.stringify({ check: e.check, file: e.file });
      expect(Object.keys(e).every((k) => ['check', 'file', 'sample', 'reason'].includes(k)), `${label}: unknown key`).toBe(true);
      expect(e.check, label).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(typeof e.file === 'string' && e.file.length > 0, `${label}: file`).toBe(true);
      if (e.sample !== undefined) expect(typeof e.sample === 'string' && e.sample.length > 0, `${label}: sample`).toBe(true);
      // a reason says why the finding is safe here, not just "accepted"
      expect(typeof e.reason === 'string' && e.reason.trim().length >= 60, `${label}: reason too short`).toBe(true);
    }
  });

  it('finds nothing beyond the accepted exceptions, and every exception still matches a finding', async () => {
    const exceptions = loadExceptions();
    const { findings, scanned } = await scanProject(ROOT, exceptions);
    const bad = unexcepted(findings, exceptions);
    expect(
      bad,
      `electronegativity found ${bad.length} problem(s) not in electronegativity-exceptions.json.\n` +
        `Fix them, or add an exception with a real reason (why it is safe here):\n${describeFindings(bad)}`,
    ).toEqual([]);

    // an exception for a finding that is gone would hide the next real one at the same place
    const inScope = (e: Exception) => e.file !== '*' && scanned.some((s) => e.file === s || e.file.startsWith(`${s}/`));
    const stale = exceptions.filter((e) => inScope(e) && !findings.some((f) => matches(e, f)));
    expect(
      stale.map((e) => `${e.check} ${e.file}${e.sample ? ` (${e.sample})` : ''}`),
      'exceptions that no longer match any finding: remove them (or rebuild out/ if it is stale)',
    ).toEqual([]);
  });

  it('fails on a new problem (a temp copy of src/ with a weakened window and an unchecked openExternal)', async () => {
    const exceptions = loadExceptions();
    const copy = mkdtempSync(join(tmpdir(), 'fp-security-scan-'));
    temps.push(copy);
    cpSync(join(ROOT, 'src'), join(copy, 'src'), { recursive: true });
    const windowTs = join(copy, 'src', 'main', 'shell', 'window.ts');
    const original = readFileSync(windowTs, 'utf8');
    const mutated = original
      .replace('contextIsolation: true,', 'contextIsolation: false,')
      .replace('sandbox: true,', 'sandbox: false,')
      .replace("contents.on('will-navigate', (event, url) => {", "contents.on('will-navigate', (event, url) => {\n    void shell.openExternal(url);");
    expect(mutated).not.toBe(original);
    writeFileSync(windowTs, mutated);

    const { findings } = await scan(copy, 'src', exceptions);
    const bad = unexcepted(findings, exceptions);
    const checks = new Set(bad.map((f) => f.check));
    for (const c of ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK']) expect(checks, describeFindings(bad)).toContain(c);
    // the window.ts exception is for openExternal(safe) only, not for any call in that file
    expect(bad.some((f) => f.check === 'OPEN_EXTERNAL_JS_CHECK' && f.sample.includes('shell.openExternal(url)'))).toBe(true);
    // and nothing else moved: the planted problems are the only new findings
    expect(bad.every((f) => f.file === 'src/main/shell/window.ts'), describeFindings(bad)).toBe(true);
  });
});
