import crypto from 'node:crypto';
import nock from 'nock';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import { createInstagramAdapter } from '../../../electron/core/channels/instagram';
import type { ApiClient } from '../../../shared/api/client';
import { makeTempDir } from '../../helpers/tmp';
import { makePhotoBase64 } from '../../helpers/photos';

const IG = 'https://i.instagram.com';
const ME = { pk: 5550001, username: 'karina.cosmeticos', full_name: 'Karina Cosméticos' };
const VALERIA = { pk: 7770002, username: 'valeria.rojas.mk', full_name: 'Valeria Rojas' };

// Instagram hands out an RSA key for the password before login; the library encrypts with it.
const { publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const pemBase64 = Buffer.from(publicKey.export({ type: 'spki', format: 'pem' })).toString('base64');

const thread = (id: string, items: { id: string; from: typeof ME; text?: string; us: number; photo?: string }[]) => ({
  thread_id: id,
  thread_v2_id: `${id}v2`,
  viewer_id: ME.pk,
  users: [{ pk: VALERIA.pk, username: VALERIA.username, full_name: VALERIA.full_name, is_private: false }],
  // Newest first, as Instagram sends them.
  items: items.map((item) => ({
    item_id: item.id,
    user_id: item.from.pk,
    timestamp: String(item.us),
    item_type: item.photo ? 'media' : 'text',
    ...(item.photo ? { media: { image_versions2: { candidates: [{ url: item.photo, width: 8, height: 8 }] }, media_type: 1 } } : { text: item.text }),
  })),
  last_activity_at: items[0]?.us,
  pending: false,
});

const inboxReply = (threads: unknown[]) => ({ inbox: { threads, has_older: false, unseen_count: 1 }, seq_id: 1, pending_requests_total: 0, status: 'ok' });

describe('Instagram through instagram-private-api (network faked with nock)', () => {
  let tmp: { dir: string; cleanup: () => void };
  let core: Core;
  let api: ApiClient;
  const now = Date.parse('2026-11-21T16:00:00Z');
  let clockAt = now;
  beforeAll(() => nock.disableNetConnect());
  afterAll(() => nock.enableNetConnect());
  const open = () => {
    core = createCore({
      dataDir: tmp.dir,
      clock: () => clockAt,
      liveWatchEveryMs: 40,
      channelAdapters: { instagram: createInstagramAdapter({ fetchImage: async () => Buffer.from(await makePhotoBase64('#ff80ab'), 'base64') }) },
    });
    api = coreClient(core);
  };
  beforeEach(() => {
    tmp = makeTempDir();
    clockAt = now;
    open();
  });
  afterEach(() => {
    core.close();
    tmp.cleanup();
    nock.cleanAll();
  });

  const preLogin = () =>
    nock(IG)
      .post('/api/v1/qe/sync/')
      .reply(200, { experiments: [], status: 'ok' }, { 'ig-set-password-encryption-key-id': '41', 'ig-set-password-encryption-pub-key': pemBase64, 'set-cookie': 'csrftoken=abc123; Path=/; Domain=.instagram.com' });
  const loggedIn = () =>
    nock(IG).get('/api/v1/accounts/current_user/').query({ edit: 'true' }).reply(200, { user: ME, status: 'ok' }, { 'set-cookie': 'ds_user_id=5550001; Path=/; Domain=.instagram.com' });

  const loginWithTwoFactor = async () => {
    preLogin();
    let sentPassword = '';
    nock(IG)
      .post('/api/v1/accounts/login/', (body: Record<string, string>) => ((sentPassword = decodeURIComponent(String(body.signed_body ?? JSON.stringify(body)))), true))
      .reply(400, {
        message: 'Two factor authentication required',
        two_factor_required: true,
        two_factor_info: { username: ME.username, two_factor_identifier: 'tfa-123', totp_two_factor_on: false, sms_two_factor_on: true, obfuscated_phone_number: '21' },
        status: 'fail',
      });
    const asking = await api.call('channels.connect', { kind: 'instagram', username: ME.username, password: 'contraseña-secreta' });
    expect(sentPassword).not.toContain('contraseña-secreta');
    expect(sentPassword).toContain('#PWD_INSTAGRAM:4:');
    return asking;
  };

  it('logs in with a 2FA code prompted in the app and keeps the session encrypted', async () => {
    const asking = await loginWithTwoFactor();
    expect(asking).toMatchObject({ status: 'needs_auth', prompt: { kind: 'two_factor', data: 'sms:21' } });

    let code = '';
    nock(IG)
      .post('/api/v1/accounts/two_factor_login/', (body: Record<string, string>) => ((code = String(body.signed_body ?? '')), true))
      .reply(200, { logged_in_user: ME, status: 'ok' }, { 'ig-set-authorization': 'Bearer IGT:2:eyJzZXNzaW9uaWQiOiIxMjMifQ==' });
    loggedIn();
    expect(await api.call('channels.answerPrompt', { kind: 'instagram', answer: '123456' })).toMatchObject({ status: 'ready', account: '@karina.cosmeticos' });
    expect(decodeURIComponent(code)).toContain('"verification_code":"123456"');

    // The saved session brings the account back after a restart without logging in again.
    const fs = await import('node:fs');
    const saved = fs.readFileSync(`${tmp.dir}/channels/instagram/session.enc`);
    expect(saved.toString('latin1')).not.toContain('IGT:2');
    core.close();
    loggedIn();
    open();
    await expect.poll(async () => (await api.call('channels.list', {})).items.find((c) => c.kind === 'instagram')?.status).toBe('ready');
    expect(nock.isDone()).toBe(true);
  });

  it('answers a security checkpoint with the code Instagram sent', async () => {
    preLogin();
    nock(IG).post('/api/v1/accounts/login/').reply(400, { message: 'challenge_required', challenge: { api_path: '/challenge/5550001/AbCd/', lock: true }, status: 'fail' });
    nock(IG).post('/api/v1/challenge/reset/5550001/AbCd/').reply(200, { step_name: 'select_verify_method', step_data: { choice: '1', phone_number: '+51 9** *** *21' }, status: 'ok' });
    nock(IG).post('/api/v1/challenge/5550001/AbCd/').reply(200, { step_name: 'verify_phone', step_data: { security_code: 'None' }, status: 'ok' });
    const asking = await api.call('channels.connect', { kind: 'instagram', username: ME.username, password: 'x' });
    expect(asking).toMatchObject({ status: 'needs_auth', prompt: { kind: 'challenge' } });

    nock(IG).post('/api/v1/challenge/5550001/AbCd/').reply(400, { message: 'Please check the code we sent you and try again.', status: 'fail' });
    await expect(api.call('channels.answerPrompt', { kind: 'instagram', answer: '000000' })).rejects.toMatchObject({ code: 'channel_auth_failed' });

    nock(IG).post('/api/v1/challenge/5550001/AbCd/').reply(200, { logged_in_user: ME, action: 'close', status: 'ok' });
    loggedIn();
    expect(await api.call('channels.answerPrompt', { kind: 'instagram', answer: '654321' })).toMatchObject({ status: 'ready' });
  });

  it('polls the inbox and message requests, stores photos, replies in the thread, and stops on a spam block', async () => {
    await loginWithTwoFactor();
    nock(IG).post('/api/v1/accounts/two_factor_login/').reply(200, { logged_in_user: ME, status: 'ok' });
    loggedIn();
    await api.call('channels.answerPrompt', { kind: 'instagram', answer: '123456' });

    const t0 = now * 1000;
    nock(IG)
      .get('/api/v1/direct_v2/inbox/')
      .query(true)
      .reply(200, inboxReply([thread('340282366841710300949128', [
        { id: 'i3', from: VALERIA, text: 'quiero 2 xfa 💄', us: t0 - 1_000_000 },
        { id: 'i2', from: VALERIA, us: t0 - 2_000_000, photo: 'https://scontent.cdninstagram.com/v/labial.jpg' },
        { id: 'i1', from: ME, text: 'Hola Valeria! ✨', us: t0 - 3_000_000 },
      ])]));
    nock(IG).get('/api/v1/direct_v2/pending_inbox/').query(true).reply(200, inboxReply([thread('340282366841710300949999', [{ id: 'p1', from: VALERIA, text: 'hola, haces envios?', us: t0 - 500_000 }])]));
    expect(await api.call('channels.sync', { kind: 'instagram' })).toEqual({ messages: 4 });

    const items = (await api.call('inbox.listConversations', { channel: 'instagram' })).items;
    expect(items).toHaveLength(2);
    const main = items.find((c) => c.lastMessageText === 'quiero 2 xfa 💄');
    const opened = await api.call('inbox.getConversation', { id: main?.id ?? 0 });
    expect(opened.messages.map((m) => [m.direction, m.text])).toContainEqual(['in', '📷']);
    expect(opened.messages.find((m) => m.text === '📷')?.photos).toHaveLength(1);
    expect(opened.customerName).toBe('Valeria Rojas');

    nock(IG)
      .post('/api/v1/direct_v2/threads/broadcast/text/')
      .reply(200, { action: 'item_ack', status_code: '200', payload: { client_context: 'c1', item_id: 'i4', thread_id: '340282366841710300949128', timestamp: String(t0) }, status: 'ok' });
    await api.call('inbox.sendMessage', { conversationId: opened.id, text: 'Te los separo 🥰' });

    nock(IG).post('/api/v1/direct_v2/threads/broadcast/text/').reply(400, { message: 'feedback_required', spam: true, feedback_title: 'Try Again Later', status: 'fail' });
    await expect(api.call('inbox.sendMessage', { conversationId: opened.id, text: 'otra vez' })).rejects.toMatchObject({ code: 'channel_blocked' });
    expect((await api.call('channels.list', {})).items.find((c) => c.kind === 'instagram')?.status).toBe('blocked');
    await expect(api.call('inbox.sendMessage', { conversationId: opened.id, text: 'y otra' })).rejects.toMatchObject({ code: 'channel_not_ready' });
  });

  it('sends a quick reply with a photo as a direct upload (JPEG), keeps the 24-hour rule, and maps refusals', async () => {
    await loginWithTwoFactor();
    nock(IG).post('/api/v1/accounts/two_factor_login/').reply(200, { logged_in_user: ME, status: 'ok' });
    loggedIn();
    await api.call('channels.answerPrompt', { kind: 'instagram', answer: '123456' });
    const threadId = '340282366841710300949128';
    nock(IG).get('/api/v1/direct_v2/inbox/').query(true).reply(200, inboxReply([thread(threadId, [{ id: 'i1', from: VALERIA, text: 'tienes el nude?', us: now * 1000 - 60_000_000 }])]));
    nock(IG).get('/api/v1/direct_v2/pending_inbox/').query(true).reply(200, inboxReply([]));
    await api.call('channels.sync', { kind: 'instagram' });
    const [conversation] = (await api.call('inbox.listConversations', { channel: 'instagram' })).items;
    // Stored as PNG; Instagram's photo upload takes JPEG only.
    const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#e91e63' } }).png().toBuffer();
    const photo = await api.call('media.upload', { fileName: 'nude.png', dataBase64: png.toString('base64') });
    const reply = await api.call('quickReplies.save', { name: 'nude', text: 'Así es el nude 💄', photoIds: [photo.id] });

    let textForm: Record<string, string> = {};
    let uploaded = Buffer.alloc(0);
    let uploadType = '';
    let configureForm: Record<string, string> = {};
    nock(IG)
      .post('/api/v1/direct_v2/threads/broadcast/text/', (b: Record<string, string>) => ((textForm = b), true))
      .reply(200, { action: 'item_ack', status_code: '200', payload: { client_context: 'c1', item_id: 'i2', thread_id: threadId, timestamp: String(now * 1000) }, status: 'ok' });
    nock(IG)
      .post(/\/rupload_igphoto\/.*/, (b: string) => ((uploaded = Buffer.from(b, 'hex')), true))
      .reply(function reply() {
        uploadType = String(this.req.headers['x-entity-type']);
        return [200, { upload_id: '1732204800000', status: 'ok' }];
      });
    nock(IG)
      .post('/api/v1/direct_v2/threads/broadcast/configure_photo/', (b: Record<string, string>) => ((configureForm = b), true))
      .reply(200, { action: 'item_ack', status_code: '200', payload: { client_context: 'c2', item_id: 'i3', thread_id: threadId, timestamp: String(now * 1000) }, status: 'ok' });
    await api.call('quickReplies.send', { id: reply.id, conversationId: conversation?.id ?? 0 });
    expect(textForm).toMatchObject({ text: 'Así es el nude 💄', thread_ids: JSON.stringify([threadId]) });
    expect(uploadType).toBe('image/jpeg');
    expect(uploaded.subarray(0, 3).toString('hex')).toBe('ffd8ff');
    expect((await sharp(uploaded).metadata()).width).toBe(16);
    expect(configureForm).toMatchObject({ upload_id: '1732204800000', thread_ids: JSON.stringify([threadId]) });
    const opened = await api.call('inbox.getConversation', { id: conversation?.id ?? 0 });
    expect(opened.messages.at(-1)).toMatchObject({ direction: 'out', text: 'Así es el nude 💄' });
    expect(opened.messages.at(-1)?.photos).toHaveLength(1);
    // The next sync brings back the photo's own item and the text: the text is known, and the photo (already
    // on it) does not come in again as a second message from her.
    nock(IG).get('/api/v1/direct_v2/inbox/').query(true).reply(200, inboxReply([thread(threadId, [
      { id: 'i2', from: ME, text: 'Así es el nude 💄', us: now * 1000 },
      { id: 'i3', from: ME, us: now * 1000 - 1000, photo: 'https://scontent.cdninstagram.com/nude.jpg' },
      { id: 'i1', from: VALERIA, text: 'tienes el nude?', us: now * 1000 - 60_000_000 },
    ])]));
    nock(IG).get('/api/v1/direct_v2/pending_inbox/').query(true).reply(200, inboxReply([]));
    expect(await api.call('channels.sync', { kind: 'instagram' })).toEqual({ messages: 0 });
    expect((await api.call('inbox.getConversation', { id: conversation?.id ?? 0 })).messages).toHaveLength(opened.messages.length);

    // Instagram refuses the upload as spam: the channel stops, with the stable code, and the text did not go either.
    nock(IG).post(/\/rupload_igphoto\/.*/).reply(400, { message: 'feedback_required', spam: true, status: 'fail' });
    await expect(api.call('quickReplies.send', { id: reply.id, conversationId: conversation?.id ?? 0 })).rejects.toMatchObject({ code: 'channel_blocked' });

    // A day after her last message, nothing goes to Instagram at all.
    clockAt = now + 25 * 3_600_000;
    await expect(api.call('quickReplies.send', { id: reply.id, conversationId: conversation?.id ?? 0 })).rejects.toMatchObject({ code: 'reply_window_closed' });
  });

  it('greets a new customer with the catalog link as text: Instagram direct takes no documents', async () => {
    await loginWithTwoFactor();
    nock(IG).post('/api/v1/accounts/two_factor_login/').reply(200, { logged_in_user: ME, status: 'ok' });
    loggedIn();
    await api.call('channels.answerPrompt', { kind: 'instagram', answer: '123456' });
    await api.call('autoReplies.save', { ...(await api.call('autoReplies.get', {})), isGreetingEnabled: true, isCatalogPdfSent: true, catalogLink: 'https://karina.pe/catalogo' });
    const threadId = '340282366841710300949128';
    nock(IG).get('/api/v1/direct_v2/inbox/').query(true).reply(200, inboxReply([]));
    nock(IG).get('/api/v1/direct_v2/pending_inbox/').query(true).reply(200, inboxReply([thread(threadId, [{ id: 'i1', from: VALERIA, text: 'hola!', us: now * 1000 - 60_000_000 }])]));
    let greeting = '';
    nock(IG)
      // A text with a link goes as Instagram's link item.
      .post('/api/v1/direct_v2/threads/broadcast/link/', (b: Record<string, string>) => ((greeting = b.link_text ?? ''), true))
      .reply(200, { action: 'item_ack', status_code: '200', payload: { item_id: 'i2', thread_id: threadId, timestamp: String(now * 1000) }, status: 'ok' });
    await api.call('channels.sync', { kind: 'instagram' });
    await expect.poll(() => greeting, { timeout: 3000 }).toMatch(/catálogo: https:\/\/karina\.pe\/catalogo$/);
    const [conversation] = (await api.call('inbox.listConversations', {})).items;
    await expect.poll(async () => (await api.call('inbox.getConversation', { id: conversation?.id ?? 0 })).messages.at(-1)?.text, { timeout: 3000 }).toBe(greeting);
  });

  it('publishes a photo to the feed and a story', async () => {
    await loginWithTwoFactor();
    nock(IG).post('/api/v1/accounts/two_factor_login/').reply(200, { logged_in_user: ME, status: 'ok' });
    loggedIn();
    await api.call('channels.answerPrompt', { kind: 'instagram', answer: '123456' });

    const image = Buffer.from(await makePhotoBase64('#c2185b', 1080), 'base64');
    nock(IG).post(/\/rupload_igphoto\/.*/).twice().reply(200, { upload_id: '1732204800000', status: 'ok' });
    nock(IG).post('/api/v1/media/configure/').reply(200, { media: { pk: '3100000000000000001', id: '3100000000000000001_5550001' }, status: 'ok' });
    nock(IG).post('/api/v1/media/configure_to_story/').reply(200, { media: { pk: '3100000000000000002', id: '3100000000000000002_5550001' }, status: 'ok' });
    expect(await core.channels.publish('instagram', { kind: 'feed', text: '2x1 en labiales 💄', image })).toEqual({ externalId: '3100000000000000001_5550001' });
    expect(await core.channels.publish('instagram', { kind: 'story', text: '', image })).toEqual({ externalId: '3100000000000000002_5550001' });
  });

  it('reads the comments of her live and turns "lo quiero" into reservations', async () => {
    await loginWithTwoFactor();
    nock(IG).post('/api/v1/accounts/two_factor_login/').reply(200, { logged_in_user: ME, status: 'ok' });
    loggedIn();
    await api.call('channels.answerPrompt', { kind: 'instagram', answer: '123456' });
    const product = await api.call('catalog.createProduct', { name: 'Paleta de sombras', variants: [{ sku: 'PAL-1', price: 8900, initialStock: 1 }] });
    const live = await api.call('live.start', { title: 'Live', channel: 'instagram', items: [{ variantId: product.variants[0]?.id ?? 0, livePrice: 6900 }] });

    // Written as raw JSON: the id is larger than a JavaScript number can hold, as Instagram's are.
    nock(IG)
      .get(`/api/v1/feed/user/${ME.pk}/story/`)
      .reply(200, `{"reel":null,"broadcast":{"id":17900000000000001,"broadcast_status":"active","broadcast_owner":{"pk":${ME.pk},"username":"${ME.username}"}},"status":"ok"}`, { 'content-type': 'application/json' });
    const comment = (pk: string, user: typeof ME, text: string, at: number) => ({ pk, user_id: user.pk, text, type: 0, created_at: at, user: { pk: user.pk, username: user.username, full_name: user.full_name } });
    const t = Math.floor(now / 1000);
    nock(IG)
      .get('/api/v1/live/17900000000000001/get_comment/')
      .query(true)
      .reply(200, {
        comments: [comment('c1', VALERIA, 'lo quiero 😍', t), comment('c2', { pk: 8880003, username: 'rosa.q', full_name: 'Rosa Quispe' }, 'cuánto cuesta?', t + 1), comment('c3', { pk: 8880004, username: 'sofi.mk', full_name: 'Sofía' }, 'mío!!', t + 2)],
        comment_count: 3,
        status: 'ok',
      });
    nock(IG).get('/api/v1/live/17900000000000001/get_comment/').query(true).reply(200, { comments: [comment('c1', VALERIA, 'lo quiero 😍', t)], comment_count: 1, status: 'ok' });
    nock(IG).get('/api/v1/live/17900000000000001/get_comment/').query(true).optionally().times(100).reply(200, { comments: [], status: 'ok' });

    await expect.poll(async () => (await api.call('live.claims', { liveId: live.id })).items.map((c) => [c.handle, c.status, c.comment]), { timeout: 3000 }).toEqual([
      ['valeria.rojas.mk', 'reserved', 'lo quiero 😍'],
      ['sofi.mk', 'waitlist', 'mío!!'],
    ]);
    const { recentCommenters } = await api.call('live.claims', { liveId: live.id });
    expect(recentCommenters.map((c) => c.handle).sort()).toEqual(['rosa.q', 'sofi.mk', 'valeria.rojas.mk']);
    expect((await api.call('live.get', { liveId: live.id })).isReadingComments).toBe(true);
    await api.call('live.stop', { liveId: live.id });
  });

  it('says so when the password is wrong, and sends nothing in clear', async () => {
    preLogin();
    nock(IG).post('/api/v1/accounts/login/').reply(400, { message: 'The password you entered is incorrect.', error_type: 'bad_password', status: 'fail' });
    await expect(api.call('channels.connect', { kind: 'instagram', username: ME.username, password: 'mala' })).rejects.toMatchObject({ code: 'channel_auth_failed' });
    expect((await api.call('channels.list', {})).items.find((c) => c.kind === 'instagram')).toMatchObject({ status: 'needs_auth' });
  });
});
