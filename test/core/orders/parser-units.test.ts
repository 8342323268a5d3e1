import { describe, expect, it } from 'vitest';
import { parseOrderText, type CatalogEntry } from '../../../electron/core/orders/parse';
import { findDate } from '../../../electron/core/orders/parse/dates';
import { findQuantity } from '../../../electron/core/orders/parse/quantities';
import { stem, tokensOf } from '../../../electron/core/orders/parse/normalize';

const lima = 'America/Lima';
const entry = (variantId: number, sku: string, productName: string, variantName = '', stock = 10): CatalogEntry => ({
  variantId, sku, productName, variantName, category: '', tags: [], price: 1000, stock,
});
const catalog = [
  entry(1, 'CHO-TAZ', 'Chocolate para taza'),
  entry(2, 'KEQ-NAR', 'Keque de naranja'),
  entry(3, 'POL-ROJ-S', 'Polo', 'Rojo S', 0),
  entry(4, 'POL-ROJ-L', 'Polo', 'Rojo L', 5),
  entry(5, 'VEL-AR', 'Vela aromática de lavanda'),
];
const now = Date.parse('2026-01-30T23:30:00-05:00');
const parse = (text: string) => parseOrderText(text, catalog, { now, timeZone: lima });

describe('quantities', () => {
  it.each([
    ['2 velas', 2],
    ['dos velas', 2],
    ['un par de velas', 2],
    ['media docena de velas', 6],
    ['una docena de velas', 12],
    ['2 docenas de velas', 24],
    ['veinte velas', 20],
    ['3x velas', 3],
  ])('%s → %i', (text, quantity) => {
    expect(findQuantity(tokensOf(text))?.quantity).toBe(quantity);
  });

  it('defaults to one when the customer names only the product', () => {
    expect(parse('quiero el keque de naranja').items).toMatchObject([{ sku: 'KEQ-NAR', quantity: 1 }]);
  });
});

describe('words as customers type them', () => {
  it('meets plurals, diminutives, doubled letters and missing accents on one stem', () => {
    expect(stem('velitas')).toBe(stem('vela'));
    expect(stem('polos')).toBe(stem('polo'));
    expect(stem('rrojo')).toBe(stem('rojo'));
    expect(stem('100')).toBe('100');
    expect(parse('3 velitas aromaticas 🕯️🕯️ xfa').items).toMatchObject([{ sku: 'VEL-AR', quantity: 3 }]);
    expect(parse('DOS KEKES DE NARANJA!!!').items).toMatchObject([{ sku: 'KEQ-NAR', quantity: 2 }]);
  });

  it('picks the variant the customer names, else the one in stock', () => {
    expect(parse('un polo rojo talla s').items.map((i) => i.sku)).toEqual(['POL-ROJ-S']);
    expect(parse('un polo rojo').items.map((i) => i.sku)).toEqual(['POL-ROJ-L']);
  });

  it('adds up the same product named twice', () => {
    expect(parse('2 velas y 1 vela de lavanda').items).toMatchObject([{ sku: 'VEL-AR', quantity: 3 }]);
  });

  it('lists what it could not match instead of guessing', () => {
    const result = parse('2 velas y 3 jabones de coco');
    expect(result.items.map((i) => i.sku)).toEqual(['VEL-AR']);
    expect(result.unmatched).toEqual(['3 jabones de coco']);
  });

  it('lists an unknown product once, even when it heads a list that might be a breakdown', () => {
    expect(parse('3 jabones de coco, 2 velas, 1 keque de naranja').unmatched).toEqual(['3 jabones de coco']);
  });
});

describe('questions make no items', () => {
  it.each(['cuánto está la vela?', 'tienen polos en talla M?', 'hacen envíos a Miraflores?', 'precio del keque', 'queria saber si tienen velas'])('%s', (text) => {
    expect(parse(text).items).toEqual([]);
  });
  it('but an order phrased as a question is an order', () => {
    expect(parse('me separas 2 velas para el sábado?').items).toMatchObject([{ sku: 'VEL-AR', quantity: 2 }]);
  });
});

describe('delivery days in the shop time zone', () => {
  // 23:30 on Friday 30 January in Lima is already Saturday 31 in UTC: "mañana" must still be Saturday.
  it.each([
    ['para hoy', '2026-01-30'],
    ['para mañana', '2026-01-31'],
    ['pasado mañana', '2026-02-01'],
    ['el sabado', '2026-01-31'],
    ['el viernes', '2026-02-06'],
    ['el lunes 2', '2026-02-02'],
    ['para el 3', '2026-02-03'],
    ['el 14 de febrero', '2026-02-14'],
    ['14/02', '2026-02-14'],
    ['en la mañana porfa', null],
  ])('%s → %s', (text, date) => {
    expect(findDate(text, now, lima)?.date ?? null).toBe(date);
  });

  it('rolls a past day of the month into the next month', () => {
    expect(findDate('el 5', Date.parse('2026-03-20T12:00:00-05:00'), lima)?.date).toBe('2026-04-05');
  });
});

// The kinds of message customers write that a one-verb reading got wrong, in sentences of our own.
describe('orders as customers really write them', () => {
  const drafted = (text: string) => parse(text).items.map((i) => [i.sku, i.quantity]);
  it.each([
    ['the count after the product, in its own clause', 'que lindas las velas de lavanda, mándame 4', [['VEL-AR', 4]]],
    ['the count after the product, a diminutive', 'el keque de naranjita se ve rico 😍 apártame 2 xfa', [['KEQ-NAR', 2]]],
    ['a question first, then the order', 'tienes velas de lavanda?? si hay me separas 5', [['VEL-AR', 5]]],
    ['a question about a detail, then "me lo separas"', 'una pregunta, ¿el keque es de naranja natural? si es así me lo guardas', [['KEQ-NAR', 1]]],
    ['a formal request', 'Buenas tardes, deseo adquirir tres velas aromáticas de lavanda.', [['VEL-AR', 3]]],
    ['voseo', '¿Me podés apartar un polo rojo talla L?', [['POL-ROJ-L', 1]]],
    ['"me interesa" then "me lo envías"', 'me interesa el chocolate para taza, me lo envias?', [['CHO-TAZ', 1]]],
    ['a weekday followed by a count', 'para el viernes 3 velas porfa', [['VEL-AR', 3]]],
    ['half a dozen as a fraction', 'separame 1/2 docena de keques de naranja', [['KEQ-NAR', 6]]],
    ['a total and its breakdown', 'quiero 5 velas: 3 de lavanda y 2 de lavanda', [['VEL-AR', 5]]],
  ])('%s', (_, text, items) => {
    expect(drafted(text)).toEqual(items);
  });

  it.each([
    ['thanks for what arrived', 'gracias!! las velas llegaron lindas 🥰'],
    ['a cancellation', 'sabes que ya no quiero el keque, disculpa'],
    ['a question about an order already placed', '¿ya salió mi pedido de las velas?'],
    ['a shipping question with a count in it', 'cuanto cuesta el delivery de 3 velas a San Borja?'],
  ])('%s orders nothing and names no day', (_, text) => {
    expect(parse(text)).toMatchObject({ items: [], deliveryDate: null });
  });

  it('reads "el viernes 6" as a day when no product follows', () => {
    expect(parse('me separas 2 velas para el viernes 6 en la tarde').deliveryDate).toBe('2026-02-06');
  });
});

describe('where she lives is not a product', () => {
  const wine = [...catalog, entry(6, 'LAB-VIN', 'Labial mate', 'Vino Tinto')];
  it.each(['2 velas, vivo en surco', '2 velas, mi dirección: calle los vinos 123', '2 velas, soy de vino alto'])('%s', (text) => {
    expect(parseOrderText(text, wine, { now, timeZone: lima }).items.map((i) => [i.sku, i.quantity])).toEqual([['VEL-AR', 2]]);
  });
});

describe('counts written after the product, and elliptical phrases', () => {
  const shop = [
    entry(1, 'JEA-28', 'Jean clásico', 'Talla 28'),
    entry(2, 'CUP-VAI', 'Cupcakes', 'Vainilla', 40),
    entry(3, 'VEL-LAV', 'Vela aromática', 'Lavanda', 9),
    entry(4, 'VEL-VAI', 'Vela aromática', 'Vainilla', 6),
  ];
  const read = (text: string) => parseOrderText(text, shop, { now, timeZone: lima }).items;

  it('reads "x2" after the product as two', () => {
    expect(read('jean 28 x2')).toMatchObject([{ sku: 'JEA-28', quantity: 2 }]);
    expect(findQuantity(tokensOf('velas x3'))?.quantity).toBe(3);
  });

  it('reads "otra de vainilla" as another variant of the product just named, even against stock', () => {
    expect(read('una vela de lavanda y otra de vainilla')).toMatchObject([
      { sku: 'VEL-LAV', quantity: 1 },
      { sku: 'VEL-VAI', quantity: 1 },
    ]);
    // With nothing named before, an equal match still goes to the variant in stock.
    expect(read('quiero uno de vainilla')).toMatchObject([{ sku: 'CUP-VAI', quantity: 1 }]);
  });
});

describe('asking, cancelling and "one of each"', () => {
  const shop = [
    entry(1, 'BUF-ALP', 'Bufanda de alpaca'),
    entry(2, 'GOR-LAN', 'Gorro de lana'),
    entry(3, 'VEL-LAV', 'Vela aromática', 'Lavanda', 9),
    entry(4, 'VEL-VAI', 'Vela aromática', 'Vainilla', 6),
  ];
  const read = (text: string) => parseOrderText(text, shop, { now, timeZone: lima }).items;

  it('orders nothing when the customer only wants to know ("quisiera saber el precio…")', () => {
    expect(read('quisiera saber el precio de la bufanda y si tienen gorros')).toEqual([]);
  });

  it('orders nothing when the customer cancels in any form of the verb', () => {
    expect(read('mejor cancelemos el pedido de la bufanda')).toEqual([]);
    expect(read('anulen lo del gorro porfa')).toEqual([]);
  });

  it('reads "una de cada una" as one of every variant of the product just named', () => {
    expect(read('me gustaron las velas, sepárame una de cada una')).toMatchObject([
      { sku: 'VEL-LAV', quantity: 1 },
      { sku: 'VEL-VAI', quantity: 1 },
    ]);
  });
});

describe('names with number words, corrections, follow-ups and breakdowns without a colon', () => {
  const shop = [
    entry(1, 'TOR-TRE', 'Torta tres leches', '', 3),
    entry(2, 'CUP-VAI', 'Cupcakes', 'Vainilla', 40),
    entry(3, 'GOR-LAN', 'Gorro de lana'),
    entry(4, 'TAZ-PER', 'Taza personalizada'),
    entry(5, 'VEL-LAV', 'Vela aromática', 'Lavanda', 9),
    entry(6, 'ALF-MAI', 'Alfajores de maicena'),
  ];
  const friday = Date.parse('2026-11-27T10:00:00-05:00');
  const read = (text: string) => parseOrderText(text, shop, { now: friday, timeZone: lima });

  it('reads "torta tres leches" as one cake, and "tres tortas" as three', () => {
    expect(read('quiero la torta tres leches').items).toMatchObject([{ sku: 'TOR-TRE', quantity: 1 }]);
    expect(read('quiero tres tortas tres leches').items).toMatchObject([{ sku: 'TOR-TRE', quantity: 3 }]);
  });

  it('takes no date from a match inside a word ("llevaría 3")', () => {
    expect(findDate('me llevaría 3 gorros si me haces precio', friday, lima)).toBeNull();
  });

  it('orders with the conditional ("me llevaría 3 gorros")', () => {
    expect(read('me llevaría 3 gorros si me haces precio').items).toMatchObject([{ sku: 'GOR-LAN', quantity: 3 }]);
  });

  it('takes the day named after "mejor" over the one before', () => {
    expect(read('el sábado no puedo, mejor el domingo. 2 tortas tres leches').deliveryDate).toBe('2026-11-29');
  });

  it('counts a bare number right after a bare product ("cupcakes, 15 para el lunes")', () => {
    expect(read('cupcakes, 15 para el lunes').items).toMatchObject([{ sku: 'CUP-VAI', quantity: 15 }]);
  });

  it('orders nothing when a bare product follows a question ("¿qué precio tiene? la de lavanda")', () => {
    expect(read('q precio tiene la vela? la de lavanda').items).toEqual([]);
  });

  it('reads a breakdown without a colon when its parts name the same product', () => {
    expect(read('quiero dos tazas personalizadas, una con foto y otra con nombre').items).toMatchObject([{ sku: 'TAZ-PER', quantity: 2 }]);
    // Counts that add up but name other products are separate items.
    expect(read('tres alfajores, dos cupcakes y una taza').items).toMatchObject([
      { sku: 'ALF-MAI', quantity: 3 },
      { sku: 'CUP-VAI', quantity: 2 },
      { sku: 'TAZ-PER', quantity: 1 },
    ]);
  });
});

describe('a count without a variant, broken down in the next sentence', () => {
  const shop = [entry(1, 'POL-BLA', 'Polo básico', 'Blanco', 10), entry(2, 'POL-NEG', 'Polo básico', 'Negro', 8)];
  const read = (text: string) => parseOrderText(text, shop, { now, timeZone: lima }).items;

  it('replaces "2 polos" by "uno blanco y uno negro" when the counts add up', () => {
    expect(read('Me das 2 polos? uno blanco y uno negro')).toMatchObject([
      { sku: 'POL-BLA', quantity: 1 },
      { sku: 'POL-NEG', quantity: 1 },
    ]);
  });

  it('keeps both when they do not add up, and repeated vague counts add', () => {
    expect(read('quiero 2 polos. también uno negro')).toMatchObject([
      { sku: 'POL-BLA', quantity: 2 },
      { sku: 'POL-NEG', quantity: 1 },
    ]);
    expect(read('quiero 2 polos. también 2 polos más')).toMatchObject([{ sku: 'POL-BLA', quantity: 4 }]);
  });
});

describe('answers to her own question, and corrections', () => {
  const shop = [
    entry(1, 'GOR-LAN', 'Gorro de lana'),
    entry(2, 'POL-LLA', 'Polo estampado', 'Llama', 5),
    entry(3, 'POL-NEG', 'Polo básico', 'Negro', 8),
    entry(4, 'TAZ-PER', 'Taza personalizada'),
    entry(5, 'LLA-PEL', 'Llavero de peluche'),
  ];
  const read = (text: string) => parseOrderText(text, shop, { now, timeZone: lima }).items;

  it('orders the product asked about when a bare count follows ("¿tienes gorros? 2 porfa")', () => {
    expect(read('tienes gorros? 2 porfa')).toMatchObject([{ sku: 'GOR-LAN', quantity: 2 }]);
  });

  it('drops what she takes back and keeps what comes after "mejor"', () => {
    expect(read('el polo de llama ya no, mejor el negro')).toMatchObject([{ sku: 'POL-NEG', quantity: 1 }]);
    expect(read('ya no quiero la taza, mejor dame 2 llaveros')).toMatchObject([{ sku: 'LLA-PEL', quantity: 2 }]);
  });
});

describe('chatter near a product name, and counts from a price question', () => {
  const shop = [entry(1, 'TOR-CHO', 'Torta de chocolate'), entry(2, 'POL-LLA', 'Polo estampado', 'Llama'), entry(3, 'ALF-MAI', 'Alfajores de maicena')];
  const friday = Date.parse('2026-11-27T10:00:00-05:00');
  const read = (text: string) => parseOrderText(text, shop, { now: friday, timeZone: lima }).items;

  it('does not read "mi mamá" as the llama polo in chatter that orders nothing', () => {
    expect(read('me separas 1 torta de chocolate? es para el cumple de mi mamá el domingo')).toMatchObject([{ sku: 'TOR-CHO', quantity: 1 }]);
    expect(read('me separas 1 torta de chocolate? es para el cumple de mi mamá el domingo')).toHaveLength(1);
  });

  it('orders the count asked about when the request names nothing ("…por 50 alfajores? … te los pido")', () => {
    expect(read('cuanto sería por 50 alfajores? si está bien te los pido para el jueves')).toMatchObject([{ sku: 'ALF-MAI', quantity: 50 }]);
  });
});
