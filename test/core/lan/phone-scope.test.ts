import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import type { Principal } from '../../../electron/core/lan/principal';
import type { ApiClient } from '../../../shared/api/client';
import { DEVICE_IDLE_LIMIT } from '../../../shared/api/methods/lan';
import { lipstick } from '../../contract/catalog.suite';
import { makeTempDir } from '../../helpers/tmp';

const DAY = 24 * 60 * 60_000;
// 10:00 in Lima on Saturday 2026-03-07 (15:00 UTC): "today" for the shop.
const SATURDAY = Date.UTC(2026, 2, 7, 15);

describe("a delivery phone's scope", () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let now = SATURDAY;
  let core: Core;
  let api: ApiClient;
  let phone: Principal;
  let token = '';
  const orders: Record<'today' | 'pickup' | 'tomorrow' | 'unconfirmed' | 'undated' | 'yesterday', number> = { today: 0, pickup: 0, tomorrow: 0, unconfirmed: 0, undated: 0, yesterday: 0 };
  const asPhone = (method: string, args: unknown) => core.dispatch(method, args, { principal: phone });
  /** Everything a refused call could have touched. */
  const ledger = () =>
    JSON.stringify(['orders', 'payments', 'deliveries', 'order_events', 'stock_movements'].map((table) => core.db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()));

  beforeEach(async () => {
    tmp = makeTempDir();
    now = SATURDAY;
    core = createCore({ dataDir: tmp.dir, clock: () => now, isOutboxTimerEnabled: false });
    api = coreClient(core);
    const product = await api.call('catalog.createProduct', lipstick({ variants: [{ name: 'Rojo', sku: 'LAB-ROJ', price: 2500, initialStock: 50 }] }));
    const variantId = product.variants[0]?.id ?? 0;
    const order = async (name: string, deliveryDate: string | null, isConfirmed = true) => {
      const created = await api.call('orders.create', { channel: 'whatsapp', customer: { name, phone: '' }, items: [{ variantId, quantity: 1 }], deliveryDate, deliveryFee: 500 });
      if (isConfirmed) await api.call('orders.setStatus', { id: created.id, status: 'confirmed' });
      return created.id;
    };
    orders.today = await order('Ana', '2026-03-07');
    await api.call('deliveries.assign', { orderId: orders.today, address: 'Av. Los Olivos 123', contactPhone: '987 222 333', timeWindow: '3 - 5 pm' });
    orders.pickup = await order('Beto', '2026-03-07');
    await api.call('deliveries.assign', { orderId: orders.pickup, method: 'pickup' });
    orders.tomorrow = await order('Carla', '2026-03-08');
    orders.yesterday = await order('Dora', '2026-03-06');
    orders.unconfirmed = await order('Elsa', '2026-03-07', false);
    orders.undated = await order('Fabi', null);
    const { code } = await api.call('lan.pairingCode', {});
    const paired = await core.dispatch('lan.pair', { code, deviceName: 'Celular de Diego' }, { principal: { kind: 'stranger', source: '192.168.1.20' } });
    if (!paired.ok) throw new Error('pairing failed');
    token = (paired.value as { token: string }).token;
    phone = core.lan.principalForToken(token) ?? { kind: 'stranger', source: 'none' };
  });
  afterEach(() => {
    core.close();
    tmp.cleanup();
  });

  it("lists only today's stops to an address, with the day taken from the core's clock", async () => {
    const day = await asPhone('deliveries.listForDay', {});
    expect(day).toMatchObject({ ok: true, value: { date: '2026-03-07', language: 'es' } });
    const stops = day.ok ? (day.value as { stops: { orderId: number; phoneDigits: string; timeWindow: string }[] }).stops : [];
    expect(stops.map((s) => s.orderId)).toEqual([orders.today]);
    expect(stops[0]).toMatchObject({ phoneDigits: '51987222333', timeWindow: '3 - 5 pm' });
    expect(await asPhone('deliveries.listForDay', { date: '2026-03-07' })).toMatchObject({ ok: true });
    // 23:30 in Lima is still Saturday although it is Sunday in UTC.
    now = Date.UTC(2026, 2, 8, 4, 30);
    expect(await asPhone('deliveries.listForDay', {})).toMatchObject({ ok: true, value: { date: '2026-03-07' } });
  });

  it('is refused any other day', async () => {
    for (const date of ['2026-03-08', '2026-03-06', '2025-01-01']) {
      expect(await asPhone('deliveries.listForDay', { date }), date).toMatchObject({ ok: false, error: { code: 'forbidden', field: 'date' } });
    }
  });

  it('cannot close an order of another day, a pickup, an unconfirmed or undated order, or one that does not exist; nothing changes', async () => {
    const before = ledger();
    for (const [name, orderId] of Object.entries({ ...orders, today: 999_999 })) {
      const delivered = await asPhone('deliveries.markDelivered', { orderId, cashCollected: 0 });
      expect(delivered, `markDelivered ${name}`).toMatchObject({ ok: false, error: { code: 'not_found' } });
      const failed = await asPhone('deliveries.markFailed', { orderId, reason: 'No había nadie' });
      expect(failed, `markFailed ${name}`).toMatchObject({ ok: false, error: { code: 'not_found' } });
      // The refusal carries no customer data.
      expect(JSON.stringify(failed)).not.toMatch(/Carla|Dora|Elsa|Fabi|Beto/);
    }
    expect(ledger()).toBe(before);
  });

  it("cannot move today's stop to another day", async () => {
    const before = ledger();
    expect(await asPhone('deliveries.markFailed', { orderId: orders.today, reason: 'Otro día', rescheduleTo: '2026-03-20' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', field: 'rescheduleTo' },
    });
    expect(ledger()).toBe(before);
  });

  it('reaches no method outside its role', async () => {
    const before = ledger();
    for (const [method, args] of [
      ['orders.get', { id: orders.tomorrow }],
      ['orders.list', {}],
      ['customers.list', {}],
      ['deliveries.getStop', { orderId: orders.tomorrow }],
      ['deliveries.assign', { orderId: orders.tomorrow, date: '2026-03-07' }],
      ['deliveries.reorder', { date: '2026-03-07', orderIds: [orders.today] }],
      ['deliveries.routeSheet', { date: '2026-03-08' }],
      ['lan.pairingCode', {}],
      ['lan.devices', {}],
      ['settings.get', {}],
    ] as const) {
      expect(await asPhone(method, args), method).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    expect(ledger()).toBe(before);
  });

  it('closes its own stop once, recording the cash, the phone that did it and the day total to hand over', async () => {
    const delivered = await asPhone('deliveries.markDelivered', { orderId: orders.today, cashCollected: 1500 });
    expect(delivered).toMatchObject({ ok: true, value: { outcome: 'delivered', collected: 1500 } });
    expect(core.db.prepare('SELECT finished_by_device FROM deliveries WHERE order_id = ?').pluck().get(orders.today)).toBe(phone.kind === 'device' ? phone.deviceId : -1);
    const before = ledger();
    expect(await asPhone('deliveries.markDelivered', { orderId: orders.today, cashCollected: 100 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(ledger()).toBe(before);
    expect(await asPhone('deliveries.listForDay', {})).toMatchObject({ ok: true, value: { totals: { delivered: 1, collected: 1500 } } });
  });

  it('records last use, renews on every use and expires after 30 days without use', async () => {
    expect((await api.call('lan.devices', {})).items[0]).toMatchObject({ lastSeenAt: SATURDAY, expiresAt: SATURDAY + DEVICE_IDLE_LIMIT, isExpired: false });
    now = SATURDAY + 29 * DAY;
    expect(core.lan.principalForToken(token)).not.toBeNull();
    expect((await api.call('lan.devices', {})).items[0]).toMatchObject({ lastSeenAt: now, expiresAt: now + DEVICE_IDLE_LIMIT });
    const lastUse = now;
    now = lastUse + DEVICE_IDLE_LIMIT - 1;
    expect(core.lan.principalForToken(token)).not.toBeNull();
    now += DEVICE_IDLE_LIMIT;
    expect(core.lan.principalForToken(token)).toBeNull();
    expect((await api.call('lan.devices', {})).items[0]).toMatchObject({ isExpired: true, isRevoked: false });
  });

  it('a revoked phone is let in no more', async () => {
    await api.call('lan.revoke', { id: phone.kind === 'device' ? phone.deviceId : 0 });
    expect(core.lan.principalForToken(token)).toBeNull();
    expect(core.lan.principalForToken('not-a-token')).toBeNull();
  });
});

describe("renewing a phone's token", () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let core: Core;
  beforeEach(() => {
    tmp = makeTempDir();
    core = createCore({ dataDir: tmp.dir, clock: () => SATURDAY, isOutboxTimerEnabled: false });
  });
  afterEach(() => {
    core.close();
    tmp.cleanup();
  });
  const pair = async (): Promise<string> => {
    const { code } = await coreClient(core).call('lan.pairingCode', {});
    const paired = await core.dispatch('lan.pair', { code, deviceName: 'Celular' }, { principal: { kind: 'stranger', source: '10.0.0.20' } });
    return paired.ok ? (paired.value as { token: string }).token : '';
  };
  const renewWith = async (token: string): Promise<string> => {
    const principal = core.lan.principalForToken(token);
    if (!principal) throw new Error('not let in');
    const renewed = await core.dispatch('lan.renewToken', {}, { principal });
    return renewed.ok ? (renewed.value as { token: string }).token : '';
  };

  it('gives the phone a fresh token; the old one works until the fresh one is used, then never again', async () => {
    const old = await pair();
    const fresh = await renewWith(old);
    expect(fresh).not.toBe(old);
    expect(core.lan.principalForToken(old)).not.toBeNull();
    expect(core.lan.principalForToken(fresh)).not.toBeNull();
    expect(core.lan.principalForToken(old)).toBeNull();
  });

  it('keeps the phone in when two renewals in a row never reached it', async () => {
    const old = await pair();
    await renewWith(old);
    await renewWith(old);
    expect(core.lan.principalForToken(old)).not.toBeNull();
  });

  it('is for paired phones only', async () => {
    expect(await core.dispatch('lan.renewToken', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await core.dispatch('lan.renewToken', {}, { principal: { kind: 'stranger', source: '10.0.0.66' } })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
