// Third-party access as contract operations: the register of apps the person has given access
// (store/apps.ts), checked by analysis/app-entry.ts before anything is written, each app seen
// through the analysis (access, risk, review, exposure measured on the archive), and the parties
// the exports show (store/parties.ts → analysis/parties.ts). An invalid entry throws before the
// store is called, so the file stays byte-identical.
import type { Api, AppHistoryEvent, AppView, AppsDocument, ExposureView, Party, ScopeGuide, ScopeInfo } from '../../shared/contract';
import { FootprintError } from '../../shared/errors';
import { translator } from '../../shared/i18n';
import type { Access, Claim } from '../../shared/sharing';
import type { ReadableDB, WritableDB } from '../store/db';
import { addApp, appEvents, getApp, importApps, listApps, removeApp, updateApp, type AppEvent, type AppFields, type StoredApp } from '../store/apps';
import { archiveStateToken } from '../store/changes';
import { conversationPartners, datasetFacts, fieldGroups, loginIps, rawRecords } from '../store/parties';
import { grantAccess } from '../analysis/app-access';
import { dayNumber } from '../analysis/app-days';
import { appEntryIssues, sameAppName, type AppEntryInput } from '../analysis/app-entry';
import { exposure, type ArchiveFacts, type Exposure } from '../analysis/app-exposure';
import { keptOrWorkedOut, keptStates } from './kept-answers';
import { assessAppRisk } from '../analysis/app-risk';
import { dueForReview, reviewState } from '../analysis/app-review';
import { SCOPE_CATALOG } from '../analysis/app-scopes';
import { lookupIp } from '../analysis/iplookup';
import { exportParties } from '../analysis/parties';
import { keyParties, partiesPage, searchable, type KeyedParty } from '../analysis/party-list';
import { openSafeFile } from './safe-file';

export type SharingOperations = Pick<
  Api,
  'scopes' | 'listApps' | 'addApp' | 'editApp' | 'revokeApp' | 'reviewApp' | 'removeApp' | 'exportApps' | 'saveApps' | 'importApps' | 'previewExposure' | 'parties' | 'partyDetail'
>;

export interface SharingOptions {
  /** files saveApps must never write over: the archive (its -wal, -shm and -journal are added) */
  protect?: string[];
}

/** Today as the person's calendar shows it (register days are local calendar days). */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

type Facts = Record<string, { records: number; oldest: number | null; newest: number | null; partners?: number; countries?: number }>;

/** What the archive holds per dataset, with the partner count exposure reports; no countries (withCountries adds them). */
function storedFacts(db: ReadableDB): ArchiveFacts {
  const facts: Facts = {};
  for (const [dataset, f] of datasetFacts(db)) facts[dataset] = { ...f };
  if (facts.messages) facts.messages.partners = conversationPartners(db);
  return facts;
}

/** The stored facts with how many countries the logins come from: every login address looked up (~100 ms at 95,000 addresses). */
function withCountries(db: ReadableDB, stored: ArchiveFacts): ArchiveFacts {
  const facts: Facts = structuredClone(stored);
  if (facts.login_history) {
    const countries = new Set<string>();
    for (const ip of loginIps(db)) {
      const c = lookupIp(ip)?.country;
      if (c) countries.add(c);
    }
    facts.login_history.countries = countries.size;
  }
  return facts;
}

function exposureView(e: Exposure): ExposureView {
  return {
    access: e.access,
    repeats: e.repeats,
    datasets: Object.fromEntries(e.datasets.map(({ dataset, ...rest }) => [dataset, rest])),
    totals: e.totals,
    writes: e.writes,
  };
}

function appView(app: StoredApp, history: AppEvent[], facts: ArchiveFacts, today: string): AppView {
  const access = grantAccess(app.scopes, app.access);
  const review = reviewState({ ...app, access: access.access }, today);
  return {
    id: app.id,
    name: app.name,
    website: app.website,
    purpose: app.purpose,
    note: app.note,
    scopes: app.scopes,
    claims: app.claims,
    access: access.access,
    accessDerived: access.derived,
    accessEditable: access.editable,
    grantedAt: app.grantedOn,
    revokedAt: app.revokedOn,
    lastReviewedAt: app.lastReviewedOn,
    reviewIntervalDays: app.reviewIntervalDays,
    status: app.revokedOn ? 'revoked' : 'active',
    review,
    nextReview: review.state === 'due' || review.state === 'scheduled' ? review.dueOn : null,
    risk: assessAppRisk({ scopes: app.scopes, claims: app.claims }),
    exposure: exposureView(exposure(app.scopes, facts)),
    history: history as AppHistoryEvent[],
  };
}

/** The first problem as the error every door shows; nothing has been written yet. */
function refuse(issues: ReturnType<typeof appEntryIssues>, extra: Record<string, string | number> = {}): void {
  const [first] = issues;
  if (first) throw new FootprintError(first.code, { ...first.params, ...extra });
}

const text = (v: string | null | undefined): string | null => (v == null || v.trim() === '' ? null : v.trim());

const entryOf = (f: AppFields, id?: number): AppEntryInput => ({ id, ...f, claims: f.claims });

export function sharingOperations(db: WritableDB, today: () => string = () => localToday(), options: SharingOptions = {}): SharingOperations {
  const mustGet = (id: number): StoredApp => {
    const app = getApp(db, id);
    if (!app) throw new FootprintError('NO_SUCH_APP', { id });
    return app;
  };
  // What the archive holds changes only through an import, a deleted snapshot or forgotten records
  // (archiveStateToken: deletion marks change neither), never through the register: its facts and
  // parties are kept until it does, so a register change, a mark or a tick in the preview does not
  // read every record again. The register's
  // apps are parties too: they are added on every ask, never kept, so a register change shows at once.
  let archive: { token: string; stored?: ArchiveFacts; facts?: ArchiveFacts; parties?: Party[] } = { token: '' };
  const current = () => {
    const token = archiveStateToken(db);
    if (archive.token !== token) archive = { token };
    return archive;
  };
  const stored = (): ArchiveFacts => (current().stored ??= storedFacts(db));
  const facts = (): ArchiveFacts => (current().facts ??= keptFacts(db, stored));
  const archiveParties = (): Party[] => (current().parties ??= keptParties(db));
  /**
   * the archive's parties, then the register's active apps, each with its key (analysis/party-list.ts);
   * an app party needs what the app reaches, not the countries of the logins
   */
  const parties = (): KeyedParty[] => {
    const reach = stored();
    return keyParties([...archiveParties(), ...appParties(listApps(db).map((a) => ({ id: a.id, name: a.name, revoked: a.revokedOn !== null, exposure: exposure(a.scopes, reach) })))]);
  };

  const view = (id: number): AppView => appView(mustGet(id), appEvents(db).get(id) ?? [], facts(), today());
  const views = (): AppView[] => {
    const archived = facts();
    const events = appEvents(db);
    const day = today();
    return listApps(db).map((a) => appView(a, events.get(a.id) ?? [], archived, day));
  };
  const due = (apps: AppView[]): number[] =>
    dueForReview(
      apps.map((a) => ({ id: a.id, grantedOn: a.grantedAt, lastReviewedOn: a.lastReviewedAt, revokedOn: a.revokedAt, reviewIntervalDays: a.reviewIntervalDays, access: a.access })),
      today(),
    ).map((d) => d.entry.id);
  /** access is stored only when the person may choose it (no scope decides it) */
  const chosenAccess = (scopes: string[], access: Access | null | undefined): Access | null => (access != null && grantAccess(scopes).editable ? access : null);

  /** the register as a file holds it (apps export, backups): validated again on import */
  const appsDocument = (): AppsDocument => {
    const events = appEvents(db);
    const doc: AppsDocument = {
      format: 'footprint-apps',
      version: 1,
      exportedAt: new Date().toISOString(),
      apps: listApps(db).map((a) => ({
        name: a.name,
        website: a.website,
        purpose: a.purpose,
        note: a.note,
        scopes: a.scopes,
        claims: a.claims,
        access: a.access,
        grantedOn: a.grantedOn,
        revokedOn: a.revokedOn,
        lastReviewedOn: a.lastReviewedOn,
        reviewIntervalDays: a.reviewIntervalDays,
        history: (events.get(a.id) ?? []) as AppHistoryEvent[],
      })),
    };
    return doc;
  };

  return {
    scopes: async () => ({ scopes: SCOPE_CATALOG.scopes.map(scopeInfo), guide: scopeGuide() }),
    listApps: async () => {
      const apps = views();
      return { apps, dueForReview: due(apps) };
    },
    addApp: async (input) => {
      const fields: AppFields = {
        name: input.name.trim(),
        website: text(input.website),
        purpose: text(input.purpose),
        note: text(input.note),
        scopes: [...new Set(input.scopes)],
        claims: [...new Set(input.claims ?? [])] as Claim[],
        access: input.access ?? null,
        grantedOn: input.grantedOn,
        revokedOn: input.revokedOn ?? null,
        lastReviewedOn: input.lastReviewedOn ?? null,
        reviewIntervalDays: input.reviewIntervalDays ?? null,
      };
      refuse(appEntryIssues(entryOf(fields), { today: today(), existing: listApps(db) }));
      fields.access = chosenAccess(fields.scopes, fields.access);
      return view(addApp(db, fields, Date.now()));
    },
    editApp: async ({ id, ...input }) => {
      const app = mustGet(id);
      const { id: _id, createdAt: _c, updatedAt: _u, ...current } = app;
      const next: AppFields = { ...current };
      if (input.name !== undefined) next.name = input.name.trim();
      if (input.website !== undefined) next.website = text(input.website);
      if (input.purpose !== undefined) next.purpose = text(input.purpose);
      if (input.note !== undefined) next.note = text(input.note);
      if (input.scopes !== undefined) next.scopes = [...new Set(input.scopes)];
      if (input.claims !== undefined) next.claims = [...new Set(input.claims)] as Claim[];
      if (input.access !== undefined) next.access = input.access;
      if (input.grantedOn !== undefined) next.grantedOn = input.grantedOn;
      if (input.lastReviewedOn !== undefined) next.lastReviewedOn = input.lastReviewedOn;
      if (input.reviewIntervalDays !== undefined) next.reviewIntervalDays = input.reviewIntervalDays;
      refuse(appEntryIssues(entryOf(next, id), { today: today(), existing: listApps(db) }));
      next.access = chosenAccess(next.scopes, next.access);
      const details: Record<string, [unknown, unknown]> = {};
      for (const k of Object.keys(next) as (keyof AppFields)[]) {
        if (JSON.stringify(next[k]) !== JSON.stringify(current[k])) details[k] = [current[k], next[k]];
      }
      // a new "last reviewed" day is a review in the history (as "Mark as reviewed" writes it), the
      // rest an edit; nothing changed: nothing written, not even a history line
      const reviewed = details.lastReviewedOn && next.lastReviewedOn ? next.lastReviewedOn : null;
      if (reviewed) delete details.lastReviewedOn;
      const at = Date.now();
      const events = [
        ...(Object.keys(details).length > 0 ? [{ kind: 'edited' as const, day: today(), at, details }] : []),
        ...(reviewed ? [{ kind: 'reviewed' as const, day: reviewed, at, details: {} }] : []),
      ];
      if (events.length > 0) updateApp(db, id, next, events);
      return view(id);
    },
    revokeApp: async ({ id, on }) => {
      const app = mustGet(id);
      if (app.revokedOn) throw new FootprintError('APP_REVOKED', { id, name: app.name, revokedOn: app.revokedOn });
      const next: AppFields = { ...app, revokedOn: on };
      refuse(appEntryIssues(entryOf(next, id), { today: today() }).filter((i) => i.params.field === 'revokedOn'));
      updateApp(db, id, next, { kind: 'revoked', day: on, at: Date.now(), details: {} });
      return view(id);
    },
    reviewApp: async ({ id, on }) => {
      const app = mustGet(id);
      if (app.revokedOn) throw new FootprintError('APP_REVOKED', { id, name: app.name, revokedOn: app.revokedOn });
      const day = on ?? today();
      const next: AppFields = { ...app, lastReviewedOn: day };
      refuse(appEntryIssues(entryOf(next, id), { today: today() }).filter((i) => i.params.field === 'lastReviewedOn'));
      // an earlier review noted late does not move the last one back
      if (app.lastReviewedOn && app.lastReviewedOn > day) next.lastReviewedOn = app.lastReviewedOn;
      updateApp(db, id, next, { kind: 'reviewed', day, at: Date.now(), details: {} });
      return view(id);
    },
    removeApp: async ({ id }) => {
      mustGet(id);
      return { removed: removeApp(db, id) };
    },
    exportApps: async () => appsDocument(),
    saveApps: async ({ path, replace }) => {
      const doc = appsDocument();
      // refuses the archive, links, folders and an existing file unless replace (CANNOT_WRITE); a
      // failure leaves whatever was there untouched
      const file = openSafeFile(path, { force: replace === 'yes', protect: options.protect });
      try {
        file.write(JSON.stringify(doc, null, 2) + '\n');
        file.commit();
      } catch (e) {
        file.abort();
        throw e;
      }
      return { path, apps: doc.apps.length };
    },
    importApps: async ({ document }) => {
      const existing: { id: string | number; name: string; revokedOn?: string | null; grantedOn: string }[] = listApps(db);
      const add: { fields: AppFields; history: AppEvent[] }[] = [];
      let unchanged = 0;
      document.apps.forEach((a, i) => {
        const entry = i + 1;
        const fields: AppFields = {
          name: a.name.trim(),
          website: text(a.website),
          purpose: text(a.purpose),
          note: text(a.note),
          scopes: [...new Set(a.scopes)],
          claims: [...new Set(a.claims)] as Claim[],
          access: a.access,
          grantedOn: a.grantedOn,
          revokedOn: a.revokedOn,
          lastReviewedOn: a.lastReviewedOn,
          reviewIntervalDays: a.reviewIntervalDays,
        };
        // the same app noted with the same grant day: already here (importing a backup twice adds nothing)
        if (existing.some((x) => sameAppName(x.name, fields.name) && x.grantedOn === fields.grantedOn)) {
          unchanged++;
          return;
        }
        refuse(appEntryIssues(entryOf(fields), { today: today(), existing }), { entry });
        for (const e of a.history) {
          if (e.day !== null && (dayNumber(e.day) === null || e.day > today())) {
            throw new FootprintError('BAD_APP_ENTRY', { field: 'history', reason: dayNumber(e.day) === null ? 'not_a_date' : 'in_future', entry });
          }
        }
        fields.access = chosenAccess(fields.scopes, fields.access);
        existing.push({ id: `new:${entry}`, name: fields.name, revokedOn: fields.revokedOn, grantedOn: fields.grantedOn });
        add.push({ fields, history: a.history.filter((e) => e.kind !== 'imported') as AppEvent[] });
      });
      if (add.length > 0) importApps(db, add, Date.now());
      return { imported: add.length, unchanged };
    },
    previewExposure: async ({ scopes }) => {
      refuse(appEntryIssues({ name: 'preview', scopes, grantedOn: today() }, { today: today() }).filter((i) => i.params.field === 'scopes'));
      const access = grantAccess(scopes);
      return {
        exposure: exposureView(exposure(scopes, facts())),
        access: { access: access.access, derived: access.derived, editable: access.editable },
        risk: assessAppRisk({ scopes }),
      };
    },
    parties: async ({ kind, query, lang, offset, limit }) => {
      const tr = lang ? translator(lang) : null;
      // the words a person sees for the party (an unnamed one: "an unnamed partner (id 123)"), and its id
      const names = (p: Party): string[] => {
        const words = [p.name ?? (p.unnamed?.reason === 'numeric-id' ? p.unnamed.id : '')];
        if (tr && p.name === null) words.push(p.unnamed?.reason === 'numeric-id' ? tr.t('party.unnamed', { id: p.unnamed.id }) : tr.t(`party.kind.${p.kind}`));
        return words.map(searchable);
      };
      return partiesPage(parties(), { kind, query: searchable((query ?? '').trim()), offset: offset ?? 0, limit: limit ?? 50 }, names);
    },
    partyDetail: async ({ keys }) => {
      const byKey = new Map(parties().map((k) => [k.key, k.party]));
      // copies: a caller in this process may change what it gets
      return { parties: keys.map((key) => (byKey.has(key) ? structuredClone(byKey.get(key)!) : null)) };
    },
  };
}

function scopeInfo(sc: (typeof SCOPE_CATALOG.scopes)[number]): ScopeInfo {
  return {
    id: sc.id,
    product: sc.product,
    access: sc.access,
    declinable: sc.declinable,
    title: sc.title,
    meaning: sc.meaning,
    categories: sc.categories,
    datasets: sc.datasets.map((d) => d.dataset),
    reach: sc.datasets,
    writes: sc.writes ?? null,
    risk: { level: sc.risk, reasons: sc.reasons },
    unclear: sc.unclear,
  };
}

/** The catalog's review rule, revoke guide and no-grant access: content for the doors, message keys only. */
function scopeGuide(): ScopeGuide {
  const { review, revoke, noGrant, unclear } = SCOPE_CATALOG;
  return {
    review: { defaultIntervalDays: review.defaultIntervalDays, minIntervalDays: review.minIntervalDays, maxIntervalDays: review.maxIntervalDays },
    revoke: {
      where: revoke.where,
      steps: revoke.steps.map((st) => ({ id: st.id, label: st.label, text: st.text, variants: st.variants.map((v) => ({ label: v.label, uncertain: v.uncertain })) })),
      after: [...revoke.after],
      unclear: [...revoke.unclear],
    },
    noGrant: {
      intro: noGrant.intro,
      advice: noGrant.advice,
      apis: noGrant.apis.map((a) => ({ id: a.id, title: a.title, text: a.text, revocable: a.revocable, unclear: [...a.unclear] })),
    },
    unclear: Object.fromEntries(unclear.map((u) => [u.id, u.text])),
  };
}

/**
 * The archive's parties as kept in the archive (kept-answers.ts; ~1.2 s of grouping on a million
 * records, asked for on the first visit to the parties), worked out and kept when they are not.
 */
export function keptParties(db: WritableDB): Party[] {
  return keptOrWorkedOut(db, 'parties', keptStates.archive, () => partiesInArchive(db));
}

/** The facts apps are measured against, as kept in the archive (the login countries read every address); `stored` when worked out. */
export function keptFacts(db: WritableDB, stored: () => ArchiveFacts = () => storedFacts(db)): ArchiveFacts {
  return keptOrWorkedOut(db, 'app-facts', keptStates.places, () => withCountries(db, stored()));
}

/** Everyone the imported exports show data flowing to or from. */
export function partiesInArchive(db: ReadableDB): Party[] {
  const third = fieldGroups(db, 'third_party_info', []);
  return exportParties({
    offTikTok: fieldGroups(db, 'off_tiktok_activity', ['source', 'event']),
    linkedPlatforms: fieldGroups(db, 'linked_platforms', ['platform', 'name']),
    thirdPartyInfo: { group: third[0] ?? null, raw: rawRecords(db, 'third_party_info').map((r) => r.fields) },
    adPartners: fieldGroups(db, 'ad_partners', ['list', 'name']),
    adsVisits: fieldGroups(db, 'ads_visits', ['link']),
    adInterests: fieldGroups(db, 'ad_interests', []),
    instantForms: fieldGroups(db, 'instant_form_responses', []),
    shares: fieldGroups(db, 'shares', ['method']),
    shopMessages: fieldGroups(db, 'shop_messages', ['conversation']),
    shopOrders: fieldGroups(db, 'shop_orders', ['shop_name']),
  });
}

/** The register's apps with access, as parties the person's data flows to. */
function appParties(apps: { id: number; name: string; revoked: boolean; exposure: Exposure }[]): Party[] {
  return apps
    .filter((a) => !a.revoked)
    .map((a) => {
      const reached = a.exposure.datasets.filter((e) => e.records > 0);
      return {
        name: a.name,
        kind: 'app' as const,
        direction: 'to-party' as const,
        categories: a.exposure.totals.categories as Party['categories'],
        evidence: reached.map((e) => ({ dataset: e.dataset, records: e.records, snapshots: [], recordIds: [] })),
        firstSeen: null,
        lastSeen: null,
        perSnapshot: [],
        actions: ['revoke-app' as const],
        appId: a.id,
      };
    });
}

/** The register as the checklist's evidence needs it: which apps can still pull data again and again. */
export function appsForChecklist(db: ReadableDB): { name: string; accessMode: 'one-time' | 'ongoing' | 'unknown'; revoked: boolean }[] {
  return listApps(db).map((a) => ({ name: a.name, accessMode: grantAccess(a.scopes, a.access).access, revoked: a.revokedOn !== null }));
}
