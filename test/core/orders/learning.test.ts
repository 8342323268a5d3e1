import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import type { ApiClient } from '../../../shared/api/client';
import type { MethodArgs } from '../../../shared/api/contract';
import { makeTempDir } from '../../helpers/tmp';

const clock = () => Date.UTC(2026, 10, 20, 15);
const product = (name: string, sku: string, variants: string[] = ['']): MethodArgs<'catalog.createProduct'> => ({
  name,
  variants: variants.map((v, i) => ({ name: v, sku: `${sku}-${i}`, price: 1500, initialStock: 20 })),
});

const open = (dir: string) => {
  const core = createCore({ dataDir: dir, clock, isOutboxTimerEnabled: false });
  return { core, api: coreClient(core) };
};

const stock = async (api: ApiClient) => {
  const bomb = await api.call('catalog.createProduct', product('Bomba de baño', 'BOM', ['Lavanda', 'Eucalipto']));
  const esmalte = await api.call('catalog.createProduct', product('Esmalte', 'ESM', ['Rosa chicle', 'Rojo cereza']));
  const locion = await api.call('catalog.createProduct', product('Loción hidratante', 'LOC', ['Rosas']));
  const jabon = await api.call('catalog.createProduct', product('Jabón de avena', 'JAB'));
  return { bomb, esmalte, locion, jabon };
};

const variantOf = (p: { variants: { id: number; name: string }[] }, name = '') => p.variants.find((v) => v.name === name)?.id ?? 0;

describe('a draft that learns the shop’s words', () => {
  const dirs: { cleanup(): void }[] = [];
  const cores: Core[] = [];
  const tmp = () => {
    const made = makeTempDir();
    dirs.push(made);
    return made.dir;
  };
  afterEach(() => {
    for (const core of cores.splice(0)) core.close();
    for (const dir of dirs.splice(0)) dir.cleanup();
  });
  const start = (dir: string) => {
    const opened = open(dir);
    cores.push(opened.core);
    return opened;
  };

  it('keeps words the seller gave a product, uses them next time, after a restart, and forgets them when removed', async () => {
    const dir = tmp();
    const { core, api } = start(dir);
    const { bomb } = await stock(api);
    const message = 'hola me mandas 3 burbujitas porfa 🛁';
    const first = await api.call('orders.draftFromText', { text: message });
    expect(first.items).toEqual([]);
    expect(first.unknown).toEqual([{ words: '3 burbujitas', quantity: 3 }]);

    // The seller picks the product for the words the draft did not know, and saves.
    const lavanda = variantOf(bomb, 'Lavanda');
    await api.call('orders.create', {
      channel: 'whatsapp',
      items: [{ variantId: lavanda, quantity: 3, draft: { words: '3 burbujitas', draftedVariantId: null } }],
      sourceText: message,
    });
    const aliases = await api.call('catalog.listAliases', { productId: bomb.id });
    expect(aliases.items).toMatchObject([{ phrase: 'burbujitas', variantId: lavanda, variantName: 'Lavanda', source: 'learned' }]);

    const next = await api.call('orders.draftFromText', { text: message });
    expect(next.items).toMatchObject([{ variantId: lavanda, quantity: 3, confidence: 'sure', isLearned: true, words: '3 burbujitas' }]);
    expect(next.unknown).toEqual([]);
    // Other spellings of the same words too: the alias is compared folded and stemmed.
    expect((await api.call('orders.draftFromText', { text: 'quiero 2 BURBUJITA xfa' })).items).toMatchObject([{ variantId: lavanda, quantity: 2 }]);

    core.close();
    cores.splice(0);
    const reopened = start(dir);
    expect((await reopened.api.call('orders.draftFromText', { text: message })).items).toMatchObject([{ variantId: lavanda, confidence: 'sure' }]);

    const [alias] = (await reopened.api.call('catalog.listAliases', { productId: bomb.id })).items;
    expect(await reopened.api.call('catalog.removeAlias', { id: alias?.id ?? 0 })).toEqual({ items: [] });
    const forgotten = await reopened.api.call('orders.draftFromText', { text: message });
    expect(forgotten.items).toEqual([]);
    expect(forgotten.unknown).toEqual([{ words: '3 burbujitas', quantity: 3 }]);
  });

  it('learns from a line whose product the seller changed, not from lines she kept or a variant the draft only guessed', async () => {
    const { api } = start(tmp());
    const { bomb, esmalte, locion, jabon } = await stock(api);
    const message = 'quiero 2 cremitas de rosa, 1 jabon de avena y 2 bombas de baño';
    const draft = await api.call('orders.draftFromText', { text: message });
    const byWords = (w: string) => draft.items.find((i) => i.words === w);
    const cremitas = byWords('2 cremitas de rosa');
    const bombas = byWords('2 bombas de baño');
    const avena = byWords('1 jabon de avena');
    expect(cremitas?.confidence).toBe('check');
    expect(bombas).toMatchObject({ confidence: 'check', reasons: ['variantGuessed'] });
    expect(avena?.confidence).toBe('sure');

    await api.call('orders.create', {
      channel: 'instagram',
      items: [
        { variantId: variantOf(locion, 'Rosas'), quantity: 2, draft: { words: '2 cremitas de rosa', draftedVariantId: cremitas?.variantId ?? null } },
        { variantId: variantOf(jabon), quantity: 1, draft: { words: '1 jabon de avena', draftedVariantId: avena?.variantId ?? null } },
        { variantId: variantOf(bomb, bombas?.variantId === variantOf(bomb, 'Lavanda') ? 'Eucalipto' : 'Lavanda'), quantity: 2, draft: { words: '2 bombas de baño', draftedVariantId: bombas?.variantId ?? null, isVariantGuessed: true } },
      ],
    });
    expect((await api.call('catalog.listAliases', { productId: locion.id })).items.map((a) => a.phrase)).toEqual(['cremitas de rosa']);
    expect((await api.call('catalog.listAliases', { productId: jabon.id })).items).toEqual([]);
    expect((await api.call('catalog.listAliases', { productId: bomb.id })).items).toEqual([]);

    const again = await api.call('orders.draftFromText', { text: message });
    expect(again.items.find((i) => i.words === '2 cremitas de rosa')).toMatchObject({ variantId: variantOf(locion, 'Rosas'), confidence: 'sure', isLearned: true });
    // A later correction moves the words to the product she picked then.
    await api.call('orders.create', {
      channel: 'instagram',
      items: [{ variantId: variantOf(esmalte, 'Rosa chicle'), quantity: 1, draft: { words: 'cremitas de rosa', draftedVariantId: variantOf(locion, 'Rosas') } }],
    });
    expect((await api.call('catalog.listAliases', { productId: locion.id })).items).toEqual([]);
    expect((await api.call('catalog.listAliases', { productId: esmalte.id })).items).toMatchObject([{ phrase: 'cremitas de rosa', variantName: 'Rosa chicle' }]);
  });

  it('keeps each shop’s words in its own data: another shop never sees them, an exported shop carries only its own', async () => {
    const shopA = start(tmp());
    const a = await stock(shopA.api);
    await shopA.api.call('catalog.addAlias', { productId: a.jabon.id, phrase: 'jaboncito oat' });
    const shopB = start(tmp());
    await stock(shopB.api);
    const text = '2 jaboncito oat';
    expect((await shopA.api.call('orders.draftFromText', { text })).items).toMatchObject([{ sku: 'JAB-0', isLearned: true }]);
    expect((await shopB.api.call('orders.draftFromText', { text })).items.every((i) => !i.isLearned)).toBe(true);

    // Moving shop A to a fresh install brings A's words with its products; shop B's data dir is untouched.
    const exported = await shopA.api.call('shop.export', {});
    const moved = start(tmp());
    await moved.api.call('shop.import', { path: exported.path });
    expect((await moved.api.call('catalog.listAliases', { productId: a.jabon.id })).items.map((x) => x.phrase)).toEqual(['jaboncito oat']);
    expect((await shopB.api.call('orders.draftFromText', { text })).items.every((i) => !i.isLearned)).toBe(true);
    // And a shop with data of its own never takes another's (import is refused), so words never mix.
    expect(await shopB.api.request('shop.import', { path: exported.path })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
