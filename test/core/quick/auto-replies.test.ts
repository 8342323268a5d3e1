import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import { createDemoAdapter } from '../../../electron/core/channels/demo';
import { withoutEmptyCatalog } from '../../../electron/core/quick/autoReplies';
import type { ApiClient } from '../../../shared/api/client';
import { makeTempDir } from '../../helpers/tmp';

const HOUR = 3_600_000;
// Saturday 2026-11-21, 15:00 in Lima (UTC-5).
const SATURDAY_3PM = Date.UTC(2026, 10, 21, 20);

describe('away and greeting messages', () => {
  let tmp: { dir: string; cleanup: () => void };
  let core: Core;
  let api: ApiClient;
  let now = SATURDAY_3PM;
  let serial = 0;

  beforeEach(async () => {
    tmp = makeTempDir();
    now = SATURDAY_3PM;
    core = createCore({ dataDir: tmp.dir, clock: () => now, isOutboxTimerEnabled: false, channelAdapters: { demo: createDemoAdapter({ firstDelayMs: 3_600_000 }) } });
    api = coreClient(core);
    await api.call('settings.update', { shopName: 'Karina Cosméticos', deliveryDays: [2, 4] });
    await api.call('channels.connect', { kind: 'demo' });
  });
  afterEach(() => {
    core.close();
    tmp.cleanup();
  });

  const writes = async (who: string, text = 'hola', options: { via?: 'demo'; chat?: string; sentAt?: number } = { via: 'demo' }) => {
    serial += 1;
    return api.call('inbox.ingestMessage', {
      channel: 'whatsapp',
      conversationExternalId: options.chat ?? `demo:whatsapp:${who}`,
      messageExternalId: `m-${serial}`,
      direction: 'in',
      author: who === '51911000001' ? 'Lucía Quispe' : 'Ana',
      senderExternalId: who,
      text,
      sentAt: options.sentAt ?? now,
      ...('via' in options && options.via ? { via: options.via } : {}),
    });
  };
  /** What the demo customers actually received. */
  const delivered = (): { to: string; text: string }[] => {
    const file = path.join(tmp.dir, 'channels', 'demo', 'delivered.jsonl');
    return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line)) : [];
  };
  const enable = async (changes: Partial<Awaited<ReturnType<typeof api.call<'autoReplies.get'>>>>) =>
    api.call('autoReplies.save', { ...(await api.call('autoReplies.get', {})), ...changes });

  it('sends nothing while off (the default)', async () => {
    now = Date.UTC(2026, 10, 22, 3); // 22:00 in Lima
    await writes('51911000001');
    await core.outbox.runDue();
    expect(delivered()).toEqual([]);
  });

  it('answers once a day outside her hours, with her hours and the next delivery day', async () => {
    await enable({ isAwayEnabled: true, opensAt: '09:00', closesAt: '19:00', sellingDays: [1, 2, 3, 4, 5, 6] });
    await writes('51911000001', 'hola, está el labial?');
    await core.outbox.runDue();
    expect(delivered()).toEqual([]); // open on Saturday at 15:00

    now = Date.UTC(2026, 10, 22, 2); // Saturday 21:00 in Lima
    await writes('51911000001', 'hola??');
    await writes('51911000001', 'sigues ahí?');
    await core.outbox.runDue();
    const sent = delivered();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toBe('demo:whatsapp:51911000001');
    expect(sent[0]?.text).toContain('¡Hola Lucía!');
    expect(sent[0]?.text).toContain('lunes, martes, miércoles, jueves, viernes y sábado de 09:00 a 19:00');
    expect(sent[0]?.text).toContain('martes 24 de noviembre');

    now += 14 * HOUR; // Sunday, a day she does not sell: a new day, one more answer
    await writes('51911000001', 'buenos días');
    await writes('51911000001', 'hola');
    await core.outbox.runDue();
    expect(delivered()).toHaveLength(2);
  });

  it('greets a first-time customer with the catalog link, never twice', async () => {
    await enable({ isGreetingEnabled: true, catalogLink: 'https://karina.pe/catalogo' });
    await writes('51911000001');
    await writes('51911000001', 'quiero un labial');
    await core.outbox.runDue();
    expect(delivered().map((d) => d.text)).toEqual(['¡Hola Lucía! Bienvenida a Karina Cosméticos 😊 Aquí está nuestro catálogo: https://karina.pe/catalogo']);
    now += 30 * HOUR;
    await writes('51911000001', 'hola de nuevo');
    await core.outbox.runDue();
    expect(delivered()).toHaveLength(1);
  });

  it('leaves out the catalog sentence when she saved no link, instead of stopping at a colon', async () => {
    await enable({ isGreetingEnabled: true, catalogLink: '' });
    await writes('51911000001');
    await core.outbox.runDue();
    expect(delivered().map((d) => d.text)).toEqual(['¡Hola Lucía! Bienvenida a Karina Cosméticos 😊']);
    expect(withoutEmptyCatalog('Hi {cliente}! Here is our catalog: {catalogo}\nWe deliver on {entrega}.', '')).toBe('Hi {cliente}!\nWe deliver on {entrega}.');
    expect(withoutEmptyCatalog('Catálogo: {catalogo}', ' https://k.pe ')).toBe('Catálogo: {catalogo}');
  });

  it('greets with the catalog PDF as a document when she asks for it, the link riding in the text', async () => {
    await api.call('catalog.createProduct', { name: 'Labial nude', variants: [{ sku: 'LAB-NUD', price: 2500, initialStock: 4 }] });
    await enable({ isGreetingEnabled: true, isCatalogPdfSent: true, catalogLink: 'https://karina.pe/catalogo' });
    const { conversationId } = await writes('51911000001');
    await core.outbox.runDue();
    const greeting = '¡Hola Lucía! Bienvenida a Karina Cosméticos 😊 Aquí está nuestro catálogo: https://karina.pe/catalogo';
    expect(delivered()).toEqual([expect.objectContaining({ text: greeting, file: 'catalogo-karina-cosmeticos.pdf' })]);
    // Her timeline says the PDF went with it.
    const opened = await api.call('inbox.getConversation', { id: conversationId });
    expect(opened.messages.at(-1)).toMatchObject({ direction: 'out', text: `${greeting}\n📄 catalogo-karina-cosmeticos.pdf` });
  });

  it('never answers groups, imports, old backlogs or someone who opted out', async () => {
    await enable({ isAwayEnabled: true, isGreetingEnabled: true });
    await writes('51911000002', 'hola', { via: 'demo', chat: '120363000000000000@g.us' });
    await writes('51911000003', 'hola', {});
    await writes('51911000004', 'hola', { via: 'demo', sentAt: now - 5 * HOUR });
    await writes('51911000005', 'BAJA');
    await core.outbox.runDue();
    // Only the opt-out confirmation goes out, never a greeting.
    expect(delivered().map((d) => d.text)).toEqual([expect.stringContaining('ya no te enviaremos promociones')]);
  });
});
