// What every page's e2e test checks the same way: the sizes and colour schemes its screenshots are
// taken in, and axe-core's accessibility findings (WCAG 2 A/AA) on the page as it is now.
import { expect } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppHarness } from './harness';

declare const document: unknown;

export const SIZES = [
  { width: 1280, height: 800 },
  { width: 800, height: 600 },
] as const;
export const SCHEMES = ['light', 'dark'] as const;

const AXE = readFileSync(join(resolve(__dirname, '../..'), 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** axe-core's findings, serious and critical only unless `everything` (then any impact). */
export async function axeProblems(h: AppHarness, where: string, opts: { everything?: boolean } = {}): Promise<string[]> {
  // evaluated through the DevTools protocol, which the page's CSP does not govern (no <script> is added)
  if (!(await h.page.evaluate(() => 'axe' in globalThis))) await h.page.evaluate(AXE);
  const found: { id: string; impact: string; nodes: { target: string[] }[] }[] = await h.page.evaluate(async () => {
     
    const r = await (globalThis as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
     
    return r.violations.map((v: any) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n: any) => ({ target: n.target })) }));
  });
  return found
    .filter((v) => opts.everything || v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * One part of a page in every size and colour scheme: a screenshot each, named
 * <dir>/<page>-<lang>-<scheme>-<width>x<height>-<part>.png, and axe's findings at 1280x800 added to
 * `problems`. `ready` brings the part back into view after a resize. Ends light, at 1280x800.
 */
export async function shootParts(
  h: AppHarness,
  o: { dir: string; page: string; lang: string; part: string; problems: string[]; ready?: () => Promise<unknown> },
): Promise<void> {
  mkdirSync(o.dir, { recursive: true });
  for (const size of SIZES) {
    await h.page.setViewportSize(size);
    for (const scheme of SCHEMES) {
      await h.page.emulateMedia({ colorScheme: scheme });
      await o.ready?.();
      await h.page.waitForTimeout(150);
      await h.page.screenshot({ path: join(o.dir, `${o.page}-${o.lang}-${scheme}-${size.width}x${size.height}-${o.part}.png`) });
      if (size.width === SIZES[0].width) o.problems.push(...(await axeProblems(h, `${o.lang} ${scheme} ${o.part}`)));
    }
  }
  await h.page.emulateMedia({ colorScheme: 'light' });
  await h.page.setViewportSize(SIZES[0]);
}

/** Nothing left 127.0.0.1, no CSP violation, no page or console error: what every page test ends on. */
export async function expectClean(h: AppHarness): Promise<void> {
  expect(h.offending()).toEqual([]);
  expect(await h.cspViolations()).toEqual([]);
  expect(h.pageErrors).toEqual([]);
  expect(h.consoleErrors).toEqual([]);
}
