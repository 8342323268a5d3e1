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
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

interface Word {
  text: string;
  page: number;
  height: number;
}

/** Every word of the PDF with the height of its box (pt): DejaVu's box is about 1.16 × the font size. */
const words = (file: string): Word[] => {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const found: Word[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page += 1;
    const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/.exec(line);
    if (m) found.push({ text: m[5] ?? '', page, height: Number(m[4]) - Number(m[2]) });
  }
  return found;
};
const sizeOf = (word: Word) => word.height / 1.164;
const flat = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
const pages = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);

const decodeQr = async (file: string, page: number): Promise<string | null> => {
  const prefix = `${file}-p${page}`;
  execFileSync('pdftoppm', ['-png', '-r', '100', '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  const { data, info } = await sharp(`${prefix}.png`).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data ?? null;
};

describe.skipIf(!hasPoppler)('the stall sheet, read from 2 m', () => {
  const tmp = makeTempDir();
  let core: Core;
  let api: ApiClient;
  let shop: Awaited<ReturnType<typeof openStallShop>>;
  beforeAll(async () => {
    shop = await openStallShop(tmp.dir, 7);
    ({ core, api } = shop);
  });
  afterAll(() => {
    core.close();
    tmp.cleanup();
  });

  const keep = (file: string, name: string) => {
    if (process.env.KEEP_PRINTS) fs.copyFileSync(file, `${process.env.KEEP_PRINTS}/${name}`);
  };

  it('wraps the whole long title, prints prices at 36 pt or more and names at 18 pt or more, with the number, the ways to pay and a QR that scans', async () => {
    const sheet = await api.call('print.promoSheet', { promotionId: shop.percentId, paper: 'A4' });
    keep(sheet.path, 'sheet-8.pdf');
    const text = flat(sheet.path);
    expect(text).toContain('Fin de semana de belleza: 20% de descuento en todo el cuidado de la piel');
    expect(text).not.toMatch(/belleza: 20% d…/);
    expect(text).toContain('+51 987 654 321');
    expect(text).toMatch(/Pagas con: Efectivo · Yape\/Plin · Transferencia/);
    // 8 products: four a page; each page has its own QR.
    expect(pages(sheet.path)).toBe(2);
    const all = words(sheet.path);
    const prices = all.filter((w) => w.text === '47.20' || /^\d\d\.\d\d$/.test(w.text));
    const promoPrices = prices.filter((w) => sizeOf(w) >= 30);
    expect(promoPrices.length).toBe(8);
    for (const price of promoPrices) expect(sizeOf(price)).toBeGreaterThanOrEqual(35.5);
    for (const name of all.filter((w) => w.text === 'Sérum' || w.text === 'karité')) expect(sizeOf(name)).toBeGreaterThanOrEqual(17.5);
    const link = `https://wa.me/51987654321?text=${encodeURIComponent('¡Hola! Quiero la promoción "Fin de semana de belleza: 20% de…" 🛍️')}`;
    expect(await decodeQr(sheet.path, 1)).toBe(link);
    expect(await decodeQr(sheet.path, 2)).toBe(link);
  });

  it('fills the page with the few products it has: a 2x1 of two lipsticks gets two big cards', async () => {
    const sheet = await api.call('print.promoSheet', { promotionId: shop.bundleId, paper: 'Letter' });
    keep(sheet.path, 'sheet-2.pdf');
    expect(pages(sheet.path)).toBe(1);
    expect(flat(sheet.path)).toContain('2x1');
    const prices = words(sheet.path).filter((w) => w.text === '25.00');
    expect(prices).toHaveLength(2);
    for (const price of prices) expect(sizeOf(price)).toBeGreaterThanOrEqual(40);
  });

  it('refuses to print a sheet without a WhatsApp number to write to, and prints nothing', async () => {
    await api.call('settings.update', { whatsappNumber: '' });
    const before = fs.readdirSync(`${tmp.dir}/exports`).length;
    expect(await api.request('print.promoSheet', { promotionId: shop.bundleId, paper: 'A4' })).toMatchObject({ ok: false, error: { code: 'whatsapp_number_missing', field: 'whatsappNumber' } });
    expect(fs.readdirSync(`${tmp.dir}/exports`)).toHaveLength(before);
    await api.call('settings.update', { whatsappNumber: '51987654321' });
  });
});
