import fs from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core';
import type { ApiClient } from '../../../shared/api/client';
import { csvCell, toCsv } from '../../../shared/csv';
import { makeTempDir } from '../../helpers/tmp';
import { addCustomer, openShop } from '../broadcast/shop';

const HOSTILE = "=cmd|' /C calc'!A0";

/** Every cell of a CSV text, parsed the way a spreadsheet would split it (quotes, doubled quotes). */
const cells = (csv: string): string[] => {
  const out: string[] = [];
  const re = /(?:^|,|\r\n)(?:"((?:[^"]|"")*)"|([^,\r\n]*))/g;
  for (const match of csv.replace(/^\uFEFF/, '').matchAll(re)) out.push(match[1] !== undefined ? match[1].replaceAll('""', '"') : (match[2] ?? ''));
  return out;
};

/** What Excel would evaluate: a cell whose text, after leading spaces, starts a formula. */
const formulaCells = (csv: string): string[] => cells(csv).filter((cell) => /^[\t\r]|^\s*[=+\-@]/.test(cell) && !/^-?\d/.test(cell.trim()));

describe('the one CSV writer', () => {
  it('puts an apostrophe before anything a spreadsheet would run, also after leading spaces', () => {
    for (const text of ['=1+1', '+1', '-A1', '@SUM(A1)', '\tx', '\rx', '  =1', ' \t@x', '＝1']) expect(csvCell(text).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
    expect(csvCell('Labial, rojo')).toBe('"Labial, rojo"');
    expect(csvCell('dice "hola"')).toBe('"dice ""hola"""');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
    expect(csvCell('Karina')).toBe('Karina');
    expect(toCsv(['a', 'b'], [[HOSTILE, 2]])).toBe(`\uFEFFa,b\r\n"'=cmd|' /C calc'!A0",2\r\n`);
    expect(formulaCells(toCsv(['ventas'], [[HOSTILE], ['  +1'], ['@x']]))).toEqual([]);
  });
});

describe('every CSV export with a customer or product named like a formula', () => {
  let tmp: { dir: string; cleanup: () => void };
  let core: Core;
  let api: ApiClient;
  let promotionId: number;
  const now = Date.UTC(2026, 10, 21, 15);
  beforeEach(async () => {
    tmp = makeTempDir();
    ({ core, api, promotionId } = await openShop(tmp.dir, () => now));
  });
  afterEach(() => {
    core.close();
    tmp.cleanup();
  });

  const nameCustomer = (id: number, name: string) => core.db.prepare('UPDATE customers SET name = ? WHERE id = ?').run(name, id);

  it('the broadcast report', async () => {
    nameCustomer(await addCustomer(api, 1, now - 60_000), HOSTILE);
    nameCustomer(await addCustomer(api, 2, now - 60_000), ' @SUMA(1)');
    const created = await api.call('broadcasts.create', { promotionId, targets: ['whatsapp_direct'] });
    const report = fs.readFileSync((await api.call('broadcasts.exportReport', { id: created.id })).path, 'utf8');
    expect(report).toContain(`"'${HOSTILE}"`);
    expect(formulaCells(report)).toEqual([]);
  });

  it('the catalog export, which still imports back unchanged', async () => {
    await api.call('catalog.createProduct', { name: HOSTILE, description: '-- la mejor', variants: [{ sku: 'FOR-1', name: '+Rojo', price: 1000, initialStock: 1 }] });
    const { csv } = await api.call('catalog.exportCsv', {});
    expect(formulaCells(csv)).toEqual([]);
    expect(csv).toContain(`"'${HOSTILE}"`);
    const again = await api.call('catalog.importCsv', { csv, mode: 'preview' });
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 2, error: 0 });
  });

  it('the shop export (customers, orders, stock movements)', async () => {
    nameCustomer(await addCustomer(api, 1, now - 60_000), HOSTILE);
    // A stall sale the phone sent with a payment method typed by hand: kept as a conflict (no such product).
    await api.call('stall.sync', { sales: [{ id: '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b', soldAt: now - 60_000, paymentMethod: HOSTILE, lines: [{ variantId: 9999, quantity: 1, unitPrice: 100 }] }] });
    const exported = await api.call('shop.export', {});
    const files = unzipSync(new Uint8Array(fs.readFileSync(exported.path)));
    for (const name of Object.keys(files).filter((n) => n.endsWith('.csv'))) expect(formulaCells(strFromU8(files[name] ?? new Uint8Array())), name).toEqual([]);
    expect(strFromU8(files['clientes.csv'] ?? new Uint8Array())).toContain(`"'${HOSTILE}"`);
    expect(strFromU8(files['ventas_feria.csv'] ?? new Uint8Array())).toContain(`"'${HOSTILE}"`);
  });
});
