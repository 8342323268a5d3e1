import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { coreClient } from '../../electron/core/client';
import { startLanServer, type LanServer } from '../../electron/http/lan';
import { contract, type MethodName } from '../../shared/api/contract';
import { helperRolesOf } from '../../shared/api/access';
import type { ApiClient } from '../../shared/api/client';
import type { TeamRole } from '../../shared/api/methods/team';
import { makeTempDir } from '../helpers/tmp';
import { lipstick } from '../contract/catalog.suite';

interface Reply {
  status: number;
  body: { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

const post = (port: number, method: string, token: string, body: unknown = {}) =>
  new Promise<Reply>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: `/api/${method}`, method: 'POST', headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json', Authorization: `Bearer ${token}` } },
      (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });

/** Out of a role, a method answers exactly as a method that does not exist. */
const rolesOf: Record<MethodName, readonly TeamRole[]> = helperRolesOf;

const isRefused = (reply: Reply): boolean => reply.status === 404 && reply.body.error?.message.startsWith('Unknown method') === true;

// Written by hand, apart from the table the core enforces: what each helper must never reach.
const ownerOnly: MethodName[] = [
  'settings.update', 'reports.sales', 'reports.channels', 'reports.products', 'reports.customers', 'backup.create', 'backup.list', 'backup.restore',
  'customers.exportData', 'customers.erase', 'shop.export', 'shop.import', 'catalog.exportCsv', 'team.add', 'team.update', 'team.remove', 'lan.pairingCode', 'lan.devices', 'lan.revoke',
  'channels.connect', 'broadcasts.start', 'stock.adjust', 'catalog.updateProduct', 'app.exportLog',
  'stall.setAside', 'stall.returnUnsold', 'stall.conflicts', 'stall.settleConflict',
];
const mustReach: Record<Exclude<TeamRole, 'owner'>, MethodName[]> = {
  seller: ['inbox.listConversations', 'inbox.sendMessage', 'orders.create', 'orders.list', 'orders.addPayment', 'catalog.listProducts', 'customers.get'],
  stall: ['catalog.listProducts', 'promotions.list', 'settings.get', 'stall.snapshot', 'stall.stock', 'stall.sync'],
  delivery: ['deliveries.listForDay', 'deliveries.markDelivered', 'lan.renewToken'],
};

describe('roles of the team, enforced by the core for calls over the network', () => {
  const tmp = makeTempDir();
  const now = Date.UTC(2026, 2, 7, 15);
  let core: Core;
  let api: ApiClient;
  let lan: LanServer;
  let port = 0;
  const tokens = new Map<TeamRole, string>();
  const people = new Map<TeamRole, number>();

  const pairFor = async (personId: number | undefined, deviceName: string): Promise<string> => {
    const { code } = await api.call('lan.pairingCode', personId === undefined ? {} : { personId });
    const reply = await new Promise<Reply>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: '/lan/pair', method: 'POST', headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json' } }, (res) => {
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      });
      req.on('error', reject);
      req.end(JSON.stringify({ code, deviceName }));
    });
    const value = reply.body.value;
    return typeof value === 'object' && value !== null && 'token' in value && typeof value.token === 'string' ? value.token : '';
  };

  beforeAll(async () => {
    core = createCore({ dataDir: tmp.dir, clock: () => now });
    api = coreClient(core);
    lan = await startLanServer(core, { host: '127.0.0.1', port: 0 });
    port = Number(new URL(lan.url).port);
    await api.call('catalog.createProduct', lipstick());
    for (const [role, name] of [['owner', 'Karina (celular)'], ['seller', 'Lucía'], ['stall', 'Rosa'], ['delivery', 'Diego']] as const) {
      const person = await api.call('team.add', { name, role });
      people.set(role, person.id);
      tokens.set(role, await pairFor(person.id, `Celular de ${name}`));
    }
  });
  afterAll(async () => {
    await lan.close();
    core.close();
    tmp.cleanup();
  });

  it('answers every method for every role exactly as the role table says', async () => {
    for (const role of ['seller', 'stall', 'delivery'] as const) {
      const token = tokens.get(role) ?? '';
      for (const method of Object.keys(contract).filter((name): name is MethodName => name in helperRolesOf)) {
        const isAllowed = rolesOf[method].includes(role);
        // Arguments that no method accepts: an allowed call is turned down for its input, never run.
        const reply = await post(port, method, token, { notAnArgument: true });
        expect(isRefused(reply), `${role} × ${method}`).toBe(!isAllowed);
        if (isAllowed) expect(reply.body.error?.code, `${role} × ${method}`).toBe('invalid_input');
      }
    }
  });

  it('keeps every helper away from settings, reports, backups, exports and the team, and lets each do its work', async () => {
    for (const role of ['seller', 'stall', 'delivery'] as const) {
      for (const method of ownerOnly) expect(isRefused(await post(port, method, tokens.get(role) ?? '')), `${role} × ${method}`).toBe(true);
      for (const method of mustReach[role]) expect(isRefused(await post(port, method, tokens.get(role) ?? '')), `${role} × ${method}`).toBe(false);
    }
    expect(isRefused(await post(port, 'orders.create', tokens.get('stall') ?? ''))).toBe(true);
    expect(isRefused(await post(port, 'inbox.sendMessage', tokens.get('delivery') ?? ''))).toBe(true);
    // A phone of the owner herself may do what she does.
    const settings = await post(port, 'reports.sales', tokens.get('owner') ?? '', { from: '2026-03-01', to: '2026-03-07' });
    expect(settings.status).toBe(200);
  });

  it('records who made an order, and lists a person’s orders', async () => {
    const product = (await api.call('catalog.listProducts', {})).items[0];
    const variantId = product?.variants[0]?.id ?? 0;
    const made = await post(port, 'orders.create', tokens.get('seller') ?? '', { channel: 'whatsapp', customer: { name: 'Ana', phone: '+51 987654321' }, items: [{ variantId, quantity: 1 }] });
    expect(made.status).toBe(200);
    await api.call('orders.create', { channel: 'stall', items: [{ variantId, quantity: 1 }] });
    const byLucia = await api.call('orders.list', { recordedBy: people.get('seller') ?? 0 });
    expect(byLucia.items.map((o) => o.customerName)).toEqual(['Ana']);
    const all = await api.call('orders.list', {});
    expect(all.items.map((o) => o.recordedByName).sort()).toEqual(['Lucía', null].sort());
  });

  it('lets the stall phone take its snapshot and sync its sales, recorded under Rosa’s name, once', async () => {
    const variantId = (await api.call('catalog.listProducts', {})).items[0]?.variants[0]?.id ?? 0;
    await api.call('stall.setAside', { lines: [{ variantId, quantity: 2 }] });
    const token = tokens.get('stall') ?? '';
    const snapshot = await post(port, 'stall.snapshot', token);
    expect(snapshot.status).toBe(200);
    expect(JSON.stringify(snapshot.body.value)).toContain('"stallUnits":2');
    const sales = [{ id: '0b7f4a52-3c1e-4d8a-9f6e-2a5b8c9d0e1f', soldAt: now - 3_600_000, lines: [{ variantId, quantity: 1, unitPrice: 2500 }], paymentMethod: 'Efectivo' }];
    const first = await post(port, 'stall.sync', token, { sales });
    expect(first.body).toMatchObject({ ok: true, value: { results: [{ status: 'applied' }] } });
    expect(await post(port, 'stall.sync', token, { sales })).toMatchObject({ body: { ok: true, value: { results: [{ status: 'duplicate' }] } } });
    const byRosa = await api.call('orders.list', { recordedBy: people.get('stall') ?? 0 });
    expect(byRosa.items.map((o) => [o.channel, o.status, o.recordedByName])).toEqual([['stall', 'delivered', 'Rosa']]);
    // What she may not do from the stall: move units or settle what did not apply.
    expect(isRefused(await post(port, 'stall.returnUnsold', token))).toBe(true);
  });

  it('stops a person’s phones at once when she leaves the team, and pairs nothing for her after', async () => {
    const id = people.get('stall') ?? 0;
    const before = await post(port, 'catalog.listProducts', tokens.get('stall') ?? '');
    expect(before.status).toBe(200);
    const { code } = await api.call('lan.pairingCode', { personId: id });
    await api.call('team.remove', { id });
    expect((await post(port, 'catalog.listProducts', tokens.get('stall') ?? '')).status).toBe(401);
    await expect(api.call('lan.pairingCode', { personId: id })).rejects.toMatchObject({ code: 'not_found' });
    expect(code).toMatch(/^\d{6}$/);
  });

  it('moves a phone to its person’s new role right away', async () => {
    const id = people.get('delivery') ?? 0;
    const token = tokens.get('delivery') ?? '';
    expect(isRefused(await post(port, 'orders.list', token))).toBe(true);
    await api.call('team.update', { id, role: 'seller' });
    expect((await post(port, 'orders.list', token)).status).toBe(200);
    await api.call('team.update', { id, role: 'delivery' });
    expect(isRefused(await post(port, 'orders.list', token))).toBe(true);
  });
});
