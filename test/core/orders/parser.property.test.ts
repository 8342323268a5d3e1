import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseOrderText, type CatalogEntry } from '../../../electron/core/orders/parse';

const entry = (variantId: number, sku: string, productName: string, variantName = ''): CatalogEntry => ({
  variantId, sku, productName, variantName, category: '', tags: [], price: 1500, stock: 20,
});
const catalog = [
  entry(1, 'JAB-AVE', 'Jabón de avena'),
  entry(2, 'ESM-ROS', 'Esmalte', 'Rosa'),
  entry(3, 'CRE-MAN', 'Crema de manos karité'),
  entry(4, 'VEL-CAN', 'Vela de canela'),
];
const options = { now: Date.parse('2026-05-06T10:00:00-05:00'), timeZone: 'America/Lima' };
const draft = (text: string) => {
  const { items, deliveryDate } = parseOrderText(text, catalog, options);
  return { items: items.map((i) => [i.sku, i.quantity]).sort(), deliveryDate };
};

const orders = [
  'me separas 2 jabones de avena para el viernes',
  'quiero un esmalte rosa y una crema de manos',
  'tienes velas de canela? si hay me guardas 3',
  'la crema de manos se ve linda, mandame 2',
  'dame media docena de jabones de avena',
  'cuanto cuesta la vela de canela?',
];
const greetings = ['hola', 'holaa', 'buenas', 'buenas tardes', 'hola karina', 'buen dia amiga'];
const politeness = ['porfa', 'xfa', 'por favor', 'plis', 'gracias de antemano'];
const emoji = ['😊', '🙏', '💅', '✨✨', '😍', '🥰', '👍'];

/** Words around an order never change what it orders: greetings before, "porfa" and emoji after, line breaks. */
describe('order drafts ignore the small talk around an order', () => {
  it('gives the same draft with greetings, politeness, emoji and line breaks added', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...orders),
        fc.option(fc.constantFrom(...greetings), { nil: undefined }),
        fc.option(fc.constantFrom(...politeness), { nil: undefined }),
        fc.array(fc.constantFrom(...emoji), { maxLength: 3 }),
        fc.constantFrom(' ', '\n', ', ', '! ', '!! '),
        (order, greeting, polite, emojis, gap) => {
          const dressed = [greeting ? `${greeting}${gap}` : '', order, polite ? ` ${polite}` : '', emojis.length ? ` ${emojis.join('')}` : ''].join('');
          expect(draft(dressed)).toEqual(draft(order));
        },
      ),
      { numRuns: 300 },
    );
  });
});
