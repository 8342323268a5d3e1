import { formatMoney } from '../../../shared/domain/money';
import { orderMessage, validityText } from '../../../shared/domain/promoTexts';
import { bundleLabel, waLink, type Promotion, type PromotionItem } from '../../../shared/domain/promotions';
import type { ShopSettings } from '../../../shared/domain/settings';
import { createPdf, drawPlaceholder, drawQr, fitFontSize, palette, pdfToBuffer, photoJpeg, type Paper, type Pdf } from './pdf';

/** The smallest price a customer 2 m from the stall still reads (pt); names and old prices get half of the price's size, at least 18. */
export const MIN_PRICE_PT = 36;
// More cards than this a page would shrink prices under 36 pt; a longer promotion takes more pages, evenly filled.
const MAX_PER_PAGE = 6;
/** Room for a name line, the struck price and a 36 pt price. */
const MIN_CARD_HEIGHT = 120;

/** How a page's products are arranged: few products get big cards, so the page is always filled. */
export const gridFor = (count: number): { columns: number; rows: number } => {
  if (count <= 1) return { columns: 1, rows: 1 };
  if (count === 2) return { columns: 2, rows: 1 };
  if (count === 3) return { columns: 1, rows: 3 };
  if (count === 4) return { columns: 2, rows: 2 };
  return { columns: 2, rows: 3 };
};

/** "+51 987 654 321": the number as people dictate it. */
export const spacedPhone = (e164: string): string => {
  const digits = e164.replace(/\D/g, '');
  const country = digits.length > 9 ? digits.slice(0, digits.length - 9) : '';
  const rest = digits.slice(country.length).replace(/(\d{3})(?=\d)/g, '$1 ');
  return `+${country ? `${country} ` : ''}${rest}`.trim();
};

const strikeText = (doc: Pdf, text: string, x: number, y: number, size: number): void => {
  doc.font('regular').fontSize(size).fillColor(palette.muted).text(text, x, y, { lineBreak: false });
  const width = doc.widthOfString(text);
  doc.save().moveTo(x, y + size * 0.6).lineTo(x + width, y + size * 0.6).lineWidth(size / 12).stroke(palette.ink).restore();
};

/**
 * The QR's message names the promotion; a long title is cut at a word so the code stays coarse
 * enough to scan from a phone held at arm's length.
 */
export const shortTitle = (title: string, max = 40): string => {
  if (title.length <= max) return title;
  const cut = title.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s:,;.-]+$/, '')}…`;
};

type Dirs = { resourcesDir: string; mediaDir: string };

/**
 * The stall sheet, laid out to be read from 2 m: a wrapped title, up to six products a page in cards
 * that fill it (prices at least 36 pt), and on every page the dates, the WhatsApp number with its QR
 * and the ways to pay. The caller makes sure there is a WhatsApp number.
 */
export const renderPromoSheet = async (promo: Promotion, settings: ShopSettings, dirs: Dirs, paper: Paper, logo: Buffer | null = null): Promise<Buffer> => {
  const money = (minor: number) => formatMoney(minor, settings.currency, settings.locale);
  const doc = await createPdf(dirs.resourcesDir, paper, promo.title);
  const { width, height } = doc.page;
  const margin = 28;
  const inner = width - margin * 2;
  const gap = 12;
  const badge = promo.kind === 'bundle' ? bundleLabel(promo, money) : promo.kind === 'percent' && promo.percentOff ? `-${promo.percentOff}%` : '';

  /** The brand band: shop name, the whole title (wrapped, shrunk to at most three lines) and the badge. Returns its bottom. */
  const header = (): number => {
    const logoSize = logo ? 76 : 0;
    const textWidth = inner - (logo ? logoSize + 16 : 0) - (badge ? 0 : 0);
    let titleSize = 40;
    doc.font('bold');
    while (titleSize > 20 && doc.fontSize(titleSize).heightOfString(promo.title, { width: textWidth }) > titleSize * 1.2 * 3 + 1) titleSize -= 2;
    const titleHeight = doc.fontSize(titleSize).heightOfString(promo.title, { width: textWidth });
    const badgeSize = badge ? 44 : 0;
    const bottom = margin + 22 + titleHeight + (badge ? badgeSize * 1.2 + 6 : 0) + 14;
    doc.save().rect(0, 0, width, bottom).fill(palette.brand).restore();
    if (logo) {
      doc.save().roundedRect(width - margin - logoSize, margin - 8, logoSize, logoSize, 10).fill('#ffffff').restore();
      doc.image(logo, width - margin - logoSize + 4, margin - 4, { width: logoSize - 8, height: logoSize - 8 });
    }
    doc.font('bold').fontSize(16).fillColor('#ffd6e2').text(settings.shopName, margin, margin - 6, { width: textWidth, lineBreak: false, ellipsis: true });
    doc.font('bold').fontSize(titleSize).fillColor('#ffffff').text(promo.title, margin, margin + 18, { width: textWidth });
    if (badge) doc.font('bold').fontSize(badgeSize).fillColor('#ffe08a').text(badge, margin, doc.y + 4, { width: textWidth, lineBreak: false });
    doc.fillColor(palette.ink).font('regular');
    return bottom;
  };

  /** Dates, how to order (number and QR) and how to pay, on every page so each page works alone. */
  const footerHeight = 144;
  const footer = (): void => {
    const top = height - margin - footerHeight;
    doc.save().roundedRect(margin, top, inner, footerHeight, 14).fill(palette.soft).restore();
    const qrSize = footerHeight - 24;
    drawQr(doc, waLink(settings.whatsappNumber, orderMessage({ title: shortTitle(promo.title) })), width - margin - qrSize - 12, top + 12, qrSize, 'M');
    const textX = margin + 18;
    const textWidth = inner - qrSize - 48;
    const validity = validityText(promo, settings.locale);
    let y = top + 14;
    if (validity) {
      doc.font('bold').fontSize(fitFontSize(doc, validity, 'bold', 18, textWidth, 12)).fillColor(palette.ink).text(validity, textX, y, { width: textWidth, lineBreak: false });
      y += 26;
    }
    doc.font('regular').fontSize(15).fillColor(palette.ink).text('Pide por WhatsApp (escanea el código):', textX, y, { width: textWidth, lineBreak: false, ellipsis: true });
    y += 20;
    const phone = spacedPhone(settings.whatsappNumber);
    doc.font('bold').fontSize(fitFontSize(doc, phone, 'bold', 30, textWidth, 16)).fillColor(palette.brand).text(phone, textX, y, { width: textWidth, lineBreak: false });
    y += 38;
    const methods = settings.paymentMethods.filter((m) => m.trim() !== '');
    if (methods.length > 0) {
      doc.font('bold').fontSize(15).fillColor(palette.ink).text('Pagas con: ', textX, y, { continued: true, width: textWidth, height: top + footerHeight - 10 - y, ellipsis: true });
      doc.font('regular').text(methods.join(' · '));
    }
  };

  const card = async (item: PromotionItem, x: number, y: number, w: number, h: number): Promise<void> => {
    const pad = 10;
    doc.save().roundedRect(x, y, w, h, 12).lineWidth(1.2).stroke(palette.line).restore();
    const price = money(item.promoPrice);
    const isDiscounted = item.promoPrice < item.regularPrice;
    // A wide, low card puts the prices beside the photo, if they fit there at a readable size.
    const rowTextWidth = w - h - pad * 1.5;
    const isRow = w > 2.2 * h && fitFontSize(doc, price, 'bold', MIN_PRICE_PT, rowTextWidth) >= MIN_PRICE_PT;
    const photoOf = async (size: number, px: number, py: number) => {
      if (size < 24) return;
      const photo = await photoJpeg(dirs.mediaDir, item.photoUrl, Math.min(800, Math.round(size * 2.5)));
      if (photo) doc.image(photo, px, py, { width: size, height: size });
      else drawPlaceholder(doc, px, py, size, item.name);
    };
    if (isRow) {
      // A wide card: photo at the left, name and prices beside it.
      const photo = h - pad * 2;
      await photoOf(photo, x + pad, y + pad);
      const textX = x + photo + pad * 2.5;
      const textWidth = w - photo - pad * 3.5;
      const priceSize = Math.max(MIN_PRICE_PT, fitFontSize(doc, price, 'bold', Math.min(72, h * 0.34), textWidth));
      const nameSize = Math.max(18, Math.min(26, priceSize * 0.5));
      const strikeSize = Math.max(18, priceSize * 0.45);
      const priceY = y + h - pad - priceSize * 1.1;
      const strikeY = priceY - strikeSize * 1.15;
      doc.font('bold').fontSize(nameSize).fillColor(palette.ink).text(item.name, textX, y + pad, { width: textWidth, height: (isDiscounted ? strikeY : priceY) - y - pad - 2, ellipsis: true });
      if (isDiscounted) strikeText(doc, money(item.regularPrice), textX, strikeY, strikeSize);
      doc.font('bold').fontSize(priceSize).fillColor(isDiscounted ? palette.brand : palette.ink).text(price, textX, priceY, { lineBreak: false });
      return;
    }
    // A tall or square card: photo and name on top, the prices across the whole card below.
    const innerWidth = w - pad * 2;
    const priceSize = Math.max(MIN_PRICE_PT, fitFontSize(doc, price, 'bold', Math.min(80, h * 0.2), innerWidth));
    const strikeSize = Math.max(18, priceSize * 0.45);
    const nameSize = Math.max(18, Math.min(28, priceSize * 0.5));
    const priceY = y + h - pad - priceSize * 1.1;
    const strikeY = priceY - strikeSize * 1.15;
    const topBottom = (isDiscounted ? strikeY : priceY) - 4;
    const topHeight = topBottom - y - pad;
    const nameHeight = Math.min(doc.font('bold').fontSize(nameSize).heightOfString(item.name, { width: innerWidth }), nameSize * 1.2 * 2 + 1);
    if (topHeight - nameHeight - 6 >= innerWidth * 0.45) {
      const photo = Math.min(innerWidth, topHeight - nameHeight - 6);
      await photoOf(photo, x + (w - photo) / 2, y + pad);
      doc.font('bold').fontSize(nameSize).fillColor(palette.ink).text(item.name, x + pad, y + pad + photo + 6, { width: innerWidth, height: nameHeight, ellipsis: true, align: 'center' });
    } else {
      const photo = topHeight;
      await photoOf(photo, x + pad, y + pad);
      const nameX = x + pad * 2 + photo;
      doc.font('bold').fontSize(nameSize).fillColor(palette.ink).text(item.name, nameX, y + pad, { width: w - photo - pad * 3, height: topHeight, ellipsis: true });
    }
    if (isDiscounted) {
      const regular = money(item.regularPrice);
      const regularWidth = doc.font('regular').fontSize(strikeSize).widthOfString(regular);
      strikeText(doc, regular, x + (w - regularWidth) / 2, strikeY, strikeSize);
    }
    doc.font('bold').fontSize(priceSize).fillColor(isDiscounted ? palette.brand : palette.ink).text(price, x + pad, priceY, { width: innerWidth, align: 'center', lineBreak: false });
  };

  // The seller's own promotion photo (a banner) and her words go on the first page only.
  const banner = promo.images[0] ? await photoJpeg(dirs.mediaDir, promo.images[0].url, 900) : null;
  // 8 products go 4 + 4 rather than 6 + 2, so no page is crowded while another is half empty.
  const perPage = Math.max(1, Math.ceil(promo.items.length / Math.max(1, Math.ceil(promo.items.length / MAX_PER_PAGE))));
  const gridBottom = height - margin - footerHeight - gap;
  let next = 0;
  for (let page = 0; page === 0 || next < promo.items.length; page += 1) {
    if (page > 0) doc.addPage();
    let y = header() + 12;
    if (page === 0 && banner) {
      doc.save().roundedRect(margin, y, inner, 100, 10).clip().image(banner, margin, y - (inner - 100) / 2, { width: inner, height: inner }).restore();
      y += 112;
    }
    if (page === 0 && promo.text) {
      doc.font('regular').fontSize(16).fillColor(palette.ink).text(promo.text, margin, y, { width: inner, height: 42, ellipsis: true });
      y = doc.y + 8;
    }
    // Fewer cards on a page with less room (the banner and her words take some of the first), never a card too low for its price.
    const heightFor = (count: number) => (gridBottom - y - gap * (gridFor(count).rows - 1)) / gridFor(count).rows;
    let count = Math.min(perPage, promo.items.length - next);
    while (count > 1 && heightFor(count) < MIN_CARD_HEIGHT) count -= 1;
    const items = promo.items.slice(next, next + count);
    next += count;
    const { columns } = gridFor(items.length);
    const cardWidth = (inner - gap * (columns - 1)) / columns;
    const cardHeight = heightFor(items.length);
    for (const [i, item] of items.entries()) {
      await card(item, margin + (i % columns) * (cardWidth + gap), y + Math.floor(i / columns) * (cardHeight + gap), cardWidth, cardHeight);
    }
    footer();
  }
  return pdfToBuffer(doc);
};
