import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import type { ApiClient } from '../../../shared/api/client';
import { csvIssueCodes } from '../../../shared/domain/catalog';
import { enImports } from '../../../renderer/i18n/en-imports';
import { esImports } from '../../../renderer/i18n/es-imports';
import { makeTempDir } from '../../helpers/tmp';

const header = 'sku,producto,precio,stock,etiquetas,descripcion';

describe('a catalog CSV meets the same limits as catalog.createProduct', () => {
  let tmp: { dir: string; cleanup: () => void };
  let core: Core;
  let api: ApiClient;
  beforeEach(() => {
    tmp = makeTempDir();
    core = createCore({ dataDir: tmp.dir });
    api = coreClient(core);
  });
  afterEach(() => {
    core.close();
    tmp.cleanup();
  });

  const issuesOf = async (csv: string) => {
    const preview = await api.call('catalog.importCsv', { csv, mode: 'preview' });
    return preview.rows.map((row) => row.issues.map((issue) => [issue.field, issue.code, issue.limit ?? issue.value ?? null]));
  };

  it('turns a stock past 1,000,000, even past what a number holds, into a row error instead of a 500', async () => {
    const csv = `${header}\nLAB-1,Labial,25,9007199254740991,,\nLAB-2,Labial,25,99999999999999999999,,\nLAB-3,Labial,25,1000000,,\n`;
    expect(await issuesOf(csv)).toEqual([[['stock', 'too_big', 1_000_000]], [['stock', 'too_big', 1_000_000]], []]);
    await api.call('catalog.importCsv', { csv, mode: 'commit', skipInvalid: true });
    const { items } = await api.call('catalog.listProducts', {});
    expect(items.flatMap((p) => p.variants.map((v) => [v.sku, v.stock]))).toEqual([['LAB-3', 1_000_000]]);
  });

  it('refuses a 2 MB description, 5,000 tags, a name past 120 characters and a price past the API\'s', async () => {
    const csv = [
      header,
      `A-1,Labial,25,1,,${'x'.repeat(2 * 1024 * 1024)}`,
      `A-2,Labial,25,1,"${Array.from({ length: 5000 }, (_, i) => `t${i}`).join(',')}",`,
      `A-3,${'L'.repeat(121)},25,1,,`,
      'A-4,Labial,99999999999,1,,',
      'A-5,Labial,,1,,',
    ].join('\n');
    expect(await issuesOf(csv)).toEqual([
      [['descripcion', 'too_long', 4000]],
      [['etiquetas', 'too_many', 30]],
      [['producto', 'too_long', 120]],
      [['precio', 'too_big', 1_000_000_000]],
      [['precio', 'not_a_price', '']],
    ]);
    expect(await api.request('catalog.importCsv', { csv, mode: 'commit' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'csv' } });
    expect((await api.call('catalog.listProducts', {})).items).toHaveLength(0);
  });

  it('refuses an update that would set an existing stock past the limit, and the ledger is untouched', async () => {
    const product = await api.call('catalog.createProduct', { name: 'Labial', variants: [{ sku: 'LAB-1', price: 2500, initialStock: 4 }] });
    const csv = `${header}\nLAB-1,Labial,25,9007199254740991,,\n`;
    expect(await issuesOf(csv)).toEqual([[['stock', 'too_big', 1_000_000]]]);
    await api.call('catalog.importCsv', { csv, mode: 'commit', skipInvalid: true });
    const variantId = product.variants[0]?.id ?? 0;
    expect((await api.call('stock.history', { variantId })).items.map((m) => m.delta)).toEqual([4]);
  });

  it('names every row problem in Spanish and English for the preview', () => {
    for (const code of csvIssueCodes) {
      expect(esImports[`csvIssue.${code}`]).toBeTruthy();
      expect(enImports[`csvIssue.${code}`]).toBeTruthy();
    }
    expect(esImports['csvIssue.not_a_price'].replace('{value}', '')).toBe('"" no es un precio');
  });
});
