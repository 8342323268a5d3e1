import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core';
import type { ApiClient } from '../../../shared/api/client';
import { makeTempDir } from '../../helpers/tmp';
import { addCustomer, openShop } from '../broadcast/shop';

const ZONE = 'America/Lima';
const HOUR = 3_600_000;

/** Por cobrar to several customers at once: through the outbox, paced like a broadcast, never twice a day each. */
describe('bulk payment reminders', () => {
  let tmp: { dir: string; cleanup: () => void };
  let core: Core;
  let api: ApiClient;
  let variantId: number;
  let now = 0;
  beforeEach(async () => {
    tmp = makeTempDir();
    now = DateTime.fromISO('2026-11-21T10:00', { zone: ZONE }).toMillis();
    ({ core, api, variantId } = await openShop(tmp.dir, () => now));
    await api.call('settings.update', { pacing: { minGapSeconds: 60, maxGapSeconds: 60, hourlyCap: 100, dailyCap: 100, quietStart: '21:00', quietEnd: '09:00', isSlowStartForNewNumber: false } });
  });
  afterEach(() => {
    core.close();
    tmp.cleanup();
  });

  const owes = async (customer: { id: number } | { name: string; phone: string }, quantity = 1) => {
    const order = await api.call('orders.create', { channel: 'whatsapp', customer, items: [{ variantId, quantity }] });
    return api.call('orders.setStatus', { id: order.id, status: 'confirmed' });
  };
  const runFor = async (ms: number, step = 5_000) => {
    const end = now + ms;
    while (now < end) {
      await core.outbox.runDue();
      now += step;
    }
  };
  const reminderRows = () =>
    core.db.prepare<[], { customer_id: number; message_id: number | null; sent_at: number }>('SELECT customer_id, message_id, sent_at FROM payment_reminders ORDER BY sent_at').all();

  it('plans who gets one and who not, queues them, sends them paced and records each like a single reminder', async () => {
    const withChat: number[] = [];
    for (let n = 0; n < 4; n += 1) {
      const id = await addCustomer(api, n, now - HOUR, n === 3 ? 'opted_out' : 'opted_in');
      await owes({ id }, n + 1);
      withChat.push(id);
    }
    const noChat = (await owes({ name: 'Rosa Huamán', phone: '' })).customer?.id ?? 0;
    const remindedByHand = withChat[0] ?? 0;
    await api.call('payments.sendReminder', { customerId: remindedByHand, text: 'Hola, queda tu saldo' });
    const all = [...withChat, noChat];

    const plan = await api.call('payments.planReminders', { customerIds: all });
    // A customer who said BAJA to promotions still gets a reminder about her own order.
    expect(plan.recipients.map((r) => r.customerId)).toEqual(withChat.slice(1));
    expect(plan.recipients[0]).toMatchObject({ name: 'Clienta 1', channel: 'whatsapp', balanceDue: 5600 });
    expect(plan.skipped).toEqual([
      { customerId: remindedByHand, name: 'Clienta 0', reason: 'reminded_today' },
      { customerId: noChat, name: 'Rosa Huamán', reason: 'no_chat' },
    ]);
    expect(core.db.prepare("SELECT count(*) FROM outbox WHERE target = 'payment_reminder'").pluck().get()).toBe(0);

    const queued = await api.call('payments.queueReminders', { customerIds: all, template: 'Hola {cliente}, tu saldo es {saldo} ({pedidos}).' });
    expect(queued.recipients).toHaveLength(3);
    const start = now;
    await core.outbox.runDue();
    const first = await api.call('payments.reminderBatch', { batchId: queued.batchId });
    expect(first).toMatchObject({ total: 3, sent: 1, pending: 2, failed: 0, skipped: 0 });
    expect(first.nextSendAt).toBe(start + 60_000);

    await runFor(10 * 60_000);
    expect(await api.call('payments.reminderBatch', { batchId: queued.batchId })).toMatchObject({ total: 3, sent: 3, pending: 0, nextSendAt: null });
    const rows = reminderRows().filter((r) => r.customer_id !== remindedByHand);
    expect(rows.map((r) => r.customer_id)).toEqual(withChat.slice(1));
    for (let i = 1; i < rows.length; i += 1) expect((rows[i]?.sent_at ?? 0) - (rows[i - 1]?.sent_at ?? 0)).toBeGreaterThanOrEqual(60_000);
    // Each one is in her chat, with its own figures, and Por cobrar shows it as the last reminder.
    const texts = core.db.prepare<[], string>("SELECT text FROM messages WHERE direction = 'out' AND text LIKE 'Hola Clienta%' ORDER BY id").pluck().all();
    expect(texts).toHaveLength(3);
    expect(texts[0]).toMatch(/^Hola Clienta, tu saldo es S\/\s?56\.00 \(P-\d+\)\.$/);
    for (const row of rows) expect(row.message_id).not.toBeNull();
    const { items } = await api.call('payments.receivables', {});
    expect(items.filter((i) => withChat.includes(i.customerId)).every((i) => i.lastReminderAt !== null)).toBe(true);
  });

  it('never reminds anyone twice a day (queued again, or by hand over a queued one); who paid meanwhile is skipped', async () => {
    const ids: number[] = [];
    for (let n = 0; n < 3; n += 1) {
      const id = await addCustomer(api, n, now - HOUR);
      await owes({ id });
      ids.push(id);
    }
    const [a = 0, b = 0, c = 0] = ids;
    const queued = await api.call('payments.queueReminders', { customerIds: ids });
    // Still waiting in the outbox: neither a second batch nor a single reminder goes to them.
    const again = await api.call('payments.planReminders', { customerIds: ids });
    expect(again.skipped.map((s) => s.reason)).toEqual(['queued_already', 'queued_already', 'queued_already']);
    const refused = await core.dispatch('payments.queueReminders', { customerIds: ids });
    expect(refused.ok ? null : refused.error.code).toBe('conflict');
    const single = await core.dispatch('payments.sendReminder', { customerId: a, text: 'Hola' });
    expect(single.ok ? null : single.error.code).toBe('conflict');

    await core.outbox.runDue();
    // b pays before her turn: hers does not go.
    const [order] = (await api.call('payments.receivables', {})).items.filter((i) => i.customerId === b).flatMap((i) => i.orders);
    await api.call('orders.addPayment', { id: order?.id ?? 0, amount: order?.balanceDue ?? 0, method: 'Yape/Plin' });
    await runFor(5 * 60_000);
    const batch = await api.call('payments.reminderBatch', { batchId: queued.batchId });
    expect(batch).toMatchObject({ total: 3, sent: 2, skipped: 1, pending: 0 });
    expect(reminderRows().map((r) => r.customer_id)).toEqual([a, c]);
    expect(core.db.prepare("SELECT error FROM outbox WHERE customer_id = ? AND target = 'payment_reminder'").pluck().get(b)).toBe('nothing_owed');

    // The next day they may be reminded again, but no sooner.
    now += 10 * HOUR;
    expect((await api.call('payments.planReminders', { customerIds: [a, c] })).skipped.map((s) => s.reason)).toEqual(['reminded_today', 'reminded_today']);
    now += 12 * HOUR;
    expect((await api.call('payments.planReminders', { customerIds: [a, c] })).recipients.map((r) => r.customerId)).toEqual([a, c]);
  });

  it('keeps the quiet hours: queued at night, they go out in the morning', async () => {
    now = DateTime.fromISO('2026-11-21T22:30', { zone: ZONE }).toMillis();
    const ids = [await addCustomer(api, 1, now - HOUR), await addCustomer(api, 2, now - HOUR)];
    for (const id of ids) await owes({ id });
    const { batchId } = await api.call('payments.queueReminders', { customerIds: ids });
    await runFor(12 * HOUR, 60_000);
    const sent = reminderRows().map((r) => DateTime.fromMillis(r.sent_at, { zone: ZONE }).toFormat('HH:mm'));
    expect(sent).toHaveLength(2);
    expect(sent.every((t) => t >= '09:00' && t < '21:00')).toBe(true);
    expect((await api.call('payments.reminderBatch', { batchId })).sent).toBe(2);
  });

  it('refuses bad input with stable codes and saves nothing', async () => {
    const code = async (method: string, args: unknown) => {
      const r = await core.dispatch(method, args);
      return r.ok ? null : { code: r.error.code, field: r.error.field };
    };
    expect(await code('payments.planReminders', { customerIds: [] })).toEqual({ code: 'invalid_input', field: 'customerIds' });
    expect(await code('payments.queueReminders', { customerIds: [1, 1] })).toEqual({ code: 'invalid_input', field: 'customerIds' });
    expect(await code('payments.queueReminders', { customerIds: [999] })).toEqual({ code: 'not_found', field: 'customerIds.0' });
    expect(await code('payments.reminderBatch', { batchId: 'abc%' })).toEqual({ code: 'invalid_input', field: 'batchId' });
    expect(await code('payments.reminderBatch', { batchId: 'abcdef012345' })).toEqual({ code: 'not_found', field: 'batchId' });
    expect(core.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
  });
});
