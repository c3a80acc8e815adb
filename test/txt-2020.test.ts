// 2020 TXT exports (Gen A) hold three files the later generations do not: Direct
// Messages/Chat History.txt ("Chat History with <name>:" headers without ">>>"), Activity/Gifts.txt,
// and a Status.txt that says "Screen Resolution:". Rendered from the account model, imported into
// real SQLite files, every record checked against the model and against the JSON twin (L1).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createService } from '../src/main/service';
import { generateAccount, timeMs, type Account } from './fixtures/account';
import { renderJson, writeZip as writeJsonZip } from './fixtures/json';
import { expectedTxtCounts, renderTxt, writeTxtZip, type TxtRenderOptions } from './fixtures/txt';
import { tempDir, writeZip } from './helpers';

type Service = ReturnType<typeof createService>;
type Fields = Record<string, unknown>;

const account = generateAccount({ seed: 2020, scale: 1.5, asOf: '2020-11-02 10:00:00' });

function rows(service: Service, dataset: string): { at: number | null; fields: Fields }[] {
  return (service.db.prepare('SELECT at, data FROM records WHERE dataset = ? ORDER BY id').all(dataset) as { at: number | null; data: string }[]).map((r) => ({
    at: r.at,
    fields: JSON.parse(r.data) as Fields,
  }));
}

/** Field values as text (JSON writes GiftAmount as a number, TXT as digits), sorted for comparison. */
function normalized(list: Fields[]): Fields[] {
  return list
    .map((f) => Object.fromEntries(Object.entries(f).map(([k, v]): [string, string] => [k, String(v)]).sort(([a], [b]) => (a < b ? -1 : 1))))
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

function fingerprints(service: Service): string[] {
  return (service.db.prepare('SELECT dataset, fp_hi, fp_lo FROM records').all() as { dataset: string; fp_hi: number; fp_lo: number }[])
    .map((r) => `${r.dataset}:${r.fp_hi}:${r.fp_lo}`)
    .sort();
}

async function import2020(dir: string, acc: Account, y2020: NonNullable<TxtRenderOptions['y2020']>, quirks = false) {
  const service = createService({ dbPath: join(dir, 'txt.db') });
  const files = renderTxt(acc, 'A', { y2020, quirks });
  const result = await service.importExport({ path: await writeTxtZip(files, join(dir, 'txt')) });
  return { service, result, files };
}

const STYLES: NonNullable<TxtRenderOptions['y2020']>[] = [
  { messages: 'lines', gifts: 'sections' },
  { messages: 'labelled', gifts: 'flat' },
];

describe.each(STYLES.flatMap((y2020) => [false, true].map((quirks) => ({ ...y2020, quirks }))))(
  '2020 TXT export (messages $messages, gifts $gifts, quirks $quirks)',
  ({ messages, gifts, quirks }) => {
    it('reads Chat History.txt, Gifts.txt and "Screen Resolution:" into the datasets and fields of the JSON twin', async () => {
      const dir = tempDir();
      const { service, result, files } = await import2020(dir, account, { messages, gifts }, quirks);
      expect(Object.keys(files)).toEqual(expect.arrayContaining(['Direct Messages/Chat History.txt', 'Activity/Gifts.txt', 'Activity/Status.txt']));
      expect(files['Direct Messages/Chat History.txt']).not.toContain('>>>');
      expect(result.snapshot.layout).toBe('TXT-A');
      expect(result.unknownSections).toEqual([]);
      expect(result.warnings).toEqual([]);
      expect(Object.fromEntries(Object.entries(result.datasets).map(([k, v]) => [k, v.records]))).toEqual(expectedTxtCounts(account, 'A'));
      expect(result.datasets.messages!.paths).toEqual(['Direct Messages/Chat History.txt']);
      expect(result.datasets.purchases!.paths).toEqual(['Activity/Gifts.txt']);

      // every message, with its conversation, sender, multi-line text and time
      const msgs = rows(service, 'messages');
      expect(msgs.length).toBe(account.records.messages.length);
      expect(normalized(msgs.map((r) => r.fields))).toEqual(normalized(account.records.messages.map((m) => ({ ...m }))));
      for (const r of msgs) expect(r.at).toBe(timeMs(String(r.fields.date)));
      expect(msgs.some((r) => String(r.fields.content).includes('\n'))).toBe(true);

      // every gift, in the list the JSON twin files it under
      const model = account.records.purchases.map((p) =>
        p.list === 'SendGifts' ? { list: p.list, date: p.date, giftAmount: p.giftAmount, username: p.username } : { list: p.list, date: p.date, price: p.price },
      );
      expect(normalized(rows(service, 'purchases').map((r) => r.fields))).toEqual(normalized(model));

      // the screen resolution is the resolution, not a raw "Screen Resolution" field
      const [status] = rows(service, 'device_status');
      expect(status!.fields.resolution).toBe(account.records.device_status[0]!.resolution);
      expect(status!.fields).not.toHaveProperty('ScreenResolution');
      expect(status!.fields).not.toHaveProperty('Screen Resolution');
      service.close();
    });

    it('agrees with its JSON twin (L1): the same records, fingerprints and field values, and no new record either way', async () => {
      const dir = tempDir();
      const { service: txt } = await import2020(dir, account, { messages, gifts }, quirks);
      const json = createService({ dbPath: join(dir, 'json.db') });
      await json.importExport({ path: await writeJsonZip(renderJson(account, 'L1', { quirks }), join(dir, 'json'), { epoch: 1604311200 }) });
      expect(fingerprints(txt)).toEqual(fingerprints(json));
      for (const dataset of ['messages', 'purchases', 'device_status']) {
        expect([dataset, normalized(rows(txt, dataset).map((r) => r.fields))]).toEqual([dataset, normalized(rows(json, dataset).map((r) => r.fields))]);
      }

      // one archive, both exports: the second adds nothing
      const both = await json.importExport({ path: await writeTxtZip(renderTxt(account, 'A', { y2020: { messages, gifts } }), join(dir, 'txt2')) });
      for (const [id, c] of Object.entries(both.datasets)) expect([id, c.new]).toEqual([id, 0]);
      txt.close();
      json.close();
    });
  },
);

describe('2020 TXT chat and gift files by hand', () => {
  it('reads headers with and without a name, ": " inside a message, and gifts under renamed sub-sections', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    const zip = await writeZip(join(dir, 'TikTok_Data_1604311200.zip'), {
      'Direct Messages/Chat History.txt': [
        'Chat History with user_1111:',
        '2020-10-01 10:00:00 user_1111: look: a cat',
        '2020-10-01 09:00:00 me: hi',
        '',
        'Chat History:',
        '2020-09-01 08:00:00 someone: no name in the header',
        '',
        'Chat History with user_2222:',
        'You have no data in this section',
      ].join('\n'),
      'Activity/Gifts.txt': ['Gifts Sent:', 'Date: 2020-08-01 12:00:00', 'Gift Amount: 5', 'Username: user_3333', '', 'Gifts Bought:', 'You have no data in this section'].join('\n'),
      'Activity/Status.txt': 'Screen Resolution: 750*1334\nApp Version: TikTok 16.5.0\nIDFA: None\n',
    });
    const r = await service.importExport({ path: zip });
    expect(r.warnings).toEqual([]);
    expect(r.unknownSections).toEqual([]);
    expect(rows(service, 'messages').map((x) => x.fields)).toEqual([
      { conversation: 'user_1111', date: '2020-10-01 10:00:00', from: 'user_1111', content: 'look: a cat' },
      { conversation: 'user_1111', date: '2020-10-01 09:00:00', from: 'me', content: 'hi' },
      { conversation: '', date: '2020-09-01 08:00:00', from: 'someone', content: 'no name in the header' },
    ]);
    expect(rows(service, 'purchases').map((x) => x.fields)).toEqual([{ list: 'SendGifts', date: '2020-08-01 12:00:00', giftAmount: '5', username: 'user_3333' }]);
    expect(rows(service, 'device_status').map((x) => x.fields)).toEqual([{ resolution: '750*1334', appVersion: 'TikTok 16.5.0' }]);
    service.close();
  });

  it('a lone Chat History.txt from another program is not a TikTok export; one with TikTok headers is', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    const other = await writeZip(join(dir, 'notes.zip'), { 'Chat History.txt': '\nCurrent time: 2024-01-01\nYou said: hello\n' });
    await expect(service.importExport({ path: other })).rejects.toMatchObject({ code: 'NOT_TIKTOK' });
    const tiktok = await writeZip(join(dir, 'dm.zip'), { 'Chat History.txt': 'Chat History with user_1111:\n2020-10-01 10:00:00 me: hi\n' });
    const r = await service.importExport({ path: tiktok });
    expect(r.datasets.messages!.records).toBe(1);
    const gifts = await writeZip(join(dir, 'gifts.zip'), { 'Gifts.txt': 'Send Gifts History:\nDate: 2020-10-01 10:00:00\nGift Amount: 1\nUsername: user_1\n' });
    expect((await service.importExport({ path: gifts })).datasets.purchases!.records).toBe(1);
    const notGifts = await writeZip(join(dir, 'list.zip'), { 'Gifts.txt': 'socks for dad\nbook for mum\n' });
    await expect(service.importExport({ path: notGifts })).rejects.toMatchObject({ code: 'NOT_TIKTOK' });
    service.close();
  });
});
