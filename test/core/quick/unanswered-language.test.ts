import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import type { ApiClient } from '../../../shared/api/client';
import { makeTempDir } from '../../helpers/tmp';
import { addCustomer, openShop } from '../broadcast/shop';

const DAY = 86_400_000;

describe('people who did not answer are left out of promotions', () => {
  let tmp: { dir: string; cleanup: () => void };
  let core: Core;
  let api: ApiClient;
  let now = Date.UTC(2026, 10, 21, 15);
  beforeEach(() => {
    tmp = makeTempDir();
    now = Date.UTC(2026, 10, 1, 15);
  });
  afterEach(() => {
    core.close();
    tmp.cleanup();
  });

  it('by default, with a toggle that includes them', async () => {
    let promotionId: number;
    ({ core, api, promotionId } = await openShop(tmp.dir, () => now));
    const ids = [await addCustomer(api, 1, now), await addCustomer(api, 2, now), await addCustomer(api, 3, now)];
    // She writes to 2 and 3; only 3 answers. Five days later 2 counts as not answering.
    for (const [n, id] of [[2, ids[1]], [3, ids[2]]] as const) {
      const { replyTargets } = await api.call('inbox.getConversation', { id: (await api.call('inbox.listConversations', {})).items.find((c) => c.customerId === id)?.id ?? 0 });
      now += 1000;
      await api.call('inbox.sendMessage', { conversationId: replyTargets[0]?.conversationId ?? 0, text: `¿Te separo el labial, clienta ${n}?` });
    }
    now += 1000;
    await api.call('inbox.ingestMessage', { channel: 'whatsapp', via: 'demo', conversationExternalId: '5199000003@c.us', messageExternalId: 'yes-3', direction: 'in', author: 'Clienta 3', senderExternalId: '5199000003', text: 'sí porfa', sentAt: now });
    now += 5 * DAY;

    const preview = await api.call('broadcasts.preview', { promotionId, targets: ['whatsapp_direct'] });
    expect(preview.recipients).toMatchObject({ count: 2, unanswered: 1 });
    expect(preview.recipients.sample.map((r) => r.name)).toEqual(['Clienta 1', 'Clienta 3']);
    const all = await api.call('broadcasts.preview', { promotionId, targets: ['whatsapp_direct'], filter: { includeUnanswered: true } });
    expect(all.recipients).toMatchObject({ count: 3, unanswered: 0 });
    expect(await api.call('autoReplies.unanswered', {})).toMatchObject({ month: '2026-11', items: [{ channel: 'whatsapp', count: 1 }], people: 1 });
  });
});

describe('starter replies and labels follow the language chosen in the welcome', () => {
  it('switches what she has not touched, keeps what she edited', async () => {
    const tmp = makeTempDir();
    const core = createCore({ dataDir: tmp.dir, clock: () => Date.UTC(2026, 10, 1), isOutboxTimerEnabled: false });
    try {
      const api = coreClient(core);
      const gracias = (await api.call('quickReplies.list', {})).items.find((r) => r.name === 'gracias');
      await api.call('quickReplies.save', { id: gracias?.id, name: 'gracias', text: 'Thanks a lot, {customer}!' });
      await api.call('settings.update', { language: 'en' });
      const names = (await api.call('quickReplies.list', {})).items.map((r) => r.name);
      expect(names).toEqual(['delivery', 'gracias', 'market', 'pay', 'prices', 'thanks']);
      expect((await api.call('labels.list', {})).items.map((l) => l.name)).toEqual(['new customer', 'paid', 'ship today', 'to pay', 'wholesale']);
      const auto = await api.call('autoReplies.get', {});
      expect(auto.awayText).toMatch(/^Hi \{cliente\}!/);
    } finally {
      core.close();
      tmp.cleanup();
    }
  });
});
