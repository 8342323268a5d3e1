import { describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client';
import { lipstick } from './catalog.suite';
import { openHarness } from './setup';

/** One scripted session; its transcript of envelopes must not depend on the transport. */
const scenario = async (client: ApiClient): Promise<unknown[]> => {
  const transcript: unknown[] = [];
  const record = async (run: Promise<unknown>) => transcript.push(await run);
  await record(client.request('catalog.createProduct', lipstick()));
  await record(client.request('catalog.createProduct', lipstick({ name: '', variants: [] })));
  await record(client.request('stock.adjust', { variantId: 1, delta: -3, reason: 'sale', note: 'Pedido de Miguel' }));
  await record(client.request('stock.adjust', { variantId: 2, delta: -30, reason: 'sale' }));
  await record(client.request('catalog.listProducts', { query: 'labial rrojo' }));
  await record(client.request('stock.history', { variantId: 1 }));
  await record(client.request('catalog.exportCsv', {}));
  await record(client.request('catalog.getProduct', { id: 42 }));
  await record(client.request('settings.update', { currency: 'XYZ' }));
  await record(client.request('settings.update', { shopName: 'Karina Cosméticos' }));
  return transcript;
};

describe('both transports', () => {
  it('return identical results for the same session', async () => {
    const local = await openHarness('in-process');
    const remote = await openHarness('http');
    try {
      const [a, b] = [await scenario(local.client), await scenario(remote.client)];
      expect(b).toEqual(a);
      expect(a.filter((e) => (e as { ok: boolean }).ok === false)).toHaveLength(4);
    } finally {
      await local.close();
      await remote.close();
    }
  });
});
