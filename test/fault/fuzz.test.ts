import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../shared/api/contract';
import { createCore, type Core } from '../../electron/core';
import { coreClient } from '../../electron/core/client';
import { startServer, type RunningServer } from '../../electron/http/server';
import { makeTempDir } from '../helpers/tmp';

const tables = ['products', 'variants', 'stock_movements', 'orders', 'order_items', 'payments', 'promotions', 'customers', 'conversations', 'messages', 'deliveries', 'settings', 'media', 'channel_accounts', 'broadcasts', 'outbox', 'lives', 'live_items', 'live_claims', 'live_comments'];

/** A cheap fingerprint of everything saved: row counts and the newest row per table. */
const fingerprint = (core: Core): string =>
  tables.map((t) => `${t}:${String(core.db.prepare(`SELECT count(*) || '/' || coalesce(max(rowid), 0) FROM ${t}`).pluck().get())}`).join(' ');

// Payloads that are valid for these methods do real, slow work (files, backups); the fuzz is about bad input.
const slowWhenValid = new Set(['backup.create', 'print.catalog', 'backup.restore', 'shop.export']);

describe('every API method under arbitrary payloads', () => {
  const tmp = makeTempDir();
  let core: Core;
  let server: RunningServer;
  beforeAll(async () => {
    core = createCore({ dataDir: tmp.dir });
    const api = coreClient(core);
    const product = await api.call('catalog.createProduct', { name: 'Labial', variants: [{ sku: 'L-1', price: 2500, initialStock: 5 }] });
    await api.call('orders.create', { channel: 'whatsapp', items: [{ variantId: product.variants[0]?.id ?? 0, quantity: 1 }] });
    server = await startServer({ core, token: 'fuzz-token-0123456789', port: 0 });
  });
  afterAll(async () => {
    await server.close();
    core.close();
    tmp.cleanup();
  });

  const payload = fc.oneof(
    fc.anything(),
    fc.dictionary(fc.constantFrom('id', 'name', 'variants', 'items', 'query', 'date', 'variantId', 'delta', 'reason', 'csv', 'mode', 'text', 'status'), fc.anything()),
  );

  for (const method of Object.keys(contract)) {
    it(`${method}: never an internal error, and a refused call changes nothing`, async () => {
      await fc.assert(
        fc.asyncProperty(payload, async (args) => {
          if (slowWhenValid.has(method) && (args === null || args === undefined || (typeof args === 'object' && Object.keys(args).length === 0))) return;
          const before = fingerprint(core);
          const envelope = await core.dispatch(method, args);
          if (envelope.ok) return;
          expect(envelope.error.code).not.toBe('internal');
          expect(fingerprint(core)).toBe(before);
        }),
        { numRuns: 200 },
      );
    });
  }

  it('the HTTP shell answers garbage bodies with 4xx, never 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(contract).filter((m) => !slowWhenValid.has(m))), fc.string({ maxLength: 300 }), async (method, body) => {
        const response = await fetch(`${server.url}/api/${method}`, {
          method: 'POST',
          headers: { Authorization: 'Bearer fuzz-token-0123456789', 'Content-Type': 'application/json' },
          body,
        });
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 300 },
    );
  });
});
