import nock from 'nock';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import { GRAPH_VERSION } from '../../../electron/core/channels/facebook';
import type { ApiClient } from '../../../shared/api/client';
import { makeTempDir } from '../../helpers/tmp';
import { makePhotoBase64 } from '../../helpers/photos';

const tinyJpeg = async () => Buffer.from(await makePhotoBase64(), 'base64');

const GRAPH = 'https://graph.facebook.com';
const USER_TOKEN = 'EAAuserTOKEN0123456789abcdefghij';
const PAGE_TOKEN = 'EAApageTOKEN0123456789abcdefghij';
const PAGE = { id: '104857600000001', name: 'Karina Cosméticos' };
const CUSTOMER = { id: '7001234567890123', name: 'Carmen Díaz' };

/** Graph's error envelope, as Meta documents it. */
const graphError = (code: number, message: string, subcode?: number) => ({
  error: { message, type: code === 190 ? 'OAuthException' : 'FacebookApiException', code, ...(subcode ? { error_subcode: subcode } : {}), fbtrace_id: 'AbCdEf123' },
});

const conversationsBody = (messages: { id: string; text: string; fromPage: boolean; at: string; photo?: string }[]) => ({
  data: [
    {
      id: 't_1234567890',
      updated_time: '2026-11-21T15:00:00+0000',
      participants: { data: [{ id: CUSTOMER.id, name: CUSTOMER.name, email: `${CUSTOMER.id}@facebook.com` }, { id: PAGE.id, name: PAGE.name }] },
      messages: {
        data: messages.map((m) => ({
          id: m.id,
          message: m.text,
          created_time: m.at,
          from: m.fromPage ? { id: PAGE.id, name: PAGE.name } : { id: CUSTOMER.id, name: CUSTOMER.name },
          ...(m.photo ? { attachments: { data: [{ id: 'att1', mime_type: 'image/jpeg', name: 'foto.jpg', image_data: { url: m.photo, width: 8, height: 8 } }] } } : {}),
        })),
        paging: { cursors: { before: 'x', after: 'y' } },
      },
    },
  ],
  paging: { cursors: { before: 'a', after: 'b' } },
});

describe('Facebook Page through the Graph API (network faked with nock)', () => {
  let tmp: { dir: string; cleanup: () => void };
  let core: Core;
  let api: ApiClient;
  const now = Date.parse('2026-11-21T16:00:00Z');
  let clockAt = now;
  beforeAll(() => nock.disableNetConnect());
  afterAll(() => nock.enableNetConnect());
  beforeEach(() => {
    tmp = makeTempDir();
    clockAt = now;
    core = createCore({ dataDir: tmp.dir, clock: () => clockAt, liveWatchEveryMs: 40 });
    api = coreClient(core);
  });
  afterEach(() => {
    core.close();
    tmp.cleanup();
    nock.cleanAll();
  });

  const connectPage = async () => {
    nock(GRAPH).get(`/${GRAPH_VERSION}/me/accounts`).query(true).reply(200, { data: [] });
    nock(GRAPH).get(`/${GRAPH_VERSION}/me`).query({ fields: 'id,name' }).matchHeader('authorization', `Bearer ${PAGE_TOKEN}`).reply(200, PAGE);
    return api.call('channels.connect', { kind: 'facebook', pageToken: PAGE_TOKEN });
  };

  it('connects with a Page token, and with a user token asks which Page', async () => {
    expect(await connectPage()).toMatchObject({ status: 'ready', account: 'Karina Cosméticos' });

    nock(GRAPH)
      .get(`/${GRAPH_VERSION}/me/accounts`)
      .query(true)
      .reply(200, { data: [{ ...PAGE, access_token: PAGE_TOKEN }, { id: '2', name: 'Karina Outlet', access_token: `${PAGE_TOKEN}2` }] });
    const asking = await api.call('channels.connect', { kind: 'facebook', pageToken: USER_TOKEN });
    expect(asking.status).toBe('needs_auth');
    expect(asking.prompt).toEqual({ kind: 'pick_page', data: '', options: [{ id: PAGE.id, name: PAGE.name }, { id: '2', name: 'Karina Outlet' }] });
    expect(await api.call('channels.answerPrompt', { kind: 'facebook', answer: '2' })).toMatchObject({ status: 'ready', account: 'Karina Outlet' });
  });

  it('brings Messenger conversations into the inbox once, with photos, and replies to the customer', async () => {
    await connectPage();
    const photoUrl = 'https://scontent.xx.fbcdn.net/v/t1/foto.jpg';
    const body = conversationsBody([
      { id: 'm_3', text: 'quiero el serum y el bloqueador para mañana', fromPage: false, at: '2026-11-21T15:10:00+0000' },
      { id: 'm_2', text: 'Hola Carmen! Sí tenemos 🙌', fromPage: true, at: '2026-11-21T15:05:00+0000' },
      { id: 'm_1', text: 'buenas, tienen este? ', fromPage: false, at: '2026-11-21T15:00:00+0000', photo: photoUrl },
    ]);
    nock(GRAPH).get(`/${GRAPH_VERSION}/${PAGE.id}/conversations`).query(true).twice().reply(200, body);
    nock('https://scontent.xx.fbcdn.net').get('/v/t1/foto.jpg').reply(200, await tinyJpeg());

    expect(await api.call('channels.sync', { kind: 'facebook' })).toEqual({ messages: 3 });
    expect(await api.call('channels.sync', { kind: 'facebook' })).toEqual({ messages: 0 });
    const [conversation] = (await api.call('inbox.listConversations', {})).items;
    expect(conversation).toMatchObject({ channel: 'facebook', title: 'Carmen Díaz', unreadCount: 2 });
    const opened = await api.call('inbox.getConversation', { id: conversation?.id ?? 0 });
    expect(opened.messages.map((m) => m.direction)).toEqual(['in', 'out', 'in']);
    expect(opened.messages[0]?.photos).toHaveLength(1);

    let sentBody: unknown;
    nock(GRAPH)
      .post(`/${GRAPH_VERSION}/${PAGE.id}/messages`, (b) => ((sentBody = b), true))
      .reply(200, { recipient_id: CUSTOMER.id, message_id: 'm_4' });
    await api.call('inbox.sendMessage', { conversationId: opened.id, text: 'Listo Carmen, te lo llevo mañana 🛵' });
    expect(sentBody).toEqual({ recipient: { id: CUSTOMER.id }, message: { text: 'Listo Carmen, te lo llevo mañana 🛵' }, messaging_type: 'RESPONSE' });
  });

  it('turns Graph errors 190, 368 and 613 into the channel status and a stable error', async () => {
    await connectPage();
    const conversations = () => nock(GRAPH).get(`/${GRAPH_VERSION}/${PAGE.id}/conversations`).query(true);

    conversations().reply(400, graphError(613, 'Calls to this api have exceeded the rate limit.'));
    await expect(api.call('channels.sync', { kind: 'facebook' })).rejects.toMatchObject({ code: 'channel_rate_limited' });
    expect((await api.call('channels.list', {})).items.find((c) => c.kind === 'facebook')?.status).toBe('rate_limited');

    await connectPage();
    conversations().reply(400, graphError(368, 'The action attempted has been deemed abusive or is otherwise disallowed'));
    await expect(api.call('channels.sync', { kind: 'facebook' })).rejects.toMatchObject({ code: 'channel_blocked' });
    const blocked = (await api.call('channels.list', {})).items.find((c) => c.kind === 'facebook');
    expect(blocked).toMatchObject({ status: 'blocked' });
    expect(blocked?.detail).toMatch(/blocked/);

    await connectPage();
    conversations().reply(400, graphError(190, 'Error validating access token: Session has expired', 463));
    await expect(api.call('channels.sync', { kind: 'facebook' })).rejects.toMatchObject({ code: 'channel_not_ready' });
    expect((await api.call('channels.list', {})).items.find((c) => c.kind === 'facebook')?.status).toBe('needs_auth');
    // The token never leaks into what the seller or a log sees.
    expect(JSON.stringify(await api.call('channels.list', {}))).not.toContain(PAGE_TOKEN);
  });

  it('reads the comments of a Page live video and turns claims into reservations', async () => {
    await connectPage();
    const product = await api.call('catalog.createProduct', { name: 'Perfume', variants: [{ sku: 'PER-1', price: 11900, initialStock: 3 }] });
    const live = await api.call('live.start', { title: 'Live FB', channel: 'facebook', items: [{ variantId: product.variants[0]?.id ?? 0, livePrice: 9900 }] });
    nock(GRAPH).get(`/${GRAPH_VERSION}/${PAGE.id}/live_videos`).query(true).reply(200, { data: [{ id: '880000000000001', title: 'Live FB', status: 'LIVE' }] });
    nock(GRAPH)
      .get(`/${GRAPH_VERSION}/880000000000001/comments`)
      .query(true)
      .reply(200, {
        data: [
          { id: '880000000000001_1', message: 'quiero 2', created_time: '2026-11-21T16:00:05+0000', from: { id: CUSTOMER.id, name: CUSTOMER.name } },
          { id: '880000000000001_2', message: 'lo quiero', created_time: '2026-11-21T16:00:09+0000' },
          { id: '880000000000001_3', message: 'que lindo', created_time: '2026-11-21T16:00:10+0000', from: { id: '7001', name: 'Ana' } },
        ],
        paging: { cursors: { before: 'a', after: 'b' } },
      });
    nock(GRAPH).get(`/${GRAPH_VERSION}/880000000000001/comments`).query(true).optionally().times(100).reply(200, { data: [] });
    await expect.poll(async () => (await api.call('live.claims', { liveId: live.id })).items.map((c) => [c.customerName, c.quantity, c.status]), { timeout: 3000 }).toEqual([[CUSTOMER.name, 2, 'reserved']]);
    const customer = await api.call('customers.get', { id: (await api.call('live.claims', { liveId: live.id })).items[0]?.customerId ?? 0 });
    expect(customer.identities).toEqual([{ channel: 'facebook', externalId: CUSTOMER.id, displayName: CUSTOMER.name }]);
    await api.call('live.stop', { liveId: live.id });
  });

  /** Graph's multipart body as nock hands it over (hex), split into its named parts. */
  const partsOf = (hex: string) => {
    const raw = Buffer.from(hex, 'hex');
    const boundary = raw.subarray(2, raw.indexOf('\r\n')).toString('latin1');
    const parts = new Map<string, { headers: string; body: Buffer }>();
    let at = raw.indexOf(`--${boundary}`);
    while (at !== -1) {
      const next = raw.indexOf(`\r\n--${boundary}`, at + 2);
      if (next === -1) break;
      const part = raw.subarray(raw.indexOf('\r\n', at) + 2, next);
      const split = part.indexOf('\r\n\r\n');
      const headers = part.subarray(0, split).toString('latin1');
      const name = /name="([^"]+)"/.exec(headers)?.[1] ?? '';
      parts.set(name, { headers, body: part.subarray(split + 4) });
      at = next + 2;
    }
    return parts;
  };

  it('sends a quick reply with a photo as a Messenger upload (filedata), keeps the 24-hour rule, and maps refusals', async () => {
    await connectPage();
    nock(GRAPH)
      .get(`/${GRAPH_VERSION}/${PAGE.id}/conversations`)
      .query(true)
      .reply(200, conversationsBody([{ id: 'm_1', text: 'tienen el labial nude?', fromPage: false, at: '2026-11-21T15:00:00+0000' }]));
    await api.call('channels.sync', { kind: 'facebook' });
    const [conversation] = (await api.call('inbox.listConversations', {})).items;
    const png = await sharp({ create: { width: 12, height: 12, channels: 3, background: '#e91e63' } }).png().toBuffer();
    const photo = await api.call('media.upload', { fileName: 'labial.png', dataBase64: png.toString('base64') });
    const reply = await api.call('quickReplies.save', { name: 'nude', text: 'Así es el labial nude 💄', photoIds: [photo.id] });

    const bodies: string[] = [];
    nock(GRAPH)
      .post(`/${GRAPH_VERSION}/${PAGE.id}/messages`, (b) => (bodies.push(typeof b === 'string' ? b : JSON.stringify(b)), true))
      .matchHeader('authorization', `Bearer ${PAGE_TOKEN}`)
      .twice()
      .reply(200, () => ({ recipient_id: CUSTOMER.id, message_id: `m_out${bodies.length}` }));
    await api.call('quickReplies.send', { id: reply.id, conversationId: conversation?.id ?? 0 });
    // The photo first (nothing goes out if its upload fails), then the text.
    expect(JSON.parse(bodies[1] ?? '{}')).toEqual({ recipient: { id: CUSTOMER.id }, message: { text: 'Así es el labial nude 💄' }, messaging_type: 'RESPONSE' });
    const parts = partsOf(bodies[0] ?? '');
    expect(JSON.parse(parts.get('recipient')?.body.toString() ?? '{}')).toEqual({ id: CUSTOMER.id });
    expect(JSON.parse(parts.get('message')?.body.toString() ?? '{}')).toEqual({ attachment: { type: 'image', payload: { is_reusable: false } } });
    expect(parts.get('filedata')?.headers).toMatch(/Content-Type: image\/png/i);
    expect(parts.get('filedata')?.body.equals(png)).toBe(true);
    const opened = await api.call('inbox.getConversation', { id: conversation?.id ?? 0 });
    expect(opened.messages.at(-1)).toMatchObject({ direction: 'out', text: 'Así es el labial nude 💄' });
    expect(opened.messages.at(-1)?.photos).toHaveLength(1);
    // The next sync brings back the photo's own message and the text: the text is known, and the photo
    // (already on it) does not come in again as a second, empty message from her.
    nock(GRAPH)
      .get(`/${GRAPH_VERSION}/${PAGE.id}/conversations`)
      .query(true)
      .reply(200, conversationsBody([
        { id: 'm_out2', text: 'Así es el labial nude 💄', fromPage: true, at: '2026-11-21T15:59:01+0000' },
        { id: 'm_out1', text: '', fromPage: true, at: '2026-11-21T15:59:00+0000', photo: 'https://scontent.xx.fbcdn.net/v/t1/labial.jpg' },
        { id: 'm_1', text: 'tienen el labial nude?', fromPage: false, at: '2026-11-21T15:00:00+0000' },
      ]));
    expect(await api.call('channels.sync', { kind: 'facebook' })).toEqual({ messages: 0 });
    expect((await api.call('inbox.getConversation', { id: conversation?.id ?? 0 })).messages).toHaveLength(opened.messages.length);

    // Meta refuses the upload: the same stable code as for a text, and nothing is recorded.
    nock(GRAPH).post(`/${GRAPH_VERSION}/${PAGE.id}/messages`).reply(400, graphError(10, 'This message is sent outside of allowed window.', 2018278));
    await expect(api.call('quickReplies.send', { id: reply.id, conversationId: conversation?.id ?? 0 })).rejects.toMatchObject({ code: 'reply_window_closed' });
    nock(GRAPH).post(`/${GRAPH_VERSION}/${PAGE.id}/messages`).reply(400, graphError(368, 'The action attempted has been deemed abusive'));
    await expect(api.call('quickReplies.send', { id: reply.id, conversationId: conversation?.id ?? 0 })).rejects.toMatchObject({ code: 'channel_blocked' });
    expect((await api.call('inbox.getConversation', { id: conversation?.id ?? 0 })).messages).toHaveLength(opened.messages.length);

    // A day after her last message, nothing goes to Meta at all (nock would refuse an unplanned call).
    clockAt = now + 25 * 3_600_000;
    await connectPage();
    await expect(api.call('quickReplies.send', { id: reply.id, conversationId: conversation?.id ?? 0 })).rejects.toMatchObject({ code: 'reply_window_closed' });
  });

  it('greets a new customer with the catalog PDF uploaded as a Messenger file', async () => {
    await connectPage();
    await api.call('catalog.createProduct', { name: 'Labial nude', variants: [{ sku: 'LAB-NUD', price: 2500, initialStock: 4 }] });
    await api.call('autoReplies.save', { ...(await api.call('autoReplies.get', {})), isGreetingEnabled: true, isCatalogPdfSent: true });
    const bodies: string[] = [];
    nock(GRAPH)
      .post(`/${GRAPH_VERSION}/${PAGE.id}/messages`, (b) => (bodies.push(typeof b === 'string' ? b : JSON.stringify(b)), true))
      .twice()
      .reply(200, () => ({ recipient_id: CUSTOMER.id, message_id: `m_out${bodies.length}` }));
    nock(GRAPH)
      .get(`/${GRAPH_VERSION}/${PAGE.id}/conversations`)
      .query(true)
      .reply(200, conversationsBody([{ id: 'm_1', text: 'hola, qué venden?', fromPage: false, at: '2026-11-21T15:59:00+0000' }]));
    await api.call('channels.sync', { kind: 'facebook' });
    await expect.poll(() => bodies.length, { timeout: 15_000 }).toBe(2);
    expect(JSON.parse(bodies[1] ?? '{}').message.text).toMatch(/^¡Hola Carmen! Bienvenida/);
    const parts = partsOf(bodies[0] ?? '');
    expect(JSON.parse(parts.get('message')?.body.toString() ?? '{}')).toEqual({ attachment: { type: 'file', payload: { is_reusable: false } } });
    expect(parts.get('filedata')?.headers).toMatch(/filename="catalogo-mi-tienda\.pdf"[\s\S]*Content-Type: application\/pdf/i);
    expect(parts.get('filedata')?.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Her timeline shows the greeting with its PDF once the send is recorded.
    const [conversation] = (await api.call('inbox.listConversations', {})).items;
    await expect.poll(async () => (await api.call('inbox.getConversation', { id: conversation?.id ?? 0 })).messages.at(-1)?.text, { timeout: 5000 }).toMatch(/📄 catalogo-mi-tienda\.pdf$/);
  });

  it('publishes a Page post now or scheduled, with a photo', async () => {
    await connectPage();
    nock(GRAPH).post(`/${GRAPH_VERSION}/${PAGE.id}/feed`, { message: '2x1 en labiales 💄' }).reply(200, { id: `${PAGE.id}_999` });
    expect(await core.channels.publish('facebook', { kind: 'page_post', text: '2x1 en labiales 💄' })).toEqual({ externalId: `${PAGE.id}_999` });

    let multipart = '';
    nock(GRAPH)
      .post(`/${GRAPH_VERSION}/${PAGE.id}/photos`, (b) => ((multipart = Buffer.from(String(b), 'hex').toString('latin1')), true))
      .reply(200, { id: '555', post_id: `${PAGE.id}_555` });
    const at = now + 2 * 86_400_000;
    expect(await core.channels.publish('facebook', { kind: 'page_post', text: 'Sábado de ofertas', image: await tinyJpeg(), publishAt: at })).toEqual({ externalId: `${PAGE.id}_555` });
    expect(multipart).toContain('name="scheduled_publish_time"');
    expect(multipart).toContain(String(Math.round(at / 1000)));
  });
});
