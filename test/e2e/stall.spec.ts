import path from 'node:path';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { StallConflict, StallStockLine, StallSyncResult } from '../../shared/api/methods/stall';
import type { Product, StockMovement } from '../../shared/domain/catalog';
import { serveApp, type ServedApp } from './serve';
import { launchTrustingBrowser } from './trustingBrowser';

const shots = path.resolve(__dirname, '../../test-results/screenshots');
const phoneSize = { width: 390, height: 844 };

let app: ServedApp;
/** The phones' browser: one that trusts the shop's certificate. */
let phones: Browser | null = null;
test.beforeAll(async () => {
  app = await serveApp(['--demo', '--lan', '--lan-host', '127.0.0.1', '--lan-port', '0']);
});
test.afterAll(async () => {
  await phones?.close();
  await app.stop();
});

/** The phones trust the shop's certificate, as a real phone does once it is installed, or the browser refuses the service worker. */
const phoneBrowser = async (): Promise<Browser> => {
  phones ??= await launchTrustingBrowser(await lanOrigin());
  return phones;
};

/** The owner's own calls, with the token of the link Chasqui printed. */
const owner = async <T>(method: string, args: object = {}): Promise<T> => {
  const token = new URL(app.url).searchParams.get('token') ?? '';
  const response = await fetch(`${app.origin}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(args) });
  const envelope = (await response.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.message}`);
  return envelope.value;
};

const lanOrigin = async (): Promise<string> => {
  await expect.poll(() => app.lanUrl()).not.toBeNull();
  return new URL(app.lanUrl() ?? '').origin;
};

/** A person with the stall role, and a phone of theirs paired on the phone page, which opens the app at Feria. */
const pairStallPhone = async (name: string, options: { serviceWorkers: 'allow' | 'block' }): Promise<{ context: BrowserContext; phone: Page }> => {
  const person = await owner<{ id: number }>('team.add', { name, role: 'stall' });
  const { code } = await owner<{ code: string }>('lan.pairingCode', { personId: person.id });
  const context = await (await phoneBrowser()).newContext({ viewport: phoneSize, isMobile: true, hasTouch: true, locale: 'es-PE', timezoneId: 'America/Lima', serviceWorkers: options.serviceWorkers });
  const phone = await context.newPage();
  await phone.goto(`${await lanOrigin()}/telefono`);
  await phone.getByLabel('Tu nombre').fill(`Celular de ${name}`);
  await phone.getByLabel('Código de 6 dígitos').fill(code);
  await phone.getByRole('button', { name: 'Conectar' }).click();
  await expect(phone).toHaveURL(/\/app#\/feria/);
  return { context, phone };
};

const prepare = async (phone: Page): Promise<void> => {
  await phone.getByRole('button', { name: 'Preparar feria' }).click();
  await expect(phone.getByTestId('stall-notice')).toHaveText('Listo: la feria está guardada en este celular.');
};

/** Taps each product as many times as given, picks the payment, and charges. */
const sell = async (phone: Page, taps: [string, number][], payment: string, customerPhone = '', shot = ''): Promise<void> => {
  for (const [name, times] of taps) {
    for (let i = 0; i < times; i += 1) await phone.getByRole('button', { name, exact: true }).click();
  }
  const cart = phone.getByRole('region', { name: 'Venta', exact: true });
  await cart.getByText(payment, { exact: true }).click();
  if (customerPhone) await cart.getByLabel('Celular del cliente').fill(customerPhone);
  if (shot) await phone.screenshot({ path: path.join(shots, shot) });
  await cart.getByRole('button', { name: /^Cobrar/ }).click();
  await expect(phone.getByTestId('stall-notice')).toContainText('Venta guardada');
  await expect(cart).toBeHidden();
};

const statesOn = (phone: Page) => phone.getByTestId('stall-sale').evaluateAll((items) => items.map((item) => item.getAttribute('data-state')).sort());

const variantOf = async (variantId: number) => {
  const products = await owner<{ items: Product[] }>('catalog.listProducts', { limit: 500 });
  const variant = products.items.flatMap((p) => p.variants).find((v) => v.id === variantId);
  if (!variant) throw new Error(`no variant ${variantId}`);
  return variant;
};

/** The ledger adds up: the shop's count is the sum of its movements, the stall's the sum of its own. */
const expectLedgerAddsUp = async (variantId: number): Promise<StockMovement[]> => {
  const { items } = await owner<{ items: StockMovement[] }>('stock.history', { variantId, limit: 1000 });
  const sum = (location: string) => items.filter((m) => m.location === location).reduce((total, m) => total + m.delta, 0);
  const stall = await owner<{ items: StallStockLine[] }>('stall.stock');
  expect(sum('shop')).toBe((await variantOf(variantId)).stock);
  expect(sum('stall')).toBe(stall.items.find((line) => line.variantId === variantId)?.stallUnits ?? 0);
  return items;
};

/** A product's first variant, named as the till and the owner's picker name it ("Producto – Variante"). */
const variantNamed = (products: Product[], productName: string) => {
  const variant = products.find((p) => p.name === productName)?.variants[0];
  if (!variant) throw new Error(`no ${productName}`);
  return { name: variant.name ? `${productName} – ${variant.name}` : productName, variant };
};

const stallOrderCount = async (): Promise<number> => (await owner<{ total: number }>('orders.list', { channel: 'stall', limit: 1 })).total;

test('the stall phone sells offline, survives a reload with no connection, and syncs each sale once, keeping the oversold one as a conflict', async ({ page }) => {
  test.setTimeout(120_000);
  const products = (await owner<{ items: Product[] }>('catalog.listProducts', { limit: 500 })).items;
  const [a, b] = [variantNamed(products, 'Delineador líquido Punta Fina'), variantNamed(products, 'Quitaesmalte sin acetona')];
  const ordersBefore = await stallOrderCount();

  // The owner sets units aside at the laptop: 2 of A, 3 of B.
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Feria' }).click();
  await expect(page.getByRole('heading', { name: 'Feria', level: 1 })).toBeVisible();
  const aside = page.getByRole('region', { name: 'Apartar para la feria' });
  await aside.getByLabel('Agregar producto').selectOption(String(a.variant.id));
  await aside.getByLabel('Agregar producto').selectOption(String(b.variant.id));
  await aside.getByLabel(`Unidades de ${a.name}`).fill('2');
  await aside.getByLabel(`Unidades de ${b.name}`).fill('3');
  await aside.getByRole('button', { name: 'Apartar 5 unidades' }).click();
  await expect(aside.getByRole('status')).toHaveText('Apartaste 5 unidades para la feria.');
  await expect(page.getByTestId('stall-stock')).toContainText(a.name);
  const shopUnitsOfA = (await variantOf(a.variant.id)).stock;

  // The stall phone takes its snapshot at home, then goes to the market with no connection.
  const { context, phone } = await pairStallPhone('Rosa', { serviceWorkers: 'allow' });
  await prepare(phone);
  await expect(phone.getByRole('button', { name: a.name, exact: true }).getByTestId('stall-left')).toHaveText('Quedan 2');
  await expect.poll(() => phone.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await context.setOffline(true);
  await expect(phone.getByText('Sin conexión', { exact: true })).toBeVisible();

  // Meanwhile the laptop sells A's last units at home online: the phone's third A will have none to come from.
  const online = await owner<{ id: number }>('orders.create', { channel: 'whatsapp', customer: { name: 'Clienta online' }, items: [{ variantId: a.variant.id, quantity: shopUnitsOfA }] });
  await owner('orders.setStatus', { id: online.id, status: 'confirmed' });
  expect((await variantOf(a.variant.id)).stock).toBe(0);

  await sell(phone, [[a.name, 1]], 'Efectivo');
  await sell(phone, [[b.name, 2]], 'Yape/Plin', '987 654 321', 'stall-phone-cart-390.png');
  await sell(phone, [[a.name, 1]], 'Efectivo');
  await sell(phone, [[b.name, 1]], 'Efectivo');
  await expect(phone.getByRole('button', { name: a.name, exact: true }).getByTestId('stall-left')).toHaveText('No quedan');
  await sell(phone, [[a.name, 1]], 'Efectivo');
  const total = 3 * a.variant.price + 3 * b.variant.price;
  await expect(phone.getByTestId('stall-count')).toHaveText('5 ventas');
  expect(await statesOn(phone)).toEqual(Array(5).fill('pending'));
  await phone.screenshot({ path: path.join(shots, 'stall-phone-390.png') });

  // Closed and opened again with no connection at all: the service worker serves the app, IndexedDB the sales.
  await phone.reload();
  await expect(phone.getByTestId('stall-count')).toHaveText('5 ventas');
  await expect(phone.getByText('Sin conexión', { exact: true })).toBeVisible();
  expect(await statesOn(phone)).toEqual(Array(5).fill('pending'));
  const totalText = await phone.getByTestId('stall-total').textContent();
  expect(totalText?.replace(/\s/g, '')).toContain((total / 100).toFixed(2));
  expect(await stallOrderCount()).toBe(ordersBefore);

  // Home again: four sales are recorded once, the fifth waits for Karina as a conflict.
  await context.setOffline(false);
  await expect(phone.getByText('Conectado', { exact: true })).toBeVisible();
  await phone.getByRole('button', { name: /^Sincronizar/ }).click();
  await expect.poll(() => statesOn(phone)).toEqual(['conflict', 'synced', 'synced', 'synced', 'synced']);
  await expect(phone.getByText('Esta venta necesita que la dueña la revise', { exact: false })).toBeVisible();
  expect(await stallOrderCount()).toBe(ordersBefore + 4);
  const conflicts = (await owner<{ items: StallConflict[] }>('stall.conflicts', { isOpenOnly: true })).items;
  expect(conflicts).toHaveLength(1);
  expect(conflicts[0]?.lines).toEqual([expect.objectContaining({ variantId: a.variant.id, quantity: 1 })]);
  const movementsA = await expectLedgerAddsUp(a.variant.id);
  const movementsB = await expectLedgerAddsUp(b.variant.id);
  expect((await owner<{ items: StallStockLine[] }>('stall.stock')).items.find((l) => l.variantId === b.variant.id)?.stallUnits ?? 0).toBe(0);

  // Syncing again changes nothing: nothing is pending, and even the same events sent once more come back as duplicates.
  await phone.getByRole('button', { name: /^Sincronizar/ }).click();
  await expect(phone.getByTestId('stall-notice')).toHaveText('Todo está sincronizado.');
  const replayed = await phone.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('chasqui-stall');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const sales = await new Promise<{ id: string; soldAt: number; lines: { variantId: number; quantity: number; unitPrice: number }[]; paymentMethod: string; customerPhone: string | null }[]>((resolve) => {
      const request = db.transaction('sales').objectStore('sales').getAll();
      request.onsuccess = () => resolve(request.result);
    });
    const events = sales.map((s) => ({ id: s.id, soldAt: s.soldAt, lines: s.lines.map(({ variantId, quantity, unitPrice }) => ({ variantId, quantity, unitPrice })), paymentMethod: s.paymentMethod, ...(s.customerPhone ? { customerPhone: s.customerPhone } : {}) }));
    const response = await fetch('/api/stall.sync', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${localStorage.getItem('chasqui-device-token') ?? ''}` }, body: JSON.stringify({ sales: events }) });
    return ((await response.json()) as { value: { results: StallSyncResult[] } }).value.results.map((r) => r.status);
  });
  expect(replayed).toEqual(Array(5).fill('duplicate'));
  expect(await stallOrderCount()).toBe(ordersBefore + 4);
  expect(await expectLedgerAddsUp(a.variant.id)).toHaveLength(movementsA.length);
  expect(await expectLedgerAddsUp(b.variant.id)).toHaveLength(movementsB.length);
  expect((await owner<{ items: StallConflict[] }>('stall.conflicts', { isOpenOnly: true })).items).toHaveLength(1);

  // The owner sees the conflict in Feria and settles it: she did sell it, so the unit is counted in.
  await page.reload();
  const review = page.getByRole('region', { name: 'Ventas por revisar' });
  await expect(review.getByTestId('stall-conflict')).toHaveCount(1);
  await page.screenshot({ path: path.join(shots, 'stall-owner-1366.png') });
  await page.setViewportSize(phoneSize);
  await page.screenshot({ path: path.join(shots, 'stall-owner-390.png'), fullPage: true });
  await review.getByRole('button', { name: 'Contar la unidad y registrar' }).click();
  await expect(review).toContainText('Ninguna: todas las ventas de la feria cuadraron.');
  expect(await stallOrderCount()).toBe(ordersBefore + 5);
  await expectLedgerAddsUp(a.variant.id);

  // The till at the laptop's size, for the owner who sells from her own computer.
  await phone.setViewportSize({ width: 1366, height: 768 });
  await phone.screenshot({ path: path.join(shots, 'stall-phone-1366.png') });
  await context.close();
});

test('a phone killed in the middle of a sync, twenty times, loses no sale and records none twice', async () => {
  test.setTimeout(90_000);
  const products = (await owner<{ items: Product[] }>('catalog.listProducts', { limit: 500 })).items;
  const c = variantNamed(products, 'Protector solar FPS 50');
  await owner('stock.adjust', { variantId: c.variant.id, delta: 40, reason: 'receive', note: 'para la feria' });
  await owner('stall.setAside', { lines: [{ variantId: c.variant.id, quantity: 30 }] });
  const ordersBefore = await stallOrderCount();
  const stallBefore = (await expectLedgerAddsUp(c.variant.id)).filter((m) => m.reason === 'stall_sale').length;

  // The sync path only: no service worker, so every call of the page is seen by the route below.
  const { context, phone: first } = await pairStallPhone('Lucha', { serviceWorkers: 'block' });
  await prepare(first);
  await first.close();
  const origin = await lanOrigin();
  const rounds = 20;
  const sales = rounds / 2;
  for (let round = 0; round < rounds; round += 1) {
    const phone = await context.newPage();
    // Even rounds sell once more and die before the core hears the batch; odd rounds reopen with
    // everything still pending and die after the core recorded it, before the phone hears back.
    const isAnsweredByCore = round % 2 === 1;
    let reached: () => void = () => undefined;
    const inFlight = new Promise<void>((resolve) => (reached = resolve));
    await phone.route('**/api/stall.sync', async (route) => {
      if (isAnsweredByCore) await route.fetch().catch(() => undefined);
      reached();
      // Never answered: the page dies first.
    });
    await phone.goto(`${origin}/app#/feria`, { waitUntil: 'commit' });
    if (!isAnsweredByCore) {
      // One tap and Cobrar (cash is preselected); the sale is on the phone's disk once the screen says so.
      await phone.getByRole('button', { name: c.name, exact: true }).click();
      await phone.getByRole('button', { name: /^Cobrar/ }).click();
      await expect(phone.getByTestId('stall-notice')).toContainText('Venta guardada');
    }
    await inFlight;
    await phone.close();
  }

  const phone = await context.newPage();
  await phone.goto(`${origin}/app#/feria`);
  await expect(phone.getByTestId('stall-sale')).toHaveCount(sales);
  await phone.getByRole('button', { name: /^Sincronizar/ }).click();
  await expect.poll(() => statesOn(phone)).toEqual(Array(sales).fill('synced'));
  const orderIds = await phone.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('chasqui-stall');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    return new Promise<(number | null)[]>((resolve) => {
      const request = db.transaction('sales').objectStore('sales').getAll();
      request.onsuccess = () => resolve((request.result as { orderId: number | null }[]).map((sale) => sale.orderId));
    });
  });
  expect(new Set(orderIds).size).toBe(sales);
  expect(orderIds.every((id) => typeof id === 'number')).toBe(true);
  expect(await stallOrderCount()).toBe(ordersBefore + sales);
  const movements = await expectLedgerAddsUp(c.variant.id);
  expect(movements.filter((m) => m.reason === 'stall_sale')).toHaveLength(stallBefore + sales);
  expect((await owner<{ items: StallStockLine[] }>('stall.stock')).items.find((l) => l.variantId === c.variant.id)?.stallUnits).toBe(30 - sales);
  await context.close();
});
