// The parties as a list asks for them (the Sharing page, the CLI): a key per party, the list's
// light shape (no per-snapshot spans, record ids or raw records), and pieces of each kind. A large
// archive names thousands of off-TikTok partners (~4 MB with their detail): the page asks each
// kind's count and first 50, then 50 more of one kind on request. Pure: the service keeps the
// sorted parties per archive change and hands them in.
import { PARTY_KINDS, type Party, type PartyGroup, type PartyKind, type PartyListItem, type PartiesPage } from '../../shared/contract';

export interface KeyedParty {
  key: string;
  party: Party;
}

/**
 * A key per party that the same archive and register always give the same way: "kind:name" (an
 * unnamed partner "kind:#id", one named by no one "kind:"), "app:<register id>"; a second party
 * with the same key (two unnamed shop sellers) gets "~2".
 */
export function keyParties(parties: Party[]): KeyedParty[] {
  const seen = new Map<string, number>();
  return parties.map((party) => {
    const base =
      party.kind === 'app' && party.appId !== undefined
        ? `app:${party.appId}`
        : `${party.kind}:${party.name ?? (party.unnamed?.reason === 'numeric-id' ? `#${party.unnamed.id}` : '')}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { key: n === 1 ? base : `${base}~${n}`, party };
  });
}

/** What a list draws of a party. */
export function listItem({ key, party: p }: KeyedParty): PartyListItem {
  return {
    key,
    name: p.name,
    ...(p.unnamed ? { unnamed: { ...p.unnamed } } : {}),
    kind: p.kind,
    direction: p.direction,
    categories: [...p.categories],
    evidence: p.evidence.map((e) => ({ dataset: e.dataset, records: e.records, snapshots: [...e.snapshots] })),
    firstSeen: p.firstSeen,
    lastSeen: p.lastSeen,
    ...(p.events ? { events: p.events.map((e) => ({ event: e.event, records: e.records })) } : {}),
    actions: [...p.actions],
    ...(p.appId !== undefined ? { appId: p.appId } : {}),
  };
}

/** Case and accents do not matter in a search ("Café" is found by "cafe"). */
export const searchable = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase();

export interface PageRequest {
  kind?: PartyKind;
  /** already searchable(): empty for none */
  query: string;
  offset: number;
  limit: number;
}

/**
 * One piece of the list: without a kind, every kind with a match, its count and first `limit`;
 * with one, that kind (even with no match) from `offset`. `names` gives each party's words to
 * search (searchable()); the parties' order is kept (exportParties: kind, most records, name).
 */
export function partiesPage(parties: KeyedParty[], req: PageRequest, names: (p: Party) => string[]): PartiesPage {
  const matching = req.query ? parties.filter((k) => names(k.party).some((n) => n.includes(req.query))) : parties;
  const byKind = new Map<PartyKind, KeyedParty[]>();
  for (const k of matching) {
    const list = byKind.get(k.party.kind);
    if (list) list.push(k);
    else byKind.set(k.party.kind, [k]);
  }
  const group = (kind: PartyKind, offset: number): PartyGroup => {
    const list = byKind.get(kind) ?? [];
    return { kind, count: list.length, offset, parties: list.slice(offset, offset + req.limit).map(listItem) };
  };
  const groups = req.kind ? [group(req.kind, req.offset)] : PARTY_KINDS.filter((k) => byKind.has(k)).map((k) => group(k, 0));
  return { total: parties.length, matched: matching.length, groups };
}
