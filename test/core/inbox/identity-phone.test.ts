import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import type { ApiClient } from '../../../shared/api/client';
import { lipstick } from '../../contract/catalog.suite';
import { makeTempDir } from '../../helpers/tmp';

const NOW = Date.UTC(2026, 10, 21, 15);

/** A WhatsApp message from a number: WhatsApp's sender id is the number's digits. */
const fromWhatsApp = (digits: string, author: string, id: string, text = 'hola, tienes el labial rojo?') => ({
  channel: 'whatsapp' as const,
  via: 'demo' as const,
  conversationExternalId: `${digits}@c.us`,
  messageExternalId: id,
  direction: 'in' as const,
  author,
  senderExternalId: digits,
  text,
  sentAt: NOW - 60_000,
});

describe('a first WhatsApp message from a number the seller saved on a customer', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let core: Core;
  let api: ApiClient;
  let variantId = 0;
  const customers = () => core.db.prepare<[], { id: number; name: string; phone: string }>('SELECT id, name, phone FROM customers ORDER BY id').all();
  /** A customer typed in by hand with her number, the way she gives it ("987 222 333"). */
  const onFile = async (name: string, phone: string) =>
    (await api.call('orders.create', { channel: 'instagram', customer: { name, phone }, items: [{ variantId, quantity: 1 }] })).customer?.id ?? 0;

  beforeEach(async () => {
    tmp = makeTempDir();
    core = createCore({ dataDir: tmp.dir, clock: () => NOW, isOutboxTimerEnabled: false });
    api = coreClient(core);
    variantId = (await api.call('catalog.createProduct', lipstick())).variants[0]?.id ?? 0;
  });
  afterEach(() => {
    core.close();
    tmp.cleanup();
  });

  it('lands on her card: no second customer, her name kept, the chat on her page', async () => {
    const rosa = await onFile('Rosa Quispe', '987 222 333');
    const before = customers();
    const { conversationId } = await api.call('inbox.ingestMessage', fromWhatsApp('51987222333', 'Rosita 🌸', 'w1'));
    expect(customers()).toEqual(before);
    const conversation = await api.call('inbox.getConversation', { id: conversationId });
    expect(conversation.customerId).toBe(rosa);
    expect(conversation.customerName).toBe('Rosa Quispe');
    const profile = await api.call('customers.get', { id: rosa });
    expect(profile.identities).toContainEqual(expect.objectContaining({ channel: 'whatsapp', externalId: '51987222333' }));
    // The next message finds her by the identity, as any known sender.
    await api.call('inbox.ingestMessage', fromWhatsApp('51987222333', 'Rosita 🌸', 'w2', 'me separas 2 xfa'));
    expect(customers()).toEqual(before);
  });

  it('can still be told apart by the seller: unlinking gives the number its own customer', async () => {
    const rosa = await onFile('Rosa Quispe', '987 222 333');
    await api.call('inbox.ingestMessage', fromWhatsApp('51987222333', 'Tía de Rosa', 'w1'));
    const after = await api.call('customers.unlink', { id: rosa, channel: 'whatsapp', externalId: '51987222333' });
    expect(after.identities.some((i) => i.channel === 'whatsapp')).toBe(false);
    expect(customers().map((c) => c.name)).toEqual(['Rosa Quispe', 'Tía de Rosa']);
  });

  it('two customers with that number are her question, not a guess: a new customer, suggested as the same person', async () => {
    await onFile('Rosa Quispe', '987 222 333');
    // Her mother's card got the same number by hand (orders find a customer by phone, so only an edit can).
    const mother = await onFile('Rosa Q. (mamá)', '987 000 111');
    await api.call('customers.update', { id: mother, phone: '+51 987-222-333' });
    await api.call('inbox.ingestMessage', fromWhatsApp('51987222333', 'Rosita', 'w1'));
    expect(customers().map((c) => c.name)).toEqual(['Rosa Quispe', 'Rosa Q. (mamá)', 'Rosita']);
    const { items } = await api.call('customers.suggestMatches', {});
    expect(items.filter((s) => s.reason === 'same_phone').map((s) => [s.customerName, s.otherName])).toContainEqual(['Rosa Quispe', 'Rosita']);
  });

  it('another number, or no number on file, is a new customer as before', async () => {
    await onFile('Rosa Quispe', '987 222 333');
    await onFile('Carmen', '');
    await api.call('inbox.ingestMessage', fromWhatsApp('51987222334', 'Carmen', 'w1'));
    expect(customers().map((c) => [c.name, c.phone])).toEqual([
      ['Rosa Quispe', '+51987222333'],
      ['Carmen', ''],
      ['Carmen', '+51987222334'],
    ]);
  });

  it('a number typed for a live claim is her too', async () => {
    const rosa = await onFile('Rosa Quispe', '987 222 333');
    const live = await api.call('live.start', { title: 'Live de labiales', channel: 'instagram', items: [{ variantId, livePrice: 2000 }] });
    const claim = await api.call('live.addClaim', { liveId: live.id, handle: '987 222 333', channel: 'whatsapp' });
    expect(claim.customerId).toBe(rosa);
    expect(customers()).toHaveLength(1);
  });
});
