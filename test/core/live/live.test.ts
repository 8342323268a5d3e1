import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import { createDemoAdapter } from '../../../electron/core/channels/demo';
import { ledgerBalance } from '../../../electron/core/stock/repo';
import type { ApiClient } from '../../../shared/api/client';
import { parseClaim } from '../../../shared/domain/lives';
import { makeTempDir } from '../../helpers/tmp';

const HOUR = 3_600_000;

describe('claims in live comments', () => {
  it('understands how viewers claim, and what is not a claim', () => {
    const claims: [string, number][] = [
      ['lo quiero', 1], ['Lo quiero!!! 😍', 1], ['mío', 1], ['MIO', 1], ['miooo', 1], ['yo', 1], ['yo!!', 1], ['Yo porfa', 1],
      ['separa', 1], ['sepárame 2', 2], ['separame uno', 1], ['quiero 2', 2], ['quiero dos', 2], ['yo quiero', 1], ['me lo llevo', 1],
      ['la quiero en rojo', 1], ['quiero un par', 2], ['apártamelo 🙏', 1], ['es mio', 1],
    ];
    for (const [text, quantity] of claims) expect(parseClaim(text), text).toEqual({ isClaim: true, quantity });
    for (const text of ['cuánto cuesta?', 'hola desde Lima 👋', 'ya no lo quiero', 'tienes en azul?', 'precio?', 'que lindo', 'yo no', 'quiero saber el precio?', 'hermoso 😍']) {
      expect(parseClaim(text).isClaim, text).toBe(false);
    }
  });
});

describe('selling during a live', () => {
  let tmp: { dir: string; cleanup: () => void };
  let core: Core;
  let api: ApiClient;
  let now = Date.UTC(2026, 10, 21, 23);
  let variantId = 0;
  let secondVariant = 0;
  beforeEach(async () => {
    tmp = makeTempDir();
    now = Date.UTC(2026, 10, 21, 23);
    core = createCore({ dataDir: tmp.dir, clock: () => now, isOutboxTimerEnabled: false, random: () => 0, channelAdapters: { demo: createDemoAdapter({ script: [] }) } });
    api = coreClient(core);
    const product = await api.call('catalog.createProduct', { name: 'Paleta de sombras', variants: [{ sku: 'PAL-1', price: 8900, initialStock: 2 }] });
    const other = await api.call('catalog.createProduct', { name: 'Rímel', variants: [{ sku: 'RIM-1', price: 3900, initialStock: 10 }] });
    variantId = product.variants[0]?.id ?? 0;
    secondVariant = other.variants[0]?.id ?? 0;
  });
  afterEach(() => {
    core.close();
    tmp.cleanup();
  });

  const startLive = () => api.call('live.start', { title: 'Live del sábado', channel: 'instagram', items: [{ variantId, livePrice: 6900 }, { variantId: secondVariant, livePrice: 2900 }] });

  it('gives the stock to the first claims, queues the rest, and moves the waitlist up when a reservation expires', async () => {
    const live = await startLive();
    expect(live.onAirItemId).toBe(live.items[0]?.id);
    await expect(startLive()).rejects.toMatchObject({ code: 'conflict' });
    // Sofía has a WhatsApp chat with the shop (through the demo channel), so she can be told.
    await api.call('channels.connect', { kind: 'demo' });
    await api.call('inbox.ingestMessage', { channel: 'whatsapp', via: 'demo', conversationExternalId: '51933221100@c.us', messageExternalId: 's1', direction: 'in', author: 'Sofía', senderExternalId: '51933221100', text: 'hola', sentAt: now });
    const sofiaId = (await api.call('customers.list', {})).items[0]?.id ?? 0;
    const first = await api.call('live.addClaim', { liveId: live.id, handle: '@valeria.rojas', channel: 'instagram' });
    now += 60_000;
    const second = await api.call('live.addClaim', { liveId: live.id, handle: 'Rosa Quispe' });
    const third = await api.call('live.addClaim', { liveId: live.id, handle: 'Sofía', quantity: 1 });
    expect([first.status, second.status, third.status]).toEqual(['reserved', 'reserved', 'waitlist']);
    expect(first.expiresAt).toBe(Date.UTC(2026, 10, 21, 23) + 24 * HOUR);
    // The stall cannot sell what the live reserved.
    await expect(api.call('stock.adjust', { variantId, delta: -1, reason: 'stall_sale' })).rejects.toMatchObject({ code: 'insufficient_stock', details: { available: 0, reserved: 2 } });

    await api.call('live.markPaid', { claimId: second.id, method: 'Yape/Plin' });
    now = (first.expiresAt ?? 0) + 1;
    expect(await api.call('live.expireDue', {})).toEqual({ expired: 1 });
    const claims = (await api.call('live.claims', { liveId: live.id })).items;
    expect(claims.map((c) => [c.handle, c.status])).toEqual([
      ['@valeria.rojas', 'expired'],
      ['Rosa Quispe', 'paid'],
      ['Sofía', 'reserved'],
    ]);
    // A name typed by hand finds the customer who already wrote; the one promoted is told on her chat.
    expect(claims[2]?.customerId).toBe(sofiaId);
    const told = core.db.prepare<[], string>("SELECT text FROM outbox WHERE target = 'live_message'").pluck().all();
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('Se liberó');
    // An Instagram handle is one customer with that identity.
    const valeria = await api.call('customers.get', { id: claims[0]?.customerId ?? 0 });
    expect(valeria.identities).toEqual([{ channel: 'instagram', externalId: 'valeria.rojas', displayName: 'valeria.rojas' }]);
  });

  it('turns a paid reservation into a confirmed, paid order at the live price, counted as "Instagram live"', async () => {
    const live = await startLive();
    await api.call('live.setOnAir', { liveId: live.id, itemId: live.items[1]?.id ?? 0 });
    const claim = await api.call('live.addClaim', { liveId: live.id, handle: '@valeria.rojas', channel: 'instagram', quantity: 2, comment: 'quiero 2' });
    const paid = await api.call('live.markPaid', { claimId: claim.id, method: 'Efectivo' });
    const order = await api.call('orders.get', { id: paid.orderId ?? 0 });
    expect(order).toMatchObject({ status: 'confirmed', channel: 'instagram', total: 5800, paid: 5800 });
    expect(order.items).toMatchObject([{ variantId: secondVariant, quantity: 2, unitPrice: 2900 }]);
    expect(ledgerBalance(core.db, secondVariant)).toBe(8);
    await expect(api.call('live.markPaid', { claimId: claim.id, method: 'Efectivo' })).rejects.toMatchObject({ code: 'conflict' });

    await api.call('live.stop', { liveId: live.id });
    const summary = await api.call('live.summary', { liveId: live.id });
    expect(summary).toMatchObject({ claims: 1, converted: 1, revenue: 5800 });
    const channels = await api.call('reports.channels', { from: '2026-11-01', to: '2026-11-30' });
    expect(channels.items.find((r) => r.channel === 'instagram_live')).toMatchObject({ orders: 1, revenue: 5800, conversations: 1, conversion: 1 });
    expect(channels.items.find((r) => r.channel === 'instagram')).toMatchObject({ orders: 0 });
    await expect(api.call('live.addClaim', { liveId: live.id, handle: 'tarde' })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('sends each buyer one message on their chat with what they claimed and how to pay', async () => {
    await api.call('channels.connect', { kind: 'demo' });
    await api.call('inbox.ingestMessage', { channel: 'whatsapp', via: 'demo', conversationExternalId: '51944556677@c.us', messageExternalId: 'w1', direction: 'in', author: 'Valeria Rojas', senderExternalId: '51944556677', text: 'hola!', sentAt: now });
    const valeria = (await api.call('customers.list', {})).items[0]?.id ?? 0;
    const live = await startLive();
    // Valeria claims by hand with her name; Rosa has no chat with the shop.
    await api.call('live.addClaim', { liveId: live.id, handle: 'Valeria Rojas' });
    await api.call('live.addClaim', { liveId: live.id, handle: 'Rosa Quispe' });
    await api.call('live.stop', { liveId: live.id });
    const sent = await api.call('live.sendMessages', { liveId: live.id });
    expect(sent.queued).toBe(1);
    expect(sent.withoutChat.map((w) => w.customerName)).toEqual(['Rosa Quispe']);
    expect(sent.withoutChat[0]?.text).toContain('Total: S/');
    await expect(api.call('live.sendMessages', { liveId: live.id })).rejects.toMatchObject({ code: 'conflict' });
    await core.outbox.runDue();
    const timeline = await api.call('inbox.getConversation', { id: (await api.call('inbox.listConversations', {})).items[0]?.id ?? 0 });
    expect(timeline.customerId).toBe(valeria);
    expect(timeline.messages.at(-1)).toMatchObject({ direction: 'out' });
    expect(timeline.messages.at(-1)?.text).toContain('Paleta de sombras');
  });

  it('never oversells across live claims, orders and the stall at the same time (property)', async () => {
    const live = await startLive();
    const itemId = live.items[0]?.id ?? 0;
    await api.call('stock.adjust', { variantId, delta: 4, reason: 'receive' });
    const step = fc.oneof(
      fc.record({ kind: fc.constant('claim' as const), quantity: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ kind: fc.constant('order' as const), quantity: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ kind: fc.constant('stall' as const), quantity: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ kind: fc.constant('pay' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('expire' as const) }),
      fc.record({ kind: fc.constant('restock' as const), quantity: fc.integer({ min: 1, max: 2 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 25 }), async (steps) => {
        for (const s of steps) {
          const claims = (await api.call('live.claims', { liveId: live.id, itemId })).items;
          const open = claims.filter((c) => c.status === 'reserved' || c.status === 'waitlist');
          try {
            if (s.kind === 'claim') await api.call('live.addClaim', { liveId: live.id, itemId, handle: `viewer-${claims.length}`, quantity: s.quantity });
            if (s.kind === 'order') {
              const order = await api.call('orders.create', { channel: 'whatsapp', items: [{ variantId, quantity: s.quantity }] });
              await api.call('orders.setStatus', { id: order.id, status: 'confirmed' });
            }
            if (s.kind === 'stall') await api.call('stock.adjust', { variantId, delta: -s.quantity, reason: 'stall_sale' });
            if (s.kind === 'pay' && open.length) await api.call('live.markPaid', { claimId: open[s.pick % open.length]?.id ?? 0, method: 'Efectivo' });
            if (s.kind === 'cancel' && open.length) await api.call('live.cancelClaim', { claimId: open[s.pick % open.length]?.id ?? 0 });
            if (s.kind === 'expire') {
              now += 25 * HOUR;
              await api.call('live.expireDue', {});
            }
            if (s.kind === 'restock') await api.call('stock.adjust', { variantId, delta: s.quantity, reason: 'receive' });
          } catch (error) {
            expect(error).toMatchObject({ code: expect.stringMatching(/^(insufficient_stock|conflict)$/) });
          }
          const stock = Number(core.db.prepare('SELECT stock FROM variants WHERE id = ?').pluck().get(variantId));
          const reserved = Number(core.db.prepare("SELECT coalesce(sum(quantity), 0) FROM live_claims WHERE variant_id = ? AND status = 'reserved'").pluck().get(variantId));
          expect(stock).toBeGreaterThanOrEqual(0);
          expect(reserved).toBeLessThanOrEqual(stock);
          expect(stock).toBe(ledgerBalance(core.db, variantId));
        }
      }),
      { numRuns: 25, seed: 11 },
    );
  });
});
