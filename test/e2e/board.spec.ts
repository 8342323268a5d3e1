import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { ApiClient } from '../../shared/api/client';
import { clientFor, httpTransport } from '../helpers/clients';
import { serveApp, type ServedApp } from './serve';

const shots = path.resolve(__dirname, '../../test-results/screenshots');

let app: ServedApp;
let api: ApiClient;
test.beforeAll(async () => {
  app = await serveApp(['--demo']);
  api = clientFor(httpTransport(app.origin, new URL(app.url).searchParams.get('token') ?? ''));
});
test.afterAll(async () => app.stop());

const stockOf = async (variantId: number): Promise<number | undefined> =>
  (await api.call('catalog.listProducts', {})).items.flatMap((p) => p.variants).find((v) => v.id === variantId)?.stock;

const shoot = async (page: Page, name: string) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: path.join(shots, `${name}-1366.png`) });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(shots, `${name}-390.png`) });
  await page.setViewportSize({ width: 1366, height: 768 });
};

test('a card dragged on the board confirms the order and takes the stock; a refused move says why', async ({ page }) => {
  const product = await api.call('catalog.createProduct', { name: 'Labial Tablero', variants: [{ sku: 'TAB-1', price: 3000, initialStock: 5 }] });
  const variantId = product.variants[0]?.id ?? 0;
  const order = await api.call('orders.create', { channel: 'whatsapp', customer: { name: 'Clienta Tablero', phone: '987123001' }, items: [{ variantId, quantity: 2 }], deliveryDate: null });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${app.url}#/pedidos`);
  await page.getByRole('group', { name: 'Ver pedidos como' }).getByRole('button', { name: 'Tablero' }).click();
  const card = page.locator(`[data-order="${order.number}"]`);
  await expect(page.locator('[data-column="new"]').locator(`[data-order="${order.number}"]`)).toBeVisible();
  await card.dragTo(page.locator('[data-column="to_pay"] .board-column-body'));
  await expect(page.locator('[data-column="to_pay"]').locator(`[data-order="${order.number}"]`)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: `${order.number} pasó a «Por pagar».` })).toBeVisible();
  expect(await stockOf(variantId)).toBe(3);
  expect((await api.call('orders.get', { id: order.id })).status).toBe('confirmed');

  // The keyboard way, and the same rule as the status buttons: she asked to collect before delivering.
  await page.getByLabel('Cobrar antes de entregar').check();
  await page.getByLabel(`Mover ${order.number} a…`).selectOption({ label: 'Entregado' });
  await expect(page.getByRole('alert')).toContainText(`${order.number} todavía debe`);
  expect((await api.call('orders.get', { id: order.id })).status).toBe('confirmed');
  // "Pagado" asks how, then records the balance.
  await page.getByLabel(`Mover ${order.number} a…`).selectOption({ label: 'Pagado' });
  const pay = page.getByRole('dialog', { name: `Pago de ${order.number}` });
  await pay.getByRole('button', { name: 'Registrar pago' }).click();
  await expect(page.locator('[data-column="paid"]').locator(`[data-order="${order.number}"]`)).toBeVisible();
  expect((await api.call('orders.get', { id: order.id })).balanceDue).toBe(0);
  await page.getByLabel('Cobrar antes de entregar').uncheck();
  await shoot(page, 'board');
});

test('a follow-up appears for an unpaid order and disappears when the payment is recorded', async ({ page }) => {
  await api.call('settings.update', { followUpUnpaidHours: 0 });
  const product = await api.call('catalog.createProduct', { name: 'Rímel Pendiente', variants: [{ sku: 'PEN-1', price: 2000, initialStock: 5 }] });
  const order = await api.call('orders.create', { channel: 'whatsapp', customer: { name: 'Clienta Pendiente', phone: '987123002' }, items: [{ variantId: product.variants[0]?.id ?? 0, quantity: 1 }] });
  await api.call('orders.setStatus', { id: order.id, status: 'confirmed' });
  await page.goto(`${app.url}#/pendientes`);
  await expect(page.getByRole('heading', { name: 'Pendientes', level: 1 })).toBeVisible();
  const item = page.getByRole('listitem', { name: 'Sin pagar: Clienta Pendiente' });
  await expect(item).toBeVisible();
  await expect(item.getByRole('textbox')).toHaveValue(new RegExp(`Hola Clienta!.*${order.number}`));
  await expect(page.getByRole('navigation').locator('.nav-count')).toHaveText(/\d+/);
  await shoot(page, 'follow-ups');
  await api.call('orders.addPayment', { id: order.id, amount: 2000, method: 'Efectivo' });
  await expect(item).toBeHidden();
});

test('a customer waiting for a product is offered when stock arrives', async ({ page }) => {
  const product = await api.call('catalog.createProduct', { name: 'Labial nude', variants: [{ sku: 'ESP-1', price: 2500, initialStock: 0 }] });
  const variantId = product.variants[0]?.id ?? 0;
  await api.call('inbox.ingestMessage', {
    channel: 'whatsapp', conversationExternalId: '51987123003@c.us', messageExternalId: 'espera-1', direction: 'in', author: 'Clienta Espera', senderExternalId: '51987123003', text: '¿cuándo te llega el labial nude?', sentAt: (await api.call('app.info', {})).now, via: 'demo',
  });
  await page.goto(`${app.url}#/chats`);
  await page.getByRole('button', { name: /Clienta Espera/ }).click();
  await page.getByRole('button', { name: '🔔 Avísame cuando llegue' }).click();
  const dialog = page.getByRole('dialog', { name: 'Lista de espera de Clienta Espera' });
  await dialog.getByLabel('Producto que espera').selectOption(String(variantId));
  await expect(dialog.getByRole('status')).toContainText('Clienta Espera espera Labial nude');
  await dialog.getByRole('button', { name: 'Cerrar' }).last().click();

  // Receiving stock in Catálogo lists who is waiting and offers to tell them.
  await page.goto(`${app.url}#/catalogo`);
  await page.getByRole('searchbox').first().fill('Labial nude');
  await page.getByRole('button', { name: 'Stock: Labial nude' }).click();
  const stockDialog = page.getByRole('dialog', { name: /Labial nude/ });
  await stockDialog.getByLabel('Cantidad').fill('6');
  await stockDialog.getByRole('button', { name: 'Registrar movimiento' }).click();
  await expect(stockDialog.getByTestId('current-stock')).toHaveText('6');
  const waiting = stockDialog.getByLabel('Avísame cuando llegue');
  await expect(waiting).toContainText('1 persona espera');
  await expect(waiting).toContainText('Clienta Espera');
  await expect(waiting.getByRole('button', { name: 'Avisar a todos' })).toBeVisible();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: path.join(shots, 'waitlist-stock-1366.png') });
  await stockDialog.getByRole('button', { name: 'Cerrar' }).first().click();

  await page.goto(`${app.url}#/pendientes`);
  const item = page.getByRole('listitem', { name: 'Llegó lo que esperaban: Labial nude' });
  await expect(item).toContainText('1 persona espera');
  await expect(page.getByRole('list', { name: 'Avísame cuando llegue' })).toContainText('Clienta Espera');
  await item.getByRole('button', { name: 'Avisar a todos' }).click();
  const notify = page.getByRole('dialog', { name: 'Avisar que llegó Labial nude' });
  await expect(notify.getByRole('list', { name: 'Recibirán el aviso' })).toContainText('Clienta Espera');
  await expect(notify.getByRole('textbox')).toHaveValue(/¡Llegó \{producto\} que querías!/);
  await shoot(page, 'waitlist');
  await notify.getByRole('button', { name: 'Enviar' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Aviso en cola para 1 persona.' })).toBeVisible();
  await expect(item).toBeHidden();
  const queued = (await api.call('waitlist.list', { variantId, isWaitingOnly: false })).items;
  expect(queued[0]?.notifiedAt).toEqual(expect.any(Number));
});
