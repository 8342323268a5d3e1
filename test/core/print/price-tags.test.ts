import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core';
import type { ApiClient } from '../../../shared/api/client';
import { makeTempDir } from '../../helpers/tmp';
import { openStallShop } from './stall-shop';

const hasPoppler = (() => {
  try {
    execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Renders page 1 at `dpi` (as a cheap printer or a phone photo would see it) and reads the QR in one cell of the sheet. */
const decodeTag = async (file: string, dpi: number, cell: { columns: number; rows: number; index: number }): Promise<string | null> => {
  const prefix = `${file}-${dpi}`;
  execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', file, prefix]);
  const image = sharp(`${prefix}.png`);
  const { width = 0, height = 0 } = await image.metadata();
  const margin = (24 / 72) * dpi;
  const cellWidth = (width - margin * 2) / cell.columns;
  const cellHeight = (height - margin * 2) / cell.rows;
  const region = { left: Math.round(margin + (cell.index % cell.columns) * cellWidth), top: Math.round(margin + Math.floor(cell.index / cell.columns) * cellHeight), width: Math.floor(cellWidth), height: Math.floor(cellHeight) };
  const { data, info } = await image.extract(region).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data ?? null;
};

const pdfText = (file: string): string => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

describe.skipIf(!hasPoppler)('price tags for the stall', () => {
  const tmp = makeTempDir();
  let core: Core;
  let api: ApiClient;
  let shop: Awaited<ReturnType<typeof openStallShop>>;
  beforeAll(async () => {
    shop = await openStallShop(tmp.dir);
    ({ core, api } = shop);
  });
  afterAll(() => {
    core.close();
    tmp.cleanup();
  });

  it('shows the 2x1 on lipsticks, the percent price beside the struck regular one, and a QR that decodes from a 100 dpi render', async () => {
    const tags = await api.call('print.priceTags', { variantIds: [...shop.lipsticks, ...shop.serums, shop.balm] });
    if (process.env.KEEP_PRINTS) fs.copyFileSync(tags.path, `${process.env.KEEP_PRINTS}/tags-small.pdf`);
    const text = pdfText(tags.path);
    expect(text).toContain('2x1');
    expect(text).toContain('2 por S/ 25.00');
    expect(text).toContain('S/ 50.00');
    expect(text).toContain('-20%');
    expect(text).toContain('S/ 47.20');
    expect(text).toContain('S/ 59.00');
    expect(text).toContain('S/ 9.00');
    // Every tag of the small 3×8 sheet, read from a 100 dpi render: the wa.me link naming the SKU.
    expect(await decodeTag(tags.path, 100, { columns: 3, rows: 8, index: 0 })).toBe('https://wa.me/51987654321?text=LAB-MAT-ROJ');
    expect(await decodeTag(tags.path, 100, { columns: 3, rows: 8, index: 2 })).toBe('https://wa.me/51987654321?text=SER-VIC-30');
    expect(await decodeTag(tags.path, 100, { columns: 3, rows: 8, index: 3 })).toBe('https://wa.me/51987654321?text=BAL-CAC');
  });

  it('prints larger tags on request, still decodable', async () => {
    const tags = await api.call('print.priceTags', { variantIds: [shop.lipsticks[0] ?? 0, shop.serums[0] ?? 0], columns: 2, rows: 4, paper: 'Letter' });
    if (process.env.KEEP_PRINTS) fs.copyFileSync(tags.path, `${process.env.KEEP_PRINTS}/tags-large.pdf`);
    expect(await decodeTag(tags.path, 100, { columns: 2, rows: 4, index: 1 })).toBe('https://wa.me/51987654321?text=SER-VIC-30');
  });
});
