// The TXT reader on small inline files: record blocks, settings-like files, sub-sections, direct
// messages, sentinels, localisation, hostile text, and finding/hashing the export.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DATASETS } from '../src/shared/catalog';
import { FootprintError } from '../src/shared/errors';
import type { ImportWarning } from '../src/shared/contract';
import type { ExportSink, RecordFields } from '../src/main/reader/sink';
import type { SourceEntry } from '../src/main/reader/source';
import { detectTxtGeneration, findTxtExport, readTxtExport, txtContentHash, txtDataset } from '../src/main/reader/txt-reader';

interface Collected {
  present: Set<string>;
  records: Record<string, RecordFields[]>;
  values: Record<string, Record<string, string | null>>;
  unknown: { path: string; raw: string; empty: boolean }[];
  warnings: ImportWarning[];
}

function collector(): { sink: ExportSink; out: Collected } {
  const out: Collected = { present: new Set(), records: {}, values: {}, unknown: [], warnings: [] };
  const sink: ExportSink = {
    present: (d) => void out.present.add(d),
    record: (d, f) => void (out.records[d] ??= []).push(f),
    value: (d, k, v) => void ((out.values[d] ??= {})[k] = v),
    unknown: (path, raw, empty) => void out.unknown.push({ path, raw, empty }),
    warn: (path, code, params = {}) => void out.warnings.push({ path, code, params }),
  };
  return { sink, out };
}

function entries(files: Record<string, string | Buffer>): SourceEntry[] {
  return Object.entries(files).map(([path, content]) => {
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    return { path, size: bytes.length, read: () => bytes };
  });
}

/** Reads files (path → text) as a TXT export. */
function read(files: Record<string, string | Buffer>): Collected & { layout: string } {
  const { sink, out } = collector();
  const found = findTxtExport(entries(files));
  if (!found) throw new Error('not recognised as a TXT export');
  const { layout } = readTxtExport(found, sink);
  return { ...out, layout };
}

describe('record files', () => {
  it('reads blank-line separated "Label: value" blocks, splitting on the first ": " only', () => {
    const r = read({
      'Tiktok/Activity/Browsing History.txt':
        'Date: 2024-11-20 15:21:12\nLink: https://www.tiktokv.com/share/video/7428748283171949866/\n\nDate: 2026-08-16 18:18:02 UTC\nLink: https://www.tiktokv.com/share/video/7428748283171949867/\n',
      'Tiktok/Activity/Searches.txt': 'Date: 2024-11-24 08:54:02\nSearch Term: what time is it: 12:30\n',
    });
    expect(r.records.watch_history).toEqual([
      { date: '2024-11-20 15:21:12', link: 'https://www.tiktokv.com/share/video/7428748283171949866/' },
      { date: '2026-08-16 18:18:02 UTC', link: 'https://www.tiktokv.com/share/video/7428748283171949867/' },
    ]);
    expect(r.records.searches).toEqual([{ date: '2024-11-24 08:54:02', term: 'what time is it: 12:30' }]);
    expect(r.layout).toBe('TXT-B');
  });

  it('maps Gen A "Video Link:", "Like(s):" and "HashTag Link::" onto the canonical fields', () => {
    const r = read({
      'Videos/Videos.txt': 'Date: 2019-12-07 11:01:04\nVideo Link: http://video-va.musical.ly/storage/v1/x/\nLike(s): 29\n',
      'Activity/Favorite HashTags.txt': 'Date: 2020-01-02 03:04:05\nHashTag Link:: https://m.tiktok.com/h5/share/tag/123.html\n',
      'Activity/Like List.txt': 'Date: 2020-08-13 14:43:52\nVideo Link: https://www.tiktokv.com/share/video/1/\n',
    });
    expect(r.records.posts).toEqual([{ date: '2019-12-07 11:01:04', link: 'http://video-va.musical.ly/storage/v1/x/', likes: '29' }]);
    expect(r.records.favorite_hashtags).toEqual([{ date: '2020-01-02 03:04:05', link: 'https://m.tiktok.com/h5/share/tag/123.html' }]);
    expect(r.records.likes).toHaveLength(1);
    expect(r.layout).toBe('TXT-A');
  });

  it('drops null-ish values (N/A, None, N.v.t., empty) like the JSON reader', () => {
    const r = read({
      'Tiktok/Activity/Login History.txt':
        'Date: 2024-11-20 15:18:33\nIP: 1.2.3.4\nDevice Model: iPhone14,4\nDevice System: N/A\nNetwork Type: None\nCarrier:\n\nDatum: 2024-11-21 15:18:33\nIP-adres: 1.2.3.5\nMobiele provider: N.v.t.\n',
    });
    expect(r.records.login_history).toEqual([
      { date: '2024-11-20 15:18:33', ip: '1.2.3.4', deviceModel: 'iPhone14,4' },
      { date: '2024-11-21 15:18:33', ip: '1.2.3.5' },
    ]);
  });

  it('starts a new record when a label repeats without a blank line, and continues values over line breaks', () => {
    const r = read({
      'TikTok/Comments/Comments.txt': 'Date: 2024-01-01 00:00:01\nComment: first line\nsecond line\nDate: 2024-01-01 00:00:02\nComment: other\n',
    });
    expect(r.records.comments).toEqual([
      { date: '2024-01-01 00:00:01', comment: 'first line\nsecond line' },
      { date: '2024-01-01 00:00:02', comment: 'other' },
    ]);
  });

  it('keeps unknown labels under their JSON-style names, and makes the placeholder time match JSON', () => {
    const r = read({
      'TikTok/TikTok Shop/Vouchers.txt': 'Received Date: 2025-01-01 10:00:00 UTC\nVoucher Id: 1\nCost Type: 2\nVoucher Name: Free shipping\nStatus: Used\n',
      'TikTok/Your Activity/Share History.txt': 'Date: 1969-12-31 23:59:59 UTC\nShared Content: video\nLink: https://www.tiktok.com/\nMethod: copy\n',
    });
    expect(r.records.shop_vouchers).toEqual([
      { date: '2025-01-01 10:00:00 UTC', voucherId: '1', CostType: '2', name: 'Free shipping', Status: 'Used' },
    ]);
    expect(r.records.shares![0]!.date).toBe('1969-12-31 23:59:59');
  });

  it('splits Purchases.txt into SendGifts / BuyGifts lists, with a sentinel under one of them', () => {
    const r = read({
      'Tiktok/Activity/Purchases.txt':
        'Send Gifts History:\nYou have no data in this section\n\nBuy Gifts History:\nDate: 2023-02-27 17:33:10\nPrice: 0.07\n\nDate: 2023-02-28 17:33:10\nPrice: 0.99\n',
      'TikTok/Je activiteit/Aankopen.txt':
        'Geschiedenis van verzonden cadeaus:\nDatum: 2023-03-01 10:00:00\nAantal cadeaus: 5\nGebruikersnaam: user_1\n\nGeschiedenis van gekochte cadeaus:\nEr staan geen gegevens in dit gedeelte\n',
    });
    const byDate = (x: RecordFields, y: RecordFields) => String(x.date).localeCompare(String(y.date));
    expect(r.records.purchases!.sort(byDate)).toEqual([
      { list: 'BuyGifts', date: '2023-02-27 17:33:10', price: '0.07' },
      { list: 'BuyGifts', date: '2023-02-28 17:33:10', price: '0.99' },
      { list: 'SendGifts', date: '2023-03-01 10:00:00', giftAmount: '5', username: 'user_1' },
    ]);
  });

  it('switches list at a bare sub-section header that follows a record directly', () => {
    const r = read({ 'Tiktok/Activity/Purchases.txt': 'Send Gifts History\nDate: 2023-01-01 00:00:00\nGift Amount: 1\nUsername: a\nBuy Gifts History\nDate: 2023-01-02 00:00:00\nPrice: 0.07\n' });
    expect(r.records.purchases).toEqual([
      { list: 'SendGifts', date: '2023-01-01 00:00:00', giftAmount: '1', username: 'a' },
      { list: 'BuyGifts', date: '2023-01-02 00:00:00', price: '0.07' },
    ]);
  });

  it('splits Ad Interests on the pipe character', () => {
    const r = read({ 'Tiktok/Ads and data/Ad Interests.txt': 'Interests: Pets|Travel | Food & Beverage\n' });
    expect(r.records.ad_interests).toEqual([
      { list: 'AdInterestCategories', name: 'Pets' },
      { list: 'AdInterestCategories', name: 'Travel' },
      { list: 'AdInterestCategories', name: 'Food & Beverage' },
    ]);
  });
});

describe('sentinels and localisation', () => {
  it.each([
    ['You have no data in this section'],
    ['Dit gedeelte bevat geen gegevens'],
    ['Er staan geen gegevens in dit gedeelte'],
    ['Du hast keine Daten in diesem Bereich.'],
    ['Du hast keine Daten'],
  ])('"%s" marks a dataset present and empty', (sentinel) => {
    const r = read({ 'TikTok/Your Activity/Searches.txt': `${sentinel}\n`, 'TikTok/Likes and Favorites/Like List.txt': `\n${sentinel}\r\n` });
    expect(r.present).toEqual(new Set(['searches', 'likes']));
    expect(r.records).toEqual({});
    expect(r.unknown).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('reads Dutch file names and labels', () => {
    const r = read({
      'TikTok/Je activiteit/Kijkgeschiedenis.txt': 'Datum: 2025-05-01 10:00:00 UTC\nLink: https://www.tiktokv.com/share/video/1/\n',
      'TikTok/Je activiteit/Zoekopdrachten.txt': 'Datum: 2025-05-01 10:00:00 UTC\nZoekterm: katten\n',
      'TikTok/Je activiteit/Geschiedenis delen.txt': 'Datum: 2025-05-01 10:00:00 UTC\nGedeelde inhoud: share_video\nLink: https://x/\nMethode: copy\n',
      'TikTok/Profiel en instellingen/Volger.txt': 'Datum: 2025-05-01 10:00:00 UTC\nGebruikersnaam: user_1\n',
      'TikTok/Reacties/Reacties.txt': 'Datum: 2025-05-01 10:00:00 UTC\nReactie: leuk!\nLink naar origineel bericht: https://x/\n',
    });
    expect(r.records.watch_history).toEqual([{ date: '2025-05-01 10:00:00 UTC', link: 'https://www.tiktokv.com/share/video/1/' }]);
    expect(r.records.searches).toEqual([{ date: '2025-05-01 10:00:00 UTC', term: 'katten' }]);
    expect(r.records.shares).toEqual([{ date: '2025-05-01 10:00:00 UTC', content: 'share_video', link: 'https://x/', method: 'copy' }]);
    expect(r.records.followers).toEqual([{ date: '2025-05-01 10:00:00 UTC', username: 'user_1' }]);
    expect(r.records.comments).toEqual([{ date: '2025-05-01 10:00:00 UTC', comment: 'leuk!', originalPost: 'https://x/' }]);
    expect(r.layout).toBe('TXT-C');
  });

  it('knows every file name the research lists (Gen A/B/C, English and Dutch)', () => {
    const names = [
      // Gen A
      'Video Browsing History', 'Like List', 'Favorite Videos', 'Videos',
      // Gen B
      'Browsing History', 'Comments', 'Favorite Effects', 'Favorite HashTags', 'Favorite Sounds', 'Follower', 'Following',
      'Hashtag', 'Location Reviews', 'Login History', 'Purchases', 'Searches', 'Share History', 'Status',
      'Most Recent Location Data', 'Ad Interests', 'Instant Form Ads Responses', 'Off TikTok Activity', 'Block List',
      'Settings', 'Direct Messages', 'Transaction History', 'Post', 'Recently Deleted Posts', 'Profile Info', 'AI-Moji',
      'Autofill', 'Watch Live History', 'Go Live History', 'Go Live settings', 'Watch Live settings', 'Order History',
      'Product Browsing History', 'Shopping Cart List', 'Product Reviews', 'Communication with shops',
      'Current Payment Information', 'Customer support history', 'Order dispute history', 'Returns and Refunds History',
      'Saved Address Information', 'Vouchers',
      // Gen C
      'Posts', 'Favorite Places', 'Favorite Comments', 'Favorite Collections', 'Activity Summary', 'Watch History',
      'Donation', 'Stickers', 'Reposts', 'Fundraiser', 'Profile Information',
      // Dutch
      'Kijkgeschiedenis', 'Likelijst', "Favoriete video's", 'Favoriete geluiden', 'Favoriete effecten', 'Favoriete hashtags',
      'Favoriete collecties', 'Favoriete plaatsen', 'Favoriete reacties', 'Favoriete afspeellijsten',
      "Favoriete films en tv-programma's", 'Zoekopdrachten', 'Geschiedenis delen', 'Inloggeschiedenis',
      'Samenvatting van activiteit', 'Meest recente locatiegegevens', 'Aankopen', 'Herplaatsingen', 'Donatie',
      'Fondsenwerving', 'Advertentie-interesses', 'Activiteit buiten TikTok', 'Reacties op direct formulier-advertenties',
      'Geschiedenis van advertentielinks', 'Volger', 'Volgend', 'Blokkeringslijst', 'AI-moji', 'Instellingen',
      'Profielweergaven', 'Automatisch invullen', 'Profielinformatie', 'Informatie van derden', 'Reacties',
      'Directe berichten', 'Berichten', 'Onlangs verwijderde berichten', 'Locatierecensies', 'Geschiedenis van LIVE bekijken',
      'Geschiedenis van LIVE gaan', 'Instellingen voor LIVE bekijken', 'Instellingen voor LIVE gaan',
      'Geschiedenis van Muntaankopen', 'Transactiegeschiedenis', 'Bestelgeschiedenis', 'Winkelwagenlijst', 'Favoriet item',
    ];
    const missing = names.filter((n) => txtDataset(`TikTok/x/${n}.txt`) === undefined);
    expect(missing).toEqual([]);
    expect(txtDataset('Tiktok/Activity/Browsing History.txt')?.id).toBe('watch_history');
    expect(txtDataset('TikTok/Your Activity/Watch History.txt')?.id).toBe('watch_history');
    expect(txtDataset('Tiktok/Posts/Post.txt')?.id).toBe('posts');
    expect(txtDataset('TikTok/Posts/Posts.txt')?.id).toBe('posts');
    // every catalog name resolves to its own dataset
    for (const spec of DATASETS) for (const f of spec.txtFiles ?? []) expect(txtDataset(`a/${f}`)?.id).toBe(spec.id);
  });
});

describe('settings-like files', () => {
  it('gives Settings.txt the keys and values the JSON reader gives SettingsMap', () => {
    const r = read({
      'TikTok/Profile and Settings/Settings.txt': [
        'Allow Download: Everyone',
        'Interests: Cooking|Pets',
        'Web Language: N/A',
        '',
        'Push Notification',
        'New Fans: Default',
        'Desktop notification: Default',
        '',
        'Content Preferences:',
        'Keyword filters for videos in Following feed: []',
        'Keyword filters for videos in For You feed: [cats, dogs 🐶]',
        '',
        'Family Content Preferences',
        '',
        'Who can see your following list:: Everyone',
        'ScreenTime: [{"DailyScreenTimeLimit":"60 minutes"}]',
        'FamilyPairing: []',
        '(Note: some settings may take a while to update)',
      ].join('\n'),
    });
    expect(r.values.settings).toEqual({
      'Allow DownLoad': 'Everyone',
      Interests: 'Cooking|Pets',
      'Web Language': null,
      'Push Notification › New Fans': 'Default',
      'Push Notification › Desktop notification': 'Default',
      'Content Preferences › Keyword filters for videos in Following feed': null,
      'Content Preferences › Keyword filters for videos in For You feed': '["cats","dogs 🐶"]',
      'Family Content Preferences': null,
      'Who can see your following list': 'Everyone',
      ScreenTime: '[{"DailyScreenTimeLimit":"60 minutes"}]',
      FamilyPairing: null,
    });
    // the note is not a setting, but it is kept
    expect(r.unknown).toEqual([{ path: 'Profile and Settings/Settings.txt › notes', raw: '(Note: some settings may take a while to update)', empty: false }]);
  });

  it('collapses a group whose values are all empty into one key, as JSON does for an empty map', () => {
    const r = read({ 'TikTok/Profile and Settings/Settings.txt': 'Private Account: Enabled\n\nContent Preferences\nA: []\nB: N/A\n' });
    expect(r.values.settings).toEqual({ 'Private Account': 'Enabled', 'Content Preferences': null });
  });

  it('maps Dutch settings labels onto the English JSON keys', () => {
    const r = read({ 'TikTok/Profiel en instellingen/Instellingen.txt': 'Privéaccount: Uit\n\nPushmeldingen\nNieuwe fans: Standaard\n' });
    expect(r.values.settings).toEqual({ 'Private Account': 'Uit', 'Push Notification › New Fans': 'Standaard' });
  });

  it('gives Profile Info.txt the ProfileMap keys, and its platform blocks as linked platforms', () => {
    const r = read({
      'Tiktok/Profile/Profile Info.txt':
        'Username: user_1\nBio Description: line one\nline two\nBirthdate: 01-Oct-1995\nTelephone Number: None\nProfile Photo: https://p16/x.webp\n\nPlatform Info\nPlatform: Google\nName: Sam Example\nDescription: \n',
    });
    expect(r.values.profile).toEqual({
      userName: 'user_1',
      bioDescription: 'line one\nline two',
      birthDate: '01-Oct-1995',
      telephoneNumber: null,
      profilePhoto: 'https://p16/x.webp',
    });
    expect(r.records.linked_platforms).toEqual([{ platform: 'Google', name: 'Sam Example' }]);
    expect(r.present).toEqual(new Set(['profile', 'linked_platforms']));
  });

  it('reads Activity Summary with its note, and an all-N/A location file as nothing', () => {
    const r = read({
      'TikTok/Your Activity/Activity Summary.txt':
        '(Note: data may have delays of up to several days)\nVideos watched to the end since account registration: 1234\nVideos shared since account registration: 0\n',
      'TikTok/Your Activity/Most Recent Location Data.txt': 'Date: N/A\nGPS Data: N/A\nLast Region: N/A\n',
    });
    expect(r.values.activity_summary).toEqual({
      note: 'data may have delays of up to several days',
      videosWatchedToTheEndSinceAccountRegistration: '1234',
      videosSharedSinceAccountRegistration: '0',
    });
    expect(r.values.location_data).toBeUndefined();
    expect(r.present.has('location_data')).toBe(true);
  });
});

describe('direct messages', () => {
  it('reads ">>> Chat History with X::" threads, one message per line', () => {
    const r = read({
      'Tiktok/Direct Messages/Direct Messages.txt': [
        '>>> Chat History with alice::',
        '2021-04-01 01:34:11 alice: hello: how are you?',
        '2021-04-01 01:35:00 me: I’m outside',
        'come down',
        '2026-01-02 03:04:05 UTC me: [https://media.tenor.com/x/tenor.gif]',
        '',
        '>>> Chat History with ::',
        '2021-04-02 01:00:00 bob: hi',
        '',
        '>>> Chat History with carol::',
        'You have no data in this section',
      ].join('\n'),
    });
    expect(r.records.messages).toEqual([
      { conversation: 'alice', date: '2021-04-01 01:34:11', from: 'alice', content: 'hello: how are you?' },
      { conversation: 'alice', date: '2021-04-01 01:35:00', from: 'me', content: 'I’m outside\ncome down' },
      { conversation: 'alice', date: '2026-01-02 03:04:05 UTC', from: 'me', content: '[https://media.tenor.com/x/tenor.gif]' },
      { conversation: '', date: '2021-04-02 01:00:00', from: 'bob', content: 'hi' },
    ]);
    expect(r.warnings).toEqual([]);
  });
});

describe('2020 direct messages (Direct Messages/Chat History.txt)', () => {
  it('reads "Chat History with X:" headers without arrows, labelled messages, and a line that only mentions a chat history', () => {
    const r = read({
      'Direct Messages/Chat History.txt': [
        'Chat History',
        '',
        'Chat History with alice:',
        'Date: 2020-05-01 10:00:00',
        'Sender: alice',
        'Message: chat history with mom is gone:',
        'for good',
        '',
        'Date: 2020-05-01 09:00:00',
        'From: me',
        'Content: hi',
        '',
        'Chat History with bob::',
        '2020-04-01 08:00:00 bob: hey: you',
        'chat history with mom is gone',
      ].join('\n'),
      'Activity/Gifts.txt': 'Date: 2020-03-01 10:00:00\nPrice: 0.99\n',
    });
    expect(r.records.messages).toEqual([
      { conversation: 'alice', date: '2020-05-01 10:00:00', from: 'alice', content: 'chat history with mom is gone:\nfor good' },
      { conversation: 'alice', date: '2020-05-01 09:00:00', from: 'me', content: 'hi' },
      { conversation: 'bob', date: '2020-04-01 08:00:00', from: 'bob', content: 'hey: you\nchat history with mom is gone' },
    ]);
    expect(r.records.purchases).toEqual([{ list: 'BuyGifts', date: '2020-03-01 10:00:00', price: '0.99' }]);
    expect(r.warnings).toEqual([]);
    expect(r.layout).toBe('TXT-A');
  });
});

describe('nothing is lost', () => {
  it('keeps unknown .txt files raw, flagged empty when they hold only a sentinel', () => {
    const r = read({
      'TikTok/Your Activity/Watch History.txt': 'You have no data in this section\n',
      'TikTok/Direct Messages/Group Chat.txt': 'Something: new\n',
      'TikTok/Your Activity/Mini Drama.txt': 'You have no data in this section\n',
    });
    expect(r.unknown).toEqual([
      { path: 'Direct Messages/Group Chat.txt', raw: 'Something: new\n', empty: false },
      { path: 'Your Activity/Mini Drama.txt', raw: 'You have no data in this section\n', empty: true },
    ]);
  });

  it('keeps lines that are not records raw, with a warning', () => {
    const r = read({
      'TikTok/Your Activity/Searches.txt': 'Date: 2024-01-01 00:00:00\nSearch Term: a\n\n@@@ garbage line\n&&& more garbage\n\nDate: 2024-01-02 00:00:00\nSearch Term: b\n',
    });
    expect(r.records.searches).toHaveLength(2);
    expect(r.unknown).toEqual([{ path: 'Your Activity/Searches.txt › unread lines', raw: '@@@ garbage line\n&&& more garbage', empty: false }]);
    expect(r.warnings).toEqual([{ path: 'Your Activity/Searches.txt', code: 'unread-lines', params: { count: 2, dataset: 'searches' } }]);
  });
});

describe('hostile text', () => {
  it('decodes invalid UTF-8 with replacement characters and warns; drops NUL bytes and warns', () => {
    const bad = Buffer.concat([Buffer.from('Date: 2024-01-01 00:00:00\nSearch Term: caf'), Buffer.from([0xe9, 0xff]), Buffer.from('\n')]);
    const nul = Buffer.from('Date: 2024-01-01 00:00:00\nSearch\0 Term: a\0b\n');
    const r = read({ 'TikTok/Your Activity/Searches.txt': bad, 'TikTok/Your Activity/Watch History.txt': nul });
    expect(r.records.searches).toEqual([{ date: '2024-01-01 00:00:00', term: 'caf\ufffd\ufffd' }]);
    expect(r.warnings).toEqual([
      { path: 'Your Activity/Searches.txt', code: 'bad-encoding', params: {} },
      { path: 'Your Activity/Watch History.txt', code: 'nul-removed', params: {} },
    ]);
  });

  it('reads UTF-8 BOMs, UTF-16 files and old Mac line endings', () => {
    const r = read({
      'TikTok/Your Activity/Searches.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Date: 2024-01-01 00:00:00\r\nSearch Term: a\r\n', 'utf16le')]),
      'TikTok/Your Activity/Watch History.txt': '\ufeffDate: 2024-01-01 00:00:00\rLink: https://x/\r\rDate: 2024-01-02 00:00:00\rLink: https://y/\r',
    });
    expect(r.records.searches).toEqual([{ date: '2024-01-01 00:00:00', term: 'a' }]);
    expect(r.records.watch_history).toHaveLength(2);
  });

  it('reads a huge single line without newlines quickly', () => {
    const t0 = Date.now();
    const r = read({ 'TikTok/Your Activity/Searches.txt': `Search Term: ${'x: '.repeat(5_000_000)}` });
    expect(r.records.searches).toHaveLength(1);
    expect(Date.now() - t0).toBeLessThan(5_000);
    const r2 = read({ 'TikTok/Your Activity/Searches.txt': 'y'.repeat(10_000_000) });
    expect(r2.unknown).toHaveLength(1);
    expect(r2.warnings).toHaveLength(1);
  });

  it('stays linear on a block with a huge number of distinct labels', () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => `Label ${i}: v`).join('\n');
    const t0 = Date.now();
    const r = read({ 'TikTok/Your Activity/Donation.txt': lines });
    expect(r.records.donations).toHaveLength(1);
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it('never throws anything but FootprintError on arbitrary bytes or text', () => {
    const files = ['TikTok/Profile and Settings/Settings.txt', 'TikTok/Direct Messages/Direct Messages.txt', 'TikTok/Your Activity/Purchases.txt',
      'TikTok/Your Activity/Ad Interests.txt', 'TikTok/Your Activity/Watch History.txt', 'Tiktok/Profile/Profile Info.txt', 'TikTok/x/Unknown.txt'];
    const line = fc.oneof(
      fc.string(),
      fc.constantFrom('', 'Date: 2024-01-01 00:00:00', '>>> Chat History with a::', '2024-01-01 00:00:00 a: b', 'Send Gifts History:', 'Push Notification',
        'You have no data in this section', '(Note: x)', 'Platform Info', '[a, b]', 'Label:', ': :', '::: ', 'Interests: a|b', '{"a":', '\r', '\0'),
    );
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.array(line, { maxLength: 40 }), fc.uint8Array({ maxLength: 64 }), (path, lines, bytes) => {
        for (const content of [lines.join('\n'), Buffer.from(bytes)]) {
          try {
            const { sink } = collector();
            readTxtExport(entries({ [path]: content, 'TikTok/Your Activity/Searches.txt': 'x' }), sink);
          } catch (e) {
            if (!(e instanceof FootprintError)) throw e;
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('parses a million records in a few seconds', () => {
    const N = 1_000_000;
    const parts: string[] = new Array(N);
    for (let i = 0; i < N; i++) {
      const s = String(i % 60).padStart(2, '0');
      const m = String(Math.floor(i / 60) % 60).padStart(2, '0');
      const h = String(Math.floor(i / 3600) % 24).padStart(2, '0');
      parts[i] = `Date: 2024-01-${String(1 + Math.floor(i / 86400)).padStart(2, '0')} ${h}:${m}:${s} UTC\nLink: https://www.tiktokv.com/share/video/7428748${String(i).padStart(12, '0')}/`;
    }
    const bytes = Buffer.from(parts.join('\n\n') + '\n');
    let n = 0;
    const sink: ExportSink = { present: () => {}, record: () => void n++, value: () => {}, unknown: () => {}, warn: () => {} };
    const t0 = Date.now();
    readTxtExport(entries({ 'TikTok/Your Activity/Watch History.txt': bytes }), sink);
    expect(n).toBe(N);
    expect(Date.now() - t0).toBeLessThan(15_000); // ~1 s alone; generous for loaded CI machines
  });
});

describe('finding the export', () => {
  it('recognises TikTok .txt files by name at any depth, and nothing else', () => {
    expect(findTxtExport(entries({ 'notes.txt': 'hello', 'a/readme.txt': 'x' }))).toBeUndefined();
    expect(findTxtExport(entries({ 'photo.jpg': 'x' }))).toBeUndefined();
    const found = findTxtExport(
      entries({
        'outer/TikTok_Data_1/Tiktok/Activity/Like List.txt': 'x',
        'outer/TikTok_Data_1/Tiktok/Other/Whatever.txt': 'y',
        'outer/notes.txt': 'not part of the export',
        '__MACOSX/outer/TikTok_Data_1/Tiktok/Activity/._Like List.txt': 'junk',
        'outer/TikTok_Data_1/Tiktok/.hidden.txt': 'junk',
      }),
    );
    expect(found?.map((e) => e.path).sort()).toEqual(['outer/TikTok_Data_1/Tiktok/Activity/Like List.txt', 'outer/TikTok_Data_1/Tiktok/Other/Whatever.txt']);
    expect(findTxtExport(entries({ 'Watch History.txt': 'x' }))?.length).toBe(1);
    // a lone common name counts only when it reads like TikTok's
    expect(findTxtExport(entries({ 'notes/Comments.txt': 'my comments on the book\n' }))).toBeUndefined();
    expect(findTxtExport(entries({ 'notes/Settings.txt': 'theme=dark\n' }))).toBeUndefined();
    expect(findTxtExport(entries({ 'export/Comments.txt': 'Date: 2024-01-01 00:00:00\nComment: hi\n' }))?.length).toBe(1);
    expect(findTxtExport(entries({ 'Videos/Videos.txt': 'Date: 2019-12-07 11:01:04\nVideo Link: http://x/\n' }))?.length).toBe(1);
    expect(findTxtExport(entries({ 'Tiktok/App Settings/Settings.txt': 'theme=dark\n' }))?.length).toBe(1);
  });

  it('hashes the same export the same with or without outer folders, and differently when a byte changes', () => {
    const files = { 'Tiktok/Activity/Like List.txt': 'a', 'Tiktok/App Settings/Settings.txt': 'b', 'Tiktok/Other/New.txt': 'c' };
    const prefixed = (p: string) => Object.fromEntries(Object.entries(files).map(([k, v]) => [p + k, v]));
    const h = (f: Record<string, string>) => txtContentHash(findTxtExport(entries(f))!);
    expect(h(prefixed('TikTok_Data_1735588272/'))).toBe(h(files));
    expect(h(prefixed('x/y/'))).toBe(h(files));
    expect(h({ ...files, 'Tiktok/Other/New.txt': 'd' })).not.toBe(h(files));
    // a partial export rooted at a category folder hashes the same zipped or unzipped
    const partial = { 'Activity/Like List.txt': 'a', 'Activity/Searches.txt': 'b' };
    expect(h(Object.fromEntries(Object.entries(partial).map(([k, v]) => [`Tiktok/${k}`, v])))).toBe(
      h(Object.fromEntries(Object.entries(partial).map(([k, v]) => [`dl/Tiktok/${k}`, v]))),
    );
  });

  it('tells the three folder generations apart', () => {
    expect(detectTxtGeneration(['Activity/Video Browsing History.txt', 'Videos/Videos.txt'])).toBe('A');
    expect(detectTxtGeneration(['archive/Activity/Like List.txt'])).toBe('A');
    expect(detectTxtGeneration(['Tiktok/Activity/Browsing History.txt', 'Tiktok/Posts/Post.txt'])).toBe('B');
    expect(detectTxtGeneration(['Tiktok/Activity/Like List.txt'])).toBe('B');
    expect(detectTxtGeneration(['TikTok/Your Activity/Watch History.txt'])).toBe('C');
    expect(detectTxtGeneration(['TikTok/Likes and Favorites/Like List.txt'])).toBe('C');
    expect(detectTxtGeneration(['TikTok/Je activiteit/Kijkgeschiedenis.txt'])).toBe('C');
    expect(detectTxtGeneration(['Posts.txt'])).toBe('C');
  });
});
