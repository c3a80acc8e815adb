// Everyone the person's exports show their data flowing to or from: off-TikTok sources (apps and
// sites that send TikTok what you do there), TikTok's data partners and advertisers, linked
// platforms, the advertisers you gave data (ad visits, instant forms), share destinations, shop
// sellers, and the apps in the register. Pure: it gets the store's grouped counts (store/parties.ts)
// and answers with ids, codes and numbers; the doors word them (party.* in messages/sharing.ts).
import { datasetSpec, type Category } from '../../shared/catalog';
import { PARTY_KINDS, type Party, type PartyAction, type PartyDirection, type PartyEvent, type PartyKind } from '../../shared/contract';

/** One group of a dataset's records sharing some fields' values, as store/parties.ts counts them. */
export interface FieldGroup {
  values: (string | null)[];
  records: number;
  first: number | null;
  last: number | null;
  snapshots: { snapshotId: number; records: number; first: number | null; last: number | null }[];
  recordIds: number[];
}

/** What the store found, by source (store/parties.ts fieldGroups per dataset and fields). */
export interface PartyFacts {
  /** off_tiktok_activity by [source, event] */
  offTikTok: FieldGroup[];
  /** linked_platforms by [platform, name] */
  linkedPlatforms: FieldGroup[];
  /** third_party_info, one group, with its records as stored */
  thirdPartyInfo: { group: FieldGroup | null; raw: Record<string, unknown>[] };
  /** ad_partners by [list, name] */
  adPartners: FieldGroup[];
  /** ads_visits by [link] */
  adsVisits: FieldGroup[];
  /** ad_interests, one group */
  adInterests: FieldGroup[];
  /** instant_form_responses, one group */
  instantForms: FieldGroup[];
  /** shares by [method] */
  shares: FieldGroup[];
  /** shop_messages by [conversation] */
  shopMessages: FieldGroup[];
  /** shop_orders by [shop name] (null: the export does not name the shop) */
  shopOrders: FieldGroup[];
}

/** TikTok names some off-TikTok sources only by a number (a partner's id in its systems). */
export const isNumericSource = (name: string): boolean => /^\d+$/.test(name.trim());

const categoriesOf = (datasets: string[], extra: Category[] = []): Category[] => {
  const set = new Set<Category>(extra);
  for (const d of datasets) {
    const c = datasetSpec(d)?.category;
    if (c) set.add(c);
  }
  return [...set];
};

const min = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.min(a, b));
const max = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

/** Several groups of one dataset as one party's evidence, counts and per-snapshot spans. */
function merged(dataset: string, groups: FieldGroup[]): Pick<Party, 'evidence' | 'firstSeen' | 'lastSeen' | 'perSnapshot'> {
  let firstSeen: number | null = null;
  let lastSeen: number | null = null;
  let records = 0;
  const per = new Map<number, { snapshotId: number; records: number; firstSeen: number | null; lastSeen: number | null }>();
  const recordIds: number[] = [];
  for (const g of groups) {
    records += g.records;
    firstSeen = min(firstSeen, g.first);
    lastSeen = max(lastSeen, g.last);
    for (const s of g.snapshots) {
      const p = per.get(s.snapshotId);
      if (!p) per.set(s.snapshotId, { snapshotId: s.snapshotId, records: s.records, firstSeen: s.first, lastSeen: s.last });
      else {
        p.records += s.records;
        p.firstSeen = min(p.firstSeen, s.first);
        p.lastSeen = max(p.lastSeen, s.last);
      }
    }
    for (const id of g.recordIds) if (recordIds.length < 5) recordIds.push(id);
  }
  const perSnapshot = [...per.values()].sort((a, b) => a.snapshotId - b.snapshotId);
  return { evidence: [{ dataset, records, snapshots: perSnapshot.map((p) => p.snapshotId), recordIds }], firstSeen, lastSeen, perSnapshot };
}

/** Groups by their first value (a name), keeping each name's groups together in first-seen order. */
function byFirstValue(groups: FieldGroup[]): Map<string | null, FieldGroup[]> {
  const out = new Map<string | null, FieldGroup[]>();
  for (const g of groups) {
    const k = g.values[0]?.trim() || null;
    const list = out.get(k);
    if (list) list.push(g);
    else out.set(k, [g]);
  }
  return out;
}

function host(link: string | null): string | null {
  if (!link) return null;
  try {
    return new URL(link).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

function offTikTokParties(groups: FieldGroup[]): Party[] {
  const out: Party[] = [];
  for (const [source, list] of byFirstValue(groups)) {
    const events: PartyEvent[] = [];
    for (const [event, evGroups] of byFirstValue(list.map((g) => ({ ...g, values: g.values.slice(1) })))) {
      const m = merged('off_tiktok_activity', evGroups);
      events.push({ event: event ?? '', records: m.evidence[0]!.records, firstSeen: m.firstSeen, lastSeen: m.lastSeen, perSnapshot: m.perSnapshot });
    }
    events.sort((a, b) => b.records - a.records || a.event.localeCompare(b.event));
    const numeric = source !== null && isNumericSource(source);
    out.push({
      name: numeric ? null : source,
      ...(numeric ? { unnamed: { reason: 'numeric-id' as const, id: source.trim() } } : source === null ? { unnamed: { reason: 'not-in-export' as const } } : {}),
      kind: 'off-tiktok-source',
      direction: 'from-party',
      categories: categoriesOf(['off_tiktok_activity'], ['activity']),
      ...merged('off_tiktok_activity', list),
      events,
      actions: ['disconnect-off-tiktok', 'ads-from-partners-off'],
    });
  }
  return out;
}

function simple(
  groups: FieldGroup[],
  dataset: string,
  kind: PartyKind,
  direction: PartyDirection,
  actions: PartyAction[],
  extra: Category[] = [],
  nameOf: (g: FieldGroup) => string | null = (g) => g.values[0]?.trim() || null,
): Party[] {
  const byName = new Map<string | null, FieldGroup[]>();
  for (const g of groups) {
    const k = nameOf(g);
    const list = byName.get(k);
    if (list) list.push(g);
    else byName.set(k, [g]);
  }
  // partners TikTok lists by a number, like off-TikTok sources, are named by nobody
  const numericIds = kind === 'data-partner' || kind === 'advertiser';
  return [...byName].map(([name, list]) => ({
    name: name !== null && numericIds && isNumericSource(name) ? null : name,
    ...(name === null
      ? { unnamed: { reason: 'not-in-export' as const } }
      : numericIds && isNumericSource(name)
        ? { unnamed: { reason: 'numeric-id' as const, id: name } }
        : {}),
    kind,
    direction,
    categories: categoriesOf([dataset], extra),
    ...merged(dataset, list),
    actions,
  }));
}

/** Every party the archive shows, by kind (in PARTY_KINDS order), then most records first. */
export function exportParties(f: PartyFacts): Party[] {
  const parties: Party[] = [
    ...offTikTokParties(f.offTikTok),
    // the two lists of "Ads based on data received from partners"
    ...simple(f.adPartners.filter((g) => g.values[0] !== 'AdvertiserList'), 'ad_partners', 'data-partner', 'from-party', ['ads-from-partners-off'], [], (g) => g.values[1]?.trim() || null),
    ...simple(f.adPartners.filter((g) => g.values[0] === 'AdvertiserList'), 'ad_partners', 'advertiser', 'from-party', ['ads-from-partners-off'], [], (g) => g.values[1]?.trim() || null),
    ...simple(f.linkedPlatforms, 'linked_platforms', 'linked-platform', 'from-party', ['unlink-platform']),
  ];
  if (f.thirdPartyInfo.group && f.thirdPartyInfo.group.records > 0) {
    const [p] = simple([f.thirdPartyInfo.group], 'third_party_info', 'third-party-info', 'from-party', ['unlink-platform'], [], () => null);
    parties.push({ ...p!, raw: f.thirdPartyInfo.raw });
  }
  // one party per advertiser's site: the links carry a click id that tells it the visit came from TikTok
  parties.push(...simple(f.adsVisits, 'ads_visits', 'ad-visits', 'to-party', ['personalized-ads-off', 'ask-advertiser'], ['activity'], (g) => host(g.values[0] ?? null)));
  parties.push(...simple(f.adInterests, 'ad_interests', 'ad-interests', 'to-party', ['personalized-ads-off'], [], () => null));
  parties.push(...simple(f.instantForms, 'instant_form_responses', 'instant-forms', 'to-party', ['ask-advertiser'], ['profile'], () => null));
  parties.push(...simple(f.shares, 'shares', 'share-destination', 'to-party', [], ['content']));
  const sellers = new Map<string | null, Party>();
  for (const p of [
    ...simple(f.shopOrders, 'shop_orders', 'shop-seller', 'to-party', ['ask-seller'], []),
    ...simple(f.shopMessages, 'shop_messages', 'shop-seller', 'to-party', ['ask-seller'], ['messages']),
  ]) {
    const same = p.name !== null ? sellers.get(p.name) : undefined;
    if (!same) sellers.set(p.name ?? `\u0000${sellers.size}`, p);
    else {
      same.evidence.push(...p.evidence);
      same.categories = [...new Set([...same.categories, ...p.categories])];
      same.firstSeen = min(same.firstSeen, p.firstSeen);
      same.lastSeen = max(same.lastSeen, p.lastSeen);
      same.perSnapshot = mergePer(same.perSnapshot, p.perSnapshot);
    }
  }
  parties.push(...sellers.values());
  const rank = new Map(PARTY_KINDS.map((k, i) => [k, i]));
  const total = (p: Party) => p.evidence.reduce((n, e) => n + e.records, 0);
  // named parties before unnamed ones, then by name or id: the same archive always lists the same way
  const label = (p: Party) => p.name ?? `\uffff${p.unnamed && 'id' in p.unnamed ? p.unnamed.id : ''}`;
  return parties.sort((a, b) => rank.get(a.kind)! - rank.get(b.kind)! || total(b) - total(a) || label(a).localeCompare(label(b)));
}

function mergePer(a: Party['perSnapshot'], b: Party['perSnapshot']): Party['perSnapshot'] {
  const m = new Map(a.map((x) => [x.snapshotId, { ...x }]));
  for (const x of b) {
    const y = m.get(x.snapshotId);
    if (!y) m.set(x.snapshotId, { ...x });
    else {
      y.records += x.records;
      y.firstSeen = min(y.firstSeen, x.firstSeen);
      y.lastSeen = max(y.lastSeen, x.lastSeen);
    }
  }
  return [...m.values()].sort((x, y) => x.snapshotId - y.snapshotId);
}
