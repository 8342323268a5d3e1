import { formatMoney } from '../../../shared/domain/money';
import { orderMessage, validityText } from '../../../shared/domain/promoTexts';
import { bundleLabel, waLink, type Promotion } from '../../../shared/domain/promotions';
import type { ShopSettings } from '../../../shared/domain/settings';
import { createPdf, drawPlaceholder, palette, pdfToBuffer, photoJpeg, qrPng, type Paper } from './pdf';

/**
 * The stall sheet: shop name, a big title, the products with photo and prices in a grid
 * (pages added as needed), the dates, and a QR code that opens a WhatsApp chat naming the promotion.
 */
export const renderPromoSheet = async (promo: Promotion, settings: ShopSettings, dirs: { resourcesDir: string; mediaDir: string }, paper: Paper, logo: Buffer | null = null): Promise<Buffer> => {
  const money = (minor: number) => formatMoney(minor, settings.currency, settings.locale);
  const doc = createPdf(dirs.resourcesDir, paper, promo.title);
  const { width, height } = doc.page;
  const margin = 36;
  const inner = width - margin * 2;

  const header = () => {
    doc.save().rect(0, 0, width, 92).fill(palette.brand).restore();
    const textWidth = logo ? inner - 80 : inner;
    if (logo) {
      doc.save().roundedRect(width - margin - 68, 12, 68, 68, 10).fill('#ffffff').restore();
      doc.image(logo, width - margin - 64, 16, { width: 60, height: 60 });
    }
    doc.font('bold').fontSize(14).fillColor('#ffffff').text(settings.shopName, margin, 22, { width: textWidth });
    doc.font('bold').fontSize(26).text(promo.title, margin, 42, { width: textWidth, height: 40, ellipsis: true });
    doc.fillColor(palette.ink).font('regular');
  };
  header();
  let y = 108;
  // The seller's own promotion photo, as a banner under the title.
  const banner = promo.images[0] ? await photoJpeg(dirs.mediaDir, promo.images[0].url, 900) : null;
  if (banner) {
    doc.save().roundedRect(margin, y, inner, 110, 10).clip().image(banner, margin, y - (inner - 110) / 2, { width: inner, height: inner }).restore();
    y += 122;
  }
  if (promo.text) {
    doc.fontSize(13).fillColor(palette.ink).text(promo.text, margin, y, { width: inner });
    y = doc.y + 6;
  }
  const badge = promo.kind === 'bundle' ? bundleLabel(promo, money) : promo.kind === 'percent' && promo.percentOff ? `-${promo.percentOff}%` : '';
  if (badge) {
    doc.font('bold').fontSize(22).fillColor(palette.brand).text(badge, margin, y, { width: inner });
    y = doc.y + 6;
  }

  const footerHeight = 150;
  const columns = promo.items.length <= 2 ? promo.items.length || 1 : 3;
  const gap = 14;
  const cardWidth = (inner - gap * (columns - 1)) / columns;
  // Shrink the photos (down to a floor) so a short promotion fits on one page with its footer.
  const rows = Math.ceil(promo.items.length / columns);
  const room = height - margin - footerHeight - y;
  const fitted = rows > 0 ? (room - gap * (rows - 1)) / rows - 92 : 150;
  const photoSize = Math.max(80, Math.min(cardWidth - 16, columns === 1 ? 260 : 150, fitted));
  const cardHeight = photoSize + 92;
  let column = 0;
  // Room is kept for the footer on every page, so the dates and QR always close the last page.
  const lastRowBottom = height - margin - footerHeight;
  for (const item of promo.items) {
    if (column === 0 && y + cardHeight > lastRowBottom) {
      doc.addPage();
      header();
      y = 108;
      column = 0;
    }
    const x = margin + column * (cardWidth + gap);
    doc.save().roundedRect(x, y, cardWidth, cardHeight, 10).lineWidth(1).stroke(palette.line).restore();
    const photo = await photoJpeg(dirs.mediaDir, item.photoUrl, 400);
    const photoX = x + (cardWidth - photoSize) / 2;
    if (photo) doc.image(photo, photoX, y + 8, { width: photoSize, height: photoSize });
    else drawPlaceholder(doc, photoX, y + 8, photoSize, item.name);
    const textY = y + photoSize + 14;
    doc.font('bold').fontSize(10.5).fillColor(palette.ink).text(item.name, x + 8, textY, { width: cardWidth - 16, height: 28, ellipsis: true, align: 'center' });
    const isDiscounted = item.promoPrice < item.regularPrice;
    if (isDiscounted) {
      const regular = money(item.regularPrice);
      doc.font('regular').fontSize(10).fillColor(palette.muted);
      const regularWidth = doc.widthOfString(regular);
      const regularX = x + (cardWidth - regularWidth) / 2;
      doc.text(regular, regularX, textY + 31, { lineBreak: false });
      doc.save().moveTo(regularX, textY + 37).lineTo(regularX + regularWidth, textY + 37).lineWidth(1).stroke(palette.muted).restore();
    }
    doc.font('bold').fontSize(17).fillColor(palette.brand).text(money(item.promoPrice), x + 8, textY + 45, { width: cardWidth - 16, align: 'center' });
    column += 1;
    if (column === columns) {
      column = 0;
      y += cardHeight + gap;
    }
  }
  const footerY = height - margin - footerHeight + 10;
  doc.save().roundedRect(margin, footerY, inner, footerHeight - 10, 12).fill(palette.soft).restore();
  const validity = validityText(promo, settings.locale);
  doc.font('bold').fontSize(15).fillColor(palette.ink).text(validity || ' ', margin + 18, footerY + 22, { width: inner - 170 });
  if (settings.whatsappNumber) {
    const link = waLink(settings.whatsappNumber, orderMessage(promo));
    doc.image(await qrPng(link, 360), width - margin - 128, footerY + 6, { width: 118, height: 118 });
    doc.font('regular').fontSize(12).fillColor(palette.ink).text('Escanéame para pedir por WhatsApp', margin + 18, doc.y + 10, { width: inner - 170 });
    doc.fontSize(11).fillColor(palette.muted).text(`+${settings.whatsappNumber}`, margin + 18, doc.y + 4, { width: inner - 170 });
  }
  return pdfToBuffer(doc);
};
