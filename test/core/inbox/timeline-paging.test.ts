import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import type { ApiClient } from '../../../shared/api/client';
import type { Message } from '../../../shared/domain/inbox';
import { makeTempDir } from '../../helpers/tmp';
import { TIMELINE_LIMIT } from '../../../electron/core/inbox/repo';

describe('a long conversation opens at its newest messages and pages back', () => {
  const tmp = makeTempDir();
  let core: Core;
  let api: ApiClient;
  let conversationId = 0;
  beforeAll(async () => {
    core = createCore({ dataDir: tmp.dir });
    api = coreClient(core);
    // 650 messages, two to a second, so page edges fall between messages written at the same time.
    const t0 = Date.UTC(2026, 2, 1, 15);
    for (let i = 0; i < 650; i += 1) {
      const result = await api.call('inbox.ingestMessage', {
        channel: 'whatsapp', conversationExternalId: '51911111111', messageExternalId: `m${i}`, direction: i % 3 === 0 ? 'out' : 'in',
        author: 'Andrea', senderExternalId: '51911111111', text: `mensaje ${i}`, sentAt: t0 + Math.floor(i / 2) * 1000,
      });
      conversationId = result.conversationId;
    }
  });
  afterAll(() => {
    core.close();
    tmp.cleanup();
  });

  it('gives the newest page first, then each older page until none is left, without gaps or repeats', async () => {
    const first = await api.call('inbox.getConversation', { id: conversationId });
    expect(first.messages).toHaveLength(TIMELINE_LIMIT);
    expect(first.hasOlder).toBe(true);
    expect(first.messages.at(-1)?.text).toBe('mensaje 649');
    const seen: Message[] = [...first.messages];
    let page = first;
    while (page.hasOlder) {
      const oldest = seen[0];
      page = await api.call('inbox.getConversation', { id: conversationId, before: { sentAt: oldest?.sentAt ?? 0, id: oldest?.id ?? 0 } });
      seen.unshift(...page.messages);
    }
    expect(page.messages).toHaveLength(650 % TIMELINE_LIMIT);
    expect(seen.map((m) => m.text)).toEqual(Array.from({ length: 650 }, (_, i) => `mensaje ${i}`));
  });

  it('refuses a malformed cursor', async () => {
    expect(await core.dispatch('inbox.getConversation', { id: conversationId, before: { sentAt: 'ayer', id: 1 } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('which messages read as orders', () => {
  const tmp = makeTempDir();
  let core: Core;
  let api: ApiClient;
  afterAll(() => {
    core.close();
    tmp.cleanup();
  });

  it('"me separas 2 labiales" does, "holaa" and "¿a cuánto?" do not, nor the seller\'s own words', async () => {
    core = createCore({ dataDir: tmp.dir });
    api = coreClient(core);
    await api.call('catalog.createProduct', { name: 'Labial mate Rojo Pasión', variants: [{ sku: 'LAB', price: 2500, initialStock: 5 }] });
    const texts: ['in' | 'out', string][] = [['in', 'holaa'], ['in', '¿a cuánto el labial?'], ['in', 'me separas 2 labiales rojo pasión xfa'], ['out', 'te separo 2 labiales'], ['in', 'gracias 😘'], ['in', 'tengo 2 hijas, mensaje 398'], ['in', 'el labial llegó bien'], ['in', 'sepárame el labial rojo pasión']];
    let id = 0;
    for (const [i, [direction, text]] of texts.entries()) {
      id = (await api.call('inbox.ingestMessage', {
        channel: 'whatsapp', conversationExternalId: 'andrea', messageExternalId: `o${i}`, direction, author: 'Andrea', senderExternalId: 'andrea', text, sentAt: 1_770_000_000_000 + i * 1000,
      })).conversationId;
    }
    const conversation = await api.call('inbox.getConversation', { id });
    const orderLike = conversation.messages.filter((m) => conversation.orderLikeMessageIds.includes(m.id)).map((m) => m.text);
    expect(orderLike).toEqual(['me separas 2 labiales rojo pasión xfa', 'sepárame el labial rojo pasión']);
    // A product added later makes her earlier "2 gloss" an order: the reading follows the catalog.
    const gloss = await api.call('inbox.ingestMessage', {
      channel: 'whatsapp', conversationExternalId: 'andrea', messageExternalId: 'gloss', direction: 'in', author: 'Andrea', senderExternalId: 'andrea', text: 'me llevo 2 gloss', sentAt: 1_770_000_100_000,
    });
    expect((await api.call('inbox.getConversation', { id })).orderLikeMessageIds).not.toContain(gloss.messageId);
    const product = await api.call('catalog.createProduct', { name: 'Gloss brillante', variants: [{ sku: 'GLO', price: 1500 }] });
    expect((await api.call('inbox.getConversation', { id })).orderLikeMessageIds).toContain(gloss.messageId);
    // Archived, renamed or sold out: only what changes the catalog's words changes the reading.
    await api.call('catalog.archiveProduct', { id: product.id });
    expect((await api.call('inbox.getConversation', { id })).orderLikeMessageIds).not.toContain(gloss.messageId);
    await api.call('catalog.archiveProduct', { id: product.id, isArchived: false });
    expect((await api.call('inbox.getConversation', { id })).orderLikeMessageIds).toContain(gloss.messageId);
    await api.call('catalog.updateProduct', { id: product.id, name: 'Brillo labial', variants: [{ id: product.variants[0]?.id, sku: 'BRI', price: 1500 }] });
    expect((await api.call('inbox.getConversation', { id })).orderLikeMessageIds).not.toContain(gloss.messageId);
  });
});
