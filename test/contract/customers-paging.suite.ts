import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEARCH_TOTAL_CAP } from '../../shared/api/schemas';
import { RANKED_AT_MOST } from '../../electron/core/customers/list';
import { ORDER_HISTORY_PAGE } from '../../electron/core/customers/handlers';
import { openHarness, type Harness, type TransportName } from './setup';

/** The customer list and search: a page, a total (capped for a search), best match or latest buyer first. */
export const customersPagingContractSuite = (transport: TransportName): void => {
  describe(`customers paging (${transport})`, () => {
    let h: Harness;
    beforeEach(async () => {
      h = await openHarness(transport);
    });
    afterEach(async () => h.close());

    const chatter = (n: number, author: string) => ({
      channel: 'instagram' as const,
      conversationExternalId: `ig-thread-${n}`,
      messageExternalId: `ig-${n}`,
      direction: 'in' as const,
      author,
      senderExternalId: `user.${n}`,
      text: 'hola',
      sentAt: 1_000 + n,
    });
    /** A customer who bought once (customers are made by their first order). */
    const buyer = async (name: string, phone: string, variantId: number) =>
      (await h.client.call('orders.create', { channel: 'whatsapp', customer: { name, phone }, items: [{ variantId, quantity: 1 }] })).customer?.id ?? 0;
    const variant = async () => (await h.client.call('catalog.createProduct', { name: 'Labial', variants: [{ sku: 'L', price: 2500, initialStock: 50 }] })).variants[0]?.id ?? 0;

    it('pages everyone, latest buyer first and then by name, with the total and no repeats', async () => {
      const variantId = await variant();
      const ana = await buyer('Ana Flores', '987111001', variantId);
      const bea = await buyer('Beatriz Ñahui', '987111002', variantId);
      const carla = await buyer('Carla Ríos', '987111003', variantId);
      await h.client.call('inbox.ingestMessages', { messages: [chatter(1, 'Zoila'), chatter(2, 'Marta')] });
      const pages = [];
      for (const offset of [0, 2, 4]) pages.push(await h.client.call('customers.list', { limit: 2, offset }));
      expect(pages.map((p) => [p.total, p.isTotalCapped ?? false])).toEqual([[5, false], [5, false], [5, false]]);
      const names = pages.flatMap((p) => p.items.map((c) => c.name));
      expect(names).toEqual(['Carla Ríos', 'Beatriz Ñahui', 'Ana Flores', 'Marta', 'Zoila']);
      // An old caller (no offset, the default limit) gets the same list in one answer.
      expect((await h.client.call('customers.list', {})).items.map((c) => c.name)).toEqual(names);
      const [first] = pages[0]?.items ?? [];
      expect(first).toMatchObject({ id: carla, orders: 1, lifetimeValue: 2500, phone: '+51987111003' });
      expect(first?.lastPurchaseAt).toBeGreaterThan(0);
      expect(pages[2]?.items[0]).toMatchObject({ orders: 0, lifetimeValue: 0, lastPurchaseAt: null });
      expect([ana, bea].every((id) => names.length === 5 && id > 0)).toBe(true);
      expect(await h.client.call('customers.list', { limit: 2, offset: 10 })).toEqual({ items: [], total: 5 });
    });

    it('finds by the start of any word, whatever the accents and case, or by any part of the phone', async () => {
      const variantId = await variant();
      const lucia = await buyer('Lucía Pérez Ñuflo', '987 654 321', variantId);
      const other = await buyer('Luciana Quispe', '912 000 111', variantId);
      const ids = async (query: string) => (await h.client.call('customers.list', { query })).items.map((c) => c.id);
      expect(await ids('perez')).toEqual([lucia]);
      expect(await ids('LUCIA nuf')).toEqual([lucia]);
      expect(await ids('ucia')).toEqual([]);
      expect(await ids('987 654 321')).toEqual([lucia]);
      expect(await ids('+51 987-654-321')).toEqual([lucia]);
      expect(await ids('654321')).toEqual([lucia]);
      expect(await ids('321')).toEqual([lucia]);
      expect(await ids('000 111')).toEqual([other]);
      // One or two digits among words belong to a name ("Rosa 2"), not to any phone that has them.
      const numbered = await buyer('Rosa 2', '900 111 222', variantId);
      expect(await ids('rosa 2')).toEqual([numbered]);
      expect(await ids('lucia 32')).toEqual([]);
      // Both start with "luc": the latest buyer comes first when they match as well.
      expect(await ids('luc')).toEqual([other, lucia]);
      const page = await h.client.call('customers.list', { query: 'luc', limit: 1, offset: 1 });
      expect(page).toMatchObject({ total: 2, items: [{ id: lucia }] });
      // Query syntax is only text: quotes, stars and operators find nothing and break nothing.
      for (const hostile of ['"', 'luc*', 'NEAR(a b)', 'a OR b', "'; DROP TABLE customers; --"]) {
        expect((await h.client.request('customers.list', { query: hostile })).ok, hostile).toBe(true);
      }
      expect(await ids('luc" OR "*')).toEqual([]);
    });

    it('follows every write: a rename, a new phone, a merge and an erasure are found (or gone) at once', async () => {
      const variantId = await variant();
      const id = await buyer('Rosa Mamani', '987000111', variantId);
      await h.client.call('customers.update', { id, name: 'Rosita Condori', phone: '945 222 333' });
      const ids = async (query: string) => (await h.client.call('customers.list', { query })).items.map((c) => c.id);
      expect(await ids('mamani')).toEqual([]);
      expect(await ids('rosita')).toEqual([id]);
      expect(await ids('987000111')).toEqual([]);
      expect(await ids('945222333')).toEqual([id]);
      const twin = await buyer('Rosita C.', '912345678', variantId);
      await h.client.call('customers.link', { id, otherId: twin });
      expect(await ids('rosita')).toEqual([id]);
      expect((await h.client.call('customers.list', { query: 'rosita' })).items[0]).toMatchObject({ orders: 2, lifetimeValue: 5000 });
      await h.client.call('customers.erase', { id, confirm: 'BORRAR' });
      expect(await ids('rosita')).toEqual([]);
      expect(await ids('945222333')).toEqual([]);
    });

    it('counts a search up to the cap and says so, and counts on past it as she scrolls', async () => {
      const many = Array.from({ length: SEARCH_TOTAL_CAP + 1 }, (_, i) => chatter(i, `Rosa ${i}`));
      for (let start = 0; start < many.length; start += 500) await h.client.call('inbox.ingestMessages', { messages: many.slice(start, start + 500) });
      expect(await h.client.call('customers.list', { query: 'rosa', limit: 5 })).toMatchObject({ total: SEARCH_TOTAL_CAP, isTotalCapped: true });
      const end = await h.client.call('customers.list', { query: 'rosa', limit: 10, offset: SEARCH_TOTAL_CAP - 5 });
      expect(end.items).toHaveLength(6);
      expect(end).toMatchObject({ total: SEARCH_TOTAL_CAP + 1 });
      expect(end.isTotalCapped ?? false).toBe(false);
      // Without a search everyone is counted exactly.
      expect(await h.client.call('customers.list', { limit: 1 })).toMatchObject({ total: SEARCH_TOTAL_CAP + 1 });
    });

    it(`lists a search of more than ${RANKED_AT_MOST} matches newest customer first, a narrower one best match first`, async () => {
      const many = Array.from({ length: RANKED_AT_MOST + 30 }, (_, i) => chatter(i, `Rosa ${i}`));
      await h.client.call('inbox.ingestMessages', { messages: many });
      const broad = [];
      for (let offset = 0; offset < many.length + 10; offset += 40) broad.push(await h.client.call('customers.list', { query: 'ros', limit: 40, offset }));
      const ids = broad.flatMap((p) => p.items.map((c) => c.id));
      expect(broad.every((p) => p.total === many.length)).toBe(true);
      expect(ids).toHaveLength(many.length);
      expect(ids).toEqual([...ids].sort((a, b) => b - a));
      expect(broad[0]?.items[0]?.name).toBe(`Rosa ${many.length - 1}`);
      // "rosa 1" matches 1, 10–19, 100–199: ranked, the shortest and then first by name.
      const narrow = await h.client.call('customers.list', { query: 'rosa 1', limit: 3 });
      expect(narrow.total).toBe(111);
      expect(narrow.items.map((c) => c.name)).toEqual(['Rosa 1', 'Rosa 10', 'Rosa 100']);
    });

    it('gives her newest orders and how many she has in the profile, and the rest through orders.list', async () => {
      const variantId = await variant();
      const id = await buyer('Lucía Pérez', '987654321', variantId);
      for (let i = 1; i < ORDER_HISTORY_PAGE + 2; i += 1) await h.client.call('orders.create', { channel: i % 2 ? 'instagram' : 'whatsapp', customer: { id }, items: [{ variantId, quantity: 1 }] });
      const newest = await h.client.call('orders.list', { customerId: id, limit: 1 });
      await h.client.call('orders.setStatus', { id: newest.items[0]?.id ?? 0, status: 'cancelled' });
      const profile = await h.client.call('customers.get', { id });
      expect(profile.orderHistory).toHaveLength(ORDER_HISTORY_PAGE);
      expect(profile.orderHistoryTotal).toBe(ORDER_HISTORY_PAGE + 2);
      expect(profile.orderHistory[0]).toMatchObject({ id: newest.items[0]?.id, status: 'cancelled' });
      // Sold, never cancelled: the rollups give the same figures as her orders.
      expect(profile).toMatchObject({ orders: ORDER_HISTORY_PAGE + 1, lifetimeValue: 2500 * (ORDER_HISTORY_PAGE + 1) });
      const rest = await h.client.call('orders.list', { customerId: id, limit: 50, offset: profile.orderHistory.length });
      const all = [...profile.orderHistory, ...rest.items].map((o) => o.id);
      expect(new Set(all).size).toBe(ORDER_HISTORY_PAGE + 2);
      expect(all).toEqual([...all].sort((a, b) => b - a));
    });

    it('refuses bad pages with invalid_input naming the field', async () => {
      for (const [args, field] of [[{ limit: 0 }, 'limit'], [{ limit: 501 }, 'limit'], [{ offset: -1 }, 'offset'], [{ offset: 1.5 }, 'offset']] as const) {
        expect(await h.client.request('customers.list', args as never), JSON.stringify(args)).toMatchObject({ ok: false, error: { code: 'invalid_input', field } });
      }
    });
  });
};
