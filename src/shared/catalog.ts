// The dataset catalog: one entry per dataset Footprint understands. Everything (the JSON and TXT
// readers, the store, the CLI and the UI) keys on these ids; never rename one, only add.
// Names are matched after normalizeName(), so casing, spaces and punctuation do not matter.

export type Category =
  | 'profile'
  | 'activity'
  | 'social'
  | 'messages'
  | 'content'
  | 'ads'
  | 'money'
  | 'shop'
  | 'live'
  | 'security'
  | 'location';

/**
 * How a dataset sits inside its JSON section:
 * - list:   section → listKey → [item, …]
 * - chat:   section → listKey → { "<conversation title>": [item, …] }  (conversation becomes a field)
 * - keyed:  section → listKey → { "<id>": item }                        (the key becomes the `id` field)
 * - split:  section → { key: "a|b|c" }                                  (one record per value)
 * - values: section → (mapKey) → { key: value } flattened into per-snapshot key/values
 */
export type Shape = 'list' | 'chat' | 'keyed' | 'split' | 'values';

export interface FieldSpec {
  /** canonical field name, stored in the record */
  name: string;
  /** JSON item keys that mean this field */
  json?: string[];
  /** TXT labels that mean this field (English first, then Dutch, German) */
  txt?: string[];
  /** a timestamp: parsed to UTC epoch ms, raw text kept */
  time?: boolean;
}

export interface DatasetSpec {
  id: string;
  label: string;
  category: Category;
  shape: Shape;
  /** JSON section names (any depth) */
  sections: string[];
  /** keys under the section holding the items (or the map for values); a/b for nested keys */
  listKeys?: string[];
  fields: FieldSpec[];
  /** canonical fields forming the identity of a record; default: every field */
  key?: string[];
  /** canonical field holding the record's time */
  time?: string;
  /** keys inside a values map that belong to another dataset */
  skipKeys?: string[];
  /** values from several sections: prefix each key with its section's name */
  prefixSection?: boolean;
  /** TXT file names (any folder) */
  txtFiles?: string[];
  /** about how many days of history TikTok includes, when it is known to be limited */
  windowDays?: number;
  /** text users search for */
  searchable?: string[];
  /** fields outside the key change between exports (a post's likes); keep the latest */
  mutable?: boolean;
  /**
   * Lists inside each item that are records of another dataset (the comments a LIVE watch entry
   * carries): item keys (JSON keys or TXT labels), the dataset, and the field that links each
   * nested record to its item (`to` on the nested record, holding the item's `from`).
   */
  nested?: { keys: string[]; dataset: string; link: { from: string; to: string } }[];
}

const date: FieldSpec = {
  name: 'date',
  json: ['Date', 'TimeStamp', 'CreateTime', 'Time', 'CreateDate'],
  txt: ['Date', 'Datum', 'Time', 'Tijd', 'Zeit'],
  time: true,
};
const link: FieldSpec = {
  name: 'link',
  json: ['Link', 'VideoLink', 'Url'],
  txt: ['Link', 'Video Link', 'Videolink', 'URL'],
};
const username: FieldSpec = {
  name: 'username',
  json: ['UserName', 'Username', 'User Name'],
  txt: ['Username', 'UserName', 'User Name', 'Gebruikersnaam', 'Benutzername'],
};

/** Date + link datasets (likes, favorites, reposts…) share one field list. */
function dated(
  id: string,
  label: string,
  category: Category,
  sections: string[],
  listKeys: string[],
  txtFiles: string[],
  extra: Partial<DatasetSpec> = {},
): DatasetSpec {
  return {
    id,
    label,
    category,
    shape: 'list',
    sections,
    listKeys,
    fields: [date, link],
    key: ['date', 'link'],
    time: 'date',
    txtFiles,
    ...extra,
  };
}

/** A dataset whose item shape is not documented: every field is kept, the whole item is its identity. */
function opaque(
  id: string,
  label: string,
  category: Category,
  sections: string[],
  listKeys: string[],
  txtFiles: string[] = [],
): DatasetSpec {
  return { id, label, category, shape: 'list', sections, listKeys, fields: [date], time: 'date', txtFiles };
}

export const DATASETS: readonly DatasetSpec[] = [
  // Profile and settings (values that are compared snapshot to snapshot)
  {
    id: 'profile',
    label: 'Profile',
    category: 'profile',
    shape: 'values',
    sections: ['Profile Information', 'Profile Info'],
    listKeys: ['ProfileMap'],
    skipKeys: ['PlatformInfo'],
    fields: [],
    txtFiles: ['Profile Info.txt', 'Profile Information.txt', 'Profielinformatie.txt', 'Profilinformationen.txt'],
  },
  {
    id: 'settings',
    label: 'Settings',
    category: 'profile',
    shape: 'values',
    sections: ['Settings'],
    listKeys: ['SettingsMap'],
    fields: [],
    txtFiles: ['Settings.txt', 'Instellingen.txt', 'Einstellungen.txt'],
  },
  {
    id: 'linked_platforms',
    mutable: true,
    label: 'Linked platforms',
    category: 'profile',
    shape: 'list',
    sections: ['Profile Information', 'Profile Info'],
    listKeys: ['ProfileMap/PlatformInfo', 'PlatformInfo'],
    fields: [
      { name: 'platform', json: ['Platform'], txt: ['Platform', 'Platform'] },
      { name: 'name', json: ['Name'], txt: ['Name', 'Naam'] },
    ],
    key: ['platform', 'name'],
  },
  {
    id: 'third_party_info',
    label: 'Third-party platform information',
    category: 'profile',
    shape: 'list',
    sections: ['UserThirdPlatformInformation', 'Third Party Information', 'Third-party Information'],
    listKeys: ['UserThirdPlatformInformationList', 'ThirdPlatformInformationList', 'List'],
    fields: [date],
    time: 'date',
    txtFiles: ['Third-party Information.txt', 'Third Party Information.txt', 'Informatie van derden.txt'],
  },
  {
    id: 'autofill',
    label: 'Autofill',
    category: 'profile',
    shape: 'values',
    sections: ['Auto Fill', 'Autofill'],
    fields: [],
    txtFiles: ['Autofill.txt', 'Auto Fill.txt', 'Automatisch invullen.txt'],
  },
  {
    id: 'ai_moji',
    label: 'AI-Moji',
    category: 'profile',
    shape: 'values',
    sections: ['AIMoji', 'AI-Moji', 'AISelfImage', 'AI Self Image'],
    prefixSection: true,
    fields: [],
    txtFiles: ['AI-Moji.txt', 'AI-moji.txt'],
  },

  // Activity
  dated(
    'watch_history',
    'Watch history',
    'activity',
    ['Video Browsing History', 'Watch History', 'Browsing History'],
    ['VideoList'],
    ['Video Browsing History.txt', 'Browsing History.txt', 'Watch History.txt', 'Kijkgeschiedenis.txt', 'Wiedergabeverlauf.txt'],
    { windowDays: 183 },
  ),
  dated('likes', 'Liked videos', 'activity', ['Like List', 'Likes'], ['ItemFavoriteList', 'LikeList'], [
    'Like List.txt',
    'Likelijst.txt',
  ]),
  dated('favorite_videos', 'Favorite videos', 'activity', ['Favorite Videos'], ['FavoriteVideoList', 'FavoriteVideosList'], [
    'Favorite Videos.txt',
    "Favoriete video's.txt",
  ]),
  dated('favorite_sounds', 'Favorite sounds', 'activity', ['Favorite Sounds'], ['FavoriteSoundList', 'FavoriteSoundsList'], [
    'Favorite Sounds.txt',
    'Favoriete geluiden.txt',
  ]),
  {
    ...dated('favorite_effects', 'Favorite effects', 'activity', ['Favorite Effects'], ['FavoriteEffectsList', 'FavoriteEffectList'], [
      'Favorite Effects.txt',
      'Favoriete effecten.txt',
    ]),
    fields: [date, { name: 'link', json: ['EffectLink', 'Link'], txt: ['Effect Link', 'Link', 'Effectlink'] }],
  },
  {
    ...dated(
      'favorite_hashtags',
      'Favorite hashtags',
      'activity',
      ['Favorite Hashtags'],
      ['FavoriteHashtagList', 'FavoriteHashtagsList'],
      ['Favorite HashTags.txt', 'Favorite Hashtags.txt', 'Favoriete hashtags.txt'],
    ),
    fields: [date, { name: 'link', json: ['Link', 'HashTagLink', 'HashtagLink'], txt: ['HashTag Link', 'Hashtag Link', 'Link', 'Hashtaglink'] }],
  },
  {
    id: 'favorite_collections',
    mutable: true,
    label: 'Favorite collections',
    category: 'activity',
    shape: 'list',
    sections: ['Favorite Collection', 'Favorite Collections'],
    listKeys: ['FavoriteCollectionList'],
    fields: [date, { name: 'name', json: ['FavoriteCollection', 'CollectionName', 'Name'], txt: ['Favorite Collection', 'Collection', 'Naam', 'Favoriete collectie', 'Collectie'] }],
    key: ['date', 'name'],
    time: 'date',
    txtFiles: ['Favorite Collections.txt', 'Favoriete collecties.txt'],
    searchable: ['name'],
  },
  opaque('favorite_locations', 'Favorite places', 'activity', ['Favorite Location', 'Favorite Locations', 'Favorite Places'], ['FavoriteLocationList'], [
    'Favorite Places.txt',
    'Favoriete plaatsen.txt',
  ]),
  opaque('favorite_comments', 'Favorite comments', 'activity', ['Favorite Comment', 'Favorite Comments'], ['FavoriteCommentList'], [
    'Favorite Comments.txt',
    'Favoriete reacties.txt',
  ]),
  opaque('favorite_playlists', 'Favorite playlists', 'activity', ['Favorite Playlists', 'Favorite Playlist'], ['FavoritePlaylistList'], [
    'Favorite Playlists.txt',
    'Favoriete afspeellijsten.txt',
  ]),
  opaque('favorite_movies_tv', 'Favorite movies and TV', 'activity', ['Favorite Movies and TV'], ['FavoriteMoviesAndTVList'], [
    'Favorite Movies and TV.txt',
    "Favoriete films en tv-programma's.txt",
  ]),
  {
    id: 'searches',
    label: 'Searches',
    category: 'activity',
    shape: 'list',
    sections: ['Search History', 'Searches'],
    listKeys: ['SearchList'],
    fields: [date, { name: 'term', json: ['SearchTerm', 'Search Term'], txt: ['Search Term', 'Zoekterm', 'Suchbegriff'] }],
    key: ['date', 'term'],
    time: 'date',
    txtFiles: ['Searches.txt', 'Search History.txt', 'Zoekopdrachten.txt'],
    searchable: ['term'],
  },
  {
    id: 'shares',
    label: 'Shares',
    category: 'activity',
    shape: 'list',
    sections: ['Share History'],
    listKeys: ['ShareHistoryList'],
    fields: [
      date,
      { name: 'content', json: ['SharedContent', 'Shared Content'], txt: ['Shared Content', 'Gedeelde inhoud'] },
      link,
      { name: 'method', json: ['Method'], txt: ['Method', 'Methode'] },
    ],
    time: 'date',
    txtFiles: ['Share History.txt', 'Geschiedenis delen.txt'],
  },
  {
    id: 'activity_summary',
    label: 'Activity summary',
    category: 'activity',
    shape: 'values',
    sections: ['Activity Summary'],
    listKeys: ['ActivitySummaryMap'],
    fields: [],
    txtFiles: ['Activity Summary.txt', 'Samenvatting van activiteit.txt'],
  },
  opaque('donations', 'Donations', 'money', ['Donation', 'Donations'], ['DonationList'], ['Donation.txt', 'Donatie.txt']),
  opaque('fundraisers', 'Fundraisers', 'money', ['Fundraiser', 'Fundraisers'], ['FundraiserList'], ['Fundraiser.txt', 'Fondsenwerving.txt']),
  opaque('stickers', 'Stickers', 'activity', ['Stickers', 'Sticker'], ['StickerList'], ['Stickers.txt']),
  opaque('profile_views', 'Profile views', 'social', ['ProfileViews', 'Profile Views'], ['ProfileViewList'], ['Profile Views.txt', 'Profielweergaven.txt']),

  // Security
  {
    id: 'login_history',
    label: 'Login history',
    category: 'security',
    shape: 'list',
    sections: ['Login History'],
    listKeys: ['LoginHistoryList'],
    fields: [
      date,
      { name: 'ip', json: ['IP', 'IpAddress', 'IP Address'], txt: ['IP', 'IP Address', 'IP-adres', 'IP-Adresse'] },
      { name: 'deviceModel', json: ['DeviceModel', 'Device Model'], txt: ['Device Model', 'Apparaatmodel', 'Gerätemodell'] },
      { name: 'deviceSystem', json: ['DeviceSystem', 'Device System'], txt: ['Device System', 'Apparaatsysteem', 'Gerätesystem'] },
      { name: 'networkType', json: ['NetworkType', 'Network Type'], txt: ['Network Type', 'Netwerktype', 'Netzwerktyp'] },
      { name: 'carrier', json: ['Carrier'], txt: ['Carrier', 'Provider', 'Mobiele provider', 'Mobilfunkanbieter'] },
    ],
    time: 'date',
    windowDays: 456,
    txtFiles: ['Login History.txt', 'Inloggeschiedenis.txt', 'Anmeldeverlauf.txt'],
  },
  {
    id: 'device_status',
    label: 'Device identifiers',
    category: 'security',
    shape: 'list',
    sections: ['Status'],
    listKeys: ['Status List', 'StatusList'],
    fields: [
      // 2020 TXT Status.txt writes "Screen Resolution:"
      { name: 'resolution', json: ['Resolution', 'Screen Resolution'], txt: ['Resolution', 'Screen Resolution', 'Resolutie', 'Schermresolutie', 'Bildschirmauflösung'] },
      { name: 'appVersion', json: ['App Version', 'AppVersion'], txt: ['App Version', 'AppVersion', 'App-versie'] },
      { name: 'idfa', json: ['IDFA', 'Idfa'], txt: ['IDFA'] },
      { name: 'idfv', json: ['IDFV', 'IDVF'], txt: ['IDFV'] },
      { name: 'gaid', json: ['GAID', 'GAid'], txt: ['GAID'] },
      { name: 'androidId', json: ['Android ID', 'AndroidId'], txt: ['Android ID'] },
      { name: 'webId', json: ['Web ID', 'WebId'], txt: ['Web ID'] },
      { name: 'uid', json: ['UID'], txt: ['UID'] },
      { name: 'did', json: ['DID'], txt: ['DID'] },
      { name: 'openUdid', json: ['OpenUdid'], txt: ['OpenUdid', 'Open UDID'] },
      { name: 'clientUdid', json: ['Clientudid', 'ClientUdid'], txt: ['Clientudid', 'Client UDID'] },
    ],
    txtFiles: ['Status.txt'],
  },

  // Social graph
  {
    id: 'followers',
    label: 'Followers',
    category: 'social',
    shape: 'list',
    sections: ['Follower List', 'Follower', 'Followers'],
    listKeys: ['FansList', 'FollowerList'],
    fields: [date, username],
    key: ['date', 'username'],
    time: 'date',
    txtFiles: ['Follower.txt', 'Followers.txt', 'Follower List.txt', 'Volger.txt', 'Volgers.txt'],
    searchable: ['username'],
  },
  {
    id: 'following',
    label: 'Following',
    category: 'social',
    shape: 'list',
    sections: ['Following List', 'Following'],
    listKeys: ['Following', 'FollowingList'],
    fields: [date, username],
    key: ['date', 'username'],
    time: 'date',
    txtFiles: ['Following.txt', 'Following List.txt', 'Volgend.txt'],
    searchable: ['username'],
  },
  {
    id: 'blocked',
    label: 'Blocked accounts',
    category: 'social',
    shape: 'list',
    sections: ['Block', 'Block List', 'Blocked'],
    listKeys: ['BlockList'],
    fields: [date, username],
    key: ['date', 'username'],
    time: 'date',
    txtFiles: ['Block List.txt', 'Blokkeringslijst.txt'],
    searchable: ['username'],
  },

  // Messages and comments
  {
    id: 'comments',
    label: 'Comments',
    category: 'content',
    shape: 'list',
    sections: ['Comments'],
    listKeys: ['CommentsList', 'CommentList'],
    fields: [
      date,
      { name: 'comment', json: ['Comment', 'CommentContent'], txt: ['Comment', 'Reactie', 'Kommentar'] },
      { name: 'photo', json: ['Photo'], txt: ['Photo', 'Foto'] },
      { name: 'url', json: ['Url'], txt: ['Url'] },
      {
        name: 'originalPost',
        json: ['originalPostUrl', 'original post link'],
        txt: ['Original Post Link', 'Link to original post', 'Link naar origineel bericht'],
      },
    ],
    key: ['date', 'comment'],
    time: 'date',
    txtFiles: ['Comments.txt', 'Reacties.txt', 'Kommentare.txt'],
    searchable: ['comment'],
  },
  {
    id: 'messages',
    label: 'Direct messages',
    category: 'messages',
    shape: 'chat',
    sections: ['Chat History', 'Direct Messages'],
    listKeys: ['ChatHistory'],
    fields: [
      { name: 'conversation' },
      date,
      { name: 'from', json: ['From', 'Sender'], txt: ['From', 'Sender', 'Van', 'Afzender', 'Von'] },
      { name: 'content', json: ['Content', 'Message'], txt: ['Content', 'Message', 'Inhoud', 'Bericht', 'Inhalt', 'Nachricht'] },
    ],
    key: ['conversation', 'date', 'from', 'content'],
    time: 'date',
    // 2020 TXT exports: Direct Messages/Chat History.txt
    txtFiles: ['Direct Messages.txt', 'Chat History.txt', 'Directe berichten.txt', 'Direktnachrichten.txt'],
    searchable: ['content', 'from'],
  },
  {
    id: 'ai_chats',
    label: 'AI chats',
    category: 'messages',
    shape: 'list',
    sections: ['Tako Chat History'],
    listKeys: ['TakoChatHistoryList'],
    fields: [{ name: 'title', json: ['Chat Title', 'ChatTitle'] }],
  },

  // Own content
  {
    id: 'posts',
    mutable: true,
    label: 'Posts',
    category: 'content',
    shape: 'list',
    sections: ['Videos', 'Posts'],
    listKeys: ['VideoList'],
    fields: [
      date,
      { name: 'link', json: ['Link', 'VideoLink'], txt: ['Link', 'Video Link'] },
      { name: 'likes', json: ['Likes'], txt: ['Like(s)', 'Likes', 'Vind-ik-leuks'] },
      { name: 'title', json: ['Title'], txt: ['Title', 'Titel'] },
      { name: 'whoCanView', json: ['WhoCanView'], txt: ['Who Can View', 'Wie kan bekijken'] },
    ],
    // The link is a signed CDN URL that changes with every export and likes keep counting,
    // so a post is identified by when it was posted.
    key: ['date'],
    time: 'date',
    txtFiles: ['Post.txt', 'Posts.txt', 'Videos.txt', 'Berichten.txt'],
    searchable: ['title'],
  },
  {
    id: 'deleted_posts',
    mutable: true,
    label: 'Recently deleted posts',
    category: 'content',
    shape: 'list',
    sections: ['RecentlyDeletedPosts', 'Recently Deleted Posts'],
    listKeys: ['PostList'],
    fields: [
      date,
      { name: 'link', json: ['Link', 'VideoLink'], txt: ['Link'] },
      { name: 'dateDeleted', json: ['DateDeleted', 'Date Deleted'], txt: ['Date Deleted', 'Datum verwijderd'], time: true },
      { name: 'title', json: ['Title'], txt: ['Title', 'Titel'] },
    ],
    key: ['date'],
    time: 'date',
    txtFiles: ['Recently Deleted Posts.txt', 'Onlangs verwijderde berichten.txt'],
    searchable: ['title'],
  },
  {
    id: 'hashtags_used',
    label: 'Hashtags in your posts',
    category: 'content',
    shape: 'list',
    sections: ['Hashtag'],
    listKeys: ['HashtagList'],
    fields: [
      { name: 'name', json: ['HashtagName', 'Hashtag Name'], txt: ['Hashtag Name', 'HashTag Name', 'Hashtagnaam'] },
      { name: 'link', json: ['HashtagLink', 'Hashtag Link'], txt: ['Hashtag Link', 'HashTag Link', 'Hashtaglink'] },
    ],
    // the link carries the user's own id, not the hashtag's
    key: ['name'],
    txtFiles: ['Hashtag.txt'],
    searchable: ['name'],
  },
  dated('reposts', 'Reposts', 'content', ['Reposts', 'Repost'], ['RepostList'], ['Reposts.txt', 'Herplaatsingen.txt']),

  // Ads and data from others
  {
    id: 'off_tiktok_activity',
    label: 'Activity from other apps and websites',
    category: 'ads',
    shape: 'list',
    sections: ['Off TikTok Activity', 'Usage Data From Third-Party Apps And Websites'],
    listKeys: ['OffTikTokActivityDataList', 'UsageDataList'],
    fields: [
      date,
      { name: 'source', json: ['Source'], txt: ['Source', 'Bron', 'Quelle'] },
      { name: 'event', json: ['Event'], txt: ['Event', 'Evenement', 'Ereignis'] },
    ],
    key: ['date', 'source', 'event'],
    time: 'date',
    windowDays: 456,
    txtFiles: ['Off TikTok Activity.txt', 'Activiteit buiten TikTok.txt'],
    searchable: ['source', 'event'],
  },
  {
    id: 'ad_interests',
    label: 'Ad interests',
    category: 'ads',
    shape: 'split',
    sections: ['Ad Interests'],
    listKeys: ['AdInterestCategories'],
    fields: [{ name: 'list' }, { name: 'name', txt: ['Interests', 'Ad Interests', 'Interesses'] }],
    txtFiles: ['Ad Interests.txt', 'Advertentie-interesses.txt'],
    searchable: ['name'],
  },
  {
    id: 'ad_partners',
    label: 'Advertisers and data partners',
    category: 'ads',
    shape: 'split',
    sections: ['Ads Based On Data Received From Partners'],
    listKeys: ['DataPartnerList', 'AdvertiserList'],
    fields: [{ name: 'list' }, { name: 'name' }],
    searchable: ['name'],
  },
  {
    id: 'ads_visits',
    label: 'Ads you visited',
    category: 'ads',
    shape: 'list',
    sections: ['Ads Visit History', 'Ad Visit History'],
    listKeys: ['AdsVisitHistoryList'],
    fields: [
      date,
      { name: 'title', json: ['AdTitle'], txt: ['Ad Title', 'Title', 'Advertentietitel'] },
      { name: 'link', json: ['AdLink'], txt: ['Ad Link', 'Link', 'Advertentielink'] },
    ],
    time: 'date',
    txtFiles: ['Ads Visit History.txt', 'Geschiedenis van advertentielinks.txt'],
    searchable: ['title'],
  },
  opaque('instant_form_responses', 'Instant form ad responses', 'ads', ['Instant Form Ads Responses'], ['ResponsesList'], [
    'Instant Form Ads Responses.txt',
    'Reacties op direct formulier-advertenties.txt',
  ]),

  // Money
  {
    id: 'purchases',
    label: 'Gifts sent and bought',
    category: 'money',
    shape: 'list',
    sections: ['Purchase History', 'Purchases'],
    listKeys: ['SendGifts', 'BuyGifts'],
    fields: [
      { name: 'list' },
      date,
      { name: 'giftAmount', json: ['GiftAmount', 'Gift Amount'], txt: ['Gift Amount', 'GiftAmount', 'Number of Gifts', 'Aantal cadeaus'] },
      { ...username, txt: [...username.txt!, 'Recipient', 'Receiver', 'Sent To', 'Ontvanger', 'Empfänger'] },
      { name: 'price', json: ['Price'], txt: ['Price', 'Prijs', 'Preis'] },
    ],
    time: 'date',
    // 2020 TXT exports: Activity/Gifts.txt
    txtFiles: ['Purchases.txt', 'Purchase History.txt', 'Gifts.txt', 'Aankopen.txt'],
    searchable: ['username'],
  },
  {
    id: 'coin_purchases',
    label: 'Coin purchases',
    category: 'money',
    shape: 'list',
    sections: ['Coin Purchase History'],
    listKeys: ['CoinPurchaseHistoryList'],
    fields: [
      date,
      { name: 'type', json: ['Type'], txt: ['Type', 'Soort'] },
      { name: 'coins', json: ['CoinAmount'], txt: ['Coin Amount', 'Coins', 'Aantal munten', 'Munten'] },
    ],
    time: 'date',
    txtFiles: ['Coin Purchase History.txt', 'Geschiedenis van Muntaankopen.txt'],
  },
  opaque(
    'wallet_transactions',
    'Wallet transactions',
    'money',
    ['Income Plus Wallet Transaction', 'Transaction History'],
    ['TransactionsList', 'TransactionList'],
    ['Transaction History.txt', 'Transactiegeschiedenis.txt'],
  ),

  // Places
  {
    id: 'location_reviews',
    mutable: true,
    label: 'Location reviews',
    category: 'location',
    shape: 'list',
    sections: ['POI Review', 'Location Reviews'],
    listKeys: ['ReviewsList'],
    fields: [
      date,
      { name: 'place', json: ['PlaceName', 'Place Name'], txt: ['Place Name', 'Plaatsnaam'] },
      { name: 'rating', json: ['Rating'], txt: ['Rating', 'Beoordeling'] },
      { name: 'text', json: ['ReviewText', 'Review Text'], txt: ['Review Text', 'Review', 'Recensietekst'] },
    ],
    key: ['date', 'place'],
    time: 'date',
    txtFiles: ['Location Reviews.txt', 'Locatierecensies.txt'],
    searchable: ['place', 'text'],
  },
  {
    id: 'location_data',
    label: 'Most recent location',
    category: 'location',
    shape: 'values',
    sections: ['Most Recent Location Data'],
    listKeys: ['LocationData'],
    fields: [],
    txtFiles: ['Most Recent Location Data.txt', 'Meest recente locatiegegevens.txt'],
  },

  // LIVE
  {
    id: 'live_watch_history',
    label: 'LIVEs watched',
    category: 'live',
    shape: 'keyed',
    sections: ['Watch Live History'],
    listKeys: ['WatchLiveMap'],
    fields: [
      { name: 'id', txt: ['Room ID', 'Live ID', 'ID', 'Kamer-ID'] },
      { name: 'date', json: ['WatchTime', 'Date'], txt: ['Watch Time', 'Date', 'Kijktijd', 'Datum'], time: true },
      link,
    ],
    key: ['id', 'date'],
    time: 'date',
    txtFiles: ['Watch Live History.txt', 'Geschiedenis van LIVE bekijken.txt'],
    // each watched LIVE carries the comments you wrote in it: records of their own
    nested: [{ keys: ['Comments', 'CommentList', 'Comment List'], dataset: 'live_comments', link: { from: 'id', to: 'roomId' } }],
  },
  {
    id: 'live_comments',
    label: 'Comments in LIVEs',
    category: 'live',
    shape: 'list',
    // mostly nested in Watch Live History (see its `nested`); late 2025 also has a section of its own
    sections: ['Watch Live Comment', 'Watch Live Comments'],
    listKeys: ['WatchLiveCommentList', 'CommentList', 'Comments'],
    fields: [
      { name: 'roomId', json: ['RoomId', 'Room ID'], txt: ['Room ID', 'Room Id', 'Kamer-ID'] },
      { name: 'date', json: ['CommentTime', 'Comment Time', 'Date'], txt: ['Comment Time', 'Date', 'Time', 'Datum'], time: true },
      { name: 'content', json: ['CommentContent', 'Comment Content', 'Content', 'Comment'], txt: ['Comment Content', 'Content', 'Comment', 'Reactie'] },
    ],
    // RawTime (epoch seconds) repeats CommentTime and only JSON writes it: not part of the identity
    key: ['roomId', 'date', 'content'],
    time: 'date',
    searchable: ['content'],
  },
  {
    id: 'live_go_history',
    mutable: true,
    label: 'LIVEs hosted',
    category: 'live',
    shape: 'list',
    sections: ['Go Live History'],
    listKeys: ['GoLiveList'],
    fields: [
      { name: 'date', json: ['LiveStartTime', 'Date'], txt: ['Live Start Time', 'Date', 'Starttijd LIVE', 'Datum'], time: true },
      { name: 'roomId', json: ['RoomId'], txt: ['Room Id', 'Room ID', 'Kamer-ID'] },
      { name: 'title', json: ['RoomTitle'], txt: ['Room Title', 'Kamertitel'] },
    ],
    key: ['date', 'roomId'],
    time: 'date',
    txtFiles: ['Go Live History.txt', 'Geschiedenis van LIVE gaan.txt'],
    searchable: ['title'],
  },
  {
    id: 'live_settings',
    label: 'LIVE settings',
    category: 'live',
    shape: 'values',
    sections: ['Watch Live Settings', 'Go Live Settings'],
    prefixSection: true,
    fields: [],
    txtFiles: ['Go Live settings.txt', 'Watch Live settings.txt', 'Instellingen voor LIVE bekijken.txt', 'Instellingen voor LIVE gaan.txt'],
  },

  // TikTok Shop
  {
    id: 'shop_orders',
    mutable: true,
    label: 'Shop orders',
    category: 'shop',
    shape: 'keyed',
    sections: ['Order History'],
    listKeys: ['OrderHistories'],
    fields: [
      { name: 'id', txt: ['Order ID', 'Order Id', 'Bestel-ID'] },
      { name: 'date', json: ['order_date', 'OrderDate'], txt: ['Order Date', 'Date', 'Besteldatum', 'Datum'], time: true },
      { name: 'total', json: ['total_price', 'TotalPrice'], txt: ['Total Price', 'Totaalprijs'] },
      { name: 'status', json: ['order_status', 'OrderStatus'], txt: ['Order Status', 'Bestelstatus'] },
    ],
    key: ['id'],
    time: 'date',
    txtFiles: ['Order History.txt', 'Bestelgeschiedenis.txt'],
  },
  {
    id: 'shop_browsing',
    label: 'Products viewed',
    category: 'shop',
    shape: 'list',
    sections: ['Product Browsing History'],
    listKeys: ['ProductBrowsingHistories'],
    fields: [
      { name: 'date', json: ['browsing_date', 'BrowsingDate', 'Date'], txt: ['Browsing Date', 'Date', 'Datum'], time: true },
      { name: 'shop', json: ['shop_name', 'ShopName'], txt: ['Shop Name', 'Winkelnaam'] },
      { name: 'product', json: ['product_name', 'ProductName'], txt: ['Product Name', 'Productnaam'] },
    ],
    time: 'date',
    txtFiles: ['Product Browsing History.txt'],
  },
  {
    id: 'shop_cart',
    label: 'Shopping cart',
    category: 'shop',
    shape: 'list',
    sections: ['Shopping Cart List'],
    listKeys: ['ShoppingCart'],
    fields: [
      date,
      { name: 'shop', json: ['ShopName', 'shop_name'], txt: ['Shop Name', 'Winkelnaam'] },
      { name: 'product', json: ['ProductName', 'product_name'], txt: ['Product Name', 'Productnaam'] },
      { name: 'count', json: ['SkuCount'], txt: ['Sku Count', 'Quantity', 'Aantal'] },
    ],
    time: 'date',
    txtFiles: ['Shopping Cart List.txt', 'Winkelwagenlijst.txt'],
  },
  {
    id: 'shop_addresses',
    label: 'Saved addresses',
    category: 'shop',
    shape: 'list',
    sections: ['Saved Address Information'],
    listKeys: ['SavedAddress', 'SavedAddresses'],
    fields: [
      { name: 'receiver', json: ['receiver_name', 'ReceiverName'], txt: ['Receiver Name', 'Naam ontvanger'] },
      { name: 'phone', json: ['masked_phone_number', 'phone_number'], txt: ['Phone Number', 'Telefoonnummer'] },
      { name: 'address', json: ['adress_info', 'address_info', 'Address'], txt: ['Address', 'Adres'] },
    ],
    txtFiles: ['Saved Address Information.txt'],
  },
  opaque('shop_payment_cards', 'Payment cards', 'shop', ['Current Payment Information'], ['PayCard', 'PayCards'], [
    'Current Payment Information.txt',
  ]),
  {
    id: 'shop_vouchers',
    label: 'Vouchers',
    category: 'shop',
    shape: 'list',
    sections: ['Vouchers'],
    listKeys: ['Vouchers', 'VoucherList'],
    fields: [
      { name: 'date', json: ['ReceivedDate', 'Date'], txt: ['Received Date', 'Date', 'Ontvangen op', 'Datum'], time: true },
      { name: 'voucherId', json: ['VoucherId'], txt: ['Voucher Id', 'Voucher-ID'] },
      { name: 'name', json: ['VoucherName'], txt: ['Voucher Name', 'Vouchernaam'] },
    ],
    time: 'date',
    txtFiles: ['Vouchers.txt'],
  },
  opaque('shop_reviews', 'Product reviews', 'shop', ['Product Review History', 'Product Reviews'], ['ProductReviewHistories'], [
    'Product Reviews.txt',
  ]),
  opaque('shop_returns', 'Returns and refunds', 'shop', ['Return and Refund History', 'Returns and Refunds History'], ['ReturnAndRefundHistories'], [
    'Returns and Refunds History.txt',
  ]),
  opaque('shop_support', 'Customer support history', 'shop', ['Customer Support History'], ['CustomerSupportHistories'], [
    'Customer support history.txt',
  ]),
  opaque('shop_disputes', 'Order disputes', 'shop', ['Order Dispute History'], ['OrderDisputeHistories'], ['Order dispute history.txt']),
  {
    id: 'shop_messages',
    label: 'Messages with shops',
    category: 'shop',
    shape: 'chat',
    sections: ['Communication History', 'Communication With Shops'],
    listKeys: ['CommunicationHistories'],
    fields: [{ name: 'conversation' }, { name: 'date', json: ['send_time', 'Date'], time: true }, { name: 'content', json: ['content'] }],
    time: 'date',
    txtFiles: ['Communication with shops.txt'],
    searchable: ['content'],
  },
  opaque('shop_favorite_items', 'Favorite shop items', 'shop', ['TikTokFavoriteItem', 'TikTokFavoriteItemResult'], ['TikTokFavoriteItemList'], [
    'Favoriet item.txt',
  ]),
];

export const DATASET_IDS: readonly string[] = DATASETS.map((d) => d.id);

const byId = new Map(DATASETS.map((d) => [d.id, d]));

export function datasetSpec(id: string): DatasetSpec | undefined {
  return byId.get(id);
}

/** Casing, spaces and punctuation vary between exports; compare names without them. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9+]/g, '');
}
