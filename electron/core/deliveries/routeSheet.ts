import fs from 'node:fs';
import path from 'node:path';
import type { PrintResult } from '../../../shared/api/methods/print';
import type { DeliveryDay } from '../../../shared/api/methods/deliveries';
import { formatWorkDay } from '../../../shared/domain/dates';
import { formatMoney } from '../../../shared/domain/money';
import { countryOfLocale, formatPhone } from '../../../shared/domain/phones';
import type { ShopSettings } from '../../../shared/domain/settings';
import type { CoreContext } from '../context';
import { exportsDirFor, exportUrl } from '../exports';
import { createPdf, palette, pdfToBuffer, slug } from '../print/pdf';

/** The day's route as a WhatsApp message for whoever delivers: stops in order, what to bring, what to collect. */
export const routeText = (day: DeliveryDay, settings: ShopSettings, assignee?: string): string => {
  const money = (minor: number) => formatMoney(minor, settings.currency, settings.locale);
  const stops = day.stops.filter((s) => s.outcome === 'pending');
  const lines = stops.map((s, i) =>
    [
      `*${i + 1}. ${s.customerName || s.orderNumber}*${s.timeWindow ? ` (${s.timeWindow})` : ''}`,
      s.method === 'pickup' ? '🏪 Recoge en el puesto' : `📍 ${[s.address, s.reference, s.zone].filter(Boolean).join(' · ') || 'sin dirección'}`,
      s.phone ? `📞 ${formatPhone(s.phone, countryOfLocale(settings.locale))}` : '',
      `🛍️ ${s.items.map((it) => `${it.quantity}× ${it.name}`).join(', ')}`,
      s.toCollect > 0 ? `💵 Cobrar ${money(s.toCollect)}` : '✅ Ya pagado',
      s.mapUrl ?? '',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  const total = stops.reduce((sum, s) => sum + s.toCollect, 0);
  return [`*Reparto del ${formatWorkDay(day.date, settings.locale)}*${assignee ? ` · ${assignee}` : ''}`, ...lines, `Total a cobrar: *${money(total)}*`].join('\n\n');
};

export const renderRouteSheet = async (ctx: CoreContext, day: DeliveryDay, settings: ShopSettings, assignee?: string): Promise<PrintResult> => {
  const money = (minor: number) => formatMoney(minor, settings.currency, settings.locale);
  const doc = await createPdf(ctx.resourcesDir, 'A4', `Reparto ${day.date}`);
  const margin = 36;
  const width = doc.page.width - margin * 2;
  doc.font('bold').fontSize(18).fillColor(palette.brand).text(`Reparto del ${formatWorkDay(day.date, settings.locale)}${assignee ? ` · ${assignee}` : ''}`, margin, margin, { width });
  doc.font('regular').fontSize(10).fillColor(palette.muted).text(settings.shopName, { width });
  doc.moveDown();
  day.stops
    .filter((s) => s.outcome === 'pending')
    .forEach((stop, i) => {
      if (doc.y > doc.page.height - 140) doc.addPage();
      const top = doc.y;
      doc.font('bold').fontSize(12).fillColor(palette.ink).text(`${i + 1}. ${stop.customerName || stop.orderNumber}  ·  ${stop.orderNumber}`, margin, top, { width });
      doc.font('regular').fontSize(10).fillColor(palette.ink);
      doc.text(stop.method === 'pickup' ? 'Recoge en el puesto' : [stop.address, stop.reference, stop.zone].filter(Boolean).join(' · ') || 'Sin dirección', { width });
      if (stop.phone || stop.timeWindow) doc.text([formatPhone(stop.phone, countryOfLocale(settings.locale)), stop.timeWindow].filter(Boolean).join('  ·  '), { width });
      doc.text(stop.items.map((it) => `${it.quantity}× ${it.name}`).join(', '), { width });
      doc.font('bold').text(stop.toCollect > 0 ? `Cobrar: ${money(stop.toCollect)}` : 'Pagado', { width });
      doc.font('regular').fillColor(palette.muted).text('Entregado ☐    No se pudo ☐  ________________', { width });
      doc.moveDown(0.6).save().moveTo(margin, doc.y).lineTo(margin + width, doc.y).lineWidth(0.5).stroke(palette.line).restore().moveDown(0.6);
    });
  doc.font('bold').fontSize(12).fillColor(palette.ink).text(`Total a cobrar: ${money(day.totals.toCollect)}`, { width });
  doc.moveDown().font('bold').fontSize(11).text('Para alistar', { width });
  doc.font('regular').fontSize(10);
  for (const item of day.packingList) doc.text(`☐ ${item.quantity}× ${item.name}`, { width });
  const bytes = await pdfToBuffer(doc);
  const fileName = `reparto-${day.date}${assignee ? `-${slug(assignee)}` : ''}.pdf`;
  const dir = exportsDirFor(ctx.dataDir);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, fileName), bytes);
  return { path: path.join(dir, fileName), url: exportUrl(fileName), fileName, bytes: bytes.length };
};
