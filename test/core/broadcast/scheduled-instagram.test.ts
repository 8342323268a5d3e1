import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core';
import type { ApiClient } from '../../../shared/api/client';
import { makeTempDir } from '../../helpers/tmp';
import { noPacing, openShop, reopenShop } from './shop';

describe('scheduled Instagram posts and stories', () => {
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

  const statusOf = (target: string) => core.db.prepare<[string], string>('SELECT status FROM outbox WHERE target = ?').pluck().get(target);

  it('holds the post and story until publishAt by the core clock, sends the Status now, and sends them once the time comes', async () => {
    const publishAt = now + 3 * 3_600_000;
    const { id } = await api.call('broadcasts.create', { promotionId, targets: ['whatsapp_status', 'instagram_feed', 'instagram_story'], publishAt });
    await api.call('broadcasts.start', { id });
    await core.outbox.runDue();
    expect(statusOf('whatsapp_status')).toBe('sent');
    expect([statusOf('instagram_feed'), statusOf('instagram_story')]).toEqual(['pending', 'pending']);
    const waiting = await api.call('broadcasts.get', { id });
    expect(waiting.status).toBe('running');
    expect(waiting.progress.find((p) => p.target === 'instagram_feed')?.nextSendAt).toBe(publishAt);

    // A minute before: still held, also after Chasqui is closed and opened again.
    now = publishAt - 60_000;
    core.close();
    ({ core, api } = reopenShop(tmp.dir, () => now));
    await core.outbox.runDue();
    expect([statusOf('instagram_feed'), statusOf('instagram_story')]).toEqual(['pending', 'pending']);

    now = publishAt + 1000;
    await core.outbox.runDue();
    expect([statusOf('instagram_feed'), statusOf('instagram_story')]).toEqual(['sent', 'sent']);
    const sentAt = core.db.prepare<[], number>("SELECT sent_at FROM outbox WHERE target = 'instagram_feed'").pluck().get();
    expect(sentAt).toBeGreaterThanOrEqual(publishAt);
    expect(await api.call('broadcasts.get', { id })).toMatchObject({ status: 'done', counts: { sent: 3 } });
  });

  it('refuses a time in the past or too far ahead for Instagram, and keeps Facebook\'s own limits', async () => {
    const past = await api.request('broadcasts.create', { promotionId, targets: ['instagram_feed'], publishAt: now - 60_000 });
    expect(past).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'publishAt' } });
    const far = await api.request('broadcasts.create', { promotionId, targets: ['instagram_story'], publishAt: now + 80 * 86_400_000 });
    expect(far).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'publishAt' } });
    // Five minutes is fine for Instagram (the app holds it) but too soon for Facebook's scheduler.
    expect(await api.request('broadcasts.create', { promotionId, targets: ['instagram_feed'], publishAt: now + 5 * 60_000 })).toMatchObject({ ok: true });
    expect(await api.request('broadcasts.create', { promotionId, targets: ['instagram_feed', 'facebook_post'], publishAt: now + 5 * 60_000 })).toMatchObject({ ok: false, error: { field: 'publishAt' } });
    expect(core.db.prepare('SELECT count(*) FROM broadcasts').pluck().get()).toBe(1);
  });
});
