import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type * as Fflate from 'fflate';
import type { Zippable } from 'fflate';
import { fail } from '../../../shared/api/errors';
import { recordsToCsv, type CsvCell } from '../../../shared/csv';
import type { CoreContext } from '../context';
import { exportsDirFor, exportUrl } from '../exports';
import { exportCatalogCsv } from '../catalog/csv';
import { lazyRequire } from '../lazy';

const fflate = lazyRequire<typeof Fflate>('fflate');
const strToU8 = (text: string): Uint8Array => fflate().strToU8(text);
import { checkDeclared, inflateEntry, isZip, listZip, type ZipEntry, type ZipLimits } from '../inbox/importers/zip';
import { readSettings } from '../settings/repo';
import { slug } from '../print/pdf';
import { APPLICATION_ID } from '../db/open';
import { shopDate } from '../../../shared/domain/time';
import { adoptForeignDatabase } from './importedDb';

const csvOf = (ctx: CoreContext, sql: string): Uint8Array => {
  const statement = ctx.db.prepare<[], Record<string, CsvCell>>(sql);
  return strToU8(recordsToCsv(statement.all(), statement.columns().map((column) => column.name)));
};

const count = (db: Database.Database, table: string): number => Number(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());

export const exportShop = async (ctx: CoreContext) => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chasqui-export-'));
  try {
    const snapshot = path.join(tmp, 'chasqui.db');
    await ctx.db.backup(snapshot);
    const files: Zippable = {
      'LEEME.txt': strToU8('Tienda exportada por Chasqui. Los archivos .csv se abren con Excel o Google Sheets.\nPara llevar la tienda a otra computadora: Ajustes › Importar tienda, y elige este .zip.\n'),
      'catalogo.csv': strToU8(exportCatalogCsv(ctx, true).csv),
      'clientes.csv': csvOf(ctx, 'SELECT id, name AS nombre, phone AS telefono, notes AS notas FROM customers ORDER BY id'),
      'pedidos.csv': csvOf(ctx, 'SELECT o.number AS numero, o.status AS estado, o.channel AS canal, c.name AS cliente, o.subtotal, o.discount AS descuento, o.delivery_fee AS envio, o.total, o.paid AS pagado, o.delivery_date AS entrega, datetime(o.created_at / 1000, \'unixepoch\') AS creado FROM orders o LEFT JOIN customers c ON c.id = o.customer_id ORDER BY o.id'),
      'pedidos_productos.csv': csvOf(ctx, 'SELECT o.number AS pedido, i.sku, i.name AS producto, i.quantity AS cantidad, i.unit_price AS precio FROM order_items i JOIN orders o ON o.id = i.order_id ORDER BY i.id'),
      'pagos.csv': csvOf(ctx, 'SELECT o.number AS pedido, p.amount AS monto, p.method AS medio, datetime(p.created_at / 1000, \'unixepoch\') AS fecha FROM payments p JOIN orders o ON o.id = p.order_id ORDER BY p.id'),
      'movimientos_stock.csv': csvOf(ctx, 'SELECT v.sku, m.delta AS cambio, m.reason AS motivo, m.location AS lugar, m.note AS nota, m.balance_after AS saldo, datetime(m.created_at / 1000, \'unixepoch\') AS fecha FROM stock_movements m JOIN variants v ON v.id = m.variant_id ORDER BY m.id'),
      // Every sale a stall phone sent, once each, and what became of it (the conflicts the owner settled too).
      'ventas_feria.csv': csvOf(ctx, 'SELECT s.event_id AS id_venta, p.name AS vendio, datetime(s.sold_at / 1000, \'unixepoch\') AS vendido, s.payment_method AS medio, s.customer_phone AS telefono, s.outcome AS resultado, s.conflict_reason AS motivo, s.settled_as AS resuelto, s.settle_note AS nota, o.number AS pedido FROM stall_sales s LEFT JOIN people p ON p.id = s.person_id LEFT JOIN orders o ON o.id = s.order_id ORDER BY s.id'),
      'chasqui.db': [new Uint8Array(fs.readFileSync(snapshot)), { level: 6 }],
    };
    let photos = 0;
    for (const sub of ['', 'thumbs']) {
      const dir = path.join(ctx.mediaDir, sub);
      if (!fs.existsSync(dir)) continue;
      for (const name of fs.readdirSync(dir)) {
        const file = path.join(dir, name);
        if (!fs.statSync(file).isFile()) continue;
        // Photos are already compressed: stored as they are.
        files[sub ? `fotos/${sub}/${name}` : `fotos/${name}`] = [new Uint8Array(fs.readFileSync(file)), { level: 0 }];
        if (!sub) photos += 1;
      }
    }
    const zip = fflate().zipSync(files);
    const settings = readSettings(ctx.db);
    const fileName = `tienda-${slug(settings.shopName)}-${shopDate(ctx.now(), settings.timeZone)}.zip`;
    const dir = exportsDirFor(ctx.dataDir);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, fileName), zip);
    return {
      path: path.join(dir, fileName),
      url: exportUrl(fileName),
      fileName,
      bytes: zip.length,
      counts: { products: count(ctx.db, 'products'), orders: count(ctx.db, 'orders'), customers: count(ctx.db, 'customers'), photos },
    };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
};

/** A shop's database is some MB (years of chats: a few hundred); its photos are a few hundred KB each. */
const SHOP_DB_LIMITS: ZipLimits = { maxEntryBytes: 1024 * 1024 * 1024, maxTotalBytes: 1024 * 1024 * 1024, maxRatio: 200 };
const SHOP_PHOTO_LIMITS: ZipLimits = { maxEntryBytes: 25 * 1024 * 1024, maxTotalBytes: 2 * 1024 * 1024 * 1024, maxRatio: 50 };

/** Unpacks one entry straight to a file, slice by slice, so a big database never sits in memory. */
const unpackTo = (bytes: Uint8Array, entry: ZipEntry, limit: number, file: string): boolean => {
  const fd = fs.openSync(file, 'w');
  try {
    return inflateEntry(bytes, entry, limit, (chunk) => fs.writeSync(fd, chunk));
  } finally {
    fs.closeSync(fd);
  }
};

export const importShop = (ctx: CoreContext, bytes: Uint8Array) => {
  const isEmpty = ['products', 'orders', 'customers'].every((table) => count(ctx.db, table) === 0);
  if (!isEmpty) fail('conflict', 'This shop already has data; import a shop only into a fresh install', { field: 'path' });
  if (!isZip(bytes)) fail('invalid_input', 'path: this is not a Chasqui shop export (.zip)', { field: 'path' });
  const entries = listZip(bytes) ?? fail('invalid_input', 'path: this .zip is damaged; export the shop again', { field: 'path' });
  const snapshot = entries.find((entry) => entry.name === 'chasqui.db');
  if (!snapshot) return fail('invalid_input', 'path: the zip has no chasqui.db; it is not a Chasqui shop export', { field: 'path' });
  // Only names Chasqui itself writes: a crafted zip cannot place files anywhere else, and nothing else is unpacked.
  const photos = entries.flatMap((entry) => {
    const match = /^fotos\/((thumbs\/)?[a-f0-9]{16,64}\.(jpg|png|webp|gif|avif))$/.exec(entry.name);
    return match?.[1] ? [{ entry, target: match[1] }] : [];
  });
  checkDeclared([snapshot], SHOP_DB_LIMITS);
  checkDeclared(photos.map((photo) => photo.entry), SHOP_PHOTO_LIMITS);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'chasqui-import-'));
  try {
    const dbFile = path.join(tmp, 'chasqui.db');
    if (!unpackTo(bytes, snapshot, SHOP_DB_LIMITS.maxEntryBytes, dbFile)) fail('invalid_input', 'path: the database in this zip is damaged', { field: 'path' });
    let counts = { products: 0, orders: 0, customers: 0 };
    const probe = new Database(dbFile, { readonly: true });
    try {
      if (probe.pragma('application_id', { simple: true }) !== APPLICATION_ID || probe.pragma('integrity_check', { simple: true }) !== 'ok') {
        fail('invalid_input', 'path: the database in this zip is damaged or not from Chasqui', { field: 'path' });
      }
      counts = { products: count(probe, 'products'), orders: count(probe, 'orders'), customers: count(probe, 'customers') };
    } catch (error) {
      if (error instanceof Error && 'code' in error && error.code === 'SQLITE_NOTADB') fail('invalid_input', 'path: the database in this zip is damaged', { field: 'path' });
      throw error;
    } finally {
      probe.close();
    }
    // The same schema as ours, and none of the sender's devices, channels or LAN access.
    adoptForeignDatabase(dbFile, ctx.now());
    const media = path.join(tmp, 'media');
    fs.mkdirSync(path.join(media, 'thumbs'), { recursive: true });
    let photoBytes = 0;
    for (const { entry, target } of photos) {
      const file = path.join(media, target);
      if (!unpackTo(bytes, entry, Math.min(SHOP_PHOTO_LIMITS.maxEntryBytes, SHOP_PHOTO_LIMITS.maxTotalBytes - photoBytes), file)) fs.rmSync(file, { force: true });
      else photoBytes += fs.statSync(file).size;
    }
    // The connection in this call's context is closed by the swap; the counts come from the checked copy.
    ctx.replaceDatabase(dbFile, media);
    return counts;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
};
