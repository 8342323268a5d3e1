import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core';
import type { ApiClient } from '../../../shared/api/client';
import { makeTempDir } from '../../helpers/tmp';
import { addCustomer, openShop } from './shop';

const ZONE = 'America/Lima';
const HOUR = 3_600_000;

describe('broadcast pacing with the demo channel and a controllable clock', () => {
  let tmp: { dir: string; cleanup: () => void };
  let core: Core;
  let api: ApiClient;
  let promotionId: number;
  // Saturday 10:00 in Lima.
  let now = DateTime.fromISO('2026-11-21T10:00', { zone: ZONE }).toMillis();
  beforeEach(async () => {
    tmp = makeTempDir();
    now = DateTime.fromISO('2026-11-21T10:00', { zone: ZONE }).toMillis();
    ({ core, api, promotionId } = await openShop(tmp.dir, () => now));
  });
  afterEach(() => {
    core.close();
    tmp.cleanup();
  });

  const sendTimes = (): number[] => core.db.prepare<[], number>("SELECT sent_at FROM outbox WHERE target = 'whatsapp_direct' AND status = 'sent' ORDER BY sent_at").pluck().all();

  /** Moves the clock in small steps, letting the outbox send whatever is due at each one. */
  const runFor = async (ms: number, step = 7_000) => {
    const end = now + ms;
    while (now < end) {
      await core.outbox.runDue();
      now += step;
    }
  };

  it('never breaks the gaps, the hourly and daily caps or the quiet hours', async () => {
    await api.call('settings.update', { pacing: { minGapSeconds: 30, maxGapSeconds: 90, hourlyCap: 6, dailyCap: 15, quietStart: '21:00', quietEnd: '09:00', isSlowStartForNewNumber: false } });
    for (let n = 0; n < 40; n += 1) await addCustomer(api, n, now - HOUR);
    const created = await api.call('broadcasts.create', { promotionId, targets: ['whatsapp_direct'] });
    expect(created.counts.pending).toBe(40);
    await api.call('broadcasts.start', { id: created.id });
    await runFor(4 * 24 * HOUR, 13_000);

    const times = sendTimes();
    expect(times).toHaveLength(40);
    for (let i = 1; i < times.length; i += 1) expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeGreaterThanOrEqual(30_000);
    for (const t of times) {
      expect(times.filter((u) => u > t - HOUR && u <= t).length).toBeLessThanOrEqual(6);
      expect(times.filter((u) => u > t - 24 * HOUR && u <= t).length).toBeLessThanOrEqual(15);
      const local = DateTime.fromMillis(t, { zone: ZONE });
      expect(local.hour >= 9 && local.hour < 21).toBe(true);
    }
    const done = await api.call('broadcasts.get', { id: created.id });
    expect(done.status).toBe('done');
    expect(done.counts).toMatchObject({ sent: 40, pending: 0, failed: 0 });
    // Each promotion also shows in that customer's chat.
    expect(core.db.prepare("SELECT count(*) FROM messages WHERE direction = 'out' AND text LIKE '¡Hola Clienta%'").pluck().get()).toBe(40);
  }, 120_000); // hundreds of simulated sends: seconds on a quiet machine, but CI may be shared

  it('starts a newly linked number slower: a quarter of the caps, double the gaps', async () => {
    await api.call('settings.update', { pacing: { minGapSeconds: 30, maxGapSeconds: 30, hourlyCap: 8, dailyCap: 40, quietStart: '00:00', quietEnd: '00:00', isSlowStartForNewNumber: true } });
    for (let n = 0; n < 10; n += 1) await addCustomer(api, n, now - HOUR);
    const created = await api.call('broadcasts.create', { promotionId, targets: ['whatsapp_direct'] });
    await api.call('broadcasts.start', { id: created.id });
    await runFor(HOUR, 5_000);
    const times = sendTimes();
    expect(times).toHaveLength(2);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(60_000);
    const progress = (await api.call('broadcasts.get', { id: created.id })).progress[0];
    expect(progress?.remaining).toBe(8);
    expect(progress?.nextSendAt).toBeGreaterThan(now - 5_000);
    expect(progress?.estimatedEndAt).toBeGreaterThan(progress?.nextSendAt ?? 0);
  });

  it('pauses, resumes and cancels; a cancelled send never goes out', async () => {
    await api.call('settings.update', { pacing: { minGapSeconds: 60, maxGapSeconds: 60, hourlyCap: 100, dailyCap: 100, quietStart: '00:00', quietEnd: '00:00', isSlowStartForNewNumber: false } });
    for (let n = 0; n < 5; n += 1) await addCustomer(api, n, now - HOUR);
    const { id } = await api.call('broadcasts.create', { promotionId, targets: ['whatsapp_direct'] });
    await expect(api.call('broadcasts.resume', { id })).rejects.toMatchObject({ code: 'conflict' });
    await api.call('broadcasts.start', { id });
    await runFor(90_000, 10_000);
    expect(sendTimes()).toHaveLength(2);
    await api.call('broadcasts.pause', { id });
    await runFor(10 * 60_000);
    expect(sendTimes()).toHaveLength(2);
    await api.call('broadcasts.resume', { id });
    await runFor(60_000, 10_000);
    expect(sendTimes()).toHaveLength(3);
    const cancelled = await api.call('broadcasts.cancel', { id });
    expect(cancelled.counts).toMatchObject({ sent: 3, skipped: 2 });
    await runFor(10 * 60_000);
    expect(sendTimes()).toHaveLength(3);
    const report = await api.call('broadcasts.recipients', { id });
    expect(report.items.map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'skipped', 'skipped']);
    const file = await api.call('broadcasts.exportReport', { id });
    const fs = await import('node:fs');
    expect(fs.readFileSync(file.path, 'utf8')).toContain('Clienta 3');
  });
});
