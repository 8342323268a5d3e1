import fs from 'node:fs';
import path from 'node:path';
import sharp, { type OverlayOptions } from 'sharp';
import { formatMoney } from '../../../shared/domain/money';
import { validityText } from '../../../shared/domain/promoTexts';
import { bundleLabel, type Promotion } from '../../../shared/domain/promotions';
import type { ShopSettings } from '../../../shared/domain/settings';

export const imageFormats = { square: { width: 1080, height: 1080 }, story: { width: 1080, height: 1920 } } as const;
export type ImageFormat = keyof typeof imageFormats;

const escapeXml = (text: string): string => text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);

/** Splits a title into lines of at most `max` characters, on spaces. */
const wrap = (text: string, max: number): string[] =>
  text.split(/\s+/).reduce<string[]>((lines, word) => {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
    return lines;
  }, []);

/** A 1080×1080 post or 1080×1920 story: brand background, title, up to four product photos with prices, dates. */
export const renderPromoImage = async (promo: Promotion, settings: ShopSettings, mediaDir: string, format: ImageFormat): Promise<Buffer> => {
  const { width, height } = imageFormats[format];
  const money = (minor: number) => formatMoney(minor, settings.currency, settings.locale);
  const isStory = format === 'story';
  const titleLines = wrap(promo.title, isStory ? 18 : 22).slice(0, 3);
  const titleTop = isStory ? 300 : 150;
  const badge = promo.kind === 'bundle' ? bundleLabel(promo, money) : promo.kind === 'percent' && promo.percentOff ? `-${promo.percentOff}%` : '';
  // A post has room for one row of photos, a story for two; the seller's own photos go first.
  const uploaded = promo.images.map((image) => ({ photoUrl: image.url, promoPrice: 0, regularPrice: 0, isUploaded: true }));
  const items = [...uploaded, ...promo.items.map((item) => ({ ...item, isUploaded: false }))].slice(0, isStory ? 4 : 2);
  const gridTop = titleTop + titleLines.length * 78 + (badge ? 110 : 40);
  const columns = items.length <= 1 ? 1 : 2;
  const rows = Math.max(1, Math.ceil(items.length / columns));
  const room = height - gridTop - (isStory ? 280 : 130);
  const tile = Math.round(Math.min(items.length <= 1 ? 460 : 400, (room - rows * 110) / rows));
  const gridLeft = (width - (columns * tile + (columns - 1) * 30)) / 2;
  const composites: OverlayOptions[] = [];
  const priceLabels: string[] = [];
  for (const [i, item] of items.entries()) {
    const left = Math.round(gridLeft + (i % columns) * (tile + 30));
    const top = Math.round(gridTop + Math.floor(i / columns) * (tile + 110));
    const file = item.photoUrl ? path.join(mediaDir, path.basename(item.photoUrl)) : null;
    if (file && fs.existsSync(file)) {
      const mask = Buffer.from(`<svg width="${tile}" height="${tile}"><rect width="${tile}" height="${tile}" rx="36" fill="#fff"/></svg>`);
      const photo = await sharp(file).resize(tile, tile, { fit: 'cover' }).composite([{ input: mask, blend: 'dest-in' }]).png().toBuffer();
      composites.push({ input: photo, left, top });
    }
    if (item.isUploaded) continue;
    const price = item.promoPrice < item.regularPrice ? `${money(item.promoPrice)}  <tspan font-size="30" text-decoration="line-through" fill-opacity="0.7">${money(item.regularPrice)}</tspan>` : money(item.regularPrice);
    priceLabels.push(`<text x="${left + tile / 2}" y="${top + tile + 62}" font-size="46" font-weight="bold" text-anchor="middle" fill="#fff">${price}</text>`);
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#b0305a"/><stop offset="1" stop-color="#6d1a37"/></linearGradient></defs>
    <rect width="${width}" height="${height}" fill="url(#bg)"/>
    <g font-family="DejaVu Sans, sans-serif">
      <text x="${width / 2}" y="${titleTop - 70}" font-size="38" text-anchor="middle" fill="#ffd6e2">${escapeXml(settings.shopName)}</text>
      ${titleLines.map((line, i) => `<text x="${width / 2}" y="${titleTop + i * 78}" font-size="70" font-weight="bold" text-anchor="middle" fill="#fff">${escapeXml(line)}</text>`).join('')}
      ${badge ? `<text x="${width / 2}" y="${titleTop + titleLines.length * 78 + 40}" font-size="64" font-weight="bold" text-anchor="middle" fill="#ffe08a">${escapeXml(badge)}</text>` : ''}
      ${priceLabels.join('')}
      <text x="${width / 2}" y="${height - (isStory ? 200 : 50)}" font-size="34" text-anchor="middle" fill="#ffd6e2">${escapeXml(validityText(promo, settings.locale))}</text>
    </g>
  </svg>`;
  return sharp(Buffer.from(svg)).composite(composites).jpeg({ quality: 86 }).toBuffer();
};
