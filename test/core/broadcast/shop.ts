import { createCore, type Core, type CoreOptions } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import { createDemoAdapter } from '../../../electron/core/channels/demo';
import type { ApiClient } from '../../../shared/api/client';
import type { Pacing } from '../../../shared/domain/broadcasts';

export const noPacing: Pacing = { minGapSeconds: 0.01, maxGapSeconds: 0.01, hourlyCap: 1000, dailyCap: 10_000, quietStart: '00:00', quietEnd: '00:00', isSlowStartForNewNumber: false };

export const reopenShop = (dataDir: string, clock: () => number): { core: Core; api: ApiClient } => {
  const core = createCore({ dataDir, clock, isOutboxTimerEnabled: false, random: () => 0.5, channelAdapters: { demo: createDemoAdapter({ script: [] }) } });
  return { core, api: coreClient(core) };
};

/** A shop with a lipstick on promotion and the demo channel connected (no scripted customers). */
export const openShop = async (dataDir: string, clock: () => number, extra: Partial<CoreOptions> = {}): Promise<{ core: Core; api: ApiClient; promotionId: number; productId: number; variantId: number }> => {
  const core = createCore({ dataDir, clock, isOutboxTimerEnabled: false, random: () => 0.5, channelAdapters: { demo: createDemoAdapter({ script: [] }) }, ...extra });
  const api = coreClient(core);
  const product = await api.call('catalog.createProduct', { name: 'Labial mate', variants: [{ sku: 'LAB-1', price: 3500, initialStock: 100 }] });
  const variantId = product.variants[0]?.id ?? 0;
  const today = new Date(clock()).toISOString().slice(0, 10);
  const promo = await api.call('promotions.create', { title: '2x1 en labiales', kind: 'percent', percentOff: 20, startsOn: today, items: [{ variantId, promoPrice: null }] });
  await api.call('channels.connect', { kind: 'demo' });
  return { core, api, promotionId: promo.id, productId: product.id, variantId };
};

/** A customer who wrote on WhatsApp (through the demo channel) and said yes to promotions. */
export const addCustomer = async (api: ApiClient, n: number, at: number, consent: 'opted_in' | 'opted_out' | 'unknown' = 'opted_in', tags: string[] = []): Promise<number> => {
  const phone = `5199${String(1_000_000 + n).slice(1)}`;
  const ingested = await api.call('inbox.ingestMessage', {
    channel: 'whatsapp',
    via: 'demo',
    conversationExternalId: `${phone}@c.us`,
    messageExternalId: `hello-${n}`,
    direction: 'in',
    author: `Clienta ${n}`,
    senderExternalId: phone,
    text: 'hola, quiero ver las promos 😊',
    sentAt: at,
  });
  const { customerId } = await api.call('inbox.getConversation', { id: ingested.conversationId });
  await api.call('customers.update', { id: customerId ?? 0, promoConsent: consent, tags });
  return customerId ?? 0;
};
