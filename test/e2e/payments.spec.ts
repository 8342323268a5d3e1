import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { renderReceipt, sampleReceipts } from '../helpers/receipts';
import { serveApp, type ServedApp } from './serve';

const shots = path.resolve(__dirname, '../../test-results/screenshots');
let app: ServedApp;
test.beforeAll(async () => {
  app = await serveApp(['--demo']);
});
test.afterAll(async () => app.stop());

const call = async <T>(method: string, args: unknown): Promise<T> => {
  const token = new URL(app.url).searchParams.get('token') ?? '';
  const response = await fetch(`${app.origin}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(args) });
  const body = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value;
};

const today = (): string => {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Lima' }).format(Date.now()).split('-');
  return `${d}/${m}/${y}`;
};

/** The demo customer sends a photo on WhatsApp. */
const sendScreenshot = async (id: string, bytes: Buffer) => {
  const photo = await call<{ id: string }>('media.upload', { fileName: 'comprobante.jpg', dataBase64: bytes.toString('base64') });
  await call('inbox.ingestMessage', {
    channel: 'whatsapp', conversationExternalId: 'demo:whatsapp:51911222333', messageExternalId: id, direction: 'in', author: 'Lucía Quispe',
    senderExternalId: '51911222333', text: '📷', sentAt: Date.now(), via: 'demo', photoIds: [photo.id],
  });
};

const openChat = async (page: Page) => {
  await page.getByRole('navigation').getByRole('link', { name: 'Chats' }).click();
  await page.getByRole('button', { name: /Lucía Quispe/ }).first().click();
};

test('a screenshot in the chat becomes a payment: read offline, pre-filled, confirmed, balance drops; the same image again is flagged', async ({ page }) => {
  test.setTimeout(60_000);
  // As when she had looked at the chat before: the reader loads while the shop is set up (the app warms it on a chat with a photo).
  await call('payments.prepareReader', {});
  const product = await call<{ variants: { id: number }[] }>('catalog.createProduct', { name: 'Paleta de sombras', variants: [{ sku: 'PAL-E2E', price: 25000, initialStock: 5 }] });
  const receipt = await renderReceipt({ ...sampleReceipts[6]!, payer: 'Lucia Quispe', date: today(), operation: '00728341' });
  await sendScreenshot('pay-1', receipt);
  const { items } = await call<{ items: { title: string; customerId: number }[] }>('inbox.listConversations', {});
  const customerId = items.find((c) => c.title.includes('Lucía'))?.customerId ?? 0;
  const order = await call<{ id: number; number: string }>('orders.create', { channel: 'whatsapp', customer: { id: customerId }, items: [{ variantId: product.variants[0]!.id, quantity: 1 }] });
  await call('orders.setStatus', { id: order.id, status: 'confirmed' });

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await openChat(page);
  await page.getByRole('button', { name: 'Es un pago' }).last().click();
  const dialog = page.getByRole('dialog', { name: 'Pago con comprobante' });
  await expect(dialog.getByLabel('Monto')).toHaveValue('250.00', { timeout: 30_000 });
  await expect(dialog.getByLabel('N.º de operación')).toHaveValue('00728341');
  await expect(dialog.getByLabel('Pedido')).toHaveValue(String(order.id));
  await expect(dialog.getByText('Nada raro a la vista')).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'payments-receipt-1366.png') });
  await dialog.getByRole('button', { name: 'Registrar pago' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Pago registrado' })).toContainText('0.00');
  const paid = await call<{ balanceDue: number }>('orders.get', { id: order.id });
  expect(paid.balanceDue).toBe(0);
  await dialog.getByRole('button', { name: 'Cerrar' }).first().click();

  // She sends the same picture again for a second order: flagged before anything is saved.
  const second = await call<{ id: number }>('orders.create', { channel: 'whatsapp', customer: { id: customerId }, items: [{ variantId: product.variants[0]!.id, quantity: 1 }] });
  await call('orders.setStatus', { id: second.id, status: 'confirmed' });
  await sendScreenshot('pay-2', receipt);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await openChat(page);
  await page.getByRole('button', { name: 'Es un pago' }).last().click();
  const again = page.getByRole('dialog', { name: 'Pago con comprobante' });
  const warnings = again.getByRole('alert', { name: 'Revisa antes de registrar' });
  await expect(warnings).toContainText(`ya se usó en el pedido ${order.number}`, { timeout: 30_000 });
  await expect(warnings).toContainText('Esta imagen');
  await page.screenshot({ path: path.join(shots, 'payments-duplicate-390.png') });
  await page.keyboard.press('Escape');

  // On the order: the screenshot kept, "comprobante recibido" until she ticks it, and its nota de venta.
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${app.url}#/pedidos/${order.id}`);
  const orderDialog = page.getByRole('dialog', { name: new RegExp(order.number) });
  const receipts = orderDialog.getByRole('region', { name: 'Comprobantes' });
  await expect(receipts).toContainText('Comprobante recibido');
  await receipts.getByLabel('Verificado en mi app').check();
  await expect(receipts.getByLabel('Verificado en mi app')).toBeChecked();
  await expect(receipts).not.toContainText('Comprobante recibido');
  await orderDialog.getByRole('button', { name: 'Nota de venta (PDF)' }).click();
  await expect(orderDialog.getByRole('link', { name: /Descargar nota NV-0000\d\d/ })).toBeVisible();
  await receipts.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'payments-order-1366.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await receipts.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'payments-order-390.png') });
});

test('payment details in Ajustes reach the composer, her QR goes as a picture', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Ajustes' }).click();
  const section = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Cómo te pagan' }) });
  await section.getByRole('button', { name: 'Agregar forma de pago' }).click();
  await section.getByLabel('Número o cuenta').fill('987 654 321');
  await section.getByLabel('A nombre de').fill('Karina Paredes');
  const qr = await renderReceipt({ ...sampleReceipts[0]!, jpegQuality: 60 });
  await section.getByLabel('QR Yape').setInputFiles({ name: 'qr-yape.jpg', mimeType: 'image/jpeg', buffer: qr });
  await expect(section.getByRole('button', { name: 'Quitar QR' })).toBeVisible();
  await section.getByRole('button', { name: 'Guardar' }).click();
  await expect(section.getByRole('status')).toContainText('guardados');
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'payments-settings-1366.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'payments-settings-390.png') });
  await page.setViewportSize({ width: 1366, height: 768 });
  // A live chat on the demo channel, so the reply box (and its Datos de pago) is on.
  await call('channels.connect', { kind: 'demo' });
  const { conversationId } = await call<{ conversationId: number }>('inbox.ingestMessage', {
    channel: 'whatsapp', conversationExternalId: 'demo:whatsapp:51922333444', messageExternalId: 'ask-pay', direction: 'in', author: 'Carmen Díaz',
    senderExternalId: '51922333444', text: '¿a qué número te yapeo?', sentAt: Date.now(), via: 'demo',
  });
  await page.getByRole('navigation').getByRole('link', { name: 'Chats' }).click();
  await page.getByRole('button', { name: /Carmen Díaz/ }).first().click();
  await page.getByRole('button', { name: 'Datos de pago' }).click();
  await expect(page.locator('#reply-text')).toHaveValue('Puedes pagar por:\n• Yape 987 654 321 a nombre de Karina Paredes');
  const attached = page.getByRole('group', { name: 'Tu QR de pago va adjunto' });
  await expect(attached).toContainText('Va tu QR como imagen');
  await page.screenshot({ path: path.join(shots, 'payments-composer-1366.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await attached.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'payments-composer-390.png') });
  await page.getByRole('button', { name: 'Enviar', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Enviado con tu QR.' })).toBeVisible();
  await expect(attached).toHaveCount(0);
  const chat = await call<{ messages: { direction: string; text: string; photos: unknown[] }[] }>('inbox.getConversation', { id: conversationId });
  expect(chat.messages.at(-1)).toMatchObject({ direction: 'out', text: 'Puedes pagar por:\n• Yape 987 654 321 a nombre de Karina Paredes' });
  expect(chat.messages.at(-1)?.photos).toHaveLength(1);
  await page.screenshot({ path: path.join(shots, 'payments-composer-sent-390.png') });
});

test('Por cobrar lists who owes and sends a reminder through her chat, once a day', async ({ page }) => {
  await call('channels.connect', { kind: 'demo' });
  await call('inbox.ingestMessage', {
    channel: 'whatsapp', conversationExternalId: 'demo:whatsapp:51955666777', messageExternalId: 'owe-1', direction: 'in', author: 'Daniela Ríos',
    senderExternalId: '51955666777', text: 'te pago el viernes 🙏', sentAt: Date.now(), via: 'demo',
  });
  const { items } = await call<{ items: { title: string; customerId: number }[] }>('inbox.listConversations', {});
  const customerId = items.find((c) => c.title.includes('Daniela'))?.customerId ?? 0;
  const product = await call<{ variants: { id: number }[] }>('catalog.createProduct', { name: 'Rubor', variants: [{ sku: 'RUB-E2E', price: 3500, initialStock: 5 }] });
  const order = await call<{ id: number }>('orders.create', { channel: 'whatsapp', customer: { id: customerId }, items: [{ variantId: product.variants[0]!.id, quantity: 2 }] });
  await call('orders.setStatus', { id: order.id, status: 'confirmed' });

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Pedidos' }).click();
  await page.getByRole('button', { name: 'Por cobrar' }).click();
  const dialog = page.getByRole('dialog', { name: 'Por cobrar' });
  const row = dialog.getByRole('row').filter({ hasText: 'Daniela Ríos' });
  await expect(row).toContainText('70.00');
  await expect(row).toContainText('Último recordatorio: nunca');
  await page.screenshot({ path: path.join(shots, 'payments-receivables-1366.png') });
  await row.getByRole('button', { name: 'Enviar recordatorio' }).click();
  await expect(row.getByRole('status')).toHaveText('Enviado');
  await expect(row).not.toContainText('nunca');
  await row.getByRole('button', { name: 'Enviar recordatorio' }).click();
  await expect(row.getByRole('status')).toContainText('Ya le enviaste un recordatorio hoy');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(shots, 'payments-receivables-390.png') });

  // Several at once: Todos, one confirmation saying to whom (and who not, and why), then paced sends with progress.
  await call('settings.update', { pacing: { minGapSeconds: 1, maxGapSeconds: 1, hourlyCap: 100, dailyCap: 100, quietStart: '00:00', quietEnd: '00:00', isSlowStartForNewNumber: false } });
  await call('inbox.ingestMessage', {
    channel: 'whatsapp', conversationExternalId: 'demo:whatsapp:51966777888', messageExternalId: 'owe-2', direction: 'in', author: 'Elena Paz',
    senderExternalId: '51966777888', text: 'ya casi te pago', sentAt: Date.now(), via: 'demo',
  });
  const elena = (await call<{ items: { title: string; customerId: number; id: number }[] }>('inbox.listConversations', {})).items.find((c) => c.title.includes('Elena'));
  const elenaOrder = await call<{ id: number }>('orders.create', { channel: 'whatsapp', customer: { id: elena?.customerId ?? 0 }, items: [{ variantId: product.variants[0]!.id, quantity: 1 }] });
  await call('orders.setStatus', { id: elenaOrder.id, status: 'confirmed' });
  const rosaOrder = await call<{ id: number }>('orders.create', { channel: 'stall', customer: { name: 'Rosa Huamán', phone: '' }, items: [{ variantId: product.variants[0]!.id, quantity: 1 }] });
  await call('orders.setStatus', { id: rosaOrder.id, status: 'confirmed' });
  await page.setViewportSize({ width: 1366, height: 768 });
  await dialog.getByRole('button', { name: 'Cerrar' }).first().click();
  await page.getByRole('button', { name: 'Por cobrar' }).click();
  await dialog.getByRole('checkbox', { name: 'Todos' }).check();
  await dialog.getByRole('button', { name: /^Recordar a \d+$/ }).click();
  const confirm = dialog.getByRole('region', { name: 'Enviar recordatorios' });
  await expect(confirm).toContainText('Elena Paz');
  await expect(confirm).toContainText('Daniela Ríos: ya recibió uno hoy');
  await expect(confirm).toContainText('Rosa Huamán: no tiene un chat conectado');
  await page.screenshot({ path: path.join(shots, 'payments-bulk-confirm-1366.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await confirm.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'payments-bulk-confirm-390.png') });
  await confirm.getByRole('button', { name: /^Enviar \d+ recordatorios?$/ }).click();
  await expect(confirm.getByRole('status')).toContainText(/Recordatorios: \d+ de \d+ listos|Listo: \d+ enviados/);
  await page.screenshot({ path: path.join(shots, 'payments-bulk-progress-390.png') });
  await expect(confirm.getByRole('status')).toContainText(/Listo: \d+ enviados/, { timeout: 15_000 });
  const elenaChat = await call<{ messages: { direction: string; text: string }[] }>('inbox.getConversation', { id: elena?.id ?? 0 });
  expect(elenaChat.messages.at(-1)).toMatchObject({ direction: 'out', text: expect.stringContaining('¡Hola Elena!') });
  await expect(dialog.getByRole('row').filter({ hasText: 'Elena Paz' })).not.toContainText('nunca');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: path.join(shots, 'payments-bulk-done-1366.png') });

  // Her order confirmation offers the payment details while something is owed: it goes with her QR (set in Ajustes above).
  await page.goto(`${app.url}#/pedidos/${elenaOrder.id}`);
  const orderDialog = page.getByRole('dialog', { name: /P-\d+/ });
  await orderDialog.getByText('Mensaje de confirmación para el cliente').click();
  await expect(orderDialog.getByText('Va con tu QR de pago como imagen.')).toBeVisible();
  await orderDialog.getByRole('button', { name: 'Enviar por el chat' }).click();
  await expect(orderDialog.getByRole('status').filter({ hasText: 'Enviado por WhatsApp, con tu QR.' })).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'payments-confirmation-qr-1366.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await orderDialog.getByRole('button', { name: 'Enviar por el chat' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'payments-confirmation-qr-390.png') });
  const confirmed = await call<{ messages: { direction: string; text: string; photos: unknown[] }[] }>('inbox.getConversation', { id: elena?.id ?? 0 });
  expect(confirmed.messages.at(-1)?.photos).toHaveLength(1);
  expect(confirmed.messages.at(-1)?.text).toContain('Puedes pagar por:');
});
