import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { ledgerBalance } from '../../../electron/core/stock/repo';
import { manualStockReasons } from '../../../shared/domain/catalog';
import { makeTempDir } from '../../helpers/tmp';

describe('stock ledger properties', () => {
  const tmp = makeTempDir();
  let core: Core;
  let productCount = 0;
  beforeAll(() => {
    core = createCore({ dataDir: tmp.dir });
  });
  afterAll(() => {
    core.close();
    tmp.cleanup();
  });

  it('never goes negative and always equals the sum of its movements', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 20 }),
        fc.array(fc.record({ delta: fc.integer({ min: -15, max: 15 }).filter((n) => n !== 0), reason: fc.constantFrom(...manualStockReasons) }), { maxLength: 40 }),
        async (initialStock, steps) => {
          productCount += 1;
          const created = await core.dispatch('catalog.createProduct', {
            name: `Producto ${productCount}`,
            variants: [{ sku: `P-${productCount}`, price: 1000, initialStock }],
          });
          if (!created.ok) throw new Error(created.error.message);
          const variantId = core.db.prepare('SELECT id FROM variants WHERE sku = ?').pluck().get(`P-${productCount}`) as number;
          let expected = initialStock;
          for (const step of steps) {
            const result = await core.dispatch('stock.adjust', { variantId, ...step });
            if (expected + step.delta < 0) {
              expect(result).toMatchObject({ ok: false, error: { code: 'insufficient_stock' } });
            } else {
              expect(result.ok).toBe(true);
              expected += step.delta;
            }
            const cached = core.db.prepare('SELECT stock FROM variants WHERE id = ?').pluck().get(variantId);
            expect(cached).toBe(expected);
            expect(ledgerBalance(core.db, variantId)).toBe(expected);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
