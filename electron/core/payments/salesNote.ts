import fs from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { PrintResult } from '../../../shared/api/methods/print';
import { formatMoney } from '../../../shared/domain/money';
import type { Order } from '../../../shared/domain/orders';
import type { ShopSettings } from '../../../shared/domain/settings';
import type { Db } from '../db/open';
import { exportsDirFor, exportUrl } from '../exports';
import { createPdf, palette, pdfToBuffer } from '../print/pdf';

/** The note's number for this order: given once, in the order notes were first made, never changed. */
export const salesNoteNumber = (db: Db, orderId: number, now: number): number =>
  db.transaction(() => {
    const existing = db.prepare<[number], number>('SELECT number FROM sales_notes WHERE order_id = ?').pluck().get(orderId);
    if (existing !== undefined) return existing;
    const next = Number(db.prepare('SELECT coalesce(max(number), 0) + 1 FROM sales_notes').pluck().get());
    db.prepare('INSERT INTO sales_notes (number, order_id, created_at) VALUES (?, ?, ?)').run(next, orderId, now);
    return next;
  })();

export const noteLabel = (number: number): string => `NV-${String(number).padStart(6, '0')}`;

interface NoteLines {
  title: string;
  shop: string;
  meta: string[];
  items: { text: string; amount: string }[];
  totals: { label: string; amount: string; isStrong: boolean }[];
  footer: string;
}

const words = {
  es: { title: 'Nota de venta', order: 'Pedido', date: 'Fecha', customer: 'Cliente', total: 'Total', paid: 'Pagado', balance: 'Saldo', fee: 'Envío', discount: 'Descuento', ref: 'Pago', footer: 'Documento interno de venta: no es comprobante tributario (boleta ni factura).' },
  en: { title: 'Sales note', order: 'Order', date: 'Date', customer: 'Customer', total: 'Total', paid: 'Paid', balance: 'Balance', fee: 'Delivery', discount: 'Discount', ref: 'Payment', footer: 'Internal sales note: not a tax document (no boleta or factura).' },
} as const;

const linesOf = (order: Order, settings: ShopSettings, number: number, now: number): NoteLines => {
  const w = words[settings.language];
  const money = (minor: number) => formatMoney(minor, settings.currency, settings.locale);
  const refs = order.payments.map((p) => [p.method, p.operationNumber].filter(Boolean).join(' ')).filter(Boolean);
  return {
    title: `${w.title} ${noteLabel(number)}`,
    shop: settings.shopName,
    meta: [
      `${w.order}: ${order.number}`,
      `${w.date}: ${DateTime.fromMillis(now, { zone: settings.timeZone }).setLocale(settings.locale).toLocaleString(DateTime.DATE_MED)}`,
      ...(order.customer ? [`${w.customer}: ${order.customer.name}`] : []),
      ...(refs.length ? [`${w.ref}: ${refs.join(' · ')}`.slice(0, 160)] : []),
    ],
    items: [
      ...order.items.map((i) => ({ text: `${i.quantity} × ${i.name}`.slice(0, 70), amount: money(i.lineTotal) })),
      ...(order.deliveryFee > 0 ? [{ text: w.fee, amount: money(order.deliveryFee) }] : []),
      ...(order.discount > 0 ? [{ text: w.discount, amount: `−${money(order.discount)}` }] : []),
    ],
    totals: [
      { label: w.total, amount: money(order.total), isStrong: true },
      { label: w.paid, amount: money(order.paid), isStrong: false },
      { label: w.balance, amount: money(order.balanceDue), isStrong: true },
    ],
    footer: w.footer,
  };
};

const renderPdf = async (note: NoteLines, resourcesDir: string): Promise<Buffer> => {
  const doc = await createPdf(resourcesDir, 'A4', note.title);
  const width = doc.page.width - 72;
  doc.font('bold').fontSize(20).fillColor(palette.brand).text(note.shop, { width });
  doc.font('bold').fontSize(14).fillColor(palette.ink).text(note.title, { width });
  doc.moveDown(0.5).font('regular').fontSize(10).fillColor(palette.muted);
  for (const line of note.meta) doc.text(line, { width });
  doc.moveDown(0.8);
  const row = (left: string, right: string, isStrong = false) => {
    const y = doc.y;
    doc.font(isStrong ? 'bold' : 'regular').fontSize(11).fillColor(palette.ink);
    doc.text(left, 36, y, { width: width - 110 });
    const after = doc.y;
    doc.text(right, 36 + width - 110, y, { width: 110, align: 'right' });
    doc.y = Math.max(after, doc.y) + 3;
  };
  for (const item of note.items) row(item.text, item.amount);
  doc.moveTo(36, doc.y + 2).lineTo(36 + width, doc.y + 2).strokeColor(palette.line).stroke();
  doc.moveDown(0.5);
  for (const total of note.totals) row(total.label, total.amount, total.isStrong);
  doc.moveDown(1.5).font('regular').fontSize(9).fillColor(palette.muted).text(note.footer, 36, doc.y, { width });
  return pdfToBuffer(doc);
};

const escapeXml = (text: string): string => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The same note as a picture to send in the chat (a phone-friendly 720 px wide PNG). */
const renderPng = async (note: NoteLines): Promise<Buffer> => {
  const rows: string[] = [];
  let y = 60;
  const text = (x: number, size: number, value: string, opts: { weight?: string; fill?: string; anchor?: string } = {}) =>
    rows.push(`<text x="${x}" y="${y}" font-family="DejaVu Sans" font-size="${size}" font-weight="${opts.weight ?? 'normal'}" fill="${opts.fill ?? palette.ink}" text-anchor="${opts.anchor ?? 'start'}">${escapeXml(value)}</text>`);
  text(40, 30, note.shop, { weight: 'bold', fill: palette.brand });
  y += 40;
  text(40, 22, note.title, { weight: 'bold' });
  y += 14;
  for (const line of note.meta) {
    y += 28;
    text(40, 17, line, { fill: palette.muted });
  }
  y += 24;
  for (const item of note.items) {
    y += 32;
    text(40, 19, item.text);
    text(680, 19, item.amount, { anchor: 'end' });
  }
  y += 18;
  rows.push(`<line x1="40" y1="${y}" x2="680" y2="${y}" stroke="${palette.line}" stroke-width="2"/>`);
  for (const total of note.totals) {
    y += 34;
    text(40, 20, total.label, { weight: total.isStrong ? 'bold' : 'normal' });
    text(680, 20, total.amount, { anchor: 'end', weight: total.isStrong ? 'bold' : 'normal' });
  }
  y += 50;
  text(40, 13, note.footer, { fill: palette.muted });
  const height = y + 40;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="720" height="${height}"><rect width="720" height="${height}" fill="#ffffff"/>${rows.join('')}</svg>`;
  const { default: sharp } = await import('sharp');
  return sharp(Buffer.from(svg)).png().toBuffer();
};

export const makeSalesNote = async (
  input: { db: Db; dataDir: string; resourcesDir: string; now: number },
  order: Order,
  settings: ShopSettings,
  format: 'pdf' | 'png',
): Promise<PrintResult & { number: string }> => {
  const number = salesNoteNumber(input.db, order.id, input.now);
  const note = linesOf(order, settings, number, input.now);
  const bytes = format === 'pdf' ? await renderPdf(note, input.resourcesDir) : await renderPng(note);
  const fileName = `nota-de-venta-${noteLabel(number)}.${format}`;
  const dir = exportsDirFor(input.dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, fileName);
  fs.writeFileSync(file, bytes);
  return { path: file, url: exportUrl(fileName), fileName, bytes: bytes.length, number: noteLabel(number) };
};
