import crypto from 'node:crypto';
import { createCore, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import type { Principal } from '../../../electron/core/lan/principal';
import { ledgerBalance } from '../../../electron/core/stock/repo';
import type { ApiClient } from '../../../shared/api/client';
import type { StallSaleEvent } from '../../../shared/api/methods/stall';
import { makeTempDir } from '../../helpers/tmp';

export const NOW = Date.UTC(2026, 2, 7, 15);

export interface StallShop {
  core: Core;
  api: ApiClient;
  dir: string;
  /** The sister's stall phone. */
  rosa: Principal;
  rosaId: number;
  /** Variant ids by SKU. */
  v: Record<string, number>;
  close: () => void;
}

/** A shop with three lipsticks and a serum, and Rosa, who sells at the stall with her phone. */
export const openStallShop = async (dataDir?: string): Promise<StallShop> => {
  const tmp = dataDir ? { dir: dataDir, cleanup: () => undefined } : makeTempDir();
  const core = createCore({ dataDir: tmp.dir, clock: () => NOW, isOutboxTimerEnabled: false });
  const api = coreClient(core);
  const rosaId = (await api.call('team.add', { name: 'Rosa', role: 'stall' })).id;
  const lipstick = await api.call('catalog.createProduct', {
    name: 'Labial mate',
    variants: [
      { name: 'Rojo', sku: 'LAB-ROJ', price: 2500, initialStock: 10 },
      { name: 'Nude', sku: 'LAB-NUD', price: 2500, initialStock: 4 },
      { name: 'Coral', sku: 'LAB-COR', price: 2500, initialStock: 0 },
    ],
  });
  const serum = await api.call('catalog.createProduct', { name: 'Sérum facial', variants: [{ sku: 'SER-1', price: 5000, initialStock: 3 }] });
  const v: Record<string, number> = {};
  for (const variant of [...lipstick.variants, ...serum.variants]) v[variant.sku] = variant.id;
  return {
    core,
    api,
    dir: tmp.dir,
    rosa: { kind: 'device', deviceId: 7, role: 'stall', personId: rosaId },
    rosaId,
    v,
    close: () => {
      core.close();
      tmp.cleanup();
    },
  };
};

export const sale = (lines: [number, number, number?][], extra: Partial<StallSaleEvent> = {}): StallSaleEvent => ({
  id: crypto.randomUUID(),
  soldAt: NOW - 3_600_000,
  lines: lines.map(([variantId, quantity, unitPrice]) => ({ variantId, quantity, unitPrice: unitPrice ?? 2500 })),
  paymentMethod: 'Efectivo',
  ...extra,
});

/** Every variant's shop and stall stock equal the sums of their movements. */
export const ledgerMismatches = (core: Core): string[] =>
  core.db
    .prepare<[], { id: number; stock: number; stall_stock: number }>('SELECT id, stock, stall_stock FROM variants')
    .all()
    .flatMap((row) => {
      const shop = ledgerBalance(core.db, row.id, 'shop');
      const stall = ledgerBalance(core.db, row.id, 'stall');
      return [
        ...(shop === row.stock ? [] : [`variant ${row.id}: shop ${row.stock} vs ledger ${shop}`]),
        ...(stall === row.stall_stock ? [] : [`variant ${row.id}: stall ${row.stall_stock} vs ledger ${stall}`]),
      ];
    });

/** Every table of the database, row by row, in a fixed order (some tables have no rowid): to compare before and after a repeated sync. */
export const dumpTables = (core: Core): string => {
  const tables = core.db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
  return JSON.stringify(tables.map((table) => [table, core.db.prepare(`SELECT * FROM "${table}"`).all().map((row) => JSON.stringify(row)).sort()]));
};
