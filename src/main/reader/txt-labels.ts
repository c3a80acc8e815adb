// Words the TXT export uses besides the per-field labels of the catalog: empty-section sentinels,
// sub-section headers, and the keys of settings-like files mapped onto the JSON keys, so that a
// TXT and a JSON export of the same account store the same keys. Labels are compared after
// normalizeName() (casing, spaces and punctuation do not matter). English first, then Dutch, German.
import { normalizeName } from '../../shared/catalog';

/**
 * "This section is empty" lines, matched by prefix on the lower-cased line, so that a sentinel with
 * a different ending ("Du hast keine Daten in diesem Bereich.") still matches.
 */
const SENTINEL_PREFIXES = [
  'you have no data',
  'you have no information',
  'there is no data',
  'no data in this section',
  'dit gedeelte bevat geen gegevens',
  'er staan geen gegevens',
  'je hebt geen gegevens',
  'je hebt geen informatie',
  'du hast keine daten',
  'du hast keine informationen',
  'es gibt keine daten',
  'keine daten in diesem',
];

/** True for a line (already trimmed) that says "nothing here". */
export function isSentinel(line: string): boolean {
  if (line.length > 160) return false;
  const l = line.toLowerCase();
  for (const p of SENTINEL_PREFIXES) if (l.startsWith(p)) return true;
  return false;
}

/**
 * How a conversation starts in a TXT chat file: ">>> Chat History with alice::" (2024+), and in 2020's
 * Direct Messages/Chat History.txt "Chat History with alice:" without the arrows. Dutch and German
 * forms are guesses modelled on the English one.
 */
const CHAT_HEADER_PREFIXES = ['chat history with', 'chat history', 'chatgeschiedenis met', 'chatgeschiedenis', 'chatverlauf mit', 'chatverlauf'];
const BARE_TITLES = new Set(['chat history', 'chatgeschiedenis', 'chatverlauf']);

/**
 * The conversation a chat header line names ('' when it names none), or undefined when the line is
 * not a header. A ">>>" line is always one; without the arrows it must start with a known prefix and
 * end with a colon, so that a message line going on ("chat history with mom is gone") is not taken.
 */
export function chatHeader(line: string): string | undefined {
  let t = line.trim();
  const arrows = t.startsWith('>>>');
  if (arrows) t = t.replace(/^>+\s*/, '');
  else if (t.length > 200) return undefined;
  else if (!t.endsWith(':')) return BARE_TITLES.has(t.toLowerCase()) ? '' : undefined; // a title line "Chat History"
  t = t.replace(/\s*:+\s*$/, '');
  const l = t.toLowerCase();
  for (const p of CHAT_HEADER_PREFIXES) {
    if (l === p) return '';
    if (l.startsWith(p) && /\s/.test(l.charAt(p.length))) return t.slice(p.length).trim();
  }
  return arrows ? t : undefined;
}

/** Purchases.txt sub-sections → the JSON list key, which becomes the record's `list` field. */
export const SUBSECTION_LISTS: Record<string, Record<string, string>> = {
  purchases: table({
    SendGifts: [
      'Send Gifts History',
      'Send Gift History',
      'Sent Gifts History',
      'Send Gifts',
      'SendGifts',
      'Geschiedenis van verzonden cadeaus',
      'Verzonden cadeaus',
      'Gesendete Geschenke',
      'Gifts Sent',
      'Gift Sent History',
    ],
    BuyGifts: [
      'Buy Gifts History',
      'Buy Gift History',
      'Bought Gifts History',
      'Buy Gifts',
      'BuyGifts',
      'Geschiedenis van gekochte cadeaus',
      'Gekochte cadeaus',
      'Gekaufte Geschenke',
      // 2020 Gifts.txt: the same two lists under other names (guesses beside the documented ones)
      'Gifts Bought',
      'Purchased Gifts',
      'Gift Purchase History',
    ],
  }),
};

/** Headers inside Profile Info.txt after which the blocks are linked login platforms. */
export const PLATFORM_HEADERS = new Set(
  ['PlatformInfo', 'Platform Info', 'Platform Information', 'Linked Platforms', 'Platforminformatie', 'Gekoppelde platforms', 'Plattforminformationen'].map(
    normalizeName,
  ),
);

/** How a TXT file of a values dataset lines up with its JSON section. */
export interface ValuesFile {
  /** prefix of every key, as the JSON reader writes it (section name, nested map) */
  prefix?: string;
  /** normalized TXT label → the key JSON uses */
  keys: Map<string, string>;
}

function table(entries: Record<string, string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [target, aliases] of Object.entries(entries)) {
    out[normalizeName(target)] = target;
    for (const a of aliases) if (!(normalizeName(a) in out)) out[normalizeName(a)] = target;
  }
  return out;
}

function keyMap(entries: Record<string, string[]>): Map<string, string> {
  return new Map(Object.entries(table(entries)));
}

// JSON SettingsMap keys are already display labels; the table fixes their casing ("Allow DownLoad")
// and maps Dutch/German labels onto them. The Dutch and German labels are best guesses: TikTok's
// translations are documented only for a few of them.
const SETTINGS_KEYS = keyMap({
  'Allow DownLoad': ['Allow Download', 'Downloaden toestaan', 'Downloads erlauben'],
  'Allow Others to Find Me': ['Anderen toestaan mij te vinden'],
  'Allow Reuse of Content': ['Hergebruik van content toestaan'],
  'App Language': ['App-taal', 'Apptaal', 'App-Sprache'],
  'Web Language': ['Webtaal', 'Web-Sprache'],
  Language: ['Taal', 'Sprache'],
  'Content Preferences': ['Contentvoorkeuren', 'Inhoudsvoorkeuren', 'Inhaltseinstellungen'],
  'Keyword filters for videos in Following feed': ['Trefwoordfilters voor video\'s in Volgend-feed'],
  'Keyword filters for videos in For You feed': ['Trefwoordfilters voor video\'s in Voor jou-feed'],
  'Video Languages Preferences': ['Voorkeuren voor videotalen'],
  'Family Content Preferences': ['Gezinscontentvoorkeuren'],
  'Filter Comments': ['Reacties filteren', 'Kommentare filtern'],
  Interests: ['Interesses', 'Interessen'],
  'Personalized Ads': ['Gepersonaliseerde advertenties', 'Personalisierte Werbung'],
  'Private Account': ['Privéaccount', 'Privé-account', 'Privates Konto'],
  'Push Notification': ['Push Notifications', 'Pushmeldingen', 'Pushmelding', 'Push-Benachrichtigungen'],
  'Desktop notification': ['Bureaubladmelding', 'Desktopmelding'],
  'New Comments on My Video': ['Nieuwe reacties op mijn video'],
  'New Fans': ['Nieuwe fans', 'Nieuwe volgers'],
  'New Likes on My Video': ['Nieuwe likes op mijn video'],
  'Suggest your account to Facebook friends': ['Je account voorstellen aan Facebook-vrienden'],
  'Suggest your account to contacts': ['Je account voorstellen aan contacten'],
  'Suggest your account to people who open or send links to you': ['Je account voorstellen aan mensen die links naar je openen of sturen'],
  'Who Can Duet With Me': ['Wie kan een duet met mij maken'],
  'Who Can Post Comments': ['Wie kan reacties plaatsen'],
  'Who Can Send Me Message': ['Who Can Send Me Messages', 'Wie kan mij berichten sturen'],
  'Who Can Stitch with your videos': ['Wie kan je video\'s stitchen'],
  'Who Can View Videos I Liked': ['Wie kan video\'s zien die ik leuk vind'],
  'Who Can React to Me': [],
  'Who can see your following list': ['Wie kan je volglijst zien'],
  'Ads Based on Data Received from Partners': [],
  'Autofill contact information': [],
  'Autofill payment information': [],
  FamilyPairing: ['Family Pairing', 'Gezinskoppeling'],
  ScreenTime: ['Screen Time', 'Schermtijd'],
});

// ProfileMap uses camelCase keys; the TXT file uses display labels for them.
const PROFILE_KEYS = keyMap({
  userName: ['Username', 'User Name', 'Gebruikersnaam', 'Benutzername'],
  displayName: ['Display Name', 'Name', 'Nickname', 'Weergavenaam', 'Naam', 'Anzeigename'],
  bioDescription: ['Bio', 'Bio Description', 'Biografie', 'Biobeschrijving', 'Beschrijving'],
  birthDate: ['Birthdate', 'Birth Date', 'Date of Birth', 'Birthday', 'Geboortedatum', 'Geburtsdatum'],
  emailAddress: ['Email', 'E-mail', 'Email Address', 'E-mailadres', 'E-Mail-Adresse'],
  telephoneNumber: ['Telephone Number', 'Phone Number', 'Phone', 'Telefoonnummer', 'Telefonnummer'],
  likesReceived: ['Likes Received', 'Ontvangen likes', 'Erhaltene Likes'],
  profilePhoto: ['Profile Photo', 'Profile Picture', 'Profielfoto', 'Profilbild'],
  profileVideo: ['Profile Video', 'Profielvideo', 'Profilvideo'],
  followerCount: ['Follower Count', 'Followers', 'Aantal volgers', 'Volgers'],
  followingCount: ['Following Count', 'Aantal gevolgd', 'Volgend'],
  inferredGender: ['Inferred Gender', 'Afgeleid geslacht'],
  aiSelf: ['AI Self', 'AI-Self'],
  instagramLink: ['Instagram Link', 'Instagram'],
  youtubeLink: ['YouTube Link', 'YouTube'],
  lemon8Link: ['Lemon8 Link', 'Lemon8'],
  accountRegion: ['Account Region', 'Accountregio', 'Kontoregion'],
  fundraiser: ['Fondsenwerving'],
});

const AUTOFILL_KEYS = keyMap({
  PhoneNumber: ['Phone Number', 'Telefoonnummer', 'Telefonnummer'],
  Email: ['E-mail', 'Email Address', 'E-mailadres', 'E-Mail'],
  FirstName: ['First Name', 'Voornaam', 'Vorname'],
  LastName: ['Last Name', 'Achternaam', 'Nachname'],
  Address: ['Adres', 'Adresse'],
  ZipCode: ['Zip Code', 'Postal Code', 'Postcode', 'Postleitzahl'],
  Unit: ['Eenheid', 'Einheit'],
  City: ['Stad', 'Plaats', 'Woonplaats', 'Stadt'],
  State: ['Staat', 'Provincie', 'Bundesland'],
  Country: ['Land'],
});

const ACTIVITY_SUMMARY_KEYS = keyMap({
  note: ['Note', 'Opmerking', 'Notitie', 'Hinweis'],
  videosWatchedToTheEndSinceAccountRegistration: [
    "Video's tot het einde bekeken sinds accountregistratie",
    'Bis zum Ende angesehene Videos seit der Kontoregistrierung',
  ],
  videosCommentedOnSinceAccountRegistration: ["Video's waarop gereageerd sinds accountregistratie", "Video's waarop is gereageerd sinds accountregistratie"],
  videosSharedSinceAccountRegistration: ["Video's gedeeld sinds accountregistratie"],
  videoCount: [],
  commentVideoCount: [],
  sharedVideoCount: [],
});

const LOCATION_KEYS = keyMap({
  Date: ['Datum'],
  GpsData: ['GPS Data', 'GPS-gegevens', 'GPS-Daten'],
  LastRegion: ['Last Region', 'Laatste regio', 'Letzte Region'],
});

const AI_MOJI_KEYS = keyMap({
  CreateDate: ['Create Date', 'Creation Date', 'Aanmaakdatum'],
  AIMojiList: ['AIMoji List', 'AI-Moji List', 'AI-Moji'],
});

const WATCH_LIVE_SETTINGS_KEYS = keyMap({
  'WatchLiveSettingsMap › app': ['app', 'App'],
  'WatchLiveSettingsMap › web': ['web', 'Web'],
  MostRecentModificationTimeInApp: ['Most Recent Modification Time In App'],
  MostRecentModificationTimeInWeb: ['Most Recent Modification Time In Web'],
});

const NO_KEYS = new Map<string, string>();

/** How the TXT file `fileName` of the values dataset `dataset` maps onto JSON keys. */
export function valuesFile(dataset: string, fileName: string): ValuesFile {
  const n = normalizeName(fileName.replace(/\.txt$/i, ''));
  switch (dataset) {
    case 'settings':
      return { keys: SETTINGS_KEYS };
    case 'profile':
      return { keys: PROFILE_KEYS };
    case 'autofill':
      return { keys: AUTOFILL_KEYS };
    case 'activity_summary':
      return { keys: ACTIVITY_SUMMARY_KEYS };
    case 'location_data':
      return { keys: LOCATION_KEYS };
    case 'ai_moji':
      return { prefix: 'AI-Moji', keys: AI_MOJI_KEYS };
    case 'live_settings':
      // JSON: "Go Live Settings" → SettingsMap → {...}; "Watch Live Settings" → WatchLiveSettingsMap + times
      if (n.includes('bekijken') || n.startsWith('watch') || n.includes('ansehen')) {
        return { prefix: 'Watch Live Settings', keys: WATCH_LIVE_SETTINGS_KEYS };
      }
      return { prefix: 'Go Live Settings › SettingsMap', keys: NO_KEYS };
    default:
      return { keys: NO_KEYS };
  }
}

/**
 * Folder names of the category level, per generation, used to find the export's root and its
 * generation. Gen C names (2025+) and their Dutch translations (synthetic evidence only).
 */
export const GEN_C_FOLDERS = new Set(
  ['Your Activity', 'Likes and Favorites', 'Profile and Settings', 'Je activiteit', 'Likes en favorieten', 'Profiel en instellingen'].map(
    normalizeName,
  ),
);
export const GEN_B_FOLDERS = new Set(
  ['App Settings', 'Income+ Wallet Transactions', 'TikTok Shopping', 'Tiktok Shopping', 'Profile'].map(normalizeName),
);
export const CATEGORY_FOLDERS = new Set(
  [
    ...GEN_C_FOLDERS,
    ...GEN_B_FOLDERS,
    'Activity',
    'Videos',
    'Video',
    'Ads and data',
    'Direct Messages',
    'Direct Message',
    'Posts',
    'Post',
    'TikTok Live',
    'TikTok Shop',
    'Comments',
    'Comment',
    'Income+ Wallet',
    'Reacties',
    'Advertenties en gegevens',
    'Berichten',
    'Directe berichten',
  ].map(normalizeName),
);
/** Gen B file names that Gen C renamed, and the Gen C names. */
export const GEN_B_FILES = new Set(['browsinghistory', 'post']);
export const GEN_C_FILES = new Set(['watchhistory', 'posts', 'kijkgeschiedenis']);
export const GEN_A_FILES = new Set(['videobrowsinghistory', 'videos', 'chathistory', 'gifts']); // the last two: 2020 only
