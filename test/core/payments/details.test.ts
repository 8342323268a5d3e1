import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import { createDemoAdapter } from '../../../electron/core/channels/demo';
import type { ApiClient } from '../../../shared/api/client';
import { makePhotoBase64 } from '../../helpers/photos';
import { makeTempDir } from '../../helpers/tmp';

const at = Date.UTC(2026, 10, 28, 15, 0);

/** Datos de pago in a chat: her QR as a picture with the details as caption, where the channel takes photos. */
describe('payment details sent in a chat', () => {
  let tmp: { dir: string; cleanup: () => void };
  let core: Core;
  let api: ApiClient;
  beforeEach(async () => {
    tmp = makeTempDir();
    core = createCore({
      dataDir: tmp.dir,
      clock: () => at,
      isOutboxTimerEnabled: false,
      channelAdapters: {
        demo: createDemoAdapter({ script: [] }),
        // A channel whose adapter sends text only (as Instagram did before it could send photos).
        instagram: (hooks, env) => {
          const { sendPhoto: _photo, ...textOnly } = createDemoAdapter({ script: [] })(hooks, { ...env, sessionDir: `${env.sessionDir}-ig` });
          return textOnly;
        },
      },
    });
    api = coreClient(core);
    await api.call('channels.connect', { kind: 'demo' });
  });
  afterEach(() => {
    core.close();
    tmp.cleanup();
  });

  const customerWrites = async (channel: 'whatsapp' | 'instagram', via: 'demo' | 'instagram', id: string) =>
    (await api.call('inbox.ingestMessage', { channel, via, conversationExternalId: id, messageExternalId: `in-${id}`, direction: 'in', author: 'Lucía Quispe', senderExternalId: id, text: '¿a qué número te yapeo?', sentAt: at - 60_000 })).conversationId;
  const withQr = async () => {
    const qr = await api.call('media.upload', { fileName: 'qr-yape.png', dataBase64: await makePhotoBase64('#742284') });
    await api.call('settings.update', {
      paymentDetails: [
        { kind: 'yape', label: 'Yape', number: '987 654 321', holder: 'Karina Paredes', qrMediaId: qr.id },
        { kind: 'bank', label: 'BCP', number: '191-1234567-0-12', holder: 'Karina Paredes', cci: '002 191 001234567012 55' },
      ],
    });
    return qr.id;
  };
  const outgoing = async (conversationId: number) =>
    (await api.call('inbox.getConversation', { id: conversationId })).messages.filter((m) => m.direction === 'out').map((m) => ({ text: m.text, photos: m.photos.map((p) => p.id) }));
  const delivered = (): { text: string; photo?: string }[] =>
    fs.readFileSync(path.join(tmp.dir, 'channels', 'demo', 'delivered.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; photo?: string });

  it('sends her QR as a picture with the details as its caption, and keeps it in the chat', async () => {
    const qrId = await withQr();
    const conversationId = await customerWrites('whatsapp', 'demo', '51911222333');
    const text = 'Puedes pagar por:\n• Yape 987 654 321 a nombre de Karina Paredes';
    const sent = await api.call('payments.sendDetails', { conversationId, text });
    expect(sent).toMatchObject({ conversationId, channel: 'whatsapp', qr: 'sent' });
    expect(await outgoing(conversationId)).toEqual([{ text, photos: [qrId] }]);
    expect(delivered()).toEqual([expect.objectContaining({ text, photo: expect.stringContaining(qrId) })]);
  });

  it('without a QR in Ajustes the details go as text', async () => {
    const conversationId = await customerWrites('whatsapp', 'demo', '51911222333');
    const sent = await api.call('payments.sendDetails', { conversationId, text: 'Yape 987 654 321' });
    expect(sent.qr).toBe('none');
    expect(await outgoing(conversationId)).toEqual([{ text: 'Yape 987 654 321', photos: [] }]);
  });

  it('on a channel that cannot take photos the text goes alone and she is told the QR did not', async () => {
    await withQr();
    await api.call('channels.connect', { kind: 'instagram', username: 'karina.cosmeticos', password: 'secreto' });
    const conversationId = await customerWrites('instagram', 'instagram', 'ig-lucia');
    const sent = await api.call('payments.sendDetails', { conversationId, text: 'Yape 987 654 321' });
    expect(sent).toMatchObject({ channel: 'instagram', qr: 'not_on_channel' });
    expect(await outgoing(conversationId)).toEqual([{ text: 'Yape 987 654 321', photos: [] }]);
  });

  it('an order confirmation too long for a caption goes first, then the QR with its method', async () => {
    const qrId = await withQr();
    const conversationId = await customerWrites('whatsapp', 'demo', '51911222333');
    const { customerId } = await api.call('inbox.getConversation', { id: conversationId });
    const confirmation = `¡Hola Lucía! Tu pedido está confirmado:\n${'• 1× Labial mate Rojo Pasión\n'.repeat(40)}Puedes pagar por:\n• Yape 987 654 321`;
    const sent = await api.call('payments.sendDetails', { customerId: customerId ?? 0, text: confirmation });
    expect(sent.qr).toBe('sent');
    expect(await outgoing(conversationId)).toEqual([
      { text: confirmation, photos: [] },
      { text: '• Yape 987 654 321 a nombre de Karina Paredes', photos: [qrId] },
    ]);
  });

  it('refuses a call naming no chat or two, a chat that does not exist, and a customer without a live chat', async () => {
    const refusal = async (args: unknown) => {
      const result = await core.dispatch('payments.sendDetails', args);
      return result.ok ? null : result.error;
    };
    expect(await refusal({ text: 'x' })).toMatchObject({ code: 'invalid_input', field: 'customerId' });
    expect(await refusal({ conversationId: 1, customerId: 1, text: 'x' })).toMatchObject({ code: 'invalid_input' });
    expect(await refusal({ conversationId: 1, text: '  ' })).toMatchObject({ code: 'invalid_input', field: 'text' });
    expect(await refusal({ conversationId: 999, text: 'x' })).toMatchObject({ code: 'not_found', field: 'conversationId' });
    expect(await refusal({ customerId: 999, text: 'x' })).toMatchObject({ code: 'not_found', field: 'customerId' });
    const product = await api.call('catalog.createProduct', { name: 'Labial', variants: [{ sku: 'LAB-1', price: 3500, initialStock: 5 }] });
    const order = await api.call('orders.create', { channel: 'stall', customer: { name: 'Rosa Huamán', phone: '' }, items: [{ variantId: product.variants[0]?.id ?? 0, quantity: 1 }] });
    expect(await refusal({ customerId: order.customer?.id ?? 0, text: 'x' })).toMatchObject({ code: 'channel_not_ready' });
  });
});
