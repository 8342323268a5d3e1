import fs from 'node:fs';
import path from 'node:path';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core';
import { GRAPH_VERSION } from '../../../electron/core/channels/facebook';
import type { ApiClient } from '../../../shared/api/client';
import { makeTempDir } from '../../helpers/tmp';
import { addCustomer, noPacing, openShop, reopenShop } from './shop';

const GRAPH = 'https://graph.facebook.com';
const PAGE = { id: '104857600000001', name: 'Karina Cosméticos' };
const PAGE_TOKEN = 'EAApageTOKEN0123456789abcdefghij';

describe('broadcast posts, blocks and crashes', () => {
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
    nock.cleanAll();
  });

  const drain = async (times = 5) => {
    for (let i = 0; i < times; i += 1) {
      now += 1000;
      await core.outbox.runDue();
    }
  };

  it('previews and publishes Status, feed, story and Page post; the demo channel stands in for unconnected accounts', async () => {
    const preview = await api.call('broadcasts.preview', { promotionId, targets: ['whatsapp_status', 'instagram_feed', 'instagram_story', 'facebook_post'] });
    expect(preview.targets.map((t) => [t.target, t.via, t.imageFormat, t.isChannelReady])).toEqual([
      ['whatsapp_status', 'demo', 'story', true],
      ['instagram_feed', 'demo', 'square', true],
      ['instagram_story', 'demo', 'story', true],
      ['facebook_post', 'demo', 'square', true],
    ]);
    expect(preview.targets[1]?.text).toContain('2x1 en labiales');
    const { id } = await api.call('broadcasts.create', { promotionId, targets: ['whatsapp_status', 'instagram_feed', 'instagram_story', 'facebook_post'] });
    await api.call('broadcasts.start', { id });
    await drain();
    const done = await api.call('broadcasts.get', { id });
    expect(done).toMatchObject({ status: 'done', counts: { sent: 4 } });
    expect(done.progress.map((p) => p.remaining)).toEqual([0, 0, 0, 0]);
  });

  it('pauses at once when Facebook says the Page is blocked (368), and goes on when resumed', async () => {
    nock.disableNetConnect();
    nock(GRAPH).get(`/${GRAPH_VERSION}/me/accounts`).query(true).reply(200, { data: [] });
    nock(GRAPH).get(`/${GRAPH_VERSION}/me`).query(true).reply(200, PAGE);
    await api.call('channels.connect', { kind: 'facebook', pageToken: PAGE_TOKEN });
    const publishAt = now + 2 * 86_400_000;
    const { id } = await api.call('broadcasts.create', { promotionId, targets: ['facebook_post'], publishAt });
    expect((await api.call('broadcasts.recipients', { id })).items[0]?.target).toBe('facebook_post');
    await api.call('broadcasts.start', { id });

    nock(GRAPH).post(`/${GRAPH_VERSION}/${PAGE.id}/photos`).reply(400, { error: { message: 'It looks like you were misusing this feature', code: 368, fbtrace_id: 'x' } });
    await drain(2);
    const paused = await api.call('broadcasts.get', { id });
    expect(paused).toMatchObject({ status: 'paused', pauseReason: 'channel_blocked:facebook', counts: { pending: 1, sent: 0 } });
    expect((await api.call('channels.list', {})).items.find((c) => c.kind === 'facebook')?.status).toBe('blocked');

    // The seller waits, connects the Page again and resumes: the same post goes out, once.
    nock(GRAPH).get(`/${GRAPH_VERSION}/me/accounts`).query(true).reply(200, { data: [] });
    nock(GRAPH).get(`/${GRAPH_VERSION}/me`).query(true).reply(200, PAGE);
    await api.call('channels.connect', { kind: 'facebook', pageToken: PAGE_TOKEN });
    let body = '';
    nock(GRAPH).post(`/${GRAPH_VERSION}/${PAGE.id}/photos`, (b) => ((body = Buffer.from(String(b), 'hex').toString('latin1')), true)).reply(200, { id: '1', post_id: `${PAGE.id}_1` });
    await api.call('broadcasts.resume', { id });
    await drain(2);
    expect(await api.call('broadcasts.get', { id })).toMatchObject({ status: 'done', counts: { sent: 1 } });
    expect(body).toContain(String(Math.round(publishAt / 1000)));
    expect(() => nock.isDone()).not.toThrow();
    nock.enableNetConnect();
  });

  it('after a crash, a send that went out is found in the chat and not repeated; one that did not goes out once', async () => {
    for (let n = 0; n < 3; n += 1) await addCustomer(api, n, now);
    const { id } = await api.call('broadcasts.create', { promotionId, targets: ['whatsapp_direct'] });
    await api.call('broadcasts.start', { id });
    await drain(3);
    const rows = core.db.prepare<[], { id: number; status: string }>('SELECT id, status FROM outbox ORDER BY id').all();
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    // As if the power went out twice: once after the network took row 1 but before it was marked
    // sent, once as row 2 was marked sending but before the network call.
    core.db.prepare("UPDATE outbox SET status = 'sending', sent_at = NULL WHERE id = ?").run(rows[0]?.id);
    core.db.prepare("UPDATE outbox SET status = 'sending', sent_at = NULL WHERE id = ?").run(rows[1]?.id);
    core.db.prepare("UPDATE broadcasts SET status = 'running', finished_at = NULL").run();
    const log = path.join(tmp.dir, 'channels', 'demo', 'delivered.jsonl');
    const lines = fs.readFileSync(log, 'utf8').trim().split('\n').filter(Boolean);
    fs.writeFileSync(log, `${[lines[0], lines[2]].join('\n')}\n`);
    core.close();

    ({ core, api } = reopenShop(tmp.dir, () => now));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(core.db.prepare("SELECT count(*) FROM outbox WHERE status = 'unknown'").pluck().get()).toBe(2);
    await drain(3);
    const delivered = fs.readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line).to);
    expect(delivered.sort()).toEqual(['5199000000@c.us', '5199000001@c.us', '5199000002@c.us']);
    const after = core.db.prepare<[], { status: string; attempts: number; error: string }>('SELECT status, attempts, error FROM outbox ORDER BY id').all();
    expect(after).toEqual([
      { status: 'sent', attempts: 1, error: 'found in the chat after a restart' },
      { status: 'sent', attempts: 2, error: '' },
      { status: 'sent', attempts: 1, error: '' },
    ]);
  });
});
