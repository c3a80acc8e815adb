// What TikTok has on you, in the categories of TikTok's own privacy policy (as the consumer privacy
// guide in /work/shared/research/tiktok-policy-and-help-facts.md lists them), for the home page.
// Content as data: ids, message keys (home.* in src/shared/i18n/messages/home.ts) and source ids;
// no sentences here. Every Footprint dataset (src/shared/catalog.ts) sits in exactly one category
// (checkPlacement; test/privacy-categories.test.ts).

/** Where a fact comes from: the sources of the research notes, by kind a person can weigh. */
export const SOURCES = [
  { id: 'tiktok-help', key: 'home.source.tiktok-help' }, // TikTok Help Center: download / transfer your data
  { id: 'tiktok-faq', key: 'home.source.tiktok-faq' }, // TikTok's Data and Security FAQ (TikTok's own claims)
  { id: 'portability-news', key: 'home.source.portability-news' }, // news article on the Data Portability API
  { id: 'privacy-guide', key: 'home.source.privacy-guide' }, // consumer privacy guide "Does TikTok spy on you?"
  { id: 'download-article', key: 'home.source.download-article' }, // article on download anonymity
] as const;
export type SourceId = (typeof SOURCES)[number]['id'];

export interface PrivacyCategory {
  /** kebab-case id; names and about-sentences are `home.category.<id>` and `.about` */
  id: string;
  /** 1 = most sensitive; the list is in this order */
  sensitivity: number;
  /** Footprint dataset ids (catalog.ts) behind this category, each in exactly one category */
  datasets: readonly string[];
  /** who says TikTok collects this */
  source: SourceId;
}

/**
 * The privacy policy's categories, most sensitive first. Judgement behind the order: what proves
 * who you are, where you are and what you said in private outweighs what you paid for, who you know
 * and your account details, which outweigh what you did in the app, what other companies report and
 * which device you used. ("Zero-party data", surveys and promotions, has no dataset of its own; the
 * customer support history sits with purchases, where TikTok's shop keeps it.)
 */
export const PRIVACY_CATEGORIES: readonly PrivacyCategory[] = [
  { id: 'proof-of-identity', sensitivity: 1, source: 'privacy-guide', datasets: [] },
  {
    id: 'location',
    sensitivity: 2,
    source: 'privacy-guide',
    datasets: ['location_data', 'location_reviews', 'favorite_locations'],
  },
  {
    id: 'your-content',
    sensitivity: 3,
    source: 'privacy-guide',
    datasets: [
      'messages',
      'ai_chats',
      'posts',
      'deleted_posts',
      'hashtags_used',
      'reposts',
      'comments',
      'live_go_history',
      'live_comments',
    ],
  },
  {
    id: 'purchases',
    sensitivity: 4,
    source: 'privacy-guide',
    datasets: [
      'shop_payment_cards',
      'shop_addresses',
      'shop_orders',
      'purchases',
      'coin_purchases',
      'wallet_transactions',
      'donations',
      'fundraisers',
      'shop_cart',
      'shop_vouchers',
      'shop_returns',
      'shop_disputes',
      'shop_support',
      'shop_messages',
      'shop_reviews',
    ],
  },
  { id: 'contacts', sensitivity: 5, source: 'privacy-guide', datasets: ['followers', 'following', 'blocked'] },
  {
    id: 'personal-information',
    sensitivity: 6,
    source: 'privacy-guide',
    datasets: ['profile', 'settings', 'autofill', 'ai_moji', 'instant_form_responses', 'live_settings'],
  },
  {
    id: 'usage',
    sensitivity: 7,
    source: 'privacy-guide',
    datasets: [
      'watch_history',
      'searches',
      'likes',
      'favorite_videos',
      'favorite_sounds',
      'favorite_effects',
      'favorite_hashtags',
      'favorite_collections',
      'favorite_comments',
      'favorite_playlists',
      'favorite_movies_tv',
      'shares',
      'stickers',
      'profile_views',
      'activity_summary',
      'live_watch_history',
      'shop_browsing',
      'shop_favorite_items',
      'ad_interests',
      'ads_visits',
    ],
  },
  {
    id: 'third-parties',
    sensitivity: 8,
    source: 'privacy-guide',
    datasets: ['off_tiktok_activity', 'ad_partners', 'linked_platforms', 'third_party_info'],
  },
  { id: 'device', sensitivity: 9, source: 'privacy-guide', datasets: ['device_status', 'login_history'] },
];

export function categoryKey(id: string): string {
  return `home.category.${id}`;
}
export function categoryAboutKey(id: string): string {
  return `home.category.${id}.about`;
}

/** Something the research says TikTok collects or does that no export Footprint reads shows. */
export interface MissingItem {
  id: string;
  /** `home.missing.<id>` */
  key: string;
  /** the category it belongs to */
  category: string;
  sources: readonly SourceId[];
}

const missing = (id: string, category: string, sources: SourceId[]): MissingItem => ({
  id,
  key: `home.missing.${id}`,
  category,
  sources,
});

/**
 * What the export does not show. Only what the research sources say; the sources name no
 * biometric identifiers (faceprints, voiceprints) and no inferences, so neither is claimed here.
 */
export const WHAT_EXPORT_DOES_NOT_SHOW: readonly MissingItem[] = [
  missing('id-document', 'proof-of-identity', ['privacy-guide']),
  missing('gps-location', 'location', ['privacy-guide']),
  missing('clipboard', 'your-content', ['privacy-guide']),
  missing('synced-contacts', 'contacts', ['privacy-guide', 'tiktok-help']),
  missing('keystroke-patterns', 'usage', ['privacy-guide']),
  missing('partner-data', 'third-parties', ['privacy-guide']),
  missing('device-details', 'device', ['privacy-guide']),
  missing('recipients', 'third-parties', ['privacy-guide']),
  missing('others-privacy', 'contacts', ['tiktok-help']),
  missing('last-days', 'usage', ['tiktok-help']),
];

/** A claim TikTok makes about your data, for the dataset notes: which datasets it concerns. */
export interface Claim {
  id: string;
  /** `home.claim.<id>` */
  key: string;
  /** the datasets whose note carries the claim; 'all' for claims about every kind of data */
  datasets: readonly string[] | 'all';
  sources: readonly SourceId[];
}

const claim = (id: string, datasets: readonly string[] | 'all', sources: SourceId[]): Claim => ({
  id,
  key: `home.claim.${id}`,
  datasets,
  sources,
});

export const TIKTOK_CLAIMS: readonly Claim[] = [
  claim('dm-not-end-to-end', ['messages'], ['tiktok-faq']),
  claim('storage-location', 'all', ['tiktok-faq']),
  claim('employee-access', 'all', ['tiktok-faq']),
  claim('retention', 'all', ['tiktok-faq']),
  claim('no-mac-address', ['device_status'], ['tiktok-faq']),
  claim('not-sold', 'all', ['privacy-guide']),
];

/** Datasets outside every category, in more than one, or placed but unknown to the catalog. */
export interface Placement {
  unplaced: string[];
  twice: string[];
  unknown: string[];
}

export function checkPlacement(
  datasetIds: readonly string[],
  categories: readonly PrivacyCategory[] = PRIVACY_CATEGORIES,
): Placement {
  const count = new Map<string, number>();
  for (const c of categories) for (const d of c.datasets) count.set(d, (count.get(d) ?? 0) + 1);
  const known = new Set(datasetIds);
  return {
    unplaced: datasetIds.filter((d) => !count.has(d)),
    twice: [...count].filter(([, n]) => n > 1).map(([d]) => d),
    unknown: [...count.keys()].filter((d) => !known.has(d)),
  };
}

export interface DatasetCount {
  records: number;
  /** epoch ms, or null when the dataset has no times (profile values) */
  oldest: number | null;
  newest: number | null;
}

export interface CategorySummary {
  id: string;
  sensitivity: number;
  records: number;
  oldest: number | null;
  newest: number | null;
  /** datasets with records, most records first (catalog order within the category on a tie) */
  datasets: ({ id: string } & DatasetCount)[];
  /** datasets of this category with no records in the counts (absent or zero), in category order */
  empty: string[];
}

/**
 * The home page's answer: every category in order with its totals and time range, the datasets
 * behind it that hold records, and the empty ones set apart. Ids outside every category are not
 * counted (checkPlacement keeps the catalog inside).
 */
export function categorySummary(
  datasetCounts: Record<string, DatasetCount>,
  categories: readonly PrivacyCategory[] = PRIVACY_CATEGORIES,
): CategorySummary[] {
  return [...categories]
    .sort((a, b) => a.sensitivity - b.sensitivity)
    .map((c) => {
      const full: ({ id: string } & DatasetCount)[] = [];
      const empty: string[] = [];
      for (const id of c.datasets) {
        const n = Object.hasOwn(datasetCounts, id) ? datasetCounts[id] : undefined;
        if (n && n.records > 0) full.push({ id, records: n.records, oldest: n.oldest, newest: n.newest });
        else empty.push(id);
      }
      const order = new Map(c.datasets.map((d, i) => [d, i]));
      full.sort((a, b) => b.records - a.records || order.get(a.id)! - order.get(b.id)!);
      let oldest: number | null = null;
      let newest: number | null = null;
      for (const d of full) {
        if (d.oldest !== null && (oldest === null || d.oldest < oldest)) oldest = d.oldest;
        if (d.newest !== null && (newest === null || d.newest > newest)) newest = d.newest;
      }
      return {
        id: c.id,
        sensitivity: c.sensitivity,
        records: full.reduce((s, d) => s + d.records, 0),
        oldest,
        newest,
        datasets: full,
        empty,
      };
    });
}
