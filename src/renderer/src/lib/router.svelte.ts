// A small hash router: the place in the window lives in the URL (#/snapshot/3?dataset=likes), so
// Back, Forward and reload keep it. A new page is one more case in parse() and format().
//   (empty) or #/home                the home page: what the latest export holds, what to do first
//   #/overview                       the latest snapshot
//   #/snapshot/<id>[?dataset=<id>]   a snapshot, optionally with a dataset's records open, and that
//       [&sort=&dir=&from=&to=&where=&q=&record=]  table's view: sort, days [from, to], facet values
//                                    (where=<field>:<value>, repeated), text, and a record open beside it;
//       [&missing=<field>&scope=all]   "no value" of a field as a filter (repeated); every snapshot's records
//   #/changes[?from=<id>&to=<id>]    what changed (default: the latest export against the one before)
//   #/checklists[?step=<id>]         the hardening checklists and rights requests, optionally at one step
//       [?section=guides&guide=<id>]   a guide (get your data out, before you authorize, leaving, a teen's)
//       [?section=rights&request=<kind>]  the rights requests, with one kind of request chosen
//   #/settings                       Settings (a dialog over the page it was opened from)
//   #/sharing[?section=<id>]         third-party access: apps, parties, scopes, preview, revoking
//   #/search?q=<text>[&record=<id>]  search across the archive, optionally with a hit's record open
//   #/charts[?snapshot=<id>&zone=<IANA time zone>]  the charts, of one export or the whole archive, in a time zone

/** A dataset table's view: what Back and reload keep. Days are YYYY-MM-DD, both included. */
export interface TableView {
  sort?: string;
  dir?: 'asc' | 'desc';
  from?: string;
  to?: string;
  where?: { field: string; value: string }[];
  q?: string;
  record?: number;
  /** fields whose "no value" is chosen as a filter */
  missing?: string[];
  /** on a snapshot's page: every snapshot's records, not only that snapshot's */
  all?: boolean;
}

export type Route =
  | { page: 'home' }
  | ({ page: 'overview'; dataset?: string } & TableView)
  | ({ page: 'snapshot'; id: number; dataset?: string } & TableView)
  | { page: 'changes'; from?: number; to?: number }
  | { page: 'checklists'; step?: string; section?: string; guide?: string; request?: string }
  | { page: 'settings' }
  | { page: 'sharing'; section?: string }
  | { page: 'search'; q: string; record?: number }
  | { page: 'charts'; snapshot?: number; zone?: string };

const positive = (v: string | null | undefined): number | undefined => {
  const n = Number(v);
  return v && Number.isInteger(n) && n > 0 ? n : undefined;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function parseView(q: URLSearchParams): TableView {
  const v: TableView = {};
  const sort = q.get('sort');
  if (sort) v.sort = sort;
  const dir = q.get('dir');
  if (dir === 'asc' || dir === 'desc') v.dir = dir;
  const from = q.get('from');
  if (from && DAY.test(from)) v.from = from;
  const to = q.get('to');
  if (to && DAY.test(to)) v.to = to;
  const where = q.getAll('where').flatMap((w) => {
    const at = w.indexOf(':');
    return at > 0 ? [{ field: w.slice(0, at), value: w.slice(at + 1) }] : [];
  });
  if (where.length) v.where = where;
  const text = q.get('q');
  if (text) v.q = text;
  const record = positive(q.get('record'));
  if (record) v.record = record;
  const missing = q.getAll('missing').filter(Boolean);
  if (missing.length) v.missing = missing;
  if (q.get('scope') === 'all') v.all = true;
  return v;
}

function formatView(v: TableView, q: URLSearchParams): void {
  if (v.sort) q.set('sort', v.sort);
  if (v.dir) q.set('dir', v.dir);
  if (v.from) q.set('from', v.from);
  if (v.to) q.set('to', v.to);
  for (const w of v.where ?? []) q.append('where', `${w.field}:${w.value}`);
  if (v.q) q.set('q', v.q);
  if (v.record) q.set('record', String(v.record));
  for (const m of v.missing ?? []) q.append('missing', m);
  if (v.all) q.set('scope', 'all');
}

export function parse(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(safeDecode);
  const q = new URLSearchParams(query);
  const dataset = q.get('dataset') || undefined;
  switch (parts[0]) {
    case 'snapshot': {
      const id = positive(parts[1]);
      const view = dataset ? parseView(q) : {};
      return id ? { page: 'snapshot', id, dataset, ...view } : { page: 'overview', dataset, ...view };
    }
    case 'changes':
      return { page: 'changes', from: positive(q.get('from')), to: positive(q.get('to')) };
    case 'checklists':
      return { page: 'checklists', step: q.get('step') || undefined, section: q.get('section') || undefined, guide: q.get('guide') || undefined, request: q.get('request') || undefined };
    case 'settings':
      return { page: 'settings' };
    case 'sharing':
      return { page: 'sharing', section: q.get('section') || undefined };
    case 'search':
      return { page: 'search', q: q.get('q') ?? '', record: positive(q.get('record')) };
    case 'home':
      return { page: 'home' };
    case undefined:
      // the landing page; a bare ?dataset= keeps meaning the latest snapshot's table
      if (!dataset) return { page: 'home' };
      return { page: 'overview', dataset, ...parseView(q) };
    case 'charts':
      return { page: 'charts', snapshot: positive(q.get('snapshot')), zone: q.get('zone') || undefined };
    default:
      return { page: 'overview', dataset, ...(dataset ? parseView(q) : {}) };
  }
}

export function format(route: Route): string {
  const q = new URLSearchParams();
  let path: string;
  switch (route.page) {
    case 'home':
      path = 'home';
      break;
    case 'overview':
      path = 'overview';
      if (route.dataset) q.set('dataset', route.dataset);
      if (route.dataset) formatView(route, q);
      break;
    case 'snapshot':
      path = `snapshot/${route.id}`;
      if (route.dataset) q.set('dataset', route.dataset);
      if (route.dataset) formatView(route, q);
      break;
    case 'changes':
      path = 'changes';
      if (route.from) q.set('from', String(route.from));
      if (route.to) q.set('to', String(route.to));
      break;
    case 'checklists':
      path = 'checklists';
      if (route.step) q.set('step', route.step);
      if (route.section) q.set('section', route.section);
      if (route.guide) q.set('guide', route.guide);
      if (route.request) q.set('request', route.request);
      break;
    case 'settings':
      path = 'settings';
      break;
    case 'sharing':
      path = 'sharing';
      if (route.section) q.set('section', route.section);
      break;
    case 'search':
      path = 'search';
      q.set('q', route.q);
      if (route.record) q.set('record', String(route.record));
      break;
    case 'charts':
      path = 'charts';
      if (route.snapshot) q.set('snapshot', String(route.snapshot));
      if (route.zone) q.set('zone', route.zone);
      break;
  }
  const qs = q.toString();
  return `#/${path}${qs ? `?${qs}` : ''}`;
}

class Router {
  route = $state<Route>(parse(location.hash));
  /** the last page that is not Settings: what Settings opens over and returns to */
  behind = $state<Route>({ page: 'overview' });
  /** Settings was opened from a page of this window (not by a reload): closing it is Back */
  #settingsPushed = false;

  constructor() {
    if (this.route.page !== 'settings') this.behind = this.route;
    window.addEventListener('hashchange', () => this.#sync());
    window.addEventListener('popstate', () => this.#sync());
  }

  #sync() {
    const next = parse(location.hash);
    if (format(next) === format(this.route)) return;
    this.route = next;
    if (next.page !== 'settings') this.#settingsPushed = false;
    if (this.route.page !== 'settings') this.behind = this.route;
  }

  /** Goes to a route; `replace` when the step should not be a Back stop (a redirect, a correction). */
  go(route: Route, { replace = false } = {}): void {
    const hash = format(route);
    if (hash === location.hash) return;
    if (replace) history.replaceState(history.state, '', hash);
    else history.pushState(history.state, '', hash);
    this.#sync();
    if (route.page === 'settings' && !replace) this.#settingsPushed = true;
  }

  /** Leaves Settings: back to where it was opened from (Back, when that is where it came from). */
  closeSettings(): void {
    if (this.#settingsPushed) history.back();
    else this.go(this.behind, { replace: true });
  }
}

export const router = new Router();
export const href = (route: Route): string => format(route);

/** A hash segment as text; a malformed escape (a hand-typed URL) reads as nothing rather than throwing. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}
