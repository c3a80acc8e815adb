// The comments a user wrote in LIVEs they watched: JSON nests them in each Watch Live History entry
// (WatchLiveMap → <room id> → Comments). They are records of their own (live_comments), linked to
// their LIVE by roomId; the watch record keeps its other fields and its fingerprint.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createService } from '../src/main/service';
import { datasetSpec } from '../src/shared/catalog';
import { recordFingerprint } from '../src/main/import/fingerprint';
import { generateAccount, timeMs } from './fixtures/account';
import { exportEpoch, liveComments, renderJson, writeZip, type Layout } from './fixtures/json';
import { renderTxt, writeTxtZip, type Generation } from './fixtures/txt';
import { tempDir, writeJson } from './helpers';

type Service = ReturnType<typeof createService>;
type Fields = Record<string, unknown>;

const account = generateAccount({ seed: 77, scale: 3, asOf: '2026-05-20 12:00:00' });

function rows(service: Service, dataset: string): { at: number | null; fp: [number, number]; fields: Fields }[] {
  return (service.db.prepare('SELECT at, fp_hi, fp_lo, data FROM records WHERE dataset = ? ORDER BY id').all(dataset) as {
    at: number | null;
    fp_hi: number;
    fp_lo: number;
    data: string;
  }[]).map((r) => ({ at: r.at, fp: [r.fp_hi, r.fp_lo], fields: JSON.parse(r.data) as Fields }));
}

const byKey = (f: Fields): string => `${String(f.roomId)}|${String(f.date)}|${String(f.content)}`;

describe.each(['L2', 'L3', 'L4'] as Layout[])('JSON %s: LIVE comments', (layout) => {
  it('become live_comments records linked to their LIVE; the watch records drop the blob and keep their fingerprints', async () => {
    const comments = liveComments(account);
    expect(comments.length).toBeGreaterThan(1); // the fixture really nests comments
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    const r = await service.importExport({ path: await writeZip(renderJson(account, layout, { quirks: true }), dir, { epoch: exportEpoch(account) }) });
    expect(r.warnings.filter((w) => w.path.includes('Live'))).toEqual([]);
    expect(r.datasets.live_comments).toMatchObject({ records: comments.length, new: comments.length, duplicates: 0 });
    expect(r.datasets.live_comments!.paths).toEqual(r.datasets.live_watch_history!.paths);

    // every comment: its room, time, text, and TikTok's epoch-seconds copy of the time
    const stored = rows(service, 'live_comments');
    expect(stored.map((x) => x.fields).sort((a, b) => (byKey(a) < byKey(b) ? -1 : 1))).toEqual(
      comments
        .map((c) => ({ roomId: c.roomId, date: c.date, content: c.content, RawTime: Math.floor(timeMs(c.date) / 1000) }))
        .sort((a, b) => (byKey(a) < byKey(b) ? -1 : 1)),
    );
    for (const x of stored) expect(x.at).toBe(timeMs(String(x.fields.date)));
    const rooms = new Set(account.records.live_watch_history.map((w) => w.id));
    for (const x of stored) expect(rooms.has(String(x.fields.roomId))).toBe(true);

    // the watch records: no Comments blob, the same fields otherwise, the same fingerprint as before
    const spec = datasetSpec('live_watch_history')!;
    const watch = rows(service, 'live_watch_history');
    expect(watch.length).toBe(account.records.live_watch_history.length);
    for (const w of account.records.live_watch_history) {
      const got = watch.find((x) => x.fields.id === w.id)!;
      expect(got.fields).toEqual(w.link ? { id: w.id, date: w.date, link: w.link } : { id: w.id, date: w.date });
      const before = { ...got.fields, Comments: JSON.stringify(w.comments.map((c) => ({ CommentTime: c.date, CommentContent: c.content }))) };
      expect(got.fp).toEqual(recordFingerprint(spec, before));
    }
    service.close();
  });
});

describe.each(['B', 'C'] as Generation[])('TXT Gen %s: LIVE comments', (gen) => {
  it('are read from the watch file into the same records and fingerprints as the JSON twin', async () => {
    const dir = tempDir();
    const txt = createService({ dbPath: join(dir, 'txt.db') });
    const t = await txt.importExport({ path: await writeTxtZip(renderTxt(account, gen), join(dir, 'txt')) });
    expect(t.warnings).toEqual([]);
    expect(t.unknownSections).toEqual([]);
    const json = createService({ dbPath: join(dir, 'json.db') });
    await json.importExport({ path: await writeZip(renderJson(account, gen === 'B' ? 'L2' : 'L4'), join(dir, 'json'), { epoch: exportEpoch(account) }) });
    const fps = (s: Service, d: string) => rows(s, d).map((x) => x.fp.join(':')).sort();
    expect(fps(txt, 'live_comments')).toEqual(fps(json, 'live_comments'));
    expect(fps(txt, 'live_comments').length).toBe(liveComments(account).length);
    expect(fps(txt, 'live_watch_history')).toEqual(fps(json, 'live_watch_history'));
    for (const w of rows(txt, 'live_watch_history')) expect(w.fields).not.toHaveProperty('Comments');
    txt.close();
    json.close();
  });
});

describe('LIVE comments by hand', () => {
  it('a comment list that is not a list of records stays on its watch record; an empty list is no comment', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    const doc = {
      'TikTok Live': {
        'Watch Live History': {
          WatchLiveMap: {
            '7400000000000000001': { WatchTime: '2025-05-01 23:16:38', Link: '', Questions: null, Comments: ['just text', 'more text'] },
            '7400000000000000002': { WatchTime: '2025-05-02 10:00:00', Link: '', Questions: null, Comments: [] },
            '7400000000000000003': {
              WatchTime: '2025-05-03 10:00:00',
              Link: 'https://www.tiktok.com/@user_1/live',
              Questions: null,
              Comments: [{ CommentTime: '2025-05-03 10:01:00', CommentContent: 'hello: world', RawTime: 1746266460 }],
            },
          },
        },
        'Watch Live Comment': {},
      },
    };
    const r = await service.importExport({ path: writeJson(dir, doc) });
    expect(r.datasets.live_watch_history!.records).toBe(3);
    expect(r.datasets.live_comments!.records).toBe(1);
    expect(r.unknownSections).toEqual([]);
    const watch = rows(service, 'live_watch_history').map((x) => x.fields);
    expect(watch.find((w) => w.id === '7400000000000000001')).toEqual({ id: '7400000000000000001', date: '2025-05-01 23:16:38', Comments: '["just text","more text"]' });
    expect(watch.find((w) => w.id === '7400000000000000002')).toEqual({ id: '7400000000000000002', date: '2025-05-02 10:00:00' });
    expect(rows(service, 'live_comments').map((x) => x.fields)).toEqual([
      { roomId: '7400000000000000003', date: '2025-05-03 10:01:00', content: 'hello: world', RawTime: 1746266460 },
    ]);

    // its TXT twin, comments one per line under "Comments:", a ": " in the text
    const txt = await service.importExport({
      path: await writeTxtZip(
        {
          'TikTok/TikTok Live/Watch Live History.txt': [
            'Room ID: 7400000000000000003',
            'Watch Time: 2025-05-03 10:00:00 UTC',
            'Link: https://www.tiktok.com/@user_1/live',
            'Comments:',
            '2025-05-03 10:01:00 UTC hello: world',
          ].join('\n'),
        },
        join(dir, 'txt'),
        { epoch: 1746300000 }, // exported after the JSON (whose newest record is 2025-05-03): nothing in it is new
      ),
    });
    expect(txt.warnings).toEqual([]);
    expect(txt.datasets.live_comments).toMatchObject({ records: 1, new: 0 });
    expect(txt.datasets.live_watch_history).toMatchObject({ records: 1, new: 0 });
    service.close();
  });

  it('TXT comments written as labelled entries under "Comments:" (a label repeated starts the next one)', async () => {
    const dir = tempDir();
    const service = createService({ dbPath: join(dir, 'fp.db') });
    const r = await service.importExport({
      path: await writeTxtZip(
        {
          'Tiktok/Tiktok Live/Watch Live History.txt': [
            'Room ID: 7400000000000000005',
            'Watch Time: 2024-06-01 20:00:00',
            'Comments:',
            'Comment Time: 2024-06-01 20:01:00',
            'Comment Content: first: one',
            'Raw Time: 1717272060',
            'Comment Time: 2024-06-01 20:02:00',
            'Comment Content: second',
            'Link: https://www.tiktok.com/@user_5/live',
            '',
            'Room ID: 7400000000000000006',
            'Watch Time: 2024-06-02 20:00:00',
            'Comments: N/A',
          ].join('\n'),
        },
        dir,
      ),
    });
    expect(r.warnings).toEqual([]);
    expect(rows(service, 'live_watch_history').map((x) => x.fields)).toEqual([
      { id: '7400000000000000005', date: '2024-06-01 20:00:00', link: 'https://www.tiktok.com/@user_5/live' },
      { id: '7400000000000000006', date: '2024-06-02 20:00:00' },
    ]);
    expect(rows(service, 'live_comments').map((x) => x.fields)).toEqual([
      { roomId: '7400000000000000005', date: '2024-06-01 20:01:00', content: 'first: one', RawTime: '1717272060' },
      { roomId: '7400000000000000005', date: '2024-06-01 20:02:00', content: 'second' },
    ]);
    service.close();
  });
});
