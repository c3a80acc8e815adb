// When an export was generated: TikTok names the ZIP TikTok_Data_<epoch>.zip and unzipping it gives a
// folder of the same name. Whichever of them the user picks (the ZIP, the folder, a folder inside
// it, the JSON in it, a ZIP holding the folder), the snapshot gets the same time, and the reader says
// which name it came from; with no name carrying it, the newest record stands in.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createService } from '../src/main/service';
import { openExport } from '../src/main/reader';
import { formatTime } from '../src/shared/time';
import { generateAccount, timeMs } from './fixtures/account';
import { dataName, exportEpoch, renderJson, writeFolder, writeJsonFile, writeZip } from './fixtures/json';
import { renderTxt, writeTxtFolder, writeTxtZip } from './fixtures/txt';
import { tempDir } from './helpers';

const account = generateAccount({ seed: 9, scale: 0.5, asOf: '2025-03-01 08:00:00' });
const epoch = exportEpoch(account);
const exportedAt = formatTime(epoch * 1000);
// the newest record is earlier than the export: a time taken from it is visibly different
const newest = Math.max(...account.records.watch_history.map((r) => timeMs(r.date)));

async function importedAt(path: string): Promise<string | null> {
  const service = createService({ dbPath: join(tempDir(), 'fp.db') });
  try {
    return (await service.importExport({ path })).snapshot.exportedAt;
  } finally {
    service.close();
  }
}

describe('the export time of one export, however it is picked', () => {
  it('JSON: the ZIP, its unzipped folder, a folder inside it, the bare JSON in it, a ZIP of the folder, the folder around it', async () => {
    const dir = tempDir();
    const doc = renderJson(account, 'L3');
    const zip = await writeZip(doc, join(dir, 'zip'), { epoch });
    const unzipped = writeFolder(doc, join(dir, 'unzipped', dataName(epoch)), { subfolder: 'inner' });
    const renamedZip = await writeZip(doc, join(dir, 'renamed'), { fileName: 'download (1).zip', subfolder: dataName(epoch) });
    const cases: [path: string, source: string][] = [
      [zip, 'file-name'],
      [unzipped, 'folder-name'],
      [join(unzipped, 'inner'), 'folder-name'], // the folder around the picked one
      [writeJsonFile(doc, join(dir, 'bare', dataName(epoch), 'user_data_tiktok.json')), 'folder-name'],
      [renamedZip, 'folder-name'], // a folder inside the ZIP
      [join(dir, 'unzipped'), 'folder-name'], // a folder inside the picked folder
    ];
    for (const [path, source] of cases) {
      const opened = openExport(path);
      expect([path, opened.exportedAtHint, opened.exportedAtSource]).toEqual([path, epoch * 1000, source]);
      expect([path, await importedAt(path)]).toEqual([path, exportedAt]);
    }
  });

  it('TXT: the ZIP, its unzipped folder and the Tiktok folder inside it', async () => {
    const dir = tempDir();
    const files = renderTxt(account, 'B');
    const zip = await writeTxtZip(files, join(dir, 'zip'), { epoch });
    const folder = writeTxtFolder(files, join(dir, 'unzipped', dataName(epoch)));
    const inZip = await writeTxtZip(files, join(dir, 'nested'), { fileName: 'export.zip', subfolder: dataName(epoch) });
    for (const path of [zip, folder, join(folder, 'Tiktok'), inZip]) {
      expect([path, openExport(path).exportedAtHint]).toEqual([path, epoch * 1000]);
      expect([path, await importedAt(path)]).toEqual([path, exportedAt]);
    }
  });

  it('with no name carrying it, the newest record stands in (and the reader names no source)', async () => {
    const dir = tempDir();
    const folder = writeFolder(renderJson(account, 'L3'), join(dir, 'my export'));
    const opened = openExport(folder);
    expect(opened.exportedAtHint).toBeNull();
    expect(opened.exportedAtSource).toBeNull();
    const at = await importedAt(folder);
    expect(at).not.toBe(exportedAt);
    expect(Date.parse(at!)).toBeGreaterThanOrEqual(newest);
    expect(Date.parse(at!)).toBeLessThan(epoch * 1000);
  });

  it('numbers that cannot be an export time are not one', () => {
    const dir = tempDir();
    const doc = renderJson(account, 'L3');
    for (const name of ['TikTok_Data_1', 'TikTok_Data_123456789', 'TikTok_Data_99999999999', 'TikTok_Data_17352882720']) {
      expect([name, openExport(writeFolder(doc, join(dir, name))).exportedAtHint]).toEqual([name, null]);
    }
  });
});
