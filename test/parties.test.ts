// analysis/parties.ts on its own: what it makes of grouped counts the store hands it.
import { describe, expect, it } from 'vitest';
import { exportParties, isNumericSource, type FieldGroup, type PartyFacts } from '../src/main/analysis/parties';

const g = (values: (string | null)[], records: number, first: number | null, last: number | null, snapshots: [number, number][] = [[1, records]], ids: number[] = [1]): FieldGroup => ({
  values,
  records,
  first,
  last,
  snapshots: snapshots.map(([snapshotId, n]) => ({ snapshotId, records: n, first, last })),
  recordIds: ids,
});

const none: PartyFacts = {
  offTikTok: [],
  linkedPlatforms: [],
  thirdPartyInfo: { group: null, raw: [] },
  adPartners: [],
  adsVisits: [],
  adInterests: [],
  instantForms: [],
  shares: [],
  shopMessages: [],
  shopOrders: [],
};

describe('exportParties', () => {
  it('finds nobody in an empty archive', () => {
    expect(exportParties(none)).toEqual([]);
  });

  it('one off-TikTok party per source, its events counted, numeric sources unnamed with their id', () => {
    const parties = exportParties({
      ...none,
      offTikTok: [g(['com.shop', 'Purchase'], 3, 10, 30, [[1, 2], [2, 3]]), g(['com.shop', 'Search'], 1, 5, 5, [[2, 1]]), g([' 4815162342 ', 'InstallApp'], 2, 7, 8), g([null, 'Search'], 1, 9, 9)],
    });
    expect(parties.map((p) => [p.name, p.unnamed ?? null, p.evidence[0]!.records, p.firstSeen, p.lastSeen])).toEqual([
      ['com.shop', null, 4, 5, 30],
      [null, { reason: 'numeric-id', id: '4815162342' }, 2, 7, 8],
      [null, { reason: 'not-in-export' }, 1, 9, 9],
    ]);
    const shop = parties[0]!;
    expect(shop.events!.map((e) => [e.event, e.records])).toEqual([['Purchase', 3], ['Search', 1]]);
    expect(shop.perSnapshot.map((s) => [s.snapshotId, s.records])).toEqual([[1, 2], [2, 4]]);
    expect(shop.evidence[0]!.snapshots).toEqual([1, 2]);
    expect(shop).toMatchObject({ kind: 'off-tiktok-source', direction: 'from-party', actions: ['disconnect-off-tiktok', 'ads-from-partners-off'] });
    expect(isNumericSource('12ab')).toBe(false);
  });

  it('ad visits by the advertiser’s site; a seller in orders and messages is one party', () => {
    const parties = exportParties({
      ...none,
      adsVisits: [g(['https://www.shoes.example/a?ttclid=1'], 1, 1, 1), g(['https://shoes.example/b'], 2, 2, 3), g(['not a link'], 1, 4, 4)],
      shopOrders: [g(['Cozy Crafts'], 2, 10, 20)],
      shopMessages: [g(['Cozy Crafts'], 5, 15, 40), g(['Other Shop'], 1, 1, 1)],
    });
    expect(parties.filter((p) => p.kind === 'ad-visits').map((p) => [p.name, p.evidence[0]!.records])).toEqual([
      ['shoes.example', 3],
      [null, 1],
    ]);
    const cozy = parties.find((p) => p.name === 'Cozy Crafts')!;
    expect(cozy.evidence.map((e) => [e.dataset, e.records])).toEqual([
      ['shop_orders', 2],
      ['shop_messages', 5],
    ]);
    expect([cozy.firstSeen, cozy.lastSeen, cozy.categories]).toEqual([10, 40, ['shop', 'messages']]);
    expect(parties.filter((p) => p.kind === 'shop-seller').map((p) => p.name)).toEqual(['Cozy Crafts', 'Other Shop']);
  });

  it('splits the partner lists: data partners and advertisers, both sending TikTok data about you', () => {
    const parties = exportParties({ ...none, adPartners: [g(['DataPartnerList', 'Acme'], 1, null, null), g(['AdvertiserList', 'Bank'], 1, null, null), g(['DataPartnerList', '777'], 1, null, null)] });
    expect(parties.map((p) => [p.kind, p.name, p.unnamed ?? null, p.direction])).toEqual([
      ['data-partner', 'Acme', null, 'from-party'],
      ['data-partner', null, { reason: 'numeric-id', id: '777' }, 'from-party'],
      ['advertiser', 'Bank', null, 'from-party'],
    ]);
  });
});
