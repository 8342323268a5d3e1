import { formatMoney } from '../../../shared/domain/money';
import { waLink } from '../../../shared/domain/promotions';
import type { ShopSettings } from '../../../shared/domain/settings';
import { createPdf, drawQr, fitFontSize, palette, pdfToBuffer, type Paper } from './pdf';

export interface TagItem {
  name: string;
  sku: string;
  regularPrice: number;
  /** The unit price today (a price or percent promotion), or the regular price. */
  promoPrice: number;
  /** "2x1", "3 por S/ 50.00", "-20%", or '' without an active promotion. */
  badge: string;
  /** A bundle: what the set costs now and what it would cost at the regular price. */
  bundle: { quantity: number; total: number; regularTotal: number } | null;
}

/**
 * What the tag's QR carries: a wa.me link whose message is just the SKU. A short text keeps the
 * code at 29×29 modules, large enough to scan from a phone on a 2.5 cm label; a very long SKU
 * would make it dense again, so then the link opens the chat without a message.
 */
export const tagLink = (whatsappNumber: string, sku: string): string => {
  const link = waLink(whatsappNumber, sku);
  return link.length <= 53 ? link : `https://wa.me/${whatsappNumber}`;
};

const strike = (doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void => {
  doc.font('regular').fontSize(size).fillColor(palette.muted).text(text, x, y, { lineBreak: false });
  const width = doc.widthOfString(text);
  doc.save().moveTo(x, y + size * 0.62).lineTo(x + width, y + size * 0.62).lineWidth(Math.max(0.8, size / 10)).stroke(palette.ink).restore();
};

/** A sheet of labels (3×8 by default) with dashed cut lines: name, the active promotion, price, and a QR to order. */
export const renderPriceTags = async (items: TagItem[], settings: ShopSettings, resourcesDir: string, layout: { columns: number; rows: number; paper: Paper }): Promise<Buffer> => {
  const money = (minor: number) => formatMoney(minor, settings.currency, settings.locale);
  const doc = await createPdf(resourcesDir, layout.paper, 'Etiquetas de precio');
  const margin = 24;
  const cellWidth = (doc.page.width - margin * 2) / layout.columns;
  const cellHeight = (doc.page.height - margin * 2) / layout.rows;
  const perPage = layout.columns * layout.rows;
  const pad = Math.max(6, Math.min(cellWidth, cellHeight) * 0.07);
  // Everything scales with the label, so a larger sheet is readable from further away.
  const unit = Math.min(cellHeight, cellWidth * 0.6) / 100;
  for (const [index, item] of items.entries()) {
    if (index > 0 && index % perPage === 0) doc.addPage();
    const slot = index % perPage;
    const x = margin + (slot % layout.columns) * cellWidth;
    const y = margin + Math.floor(slot / layout.columns) * cellHeight;
    doc.save().rect(x, y, cellWidth, cellHeight).dash(3, { space: 3 }).lineWidth(0.5).stroke('#b9aeb1').restore();
    const qrSize = settings.whatsappNumber ? Math.min(cellHeight - pad * 2, cellWidth * 0.42) : 0;
    const textX = x + pad;
    const textWidth = cellWidth - pad * 2 - (qrSize ? qrSize + pad * 0.6 : 0);
    const bottom = y + cellHeight - pad;

    let top = y + pad;
    if (item.badge) {
      const badgeSize = fitFontSize(doc, item.badge, 'bold', 12 * unit, textWidth - 8);
      const badgeWidth = doc.font('bold').fontSize(badgeSize).widthOfString(item.badge) + 8;
      doc.save().roundedRect(textX, top, badgeWidth, badgeSize + 4, 3).fill(palette.brand).restore();
      doc.fillColor('#ffffff').text(item.badge, textX + 4, top + 2.5, { lineBreak: false });
      top += badgeSize + 6;
    }
    // The price block is laid out from the bottom up; the name gets the space that is left.
    const priceSize = fitFontSize(doc, money(item.promoPrice), 'bold', 16 * unit + 2, textWidth, 9);
    const smallSize = Math.max(6.5, 7 * unit + 1);
    const skuY = bottom - smallSize;
    const priceY = skuY - priceSize - 2;
    const isDiscounted = item.promoPrice < item.regularPrice;
    const extraY = priceY - smallSize - 3;
    const nameBottom = isDiscounted || item.bundle ? extraY - 2 : priceY - 2;
    const nameSize = Math.max(7.5, 9 * unit);
    doc.font('bold').fontSize(nameSize).fillColor(palette.ink).text(item.name, textX, top, { width: textWidth, height: Math.max(nameSize + 1, nameBottom - top), ellipsis: true });
    if (isDiscounted) strike(doc, money(item.regularPrice), textX, extraY, smallSize);
    else if (item.bundle) {
      // "2 por S/ 25.00" with what two cost without the promotion struck beside it, shrunk to fit the label.
      const line = `${item.bundle.quantity} por ${money(item.bundle.total)}`;
      const regularTotal = money(item.bundle.regularTotal);
      const size = fitFontSize(doc, `${line} ${regularTotal}`, 'bold', smallSize, textWidth - 3, 6);
      doc.font('bold').fontSize(size).fillColor(palette.brand).text(line, textX, extraY, { lineBreak: false });
      strike(doc, regularTotal, textX + doc.font('bold').fontSize(size).widthOfString(line) + size * 0.5, extraY, size);
    }
    doc.font('bold').fontSize(priceSize).fillColor(isDiscounted ? palette.brand : palette.ink).text(money(item.promoPrice), textX, priceY, { width: textWidth, lineBreak: false });
    doc.font('regular').fontSize(smallSize * 0.85).fillColor(palette.muted).text(item.sku, textX, skuY + 1, { width: textWidth, lineBreak: false, ellipsis: true });
    if (qrSize) drawQr(doc, tagLink(settings.whatsappNumber, item.sku), x + cellWidth - pad - qrSize, y + (cellHeight - qrSize) / 2, qrSize, 'L');
  }
  return pdfToBuffer(doc);
};
