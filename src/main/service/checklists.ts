// The checklists as contract operations: the person's states, verified against their exports after
// every import; evidence from their own data; the questionnaire; re-check reminders; rights requests.
// Asks the store, hands the rows to the analysis (checklist-*.ts). What the person entered is only
// ever changed by their own operations, and invalid input is refused before anything is written.
import type { Api, FoundAlert, ChecklistArea, ChecklistStep, ChecklistView, FreshExportView, RightsRequestView } from '../../shared/contract';
import type { Answers, StepState } from '../../shared/checklists';
import { AREAS, FRESH_EXPORT_REMINDER_ID } from '../../shared/checklists';
import { FootprintError } from '../../shared/errors';
import type { ReadableDB, WritableDB } from '../store/db';
import * as store from '../store/checklists';
import { latestSnapshotWith } from '../store/archive';
import { listValues } from '../store/records';
import { snapshotDatasets, snapshotsInExportOrder, type SnapshotTimes } from '../store/snapshots';
import { archiveStateToken } from '../store/changes';
import { keptOrWorkedOut, keptStates } from './kept-answers';
import { CHECKLIST_CONTENT as C } from '../analysis/checklist-content';
import { levelOf, verifySnapshot, type SettingsSnapshot } from '../analysis/checklist-verify';
import { decideFromVerification, type CurrentDecision } from '../analysis/checklist-decide';
import { regressionAlerts } from '../analysis/checklist-regress';
import { ageInDays, isStale, freshExportReminder } from '../analysis/checklist-stale';
import { contentView } from '../analysis/checklist-texts';
import { planChecklist } from '../analysis/checklist-plan';
import { evidenceForSteps, gatherEvidence, type EvidenceInputs } from '../analysis/checklist-evidence';
import { lawFor, profileFacts, rightsDeadline, rightsLetter } from '../analysis/checklist-rights';

export type ChecklistOperations = Pick<
  Api,
  'checklist' | 'setStepStatus' | 'setQuestionnaire' | 'setRecheckReminder' | 'rightsText' | 'recordRightsRequest' | 'answerRightsRequest' | 'listRightsRequests' | 'checklistContent'
>;

const DAY = 86_400_000;

/** The person's fresh-export interval, else the content's default. */
function freshExportInterval(db: ReadableDB): { intervalDays: number; chosen: boolean } {
  const r = store.listReminders(db).find((x) => x.checklistId === FRESH_EXPORT_REMINDER_ID);
  return r ? { intervalDays: r.intervalDays, chosen: true } : { intervalDays: C.facts.freshExportIntervalDays, chosen: false };
}

/** When the latest export (any, not only one with settings) is older than the interval, a fresh one is due. */
function freshExportView(db: ReadableDB, now: number): FreshExportView {
  const { intervalDays, chosen } = freshExportInterval(db);
  const snaps = snapshotsInExportOrder(db);
  const last = snaps.length ? timeOf(snaps[snaps.length - 1]!) : null;
  return {
    intervalDays,
    chosen,
    latestExportAt: last,
    days: last === null ? null : ageInDays(last, now),
    due: freshExportReminder(last, now, intervalDays) !== null,
    dueAt: last === null ? null : last + intervalDays * DAY,
  };
}

/**
 * Apps registered on the Sharing page, for the "apps with ongoing access" evidence. The register is
 * being built separately; until it lands there are none (the evidence then counts 0). Replace this
 * with the register's store read.
 */
export type AppsSource = (db: ReadableDB) => NonNullable<EvidenceInputs['apps']>;
const NO_APPS: AppsSource = () => [];

const valuesOf = (db: ReadableDB, dataset: string, snapshot: number): Record<string, string | null> =>
  Object.fromEntries(listValues(db, dataset, snapshot).map((v) => [v.key, v.value]));

const timeOf = (s: SnapshotTimes): number => s.exportedAt ?? s.importedAt;

/** The settings of the latest export (in export order) that has any. */
function latestSettings(db: ReadableDB): (SettingsSnapshot & { time: number }) | null {
  const all = snapshotsInExportOrder(db);
  for (let i = all.length - 1; i >= 0; i--) {
    const snap = all[i]!;
    if (!snapshotDatasets(db, snap.id).some((d) => d.dataset === 'settings')) continue;
    return { snapshotId: snap.id, exportedAt: snap.exportedAt, values: valuesOf(db, 'settings', snap.id), time: timeOf(snap) };
  }
  return null;
}

/**
 * Verifies every step that has an export key against the latest export's settings and saves what
 * it decides (analysis/checklist-decide.ts says whose word is newer). Idempotent: run after every
 * import, and before the checklist is shown. Returns the steps whose state changed.
 */
export function verifyLatest(db: WritableDB, now = Date.now()): { stepId: string; from: StepState; to: StepState }[] {
  const latest = latestSettings(db);
  if (!latest) return [];
  const stored = store.listStepStates(db);
  const current: Record<string, CurrentDecision> = Object.fromEntries(stored.map((s) => [s.stepId, { ...s, status: s.status as StepState }]));
  const decisions = decideFromVerification(current, verifySnapshot(C.steps, latest, C.vocabulary), latest.time, now);
  store.saveStepDecisions(db, decisions);
  return decisions.filter((d) => (current[d.stepId]?.status ?? 'todo') !== d.status).map((d) => ({ stepId: d.stepId, from: current[d.stepId]?.status ?? 'todo', to: d.status }));
}

/** The diff's `setting-regressed` alerts between two snapshots (none unless both hold settings). */
export function settingRegressionAlerts(db: ReadableDB, from: { id: number; exportedAt: number | null }, to: { id: number; exportedAt: number | null }): FoundAlert[] {
  const has = (id: number) => snapshotDatasets(db, id).some((d) => d.dataset === 'settings');
  if (from.id === to.id || !has(from.id) || !has(to.id)) return [];
  const side = (s: { id: number; exportedAt: number | null }): SettingsSnapshot => ({ snapshotId: s.id, exportedAt: s.exportedAt, values: valuesOf(db, 'settings', s.id) });
  return regressionAlerts(C.steps, side(from), side(to), C.vocabulary);
}

/**
 * The archive's part of the evidence (the latest export holding each dataset), kept until the
 * archive changes (an import, a deleted snapshot, forgotten records): on a million-record archive
 * reading it takes ~200 ms, and the checklist is read on every visit to Home and the Checklists
 * page. Kept in memory and in the archive (kept-answers.ts), so the first visit after a start reads
 * it back too. The register of apps is read fresh each time.
 */
const archiveEvidence = new WeakMap<ReadableDB, { token: string; inputs: Omit<EvidenceInputs, 'apps'> }>();

function evidenceInputs(db: WritableDB, apps: AppsSource): EvidenceInputs {
  const token = archiveStateToken(db);
  let kept = archiveEvidence.get(db);
  if (kept?.token !== token) archiveEvidence.set(db, (kept = { token, inputs: keptEvidence(db) }));
  return { ...kept.inputs, apps: apps(db) };
}

/** The archive's part of the evidence as kept in the archive, read and kept when it is not. */
export function keptEvidence(db: WritableDB): Omit<EvidenceInputs, 'apps'> {
  return keptOrWorkedOut(db, 'evidence', keptStates.archive, () => archiveInputs(db));
}

/** Evidence from the latest export holding each dataset. */
function archiveInputs(db: ReadableDB): Omit<EvidenceInputs, 'apps'> {
  const latest = (dataset: string) => latestSnapshotWith(db, dataset);
  const inputs: Omit<EvidenceInputs, 'apps'> = {};
  const posts = latest('posts');
  // only posts with a place matter; the rest are counted
  if (posts !== null) {
    inputs.posts = store.postsWithLocation(db, posts);
    inputs.postCount = store.postCount(db, posts);
  }
  const logins = latest('login_history');
  if (logins !== null) inputs.logins = store.loginDevices(db, logins);
  const off = latest('off_tiktok_activity');
  if (off !== null) inputs.offTikTok = store.offTikTokSources(db, off);
  const partners = latest('ad_partners');
  if (partners !== null) inputs.adPartners = store.adPartnerNames(db, partners);
  const settings = latest('settings');
  if (settings !== null) inputs.settings = valuesOf(db, 'settings', settings);
  const blocked = latest('blocked');
  if (blocked !== null) inputs.blockedCount = store.blockedCount(db, blocked);
  const profile = latest('profile');
  if (profile !== null) {
    const v = valuesOf(db, 'profile', profile);
    inputs.profile = { emailAddress: v.emailAddress ?? null, telephoneNumber: v.telephoneNumber ?? null };
  }
  return inputs;
}

function storedAnswers(db: ReadableDB): Answers | null {
  return (store.getAnswers(db)?.answers as Answers | undefined) ?? null;
}

export function checklistView(db: WritableDB, now: number, apps: AppsSource = NO_APPS): ChecklistView {
  const answers = storedAnswers(db);
  const stored = new Map(store.listStepStates(db).map((s) => [s.stepId, s]));
  const states = Object.fromEntries([...stored].map(([id, s]) => [id, s.status as StepState]));
  // without answers nothing is hidden
  const steps = answers ? C.steps : C.steps.map((s) => ({ ...s, notApplicableWhen: undefined }));
  const plan = planChecklist(steps, answers ?? { ageGroup: '18-plus', region: 'eea-uk', role: 'viewer', usesDms: true, phone: 'android' }, states);
  const evidence = evidenceForSteps(C.steps, gatherEvidence(evidenceInputs(db, apps), C.vocabulary));
  const latest = latestSettings(db);
  const reminders = new Map(store.listReminders(db).map((r) => [r.checklistId, r]));
  const severity = new Map(C.steps.map((s) => [s.id, s.severity]));
  const titles = new Map(C.steps.map((s) => [s.id, s.title]));

  const checklists: ChecklistArea[] = plan.progress.map((p) => {
    const r = reminders.get(p.area);
    const due = r ? freshExportReminder(latest?.time ?? null, now, r.intervalDays) : null;
    return {
      id: p.area,
      progress: { done: p.done, total: p.total, skipped: p.skipped, needsAttention: p.needsAttention },
      reminder: r
        ? {
            intervalDays: r.intervalDays,
            due: due !== null,
            days: due?.params.days ?? (latest ? Math.floor((now - latest.time) / DAY) : 0),
            dueAt: latest ? latest.time + r.intervalDays * DAY : null,
          }
        : null,
      steps: plan.steps
        .filter((s) => s.area === p.area)
        .map((s): ChecklistStep => {
          const st = stored.get(s.id);
          return {
            id: s.id,
            title: titles.get(s.id)!,
            severity: severity.get(s.id)!,
            status: s.state,
            verifiedBy: st?.decidedBy ?? null,
            observed: st?.observed ?? null,
            snapshot: st?.snapshotId ?? null,
            exportedAt: st?.exportedAt ?? null,
            decidedAt: st?.decidedAt ?? null,
            stale: st?.decidedBy === 'snapshot' && isStale(st.exportedAt, now, C.staleAfterDays),
            note: st?.note ?? null,
            evidence: evidence[s.id] ?? [],
            observedLevel: levelOf(st?.observed, C.vocabulary),
          };
        }),
    };
  });
  return {
    answers,
    checklists,
    hidden: plan.hidden,
    first: plan.first,
    verifiedFrom: latest ? { snapshot: latest.snapshotId, exportedAt: latest.exportedAt } : null,
    staleAfterDays: C.staleAfterDays,
    freshExport: freshExportView(db, now),
  };
}

const today = (now: number): string => new Date(now).toISOString().slice(0, 10);

/** A real day written YYYY-MM-DD, not after today. */
function dayInput(text: string, field: string, now: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m || new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)).toISOString().slice(0, 10) !== text) throw new FootprintError('BAD_INPUT', { field, expected: 'date' });
  if (text > today(now)) throw new FootprintError('BAD_INPUT', { field, expected: 'notFuture' });
  return text;
}

function lawOf(db: ReadableDB, law: 'gdpr' | 'ccpa' | undefined): { law: 'gdpr' | 'ccpa'; fromAnswers: boolean } {
  if (law) return { law, fromAnswers: false };
  const answers = storedAnswers(db);
  const spec = answers ? lawFor(answers.region, C) : null;
  return spec ? { law: spec.id, fromAnswers: true } : { law: 'gdpr', fromAnswers: false };
}

function requestView(db: ReadableDB, r: store.StoredRightsRequest, now: number, snaps: SnapshotTimes[]): RightsRequestView {
  const { dueOn, extendedDueOn } = rightsDeadline(r.law, r.sentOn, C);
  const sent = Date.parse(`${r.sentOn}T00:00:00Z`);
  const later = snaps.find((s) => timeOf(s) >= sent);
  let laterExport: RightsRequestView['laterExport'] = null;
  if (later) {
    // datasets with records: an empty section in an export holds nothing to ask for or to delete
    const held = (id: number) => snapshotDatasets(db, id).filter((d) => d.records > 0).map((d) => d.dataset);
    const datasets = held(later.id).sort();
    const before = [...snaps].reverse().find((s) => timeOf(s) < sent);
    const had = before ? held(before.id) : [];
    laterExport = { snapshot: later.id, exportedAt: later.exportedAt, datasets, missing: had.filter((d) => !datasets.includes(d)).sort() };
  }
  return {
    id: r.id,
    kind: r.kind,
    law: r.law,
    lang: r.lang,
    sentOn: r.sentOn,
    answeredOn: r.answeredOn,
    note: r.note,
    dueOn,
    extendedDueOn,
    overdue: r.answeredOn === null && today(now) > dueOn,
    laterExport,
  };
}

export interface ChecklistOptions {
  /** false while an import writes: the checklist is then shown without verifying first */
  canWrite?: () => boolean;
  apps?: AppsSource;
  now?: () => number;
}

export function checklistOperations(db: WritableDB, opts: ChecklistOptions = {}): ChecklistOperations {
  const now = opts.now ?? Date.now;
  const apps = opts.apps ?? NO_APPS;
  const stepIds = new Set(C.steps.map((s) => s.id));
  const requests = (): RightsRequestView[] => {
    const snaps = snapshotsInExportOrder(db);
    return store.listRightsRequests(db).map((r) => requestView(db, r, now(), snaps));
  };
  return {
    checklist: async () => {
      if (opts.canWrite?.() !== false) verifyLatest(db, now());
      return checklistView(db, now(), apps);
    },
    setStepStatus: async ({ step, status, note }) => {
      if (!stepIds.has(step)) throw new FootprintError('NO_SUCH_STEP', { step });
      const t = now();
      store.saveUserDecision(db, { stepId: step, status, decidedBy: 'user', observed: null, snapshotId: null, exportedAt: null, decidedAt: t }, note === undefined ? undefined : note.trim() || null);
      const view = checklistView(db, t, apps);
      return view.checklists.flatMap((c) => c.steps).find((s) => s.id === step) ?? hiddenStep(db, step);
    },
    setQuestionnaire: async (answers) => {
      store.saveAnswers(db, answers, now());
      return checklistView(db, now(), apps);
    },
    setRecheckReminder: async ({ checklist, intervalDays }) => {
      // the areas' re-check reminders, and the fresh-export interval (absent: back to the default)
      const known: readonly string[] = [...AREAS, FRESH_EXPORT_REMINDER_ID];
      if (!known.includes(checklist)) throw new FootprintError('BAD_INPUT', { field: 'checklist', expected: 'oneOf', allowed: known.join(', ') });
      store.saveReminder(db, checklist, intervalDays ?? null, now());
      return checklistView(db, now(), apps);
    },
    rightsText: async ({ kind, law }) => {
      const chosen = lawOf(db, law);
      const profile = latestSnapshotWith(db, 'profile');
      const facts = profile === null ? { username: null, email: null } : profileFacts(valuesOf(db, 'profile', profile));
      const letter = rightsLetter(kind, chosen.law, facts, C);
      const { dueOn, extendedDueOn } = rightsDeadline(chosen.law, today(now()), C);
      return { kind, law: chosen.law, lawFromAnswers: chosen.fromAnswers, subject: letter.subject, body: letter.body, identity: letter.identity, signoff: letter.signoff, dueOn, extendedDueOn };
    },
    recordRightsRequest: async ({ kind, sentOn, law, lang, note }) => {
      const t = now();
      const day = dayInput(sentOn, 'sentOn', t);
      const saved = store.insertRightsRequest(db, { kind, law: lawOf(db, law).law, lang: lang ?? 'en', sentOn: day, answeredOn: null, recordedAt: t, note: note?.trim() || null });
      return requests().find((r) => r.id === saved.id)!;
    },
    answerRightsRequest: async ({ id, answeredOn }) => {
      const t = now();
      const day = answeredOn === undefined ? null : dayInput(answeredOn, 'answeredOn', t);
      const found = requests().find((r) => r.id === id);
      if (!found) throw new FootprintError('NO_SUCH_REQUEST', { id });
      if (day !== null && day < found.sentOn) throw new FootprintError('BAD_INPUT', { field: 'answeredOn', expected: 'date' });
      store.saveRightsAnswered(db, id, day);
      return requests().find((r) => r.id === id)!;
    },
    listRightsRequests: async () => requests(),
    checklistContent: async () => contentView(C, storedAnswers(db), freshExportInterval(db).intervalDays),
  };
}

/** A step the questionnaire hides still has a state the person may set. */
function hiddenStep(db: ReadableDB, id: string): ChecklistStep {
  const st = store.listStepStates(db).find((s) => s.stepId === id);
  const step = C.steps.find((s) => s.id === id)!;
  return {
    id,
    title: step.title,
    severity: step.severity,
    status: (st?.status as StepState | undefined) ?? 'todo',
    verifiedBy: st?.decidedBy ?? null,
    observed: st?.observed ?? null,
    snapshot: st?.snapshotId ?? null,
    exportedAt: st?.exportedAt ?? null,
    decidedAt: st?.decidedAt ?? null,
    stale: false,
    note: st?.note ?? null,
    evidence: [],
    observedLevel: levelOf(st?.observed, C.vocabulary),
  };
}
