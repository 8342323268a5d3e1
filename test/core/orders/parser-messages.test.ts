import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexCatalog, parseOrderText, type CatalogEntry } from '../../../electron/core/orders/parse';
import { parseOrderMessages } from '../../../electron/core/orders/parse/messages';

const lima = 'America/Lima';
const entry = (variantId: number, sku: string, productName: string, variantName = '', stock = 10): CatalogEntry => ({
  variantId, sku, productName, variantName, category: '', tags: [], price: 1000 + variantId, stock,
});
// A shop of the project's own choosing: make-up, clothes, a perfume in two sizes. The red lipstick
// and the red nail polish share "rojo"; the stock makes the parser's default variant the wrong one.
const catalog = [
  entry(1, 'LAB-ROJ', 'Labial', 'Rojo', 5),
  entry(2, 'LAB-ROS', 'Labial', 'Rosado', 8),
  entry(3, 'LAB-NUD', 'Labial', 'Nude', 3),
  entry(4, 'RIM-NEG', 'Rímel', 'Negro', 4),
  entry(5, 'RIM-MAR', 'Rímel', 'Marrón', 9),
  entry(6, 'POL-S', 'Polo básico', 'Talla S', 2),
  entry(7, 'POL-M', 'Polo básico', 'Talla M', 3),
  entry(8, 'POL-L', 'Polo básico', 'Talla L', 9),
  entry(9, 'ESM-ROJ', 'Esmalte', 'Rojo', 20),
  entry(10, 'ESM-LIL', 'Esmalte', 'Lila', 4),
  entry(11, 'PER-50', 'Perfume Brisa', '50 ml', 6),
  entry(12, 'PER-100', 'Perfume Brisa', '100 ml', 2),
  entry(13, 'BUF-ALP', 'Bufanda de alpaca'),
  entry(14, 'SAN-37', 'Sandalias', 'Talla 37', 8),
  entry(15, 'SAN-38', 'Sandalias', 'Talla 38', 1),
];
// Friday 30 January 2026, evening in Lima.
const now = Date.parse('2026-01-30T19:30:00-05:00');
const draft = (messages: string[]) => parseOrderMessages(messages, catalog, { now, timeZone: lima });
const lines = (messages: string[]) => draft(messages).items.map((i) => [i.sku, i.quantity]);

describe('an order spread over several messages', () => {
  it.each<[string, string[], [string, number][]]>([
    ['product, then colour, then count', ['quiero el labial', 'el rojo', 'dame 2'], [['LAB-ROJ', 2]]],
    ['typos, a diminutive colour and "mejor"', ['holaa amiga 😊', 'kiero un labial xfa', 'en rosadito', 'mejor 3'], [['LAB-ROS', 3]]],
    ['a cancellation removes one of two', ['me separas el rimel negro y el labial nude', 'ya no el rimel'], [['LAB-NUD', 1]]],
    ['asked, then the size, then "si hay me guardas 2"', ['tienes el polo basico?', 'en talla M', 'si hay me guardas 2 xfa 🙏'], [['POL-M', 2]]],
    ['"el de 100" is the size, not a hundred perfumes', ['hola buenas tardes', 'quisiera el perfume brisa', 'cuanto esta el de 100?', 'ok el de 100 entonces'], [['PER-100', 1]]],
    ['"rojo" after a lipstick is the lipstick, a count later is the last product', ['buenas me das 2 esmaltes rojos', 'y tb un labial rojo', 'dame 3 mejor'], [['ESM-ROJ', 2], ['LAB-ROJ', 3]]],
    ['"quítale 1" takes one off', ['porfa 3 labiales nude', 'quitale 1'], [['LAB-NUD', 2]]],
    ['"cancela todo" empties the draft', ['quiero el rimel marron y la bufanda de alpaca', 'sabes q mejor cancela todo 😔'], []],
    ['"no mejor 2" sets the count', ['ola', 'kiero 1 bufandita d alpaca', 'no mejor 2'], [['BUF-ALP', 2]]],
    ['emoji and thanks change nothing', ['quiero el polo en talla L', '👍', 'graciass'], [['POL-L', 1]]],
    ['a size with a number refines the sandals', ['me separas unas sandalias', 'talla 38 xfa'], [['SAN-38', 1]]],
    ['"del rímel dame 2" counts the rímel already chosen', ['quiero el labial rosado y un rimel negro', 'del rimel dame 2'], [['LAB-ROS', 1], ['RIM-NEG', 2]]],
    ['a count asked about is the count ordered', ['cuanto cuesta la bufanda de alpaca x 3?', 'ya me las separas'], [['BUF-ALP', 3]]],
    ['cancel one, add another', ['dame 2 polos talla M y una bufanda de alpaca', 'ya no la bufanda', 'mejor el rimel negro'], [['POL-M', 2], ['RIM-NEG', 1]]],
    ['a colour asked about, then "dame 2"', ['tienen labiales?', 'hay en nude?', 'ok dame 2'], [['LAB-NUD', 2]]],
    ['another size of a product chosen before is another line', ['quiero un polo talla S', 'y otro en talla L'], [['POL-S', 1], ['POL-L', 1]]],
    ['"dame 2 más" adds', ['2 esmaltes lila porfis', 'dame 2 mas'], [['ESM-LIL', 4]]],
    ['"a las 3" is a time, not a count', ['me guardas la bufanda de alpaca?', 'paso a las 3 x ella'], [['BUF-ALP', 1]]],
    ['a colour asked about after ordering chooses it', ['quiero un labial', 'lo tienes en nude?', 'ya dale'], [['LAB-NUD', 1]]],
  ])('%s', (_, messages, expected) => {
    expect(lines(messages)).toEqual(expected);
  });

  it('lets a day said in any message apply, the latest one winning', () => {
    expect(draft(['para el viernes porfa', 'me mandas la bufanda de alpaca'])).toMatchObject({ items: [{ sku: 'BUF-ALP' }], deliveryDate: '2026-02-06' });
    expect(draft(['quiero 2 esmaltes lila para el lunes', 'mejor para el miercoles'])).toMatchObject({ items: [{ sku: 'ESM-LIL', quantity: 2 }], deliveryDate: '2026-02-04' });
  });

  it('names the line as the catalog does, with its current price', () => {
    expect(draft(['quiero el labial', 'el rojo'])).toMatchObject({ items: [{ variantId: 1, name: 'Labial – Rojo', unitPrice: 1001, quantity: 1 }] });
  });

  it('reads one message exactly as the one-message parser would', () => {
    expect(lines(['me separas 2 labiales rojos y un rimel negro para el sabado'])).toEqual([['LAB-ROJ', 2], ['RIM-NEG', 1]]);
    expect(draft(['me confirmas si ya salio mi pedido de hoy?'])).toEqual({ items: [], deliveryDate: null, unmatched: [], unknown: [] });
  });

  it('reads a single message as the one-message parser does, on the dev sets of item 1 (every other message)', () => {
    for (const [catalogFile, messagesFile] of [['parse-cosmetics.json', 'parse-cosmetics.jsonl'], ['parse-dev-catalog.json', 'parse-dev-heldout.jsonl'], ['parse-dev-catalog.json', 'parse-dev-tuning.jsonl']]) {
      const read = (file = '') => fs.readFileSync(path.join(__dirname, file), 'utf8');
      const shop = JSON.parse(read(catalogFile)) as { now: string; timezone: string; catalog: { sku: string; product: string; variant?: string; price: number; stock: number }[] };
      const index = indexCatalog(shop.catalog.map((e, i) => entry(i + 1, e.sku, e.product, e.variant ?? '', e.stock)));
      const options = { now: Date.parse(shop.now), timeZone: shop.timezone };
      const texts = read(messagesFile).split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { text: string }).text).filter((_, i) => i % 2 === 0);
      // Items and day; "unmatched" may be shorter here ("si hay me guardas 3" is a count for the gorro, not an unknown product).
      // Confidence may differ: across messages a count after a question is a line inferred from context.
      const drafted = ({ items, deliveryDate }: ReturnType<typeof parseOrderText>) =>
        JSON.stringify({ items: items.map(({ variantId, sku, name, quantity, unitPrice }) => ({ variantId, sku, name, quantity, unitPrice })), deliveryDate });
      const differing = texts.filter((text) => drafted(parseOrderMessages([text], index, options)) !== drafted(parseOrderText(text, index, options)));
      expect(differing).toEqual([]);
    }
  });

  it('is the same in whatever pieces the customer sent it: one message per clause or all in one', () => {
    const pieces = ['quiero 2 labiales nude', 'y la bufanda de alpaca', 'para el lunes'];
    expect(draft(pieces)).toEqual(draft([pieces.join('\n')]));
  });
});
