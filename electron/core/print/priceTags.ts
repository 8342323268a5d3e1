import { formatMoney } from '../../../shared/domain/money';
import { waLink } from '../../../shared/domain/promotions';
import type { ShopSettings } from '../../../shared/domain/settings';
import { createPdf, palette, pdfToBuffer, qrPng, type Paper } from './pdf';

export interface TagItem {
  name: string;
  sku: string;
  regularPrice: number;
  promoPrice: number;
}

/** A sheet of labels (3×8 by default) with dashed cut lines: name, price (promo price beside the struck-through one), QR. */
export const renderPriceTags = async (
  items: TagItem[],
  settings: ShopSettings,
  resourcesDir: string,
  layout: { columns: number; rows: number; paper: Paper },
): Promise<Buffer> => {
  const money = (minor: number) => formatMoney(minor, settings.currency, settings.locale);
  const doc = createPdf(resourcesDir, layout.paper, 'Etiquetas de precio');
  const margin = 24;
  const cellWidth = (doc.page.width - margin * 2) / layout.columns;
  const cellHeight = (doc.page.height - margin * 2) / layout.rows;
  const perPage = layout.columns * layout.rows;
  for (const [index, item] of items.entries()) {
    if (index > 0 && index % perPage === 0) doc.addPage();
    const slot = index % perPage;
    const x = margin + (slot % layout.columns) * cellWidth;
    const y = margin + Math.floor(slot / layout.columns) * cellHeight;
    doc.save().rect(x, y, cellWidth, cellHeight).dash(3, { space: 3 }).lineWidth(0.5).stroke('#b9aeb1').restore();
    const qrSize = Math.min(cellHeight - 16, cellWidth * 0.32);
    const textWidth = cellWidth - qrSize - 22;
    doc.font('bold').fontSize(9).fillColor(palette.ink).text(item.name, x + 8, y + 8, { width: textWidth, height: Math.max(24, cellHeight - 62), ellipsis: true });
    const isDiscounted = item.promoPrice < item.regularPrice;
    const priceY = y + cellHeight - 34;
    if (isDiscounted) {
      const regular = money(item.regularPrice);
      doc.font('regular').fontSize(8.5).fillColor(palette.muted).text(regular, x + 8, priceY - 12, { lineBreak: false });
      const w = doc.widthOfString(regular);
      doc.save().moveTo(x + 8, priceY - 7).lineTo(x + 8 + w, priceY - 7).lineWidth(0.8).stroke(palette.muted).restore();
    }
    doc.font('bold').fontSize(16).fillColor(isDiscounted ? palette.brand : palette.ink).text(money(item.promoPrice), x + 8, priceY, { width: textWidth, lineBreak: false });
    doc.font('regular').fontSize(6.5).fillColor(palette.muted).text(item.sku, x + 8, y + cellHeight - 13, { width: textWidth, lineBreak: false });
    if (settings.whatsappNumber) {
      const link = waLink(settings.whatsappNumber, `¡Hola! Quiero ${item.name} (${item.sku})`);
      doc.image(await qrPng(link, 220), x + cellWidth - qrSize - 8, y + (cellHeight - qrSize) / 2, { width: qrSize, height: qrSize });
    }
  }
  return pdfToBuffer(doc);
};
