import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core';
import type { ApiClient } from '../../../shared/api/client';
import { isOptOutMessage } from '../../../shared/domain/broadcasts';
import { makeTempDir } from '../../helpers/tmp';
import { addCustomer, noPacing, openShop } from './shop';

describe('opt-out', () => {
  it('understands BAJA and STOP the way customers write them, and not ordinary messages', () => {
    for (const text of ['BAJA', 'baja', 'Baja.', 'STOP', 'stop 🛑', 'no quiero más mensajes', 'no quiero mas promociones', 'ya no me manden promos porfa', 'Dame de baja', 'sáquenme de la lista', 'no me envíen más publicidad', 'deja de escribirme']) {
      expect(isOptOutMessage(text), text).toBe(true);
    }
    for (const text of ['bajá el precio?', 'quiero 2 labiales', 'no quiero el rojo, mejor el nude', 'stop de uñas?', 'la baja de precio es hasta cuando?', 'no hay más stock?', 'hola']) {
      expect(isOptOutMessage(text), text).toBe(false);
    }
  });

  describe('in the ledger', () => {
    let tmp: { dir: string; cleanup: () => void };
    let core: Core;
    let api: ApiClient;
    let promotionId: number;
    let now = Date.UTC(2026, 10, 21, 15);
    beforeEach(async () => {
      tmp = makeTempDir();
      now = Date.UTC(2026, 10, 21, 15);
      ({ core, api, promotionId } = await openShop(tmp.dir, () => now));
      await api.call('settings.update', { pacing: noPacing });
    });
    afterEach(() => {
      core.close();
      tmp.cleanup();
    });

    it('opts the customer out before the next send and confirms once on their chat', async () => {
      const ids = [await addCustomer(api, 1, now), await addCustomer(api, 2, now), await addCustomer(api, 3, now)];
      const { id } = await api.call('broadcasts.create', { promotionId, targets: ['whatsapp_direct'] });
      // Customer 2 writes BAJA after the broadcast was planned, before it reaches them.
      for (const text of ['BAJA', 'baja!!']) {
        await api.call('inbox.ingestMessage', { channel: 'whatsapp', via: 'demo', conversationExternalId: '5199000002@c.us', messageExternalId: `stop-${text}`, direction: 'in', author: 'Clienta 2', senderExternalId: '5199000002', text, sentAt: now });
      }
      expect((await api.call('customers.get', { id: ids[1] ?? 0 })).consent).toMatchObject({ status: 'opted_out', source: 'message:whatsapp', at: now });
      await api.call('broadcasts.start', { id });
      for (let i = 0; i < 5; i += 1) {
        now += 1000;
        await core.outbox.runDue();
      }
      const report = await api.call('broadcasts.recipients', { id });
      expect(report.items.map((r) => [r.customerName, r.status])).toEqual([
        ['Clienta 1', 'sent'],
        ['Clienta 2', 'skipped'],
        ['Clienta 3', 'sent'],
      ]);
      const replies = core.db.prepare<[], string>("SELECT text FROM outbox WHERE target = 'reply' AND status = 'sent'").pluck().all();
      expect(replies).toHaveLength(1);
      expect(replies[0]).toContain('ya no te enviaremos promociones');
      // A later broadcast does not even select them.
      const next = await api.call('broadcasts.preview', { promotionId, targets: ['whatsapp_direct'] });
      expect(next.recipients).toMatchObject({ count: 2, optedOut: 1 });
      // ALTA brings them back.
      await api.call('inbox.ingestMessage', { channel: 'whatsapp', via: 'demo', conversationExternalId: '5199000002@c.us', messageExternalId: 'alta', direction: 'in', author: 'Clienta 2', senderExternalId: '5199000002', text: 'ALTA', sentAt: now });
      expect((await api.call('broadcasts.preview', { promotionId, targets: ['whatsapp_direct'] })).recipients.count).toBe(3);
    });

    it('never selects an opted-out customer, whatever the filter (property)', async () => {
      const tags = ['vip', 'feria', 'lima'];
      const people = await fc.sample(
        fc.record({ consent: fc.constantFrom('opted_in' as const, 'opted_out' as const, 'unknown' as const), tags: fc.subarray(tags) }),
        { numRuns: 40, seed: 42 },
      );
      const consentOf = new Map<number, string>();
      for (const [n, person] of people.entries()) consentOf.set(await addCustomer(api, n, now, person.consent, person.tags), person.consent);
      await fc.assert(
        fc.asyncProperty(fc.subarray(tags, { maxLength: 2 }), async (filterTags) => {
          const preview = await api.call('broadcasts.preview', { promotionId, targets: ['whatsapp_direct'], filter: { tags: filterTags } });
          expect(preview.recipients.sample.every((r) => consentOf.get(r.customerId) === 'opted_in')).toBe(true);
          // Counted in SQL without tags to match, one by one with them: the same counts either way.
          const matching = people.filter((p) => filterTags.every((tag) => p.tags.includes(tag)));
          const howMany = (consent: string) => matching.filter((p) => p.consent === consent).length;
          expect(preview.recipients).toMatchObject({ count: howMany('opted_in'), optedOut: howMany('opted_out'), notAsked: howMany('unknown') });
          const created = await api.call('broadcasts.create', { promotionId, targets: ['whatsapp_direct'], filter: { tags: filterTags } });
          const rows = await api.call('broadcasts.recipients', { id: created.id, limit: 1000 });
          expect(rows.items.every((r) => consentOf.get(r.customerId ?? 0) === 'opted_in')).toBe(true);
          await api.call('broadcasts.cancel', { id: created.id });
        }),
        { numRuns: 30, seed: 7 },
      );
    });
  });
});
