import { describe, expect, it } from 'vitest';
import { aliasKey, aliasPhraseOf, indexCatalog, parseOrderText, toAliasRule, type CatalogEntry } from '../../../electron/core/orders/parse';

const entry = (variantId: number, productId: number, productName: string, variantName = '', stock = 10): CatalogEntry => ({
  variantId, productId, sku: `S${variantId}`, productName, variantName, category: '', tags: [], price: 1000, stock,
});
const shop = [
  entry(1, 1, 'Jabón de avena'),
  entry(2, 2, 'Jabón de carbón activado'),
  entry(3, 3, 'Esmalte', 'Rosa chicle'),
  entry(4, 3, 'Esmalte', 'Rojo cereza'),
  entry(5, 4, 'Vela aromática', 'Lavanda'),
  entry(6, 4, 'Vela aromática', 'Vainilla'),
  entry(7, 5, 'Loción hidratante', 'Rosas'),
  entry(8, 6, 'Taza mágica'),
];
const options = { now: Date.parse('2026-01-30T12:00:00-05:00'), timeZone: 'America/Lima' };
const read = (text: string, aliases: { phraseKey: string; productId: number; variantId: number | null }[] = []) =>
  parseOrderText(text, indexCatalog(shop, aliases.map(toAliasRule)), options);
const lines = (text: string) => read(text).items.map((i) => ({ name: i.name, confidence: i.confidence, reasons: i.reasons }));

describe('how sure a draft line is', () => {
  it.each([
    ['hola quiero 2 velas de lavanda xfa', 'Vela aromática – Lavanda'],
    ['la vela de vainilla, sepárame 2', 'Vela aromática – Vainilla'],
    ['1 esmalte rojo cereza porfa', 'Esmalte – Rojo cereza'],
    ['quiero la taza magica', 'Taza mágica'],
    ['un jabon de avena para mi hermana', 'Jabón de avena'],
    ['holaa Quisiera 2 Jaboncitos de Avena 🙏 para el sábado', 'Jabón de avena'],
  ])('is sure of the exact words in "%s"', (text, name) => {
    expect(lines(text)).toMatchObject([{ name, confidence: 'sure' }]);
  });

  it.each([
    ['me separas 2 esmaltes?', 'variantGuessed'],
    ['quiero 2 jabones', 'ambiguous'],
    ['3 jaboncitos de coco', 'partial'],
    ['2 cremitas de rosa', 'partial'],
    ['una tasa majica', 'fuzzy'],
    ['quiero el rosadito', 'fuzzy'],
  ])('asks to check "%s" (%s)', (text, reason) => {
    const [line, ...others] = lines(text);
    expect(others).toEqual([]);
    expect(line?.confidence).toBe('check');
    expect(line?.reasons).toContain(reason);
  });

  it('marks only the doubtful line of a message with several', () => {
    expect(lines('quiero 1 esmalte rojo, 2 jabones y una taza magica')).toEqual([
      { name: 'Esmalte – Rojo cereza', confidence: 'sure', reasons: [] },
      { name: 'Jabón de avena', confidence: 'check', reasons: ['ambiguous'] },
      { name: 'Taza mágica', confidence: 'sure', reasons: [] },
    ]);
  });

  it('an assumed count alone, or a count said later for the product named before, is still sure', () => {
    expect(read('quiero la taza magica').items[0]).toMatchObject({ confidence: 'sure', reasons: ['assumedQuantity'], quantity: 1 });
    expect(read('me gustó la vela de lavanda, sepárame 3').items[0]).toMatchObject({ confidence: 'sure', quantity: 3 });
  });

  it('keeps the customer’s own words for each line, without the request around them', () => {
    expect(read('Holaa! me separas 2 Jaboncitos de Avena y 1 esmalte rojo cereza xfa 💅').items.map((i) => i.words)).toEqual(['2 Jaboncitos de Avena', '1 esmalte rojo cereza']);
    expect(read('me mandas 3 burbujitas porfa 🛁').unknown).toEqual([{ words: '3 burbujitas', quantity: 3 }]);
    expect(read('quiero el rosadito chiquito').items[0]?.words).toBe('rosadito chiquito');
  });
});

describe('the shop’s words (aliases)', () => {
  it('reads folded, stemmed keys without counts or filler words', () => {
    expect(aliasKey('3 Jaboncitos de AVENA xfa')).toBe(aliasKey('jaboncito de avena'));
    expect(aliasKey('quiero 2 porfa')).toBe('');
    expect(aliasPhraseOf('2 Jaboncitos de avena')).toBe('Jaboncitos de avena');
    expect(aliasPhraseOf('un par de burbujitas')).toBe('burbujitas');
  });

  it('an alias beats a likeness: the words drafted to the product the shop taught, sure', () => {
    const taught = [{ phraseKey: aliasKey('rosadito'), productId: 3, variantId: 3 }];
    expect(read('quiero el rosadito', taught).items).toMatchObject([{ name: 'Esmalte – Rosa chicle', confidence: 'sure', isLearned: true }]);
    const cream = [{ phraseKey: aliasKey('cremitas de rosa'), productId: 5, variantId: null }];
    expect(read('2 cremitas de rosa y 1 vela de lavanda', cream).items).toMatchObject([
      { name: 'Loción hidratante – Rosas', quantity: 2, confidence: 'sure', isLearned: true },
      { name: 'Vela aromática – Lavanda', quantity: 1, isLearned: false },
    ]);
  });

  it('an alias for a product with variants picks the variant the other words name, or says it guessed', () => {
    const candle = [{ phraseKey: aliasKey('velita rica'), productId: 4, variantId: null }];
    expect(read('2 velitas ricas de vainilla', candle).items).toMatchObject([{ name: 'Vela aromática – Vainilla', confidence: 'sure' }]);
    expect(read('2 velitas ricas', candle).items).toMatchObject([{ confidence: 'check', reasons: ['variantGuessed'], isLearned: true }]);
  });
});
