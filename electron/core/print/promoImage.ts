import fs from 'node:fs';
import path from 'node:path';
import type { OverlayOptions } from 'sharp';
import { formatMoney } from '../../../shared/domain/money';
import { validityText } from '../../../shared/domain/promoTexts';
import { bundleLabel, type Promotion } from '../../../shared/domain/promotions';
import type { ShopSettings } from '../../../shared/domain/settings';
import { spacedPhone } from './promoSheet';

export const imageFormats = { square: { width: 1080, height: 1080 }, story: { width: 1080, height: 1920 } } as const;
export type ImageFormat = keyof typeof imageFormats;

const escapeXml = (text: string): string => text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);

/** Splits text into lines of at most `max` characters, on spaces; a word longer than a line is cut. */
const wrap = (text: string, max: number): string[] =>
  text
    .split(/\s+/)
    .filter(Boolean)
    .reduce<string[]>((lines, word) => {
      const last = lines.at(-1);
      if (last !== undefined && `${last} ${word}`.length <= max) lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word.length > max ? `${word.slice(0, max - 1)}…` : word);
      return lines;
    }, []);

/** At most `count` lines; the last one says "…" when text was left out. */
const clampLines = (lines: string[], count: number): string[] =>
  lines.length <= count ? lines : [...lines.slice(0, count - 1), `${(lines[count - 1] ?? '').slice(0, Math.max(1, (lines[count - 1] ?? '').length - 1))}…`];

/** DejaVu Sans is about 0.58 em a character for prices, enough to size a line through an old price. */
const textWidth = (text: string, size: number): number => text.length * size * 0.58;

/** Columns × rows for this many products: every product gets a tile, as large as the canvas allows. */
export const imageGrid = (count: number, format: ImageFormat): { columns: number; rows: number } => {
  const n = Math.max(1, count);
  const columns = format === 'story' ? (n <= 1 ? 1 : n <= 8 ? 2 : 3) : n <= 3 ? n : n <= 4 ? 2 : n <= 9 ? 3 : 4;
  return { columns, rows: Math.ceil(n / columns) };
};

/** Her Instagram handle, as the connected account names itself ("@karina.cosmeticos"), or ''. */
export const instagramHandle = (account: string): string => (/^@[\w.]{1,30}$/.test(account) ? account : '');

export interface ImageTile {
  name: string;
  nameLines: string[];
  left: number;
  top: number;
  photoSize: number;
  photoFile: string | null;
}

export interface PromoImageLayout {
  svg: string;
  tiles: ImageTile[];
  /** Her WhatsApp number and Instagram handle as printed at the foot, '' when she has neither. */
  contact: string;
  background: string | null;
}

/**
 * Lays out a 1080×1080 post or 1080×1920 story: brand background (her own promotion photo behind
 * it, if any), title, badge, a tile for every promoted product (photo, name, old price struck on
 * its own line, new price), the dates, and her WhatsApp number and Instagram handle.
 */
export const promoImageLayout = (promo: Promotion, settings: ShopSettings, mediaDir: string, format: ImageFormat, handle = ''): PromoImageLayout => {
  const { width, height } = imageFormats[format];
  const money = (minor: number) => formatMoney(minor, settings.currency, settings.locale);
  const isStory = format === 'story';
  const fileOf = (url: string | null) => {
    const file = url ? path.join(mediaDir, path.basename(url)) : null;
    return file && fs.existsSync(file) ? file : null;
  };

  // Many products leave less room for the title: it shrinks so their tiles can grow.
  const isCrowded = promo.items.length > (isStory ? 6 : 4);
  const titleSize = isStory ? (isCrowded ? 66 : 84) : isCrowded || promo.title.length > 36 ? 54 : 68;
  const titleLines = clampLines(wrap(promo.title, Math.floor(width / (titleSize * 0.66)) - 2), 3);
  const badge = promo.kind === 'bundle' ? bundleLabel(promo, money) : promo.kind === 'percent' && promo.percentOff ? `-${promo.percentOff}%` : '';
  const top = isStory ? 200 : 56;
  const titleTop = top + 44 + titleSize;
  const badgeSize = isStory ? 96 : 64;
  const headerBottom = titleTop + (titleLines.length - 1) * titleSize * 1.12 + (badge ? badgeSize * 1.15 : 0) + 30;

  const contact = [settings.whatsappNumber ? `WhatsApp ${spacedPhone(settings.whatsappNumber)}` : '', handle].filter(Boolean).join('  ·  ');
  const footerSize = isStory ? 40 : 32;
  const footerHeight = footerSize * 1.4 * 2 + (isStory ? 200 : 24);
  const gridTop = headerBottom + 10;
  const gridBottom = height - footerHeight - 10;

  const { columns, rows } = imageGrid(promo.items.length, format);
  const gap = columns >= 4 ? 18 : 26;
  const side = 48;
  const tileWidth = (width - side * 2 - gap * (columns - 1)) / columns;
  const tileHeight = (gridBottom - gridTop - gap * (rows - 1)) / rows;
  // A tile's text scales with it: the name on up to two lines, the prices each on their own line.
  const priceSize = Math.round(Math.max(26, Math.min(tileWidth * 0.16, tileHeight * 0.14, 72)));
  const oldSize = Math.round(priceSize * 0.62);
  const nameSize = Math.round(Math.max(20, Math.min(priceSize * 0.6, 40)));
  const nameChars = Math.max(8, Math.floor(tileWidth / (nameSize * 0.6)));
  const textHeight = nameSize * 1.15 * 2 + oldSize * 1.2 + priceSize * 1.1 + 12;
  const photoSize = Math.max(40, Math.floor(Math.min(tileWidth, tileHeight - textHeight)));

  const tiles: ImageTile[] = [];
  const parts: string[] = [];
  for (const [i, item] of promo.items.entries()) {
    const column = i % columns;
    const row = Math.floor(i / columns);
    // The last row is centred when it is not full.
    const inRow = row === rows - 1 ? promo.items.length - row * columns : columns;
    const rowLeft = (width - (inRow * tileWidth + (inRow - 1) * gap)) / 2;
    const left = Math.round(rowLeft + column * (tileWidth + gap));
    const tileTop = Math.round(gridTop + row * (tileHeight + gap));
    const cx = left + tileWidth / 2;
    const photoLeft = Math.round(cx - photoSize / 2);
    const photoFile = fileOf(item.photoUrl);
    const nameLines = clampLines(wrap(item.name, nameChars), 2);
    tiles.push({ name: item.name, nameLines, left: photoLeft, top: tileTop, photoSize, photoFile });
    if (!photoFile) {
      parts.push(`<rect x="${photoLeft}" y="${tileTop}" width="${photoSize}" height="${photoSize}" rx="${Math.round(photoSize * 0.08)}" fill="#fbe9ef"/>`);
      parts.push(`<text x="${cx}" y="${tileTop + photoSize * 0.66}" font-size="${Math.round(photoSize * 0.45)}" font-weight="bold" text-anchor="middle" fill="#b0305a">${escapeXml(item.name.slice(0, 1).toUpperCase())}</text>`);
    }
    let y = tileTop + photoSize + nameSize * 1.1;
    for (const line of nameLines) {
      parts.push(`<text x="${cx}" y="${Math.round(y)}" font-size="${nameSize}" font-weight="bold" text-anchor="middle" fill="#fff">${escapeXml(line)}</text>`);
      y += nameSize * 1.12;
    }
    const isDiscounted = item.promoPrice < item.regularPrice;
    y += oldSize * 0.95 - nameSize * 0.12;
    if (isDiscounted) {
      const old = money(item.regularPrice);
      const half = textWidth(old, oldSize) / 2;
      parts.push(`<text x="${cx}" y="${Math.round(y)}" font-size="${oldSize}" text-anchor="middle" fill="#ffd6e2">${escapeXml(old)}</text>`);
      parts.push(`<line x1="${Math.round(cx - half)}" y1="${Math.round(y - oldSize * 0.32)}" x2="${Math.round(cx + half)}" y2="${Math.round(y - oldSize * 0.32)}" stroke="#ffd6e2" stroke-width="${Math.max(2, Math.round(oldSize / 10))}"/>`);
    }
    y += priceSize * 1.05;
    parts.push(`<text x="${cx}" y="${Math.round(y)}" font-size="${priceSize}" font-weight="bold" text-anchor="middle" fill="${isDiscounted ? '#ffe08a' : '#fff'}">${escapeXml(money(item.promoPrice))}</text>`);
  }

  const validity = validityText(promo, settings.locale);
  const footerTop = height - footerHeight + footerSize * 1.2;
  const background = fileOf(promo.images[0]?.url ?? null);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#b0305a" stop-opacity="${background ? 0.86 : 1}"/><stop offset="1" stop-color="#6d1a37" stop-opacity="${background ? 0.93 : 1}"/></linearGradient></defs>
    <rect width="${width}" height="${height}" fill="url(#bg)"/>
    <g font-family="DejaVu Sans, sans-serif">
      <text x="${width / 2}" y="${top + 36}" font-size="${isStory ? 44 : 36}" text-anchor="middle" fill="#ffd6e2">${escapeXml(settings.shopName)}</text>
      ${titleLines.map((line, i) => `<text x="${width / 2}" y="${Math.round(titleTop + i * titleSize * 1.12)}" font-size="${titleSize}" font-weight="bold" text-anchor="middle" fill="#fff">${escapeXml(line)}</text>`).join('')}
      ${badge ? `<text x="${width / 2}" y="${Math.round(titleTop + (titleLines.length - 1) * titleSize * 1.12 + badgeSize * 1.1)}" font-size="${badgeSize}" font-weight="bold" text-anchor="middle" fill="#ffe08a">${escapeXml(badge)}</text>` : ''}
      ${parts.join('\n      ')}
      ${validity ? `<text x="${width / 2}" y="${Math.round(footerTop)}" font-size="${footerSize}" text-anchor="middle" fill="#ffd6e2">${escapeXml(validity)}</text>` : ''}
      ${contact ? `<text x="${width / 2}" y="${Math.round(footerTop + footerSize * 1.4)}" font-size="${footerSize}" font-weight="bold" text-anchor="middle" fill="#fff">${escapeXml(contact)}</text>` : ''}
    </g>
  </svg>`;
  return { svg, tiles, contact, background };
};

/** The post or story as a JPEG: the layout's SVG over her promotion photo, with the product photos in their tiles. */
export const renderPromoImage = async (promo: Promotion, settings: ShopSettings, mediaDir: string, format: ImageFormat, handle = ''): Promise<Buffer> => {
  const { default: sharp } = await import('sharp');
  const { width, height } = imageFormats[format];
  const layout = promoImageLayout(promo, settings, mediaDir, format, handle);
  const composites: OverlayOptions[] = [{ input: Buffer.from(layout.svg), left: 0, top: 0 }];
  for (const tile of layout.tiles) {
    if (!tile.photoFile) continue;
    const size = tile.photoSize;
    const mask = Buffer.from(`<svg width="${size}" height="${size}"><rect width="${size}" height="${size}" rx="${Math.round(size * 0.08)}" fill="#fff"/></svg>`);
    const photo = await sharp(tile.photoFile).resize(size, size, { fit: 'cover' }).composite([{ input: mask, blend: 'dest-in' }]).png().toBuffer();
    composites.push({ input: photo, left: tile.left, top: tile.top });
  }
  const base = layout.background
    ? sharp(layout.background).resize(width, height, { fit: 'cover' })
    : sharp({ create: { width, height, channels: 3, background: '#b0305a' } });
  return base.composite(composites).jpeg({ quality: 86 }).toBuffer();
};
