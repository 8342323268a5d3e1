import { describe, expect, it } from 'vitest';
import { fill, translateWith } from '../../renderer/i18n/translate';
import { es } from '../../renderer/i18n/es';
import { en } from '../../renderer/i18n/en';

const dictionary = {
  'stops_one': '{count} entrega',
  'stops_other': '{count} entregas',
  'totals': '{stops, plural, one {# entrega} other {# entregas}} · {delivered, plural, one {# entregada} other {# entregadas}}',
  'until': 'Puedes responder hasta el {when}.',
  'plain': 'Hola {name}',
};

describe('translate', () => {
  it('picks the _one or _other variant by Intl.PluralRules of the language', () => {
    expect(translateWith(dictionary, 'es', 'stops', { count: 1 })).toBe('1 entrega');
    expect(translateWith(dictionary, 'es', 'stops', { count: 0 })).toBe('0 entregas');
    expect(translateWith(dictionary, 'es', 'stops', { count: 2 })).toBe('2 entregas');
    // Spanish has a "many" category (1 000 000); without its own variant it falls back to _other.
    expect(translateWith(dictionary, 'es', 'stops', { count: 1_000_000 })).toBe('1000000 entregas');
  });

  it('words each number of a sentence with several counts', () => {
    expect(translateWith(dictionary, 'es', 'totals', { stops: 1, delivered: 0 })).toBe('1 entrega · 0 entregadas');
    expect(translateWith(dictionary, 'es', 'totals', { stops: 3, delivered: 1 })).toBe('3 entregas · 1 entregada');
  });

  it('does not double the period after a value that ends in one', () => {
    expect(fill('hasta el {when}.', { when: '5 dic., 3:24 a. m.' })).toBe('hasta el 5 dic., 3:24 a. m.');
    expect(fill('hasta el {when}.', { when: 'Dec 5, 3:24 AM' })).toBe('hasta el Dec 5, 3:24 AM.');
    expect(translateWith(dictionary, 'es', 'until', { when: '3:24 a. m.' })).toBe('Puedes responder hasta el 3:24 a. m.');
  });

  it('keeps a placeholder it has no value for, and plain keys work as before', () => {
    expect(translateWith(dictionary, 'es', 'plain', {})).toBe('Hola {name}');
    expect(translateWith(dictionary, 'es', 'plain', { name: 'Karina' })).toBe('Hola Karina');
  });

  it('says "1 entrega" and "1 producto" in the real dictionaries, in both languages', () => {
    expect(translateWith(es, 'es', 'deliveries.totals', { stops: 1, delivered: 1, failed: 0 })).toMatch(/^1 entrega · 1 entregada/);
    expect(translateWith(en, 'en', 'deliveries.totals', { stops: 1, delivered: 1, failed: 0 })).toMatch(/^1 stop · 1 delivered/);
    expect(translateWith(es, 'es', 'catalog.count', { count: 1 })).toBe('1 producto');
    expect(translateWith(es, 'es', 'catalog.count', { count: 5 })).toBe('5 productos');
    expect(translateWith(en, 'en', 'catalog.count', { count: 1 })).toBe('1 product');
  });

  it('gives every "{count} noun" text a singular in both dictionaries', () => {
    // Numbers before words that do not change with it ("Ver 1 más", "1 sin leer", "1 / 20 caracteres").
    const invariable = new Set(['orders.loadMore', 'chats.unread', 'promo.chars']);
    for (const dictionaryOf of [es, en]) {
      const bare = Object.entries(dictionaryOf).filter(([key, text]) => !/_(one|other)$/.test(key) && !invariable.has(key) && /\{count\} \p{L}/u.test(text));
      expect(bare.map(([key]) => key)).toEqual([]);
    }
    for (const key of ['channels.synced', 'broadcast.recipients', 'live.messagesQueued', 'promo.items', 'catalog.variants'] as const) {
      expect(translateWith(es, 'es', key, { count: 1 })).not.toMatch(/^1 \p{L}+s\b/u);
    }
  });
});
