// scopes, apps and sharing: third-party access from the command line. The --json shapes are the
// ones scripts rely on (issue 11): {"scopes": […]}, {"app": {…}}, {"apps": […]}, and
// {"parties", "apps", "dueForReview"}; dates in them are ISO 8601 (days as YYYY-MM-DD, times UTC).
import { readFileSync } from 'node:fs';
import type { AppView, ExposureView, Party, ScopeInfo } from '../../shared/contract';
import { FootprintError } from '../../shared/errors';
import type { MessageKey, Translator } from '../../shared/i18n';
import { formatTime } from '../../shared/time';
import { UsageError } from './args';
import { day, print, type CommandContext } from './context';
import { datasetLabel } from './dataset-names';

const iso = (ms: number | null): string | null => (ms === null ? null : formatTime(ms));

/** An app as `--json` writes it: exposure keyed by dataset, times as ISO 8601. */
function appJson(a: AppView) {
  const { exposure, history, ...rest } = a;
  return {
    ...rest,
    exposure: Object.fromEntries(Object.entries(exposure.datasets).map(([d, e]) => [d, { ...e, oldest: iso(e.oldest), newest: iso(e.newest) }])),
    repeats: exposure.repeats,
    exposureTotals: exposure.totals,
    writes: exposure.writes,
    history: history.map((h) => ({ ...h, at: iso(h.at) })),
  };
}

function partyJson(p: Party) {
  return {
    ...p,
    firstSeen: iso(p.firstSeen),
    lastSeen: iso(p.lastSeen),
    perSnapshot: p.perSnapshot.map((s) => ({ ...s, firstSeen: iso(s.firstSeen), lastSeen: iso(s.lastSeen) })),
    ...(p.events ? { events: p.events.map((e) => ({ ...e, firstSeen: iso(e.firstSeen), lastSeen: iso(e.lastSeen), perSnapshot: e.perSnapshot.map((s) => ({ ...s, firstSeen: iso(s.firstSeen), lastSeen: iso(s.lastSeen) })) })) } : {}),
  };
}

const t = (tr: Translator, key: string, params?: Record<string, string | number>) => tr.t(key as MessageKey, params);

function exposureLines(tr: Translator, e: ExposureView): string[] {
  const lines: string[] = [];
  for (const [dataset, x] of Object.entries(e.datasets)) {
    if (x.records === 0) continue;
    const count = x.part === 'count' ? tr.t('app.exposure.count', { records: x.records }) : tr.t('app.exposure.records', { records: x.records });
    const facts = [count];
    if (x.oldest !== null) facts.push(tr.t('cli.apps.span', { from: day(tr, x.oldest), to: day(tr, x.newest) }));
    if (x.partners) facts.push(tr.t('app.exposure.partners', { partners: x.partners }));
    if (x.countries) facts.push(tr.t('app.exposure.countries', { countries: x.countries }));
    lines.push(`    ${datasetLabel(tr, dataset)}: ${facts.join(', ')}`);
  }
  if (lines.length === 0) lines.push(`    ${tr.t('app.exposure.records', { records: 0 })}`);
  lines.push(`    ${t(tr, e.repeats ? 'app.exposure.repeats' : 'app.exposure.once')}`);
  for (const w of e.writes) lines.push(`    ${t(tr, `app.exposure.writes.${w}`)}`);
  return lines;
}

function reviewText(tr: Translator, a: AppView): string {
  const r = a.review;
  if (r.state === 'revoked') return tr.t('app.review.revoked');
  if (r.state === 'one-time') return tr.t('app.review.one-time');
  return r.state === 'due' ? tr.t('app.review.due', { days: r.overdueDays }) : tr.t('app.review.next', { days: r.inDays });
}

function describeApp(tr: Translator, a: AppView): string {
  const lines = [
    tr.t('cli.apps.line', { id: a.id, name: a.name, access: t(tr, `app.access.${a.access}`), risk: t(tr, `app.level.${a.risk.level}`) }),
    `  ${tr.t('cli.apps.granted', { day: a.grantedAt })}${a.revokedAt ? '; ' + tr.t('cli.apps.revokedOn', { day: a.revokedAt }) : ''}. ${reviewText(tr, a)}`,
    `  ${a.scopes.length ? tr.t('cli.apps.scopes', { scopes: a.scopes.join(', ') }) : tr.t('cli.apps.noScopes')}`,
  ];
  if (a.website) lines.push(`  ${a.website}`);
  if (a.purpose) lines.push(`  ${tr.t('cli.apps.purpose', { text: a.purpose })}`);
  if (a.note) lines.push(`  ${tr.t('cli.apps.note', { text: a.note })}`);
  for (const r of a.risk.reasons) lines.push(`  - ${t(tr, `app.risk.${r.id}`)}`);
  lines.push(`  ${tr.t('cli.apps.exposure')}`, ...exposureLines(tr, a.exposure));
  return lines.join('\n');
}

function describeScope(tr: Translator, sc: ScopeInfo): string {
  return [
    `${sc.id}  ${t(tr, sc.title)}  [${t(tr, `app.access.${sc.access}`)}, ${t(tr, `app.level.${sc.risk.level}`)}]`,
    `    ${t(tr, sc.meaning)}`,
    ...(sc.datasets.length ? [`    ${tr.t('cli.scopes.reaches', { datasets: tr.list(sc.datasets.slice(0, 8).map((d) => datasetLabel(tr, d))) + (sc.datasets.length > 8 ? ' …' : '') })}`] : []),
  ].join('\n');
}

export async function scopesCommand(ctx: CommandContext): Promise<void> {
  const { scopes } = await ctx.service.call('scopes', {});
  print(ctx, { scopes }, () => scopes.map((sc) => describeScope(ctx.tr, sc)).join('\n'));
}

const SUBCOMMANDS = ['list', 'add', 'edit', 'revoke', 'review', 'remove', 'export', 'import'] as const;
type Sub = (typeof SUBCOMMANDS)[number];
/** what each subcommand's second word is */
const OPERAND: Record<Sub, 'id' | 'file' | null> = { list: null, add: null, export: null, edit: 'id', revoke: 'id', review: 'id', remove: 'id', import: 'file' };
/** the options each subcommand takes (the table in args.ts lets the apps command take all of them) */
const SUB_OPTIONS: Record<Sub, readonly string[]> = {
  list: [],
  add: ['name', 'scope', 'granted', 'website', 'purpose', 'note', 'claims', 'access', 'interval'],
  edit: ['name', 'scope', 'no-scopes', 'granted', 'website', 'purpose', 'note', 'claims', 'access', 'interval'],
  revoke: ['on'],
  review: ['on'],
  remove: [],
  export: ['out', 'force'],
  import: [],
};
const OWN = new Set(['db', 'json', 'lang', 'passphrase-file', 'help']);

function appId(text: string): number {
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)) || Number(text) < 1) throw new UsageError('cli.usage.notAppId', { text });
  return Number(text);
}

/** The register fields the options give (only those given: an edit keeps the rest). */
function fieldOptions(ctx: CommandContext) {
  const one = (name: string) => {
    const v = ctx.flags.get(name);
    return typeof v === 'string' ? v : undefined;
  };
  const out: Record<string, unknown> = {};
  if (one('name') !== undefined) out.name = one('name');
  if (ctx.lists.has('scope')) out.scopes = ctx.lists.get('scope')!.flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean);
  if (ctx.flags.has('no-scopes')) {
    if (ctx.lists.has('scope')) throw new UsageError('cli.usage.scopesAndNoScopes');
    out.scopes = [];
  }
  if (one('granted') !== undefined) out.grantedOn = one('granted');
  for (const k of ['website', 'purpose', 'note'] as const) if (one(k) !== undefined) out[k] = one(k);
  if (ctx.lists.has('claims')) out.claims = ctx.lists.get('claims')!.flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean);
  const access = one('access');
  if (access !== undefined) {
    if (access !== 'one-time' && access !== 'ongoing') throw new UsageError('cli.usage.oneOf', { option: 'access', choices: 'one-time | ongoing', text: access });
    out.access = access;
  }
  const interval = one('interval');
  if (interval !== undefined) {
    if (!/^\d+$/.test(interval)) throw new UsageError('cli.usage.notCountFrom', { option: 'interval', min: 1, text: interval });
    out.reviewIntervalDays = Number(interval);
  }
  return out;
}

export async function appsCommand(ctx: CommandContext): Promise<void> {
  const [word, operand] = ctx.positional as [string, string | undefined];
  if (!(SUBCOMMANDS as readonly string[]).includes(word)) throw new UsageError('cli.usage.unknownAppsCommand', { text: word, commands: SUBCOMMANDS.join(', ') });
  const sub = word as Sub;
  for (const name of ctx.flags.keys()) if (!OWN.has(name) && !SUB_OPTIONS[sub].includes(name)) throw new UsageError('cli.usage.optionNotFor', { command: `apps ${sub}`, option: name });
  const kind = OPERAND[sub];
  if (kind === null && operand !== undefined) throw new UsageError('cli.usage.tooMany', { extra: `"${operand}"` });
  if (kind !== null && operand === undefined) throw new UsageError(kind === 'id' ? 'cli.usage.needsAppId' : 'cli.usage.needsAppsFile', { command: `apps ${sub}` });
  const tr = ctx.tr;
  const one = (v: AppView, key: string) => print(ctx, { app: appJson(v) }, () => `${t(tr, key, { id: v.id })}\n${describeApp(tr, v)}`);

  switch (sub) {
    case 'list': {
      const { apps, dueForReview } = await ctx.service.call('listApps', {});
      print(ctx, { apps: apps.map(appJson), dueForReview }, () =>
        apps.length === 0
          ? tr.t('cli.apps.none')
          : [...apps.map((a) => describeApp(tr, a)), ...(dueForReview.length ? ['', tr.t('cli.apps.due', { ids: dueForReview.map((id) => `#${id}`).join(', ') })] : [])].join('\n'),
      );
      return;
    }
    case 'add': {
      const fields = fieldOptions(ctx);
      if (fields.name === undefined || fields.grantedOn === undefined) throw new UsageError('cli.usage.appsAddNeeds');
      return one(await ctx.service.call('addApp', { scopes: [], ...fields }), 'cli.apps.added');
    }
    case 'edit':
      return one(await ctx.service.call('editApp', { id: appId(operand!), ...fieldOptions(ctx) }), 'cli.apps.edited');
    case 'revoke': {
      const on = ctx.flags.get('on');
      if (typeof on !== 'string') throw new UsageError('cli.usage.appsRevokeNeedsOn');
      return one(await ctx.service.call('revokeApp', { id: appId(operand!), on }), 'cli.apps.revokedDone');
    }
    case 'review': {
      const on = ctx.flags.get('on');
      return one(await ctx.service.call('reviewApp', { id: appId(operand!), ...(typeof on === 'string' ? { on } : {}) }), 'cli.apps.reviewedDone');
    }
    case 'remove': {
      const id = appId(operand!);
      const r = await ctx.service.call('removeApp', { id });
      print(ctx, r, () => tr.t('cli.apps.removed', { id }));
      return;
    }
    case 'export': {
      const out = ctx.flags.get('out');
      if (typeof out !== 'string') return ctx.io.out(JSON.stringify(await ctx.service.call('exportApps', {}), null, 2));
      // the service's safe writer: never the archive, never through a link, an existing file only with --force
      const saved = await ctx.service.call('saveApps', { path: out, ...(ctx.flags.has('force') ? { replace: 'yes' as const } : {}) });
      print(ctx, { exported: saved.apps, path: out }, () => tr.t('cli.apps.exported', { count: saved.apps, path: out }));
      return;
    }
    case 'import': {
      let document: unknown;
      try {
        document = JSON.parse(readFileSync(operand!, 'utf8'));
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (code === 'ENOENT') throw new FootprintError('NOT_FOUND', { path: operand! });
        if (code) throw new FootprintError('UNREADABLE', { path: operand!, reason: 'io' });
        throw new FootprintError('NOT_JSON', { path: operand!, reason: 'notJson' });
      }
      const r = await ctx.service.call('importApps', { document });
      print(ctx, r, () => tr.t('cli.apps.imported', { imported: r.imported, unchanged: r.unchanged }));
      return;
    }
  }
}

function partyName(tr: Translator, p: Party): string {
  if (p.name !== null) return p.name;
  if (p.unnamed?.reason === 'numeric-id') return tr.t('party.unnamed', { id: p.unnamed.id });
  return t(tr, `party.kind.${p.kind}`);
}

function describeParty(tr: Translator, p: Party): string {
  const lines = [`${partyName(tr, p)}  [${t(tr, `party.kind.${p.kind}`)}; ${t(tr, `party.direction.${p.direction}`)}]`];
  if (p.unnamed?.reason === 'numeric-id') lines.push(`    ${tr.t('party.unnamed.why')}`);
  for (const e of p.evidence) {
    const snaps = e.snapshots.length ? ' ' + tr.t('cli.sharing.inSnapshots', { count: e.snapshots.length, ids: e.snapshots.join(', ') }) : '';
    lines.push(`    ${datasetLabel(tr, e.dataset)}: ${tr.t('cli.records', { n: e.records })}${snaps}`);
  }
  if (p.firstSeen !== null) lines.push(`    ${tr.t('cli.apps.span', { from: day(tr, p.firstSeen), to: day(tr, p.lastSeen) })}`);
  for (const e of p.events ?? []) lines.push(`      ${e.event}: ${tr.t('cli.records', { n: e.records })}`);
  for (const a of p.actions) lines.push(`    → ${t(tr, `party.action.${a}`)}`);
  return lines.join('\n');
}

/** Every party with its detail, as the service hands a list its pieces (a kind at a time, 1,000 per ask). */
async function allParties(ctx: CommandContext): Promise<Party[]> {
  const PIECE = 1000;
  const first = await ctx.service.call('parties', { limit: PIECE });
  const keys: string[] = [];
  for (const g of first.groups) {
    keys.push(...g.parties.map((p) => p.key));
    for (let offset = g.parties.length; offset < g.count; offset += PIECE) {
      const more = await ctx.service.call('parties', { kind: g.kind, offset, limit: PIECE });
      keys.push(...(more.groups[0]?.parties ?? []).map((p) => p.key));
    }
  }
  const out: Party[] = [];
  for (let i = 0; i < keys.length; i += PIECE) {
    const { parties } = await ctx.service.call('partyDetail', { keys: keys.slice(i, i + PIECE) });
    out.push(...parties.filter((p): p is Party => p !== null));
  }
  return out;
}

export async function sharingCommand(ctx: CommandContext): Promise<void> {
  const parties = await allParties(ctx);
  const { apps, dueForReview } = await ctx.service.call('listApps', {});
  print(ctx, { parties: parties.map(partyJson), apps: apps.map(appJson), dueForReview }, () => {
    const tr = ctx.tr;
    const lines = parties.length ? parties.map((p) => describeParty(tr, p)) : [tr.t('cli.sharing.none')];
    if (dueForReview.length) lines.push('', tr.t('cli.apps.due', { ids: dueForReview.map((id) => `#${id}`).join(', ') }));
    return lines.join('\n');
  });
}
