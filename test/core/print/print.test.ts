import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import { seedDemoShop } from '../../../electron/core/demo/seed';
import type { ApiClient } from '../../../shared/api/client';
import { makeTempDir } from '../../helpers/tmp';
import { makePhotoBase64 } from '../../helpers/photos';

const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const pdfText = (file: string): string => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

/** Renders one PDF page to PNG and reads every QR code on it. */
const decodeQr = async (file: string, crop?: { left: number; top: number; width: number; height: number }): Promise<string | null> => {
  const prefix = `${file}-p1`;
  execFileSync('pdftoppm', ['-png', '-r', '220', '-f', '1', '-l', '1', '-singlefile', file, prefix]);
  const image = sharp(`${prefix}.png`);
  const meta = await image.metadata();
  const region = crop && meta.width && meta.height
    ? { left: Math.round(crop.left * meta.width), top: Math.round(crop.top * meta.height), width: Math.round(crop.width * meta.width), height: Math.round(crop.height * meta.height) }
    : undefined;
  const { data, info } = await (region ? image.extract(region) : image).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data ?? null;
};

describe.skipIf(!hasPoppler)('print kit', () => {
  const tmp = makeTempDir();
  let core: Core;
  let api: ApiClient;
  beforeAll(async () => {
    core = createCore({ dataDir: tmp.dir, clock: () => Date.UTC(2026, 10, 22, 15) });
    await seedDemoShop(core, { resourcesDir: path.resolve(__dirname, '../../../resources') });
    api = coreClient(core);
  });
  afterAll(() => {
    core.close();
    tmp.cleanup();
  });

  it('makes a promo sheet whose text holds the title and prices and whose QR opens WhatsApp naming the promotion', async () => {
    const logo = await api.call('media.upload', { fileName: 'logo.png', dataBase64: await makePhotoBase64('#b0305a', 120) });
    await api.call('settings.update', { logoMediaId: logo.id });
    expect(await api.request('settings.update', { logoMediaId: 'ab'.repeat(16) })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'logoMediaId' } });
    const [promo] = (await api.call('promotions.list', { status: 'active' })).items.filter((p) => p.kind === 'percent');
    if (!promo) throw new Error('demo shop has no percent promotion');
    for (const paper of ['A4', 'Letter'] as const) {
      const result = await api.call('print.promoSheet', { promotionId: promo.id, paper });
      expect(result.url).toMatch(new RegExp(`^/exports/promo-${promo.id}-.*-${paper}\\.pdf$`));
      // The title wraps on the sheet now (it is never cut), so words are compared with the line breaks as spaces.
      if (process.env.KEEP_PRINTS) fs.copyFileSync(result.path, `${process.env.KEEP_PRINTS}/demo-${paper}.pdf`);
      const text = pdfText(result.path).replace(/\s+/g, ' ');
      expect(text).toContain('Semana del cuidado de la piel');
      expect(text).toContain('Karina Cosméticos');
      expect(text).toContain('S/ 59.00');
      expect(text).toContain('S/ 47.20');
      expect(text).toMatch(/Válido del \d+(?: de \p{L}+)? al \d+ de\s+\p{L}+/u);
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [result.path], { encoding: 'utf8' }))?.[1]);
      // Prices are at least 36 pt now: five products with the promotion's words fit one A4 page; Letter is shorter and takes two.
      expect(pages).toBe(paper === 'A4' ? 1 : 2);
      expect(execFileSync('pdfimages', ['-list', result.path], { encoding: 'utf8' }).split('\n').length).toBeGreaterThan(8);
      expect(await decodeQr(result.path)).toBe(`https://wa.me/51987654321?text=${encodeURIComponent('¡Hola! Quiero la promoción "Semana del cuidado de la piel" 🛍️')}`);
    }
  });

  it('spreads a promotion with 60 products over several pages', async () => {
    const { items } = await api.call('catalog.listProducts', {});
    const variants = items.flatMap((p) => p.variants.map((v) => v.id));
    const many = Array.from({ length: 60 }, (_, i) => variants[i % variants.length] ?? 0);
    const promo = await api.call('promotions.create', {
      title: 'Gran remate de fin de año con nombres muy largos para ver cómo se acomodan',
      kind: 'percent',
      percentOff: 15,
      startsOn: '2026-11-20',
      endsOn: '2026-12-31',
      items: [...new Set(many)].map((variantId) => ({ variantId })),
    });
    const result = await api.call('print.promoSheet', { promotionId: promo.id, paper: 'A4' });
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [result.path], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThan(1);
  });

  it('makes price tags, a light catalog and promo images of exact sizes', async () => {
    const { items } = await api.call('catalog.listProducts', { query: 'labial mate' });
    const tags = await api.call('print.priceTags', { variantIds: items[0]?.variants.map((v) => v.id) ?? [] });
    expect(pdfText(tags.path).replace(/\s+/g, ' ')).toMatch(/Labial mate –? ?Rojo Pasión/);
    // One label at a time: the first cell of the 3×8 sheet.
    expect(await decodeQr(tags.path, { left: 0, top: 0, width: 0.36, height: 0.15 })).toMatch(/^https:\/\/wa\.me\/51987654321\?text=/);

    const catalogPdf = await api.call('print.catalog', {});
    expect(pdfText(catalogPdf.path)).toContain('Sérum facial Vitamina C');
    expect(catalogPdf.bytes).toBeLessThan(1_500_000);

    const banner = await api.call('media.upload', { fileName: 'flyer.jpg', dataBase64: await makePhotoBase64('#e89a2c', 300) });
    const [active] = (await api.call('promotions.list', { status: 'active' })).items;
    const promo = await api.call('promotions.update', { id: active?.id ?? 0, imageIds: [banner.id] });
    expect(promo.images.map((i) => i.id)).toEqual([banner.id]);
    expect(await api.request('promotions.update', { id: promo.id, imageIds: ['cd'.repeat(16)] })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'imageIds.0' } });
    const sheet = await api.call('print.promoSheet', { promotionId: promo.id, paper: 'A4' });
    expect(pdfText(sheet.path).replace(/\s+/g, ' ')).toContain(promo.title);
    for (const [format, size] of [['square', [1080, 1080]], ['story', [1080, 1920]]] as const) {
      const image = await api.call('print.promoImage', { promotionId: promo?.id ?? 0, format });
      const meta = await sharp(image.path).metadata();
      expect([meta.width, meta.height]).toEqual(size);
      expect(fs.statSync(image.path).size).toBe(image.bytes);
    }
  });

  it('refuses what it cannot print', async () => {
    expect(await api.request('print.promoSheet', { promotionId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await api.request('print.priceTags', { variantIds: [] })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'variantIds' } });
  });
});
