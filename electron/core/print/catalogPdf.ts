import { DateTime } from 'luxon';
import type { Product } from '../../../shared/domain/catalog';
import * as catalog from '../catalog/repo';
import type { Db } from '../db/open';
import { readSettings } from '../settings/repo';
import { formatMoney } from '../../../shared/domain/money';
import type { ShopSettings } from '../../../shared/domain/settings';
import { createPdf, drawPlaceholder, palette, pdfToBuffer, photoJpeg, slug } from './pdf';

/** Every active product with a small photo and its prices, light enough to send in a chat. */
export const renderCatalog = async (products: Product[], settings: ShopSettings, dirs: { resourcesDir: string; mediaDir: string }, today: string): Promise<Buffer> => {
  const money = (minor: number) => formatMoney(minor, settings.currency, settings.locale);
  const doc = await createPdf(dirs.resourcesDir, 'A4', `Catálogo ${settings.shopName}`);
  const margin = 36;
  const inner = doc.page.width - margin * 2;
  const rowHeight = 74;
  const heading = () => {
    doc.font('bold').fontSize(20).fillColor(palette.brand).text(settings.shopName, margin, margin, { width: inner });
    doc.font('regular').fontSize(10).fillColor(palette.muted).text(`Catálogo · ${today}${settings.whatsappNumber ? ` · WhatsApp +${settings.whatsappNumber}` : ''}`, { width: inner });
    return doc.y + 10;
  };
  let y = heading();
  let category = '';
  for (const product of products) {
    const variants = product.variants.filter((v) => !v.isArchived);
    if (variants.length === 0) continue;
    const needsCategory = product.category !== category;
    if (y + rowHeight + (needsCategory ? 24 : 0) > doc.page.height - margin) {
      doc.addPage();
      y = heading();
    }
    if (needsCategory) {
      category = product.category;
      doc.font('bold').fontSize(12).fillColor(palette.ink).text(category || 'Otros', margin, y + 4);
      y = doc.y + 4;
    }
    const photo = await photoJpeg(dirs.mediaDir, product.photos[0]?.url ?? null, 140);
    if (photo) doc.image(photo, margin, y, { width: 62, height: 62 });
    else drawPlaceholder(doc, margin, y, 62, product.name);
    doc.font('bold').fontSize(11).fillColor(palette.ink).text(product.name, margin + 74, y + 2, { width: inner - 190, height: 28, ellipsis: true });
    const variantText = variants.map((v) => v.name).filter(Boolean).join(' · ');
    if (variantText) doc.font('regular').fontSize(9).fillColor(palette.muted).text(variantText, margin + 74, y + 32, { width: inner - 190, height: 24, ellipsis: true });
    const prices = variants.map((v) => v.price);
    const [min, max] = [Math.min(...prices), Math.max(...prices)];
    doc.font('bold').fontSize(13).fillColor(palette.brand).text(min === max ? money(min) : `${money(min)} – ${money(max)}`, margin + inner - 110, y + 20, { width: 110, align: 'right' });
    doc.save().moveTo(margin, y + rowHeight - 6).lineTo(margin + inner, y + rowHeight - 6).lineWidth(0.5).stroke(palette.line).restore();
    y += rowHeight;
  }
  return pdfToBuffer(doc);
};

/** The shop's catalog as it is now (active products, by category), and the file name it goes by. */
export const shopCatalogPdf = async (db: Db, dirs: { resourcesDir: string; mediaDir: string }, now: number): Promise<{ fileName: string; bytes: Buffer }> => {
  const settings = readSettings(db);
  const products = catalog
    .listAllProducts(db)
    .filter((p) => !p.isArchived)
    .sort((a, b) => a.category.localeCompare(b.category, 'es') || a.name.localeCompare(b.name, 'es'));
  const today = DateTime.fromMillis(now, { zone: settings.timeZone }).setLocale(settings.locale).toLocaleString(DateTime.DATE_FULL);
  return { fileName: `catalogo-${slug(settings.shopName)}.pdf`, bytes: await renderCatalog(products, settings, dirs, today) };
};
