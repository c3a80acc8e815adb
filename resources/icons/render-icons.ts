// Renders resources/icons/icon.svg into every icon file the packages need, with Debian Chromium
// (playwright-core) as the rasterizer and plain JS for the containers:
//   png/<N>x<N>.png  Linux (electron-builder `linux.icon` folder) and the window icon
//   icon.png         1024 px, the generic one
//   icon.ico         Windows: 16–256 px PNG frames
//   icon.icns        macOS: 16–1024 px PNG frames, with the ~10% margin macOS icons have
// Run: npx tsx resources/icons/render-icons.ts   (outputs are committed; re-run after editing the SVG)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const DIR = __dirname;
const CHROMIUM = process.env.FOOTPRINT_CHROMIUM || '/usr/bin/chromium';
const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
// ICNS OSType → pixel size (PNG payloads)
const ICNS: [string, number][] = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

export function ico(frames: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(frames.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * frames.length;
  for (const f of frames) {
    const e = Buffer.alloc(16);
    e.writeUInt8(f.size >= 256 ? 0 : f.size, 0); // 0 means 256
    e.writeUInt8(f.size >= 256 ? 0 : f.size, 1);
    e.writeUInt8(0, 2); // palette
    e.writeUInt8(0, 3);
    e.writeUInt16LE(1, 4); // planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(f.png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += f.png.length;
    entries.push(e);
  }
  return Buffer.concat([header, ...entries, ...frames.map((f) => f.png)]);
}

export function icns(frames: { type: string; png: Buffer }[]): Buffer {
  const chunks = frames.map((f) => {
    const head = Buffer.alloc(8);
    head.write(f.type, 0, 'ascii');
    head.writeUInt32BE(8 + f.png.length, 4);
    return Buffer.concat([head, f.png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4);
  return Buffer.concat([head, ...chunks]);
}

async function main() {
  const svg = readFileSync(join(DIR, 'icon.svg'), 'utf8');
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  const render = async (size: number, margin = 0): Promise<Buffer> => {
    const inner = Math.round(size * (1 - 2 * margin));
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><div style="width:${size}px;height:${size}px;display:flex;align-items:center;justify-content:center">` +
        `<img src="${src}" width="${inner}" height="${inner}"></div></body></html>`,
    );
    await page.locator('img').evaluate((img: { decode(): Promise<void> }) => img.decode());
    return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  };

  mkdirSync(join(DIR, 'png'), { recursive: true });
  const plain = new Map<number, Buffer>();
  for (const size of PNG_SIZES) {
    const png = await render(size);
    plain.set(size, png);
    writeFileSync(join(DIR, 'png', `${size}x${size}.png`), png);
  }
  writeFileSync(join(DIR, 'icon.png'), plain.get(1024)!);
  writeFileSync(join(DIR, 'icon.ico'), ico(ICO_SIZES.map((size) => ({ size, png: plain.get(size)! }))));
  const mac = new Map<number, Buffer>();
  for (const [, size] of ICNS) if (!mac.has(size)) mac.set(size, await render(size, 0.1));
  writeFileSync(join(DIR, 'icon.icns'), icns(ICNS.map(([type, size]) => ({ type, png: mac.get(size)! }))));
  await browser.close();
  console.log(`icons written to ${DIR}`);
}

if (require.main === module) void main();
