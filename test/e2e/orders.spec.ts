import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { serveApp, type ServedApp } from './serve';

const shots = path.resolve(__dirname, '../../test-results/screenshots');

let app: ServedApp;
test.beforeAll(async () => {
  app = await serveApp(['--demo']);
});
test.afterAll(async () => app.stop());

const redLipstickStock = async (page: Page): Promise<number> => {
  await page.getByRole('navigation').getByRole('link', { name: 'Catálogo' }).click();
  await page.getByRole('searchbox', { name: 'Buscar' }).fill('labial mate rojo');
  const row = page.getByTestId('product-row').filter({ hasText: 'Labial mate Rojo Pasión' });
  await row.getByRole('button', { name: /Stock/ }).click();
  const dialog = page.getByRole('dialog', { name: /Stock de Labial mate Rojo Pasión/ });
  await dialog.getByText('Rojo Pasión', { exact: true }).click();
  await expect(dialog.getByTestId('current-stock')).toHaveText(/^\d+$/);
  const stock = Number(await dialog.getByTestId('current-stock').textContent());
  await dialog.getByRole('button', { name: 'Cerrar' }).click();
  return stock;
};

test('a chat message becomes an order: draft, confirm, stock goes down, payment, delivered', async ({ page }) => {
  await page.goto(app.url);
  const before = await redLipstickStock(page);

  await page.getByRole('navigation').getByRole('link', { name: 'Pedidos' }).click();
  await page.getByRole('button', { name: '+ Nuevo pedido' }).click();
  const draft = page.getByRole('dialog', { name: 'Nuevo pedido' });
  await draft.getByLabel('Mensaje del cliente').fill('holaa karina!! me separas 3 labiales rojo pasion y un rimel negro para el sabado xfa 💄');
  await draft.getByRole('button', { name: 'Leer mensaje' }).click();
  await expect(draft.getByRole('cell', { name: /^Labial mate Rojo Pasión – Rojo Pasión\s*de «3 labiales rojo pasion»/ })).toBeVisible();
  await expect(draft.getByLabel('Cantidad: Labial mate Rojo Pasión – Rojo Pasión')).toHaveValue('3');
  await expect(draft.getByRole('cell', { name: /^Máscara de pestañas Volumen Total – Negro\s*de «un rimel negro»/ })).toBeVisible();
  await expect(draft.getByLabel('Día de entrega o recojo')).not.toHaveValue('');
  await draft.getByLabel('Nombre del cliente').fill('Daniela Ramos');
  await draft.getByLabel('Teléfono', { exact: true }).fill('987 222 333');
  await page.screenshot({ path: path.join(shots, 'order-draft.png') });
  await draft.getByRole('button', { name: 'Guardar pedido' }).click();

  const order = page.getByRole('dialog', { name: /Pedido P-\d+/ });
  await expect(order.getByTestId('order-status')).toHaveText('Nuevo');
  // Not confirmed yet: the customer is told it was received, never "confirmado".
  await order.getByText('Mensaje para el cliente: pedido recibido').click();
  await expect(order.getByLabel('Mensaje para el cliente: pedido recibido')).toHaveValue(/¡Hola Daniela! 😊 Recibimos tu pedido P-\d+/);
  await expect(order.getByLabel('Mensaje para el cliente: pedido recibido')).not.toHaveValue(/confirmado/);
  await expect(order.getByRole('link', { name: 'Enviar por WhatsApp' })).toHaveAttribute('href', /^https:\/\/wa\.me\/51987222333\?text=/);
  // The demo's active 2x1 on matte lipsticks takes one of the three off: 3 × 25 − 25 + 32.
  await expect(order.getByTestId('balance-due')).toHaveText('S/ 82.00');
  await order.getByRole('button', { name: 'Confirmar (descuenta stock)' }).click();
  await expect(order.getByTestId('order-status')).toHaveText('Confirmado');
  await expect(order.getByLabel('Mensaje de confirmación para el cliente')).toHaveValue(/Tu pedido P-\d+ está confirmado/);
  await order.getByRole('button', { name: 'Cambiar productos' }).click();
  await order.getByLabel('Cantidad: Máscara de pestañas Volumen Total – Negro').fill('2');
  await order.getByRole('button', { name: 'Guardar cambios' }).click();
  await expect(order.getByTestId('balance-due')).toHaveText('S/ 114.00');
  await order.getByRole('button', { name: 'Cambiar productos' }).click();
  await order.getByLabel('Cantidad: Máscara de pestañas Volumen Total – Negro').fill('1');
  await order.getByRole('button', { name: 'Guardar cambios' }).click();
  await expect(order.getByTestId('balance-due')).toHaveText('S/ 82.00');
  await order.locator('summary', { hasText: /^Entrega/ }).click();
  await order.getByLabel('Dirección').fill('Av. Arequipa 1234, dpto 5');
  await order.getByLabel('Quién lo lleva').fill('Diego');
  await order.getByRole('button', { name: 'Guardar entrega' }).click();
  await expect(order.getByText('Entrega guardada')).toBeVisible();
  await order.getByLabel(/Monto/).fill('50');
  await order.getByLabel('Medio de pago').selectOption('Yape/Plin');
  await order.getByRole('button', { name: 'Registrar pago' }).click();
  await expect(order.getByTestId('balance-due')).toHaveText('S/ 32.00');
  await order.getByRole('button', { name: 'Marcar preparado' }).click();
  await order.getByRole('button', { name: 'Enviar (en camino)' }).click();
  await order.getByLabel(/Monto/).fill('32');
  await order.getByLabel('Medio de pago').selectOption('Efectivo');
  await order.getByRole('button', { name: 'Registrar pago' }).click();
  await expect(order.getByTestId('balance-due')).toHaveText('S/ 0.00');
  await order.getByRole('button', { name: 'Marcar entregado' }).click();
  await expect(order.getByTestId('order-status')).toHaveText('Entregado');
  await page.screenshot({ path: path.join(shots, 'order-delivered.png') });
  await order.getByRole('button', { name: 'Cerrar' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Daniela Ramos' })).toContainText('Entregado');

  expect(await redLipstickStock(page)).toBe(before - 3);
});

test('a message in Chats becomes an order for that customer in one click', async ({ page }) => {
  await page.goto(app.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Chats' }).click();
  await page.getByRole('button', { name: /Valeria Ríos/ }).click();
  const message = page.locator('.message').filter({ hasText: 'media docena de esmaltes rosa palo' });
  await expect(message).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'chats.png') });
  await message.getByRole('button', { name: 'Crear pedido' }).click();
  const draft = page.getByRole('dialog', { name: 'Nuevo pedido' });
  await expect(draft.getByLabel('Cantidad: Esmalte de uñas Gel Brillante – Rosa Palo')).toHaveValue('6');
  await expect(draft.getByLabel('Canal')).toHaveValue('instagram');
  await expect(draft.getByLabel('Nombre del cliente')).toHaveValue('Valeria Ríos');
  await draft.getByRole('button', { name: 'Guardar pedido' }).click();
  const order = page.getByRole('dialog', { name: /Pedido P-\d+/ });
  await expect(order.getByTestId('order-status')).toHaveText('Nuevo');
  await order.getByRole('button', { name: 'Valeria Ríos' }).click();
  const customer = page.getByRole('dialog', { name: 'Valeria Ríos' });
  await expect(customer.getByText('genial!! entonces dame media docena')).toBeVisible();
  await expect(customer.getByRole('cell', { name: /P-\d+/ })).toHaveCount(2);
  await page.screenshot({ path: path.join(shots, 'customer.png') });
});
