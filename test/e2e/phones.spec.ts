import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { serveApp, type ServedApp } from './serve';

const shots = path.resolve(__dirname, '../../test-results/screenshots');

const bothSizes = async (page: Page, name: string) => {
  for (const [width, height] of [[1366, 768], [390, 844]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: path.join(shots, `${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
};

test.describe('the welcome', () => {
  let app: ServedApp;
  test.beforeAll(async () => {
    app = await serveApp([]);
  });
  test.afterAll(async () => app.stop());

  test('refuses an 8-digit Peruvian number in her words, then keeps the right one', async ({ page }) => {
    await page.goto(app.url);
    const number = page.getByLabel('Número de WhatsApp donde te escriben tus clientes');
    await number.fill('912 345 67');
    await page.getByRole('button', { name: 'Empezar', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText('El número 912 345 67 no es un celular válido de Perú');
    await bothSizes(page, 'welcome-invalid-phone');
    await expect(number).toBeVisible();

    await number.fill('987 654 321');
    await page.getByRole('button', { name: 'Empezar', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Aún no tienes productos' })).toBeVisible();
    await page.getByRole('navigation').getByRole('link', { name: 'Ajustes' }).click();
    await expect(page.getByLabel('Número de WhatsApp de la tienda')).toHaveValue('987 654 321');
  });
});

test.describe('a delivery contact', () => {
  let app: ServedApp;
  test.beforeAll(async () => {
    app = await serveApp(['--demo']);
  });
  test.afterAll(async () => app.stop());

  test('"987 222 333" calls +51 987 222 333 and opens wa.me/51987222333; "912 345 67" is refused', async ({ page }) => {
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/repartos`);
    const lucia = page.getByTestId('stop').filter({ hasText: 'Lucía Fernández' });
    await expect(lucia).toBeVisible();
    const orderNumber = ((await lucia.locator('.stop-head .muted').textContent()) ?? '').split(' · ')[0] ?? '';

    await page.goto(`${app.origin}/#/pedidos`);
    await page.getByRole('button', { name: orderNumber, exact: true }).click();
    const order = page.getByRole('dialog', { name: new RegExp(`Pedido ${orderNumber}`) });
    await order.locator('summary', { hasText: /^Entrega/ }).click();
    const contact = order.getByLabel('Teléfono de contacto');
    await expect(contact).toHaveValue('987 111 222');
    await contact.fill('912 345 67');
    await order.getByRole('button', { name: 'Guardar entrega' }).click();
    await expect(order.getByText('El número 912 345 67 no es un celular válido de Perú')).toBeVisible();
    await bothSizes(page, 'delivery-contact-invalid');
    await contact.fill('987 222 333');
    await order.getByRole('button', { name: 'Guardar entrega' }).click();
    await expect(order.getByText('Entrega guardada')).toBeVisible();
    await page.keyboard.press('Escape');

    await page.goto(`${app.origin}/#/repartos`);
    const call = lucia.getByRole('link', { name: /^Llamar/ });
    await expect(call).toHaveAttribute('href', 'tel:+51987222333');
    await expect(call).toHaveText('Llamar 987 222 333');
    await expect(lucia.getByRole('link', { name: 'WhatsApp', exact: true })).toHaveAttribute('href', 'https://wa.me/51987222333');
    await expect(lucia.getByRole('link', { name: 'Avisar que va en camino' })).toHaveAttribute('href', /^https:\/\/wa\.me\/51987222333\?text=/);
    await bothSizes(page, 'delivery-contact-links');
  });

  test("the customer's page and Ajustes show numbers the shop's way and refuse what is not one", async ({ page }) => {
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/pedidos`);
    await page.getByRole('button', { name: 'P-0001', exact: true }).click();
    const order = page.getByRole('dialog', { name: /Pedido P-0001/ });
    await order.getByRole('button', { name: 'Lucía Fernández' }).click();
    const customer = page.getByRole('dialog', { name: 'Lucía Fernández' });
    await expect(customer.getByRole('link', { name: '987 111 222' })).toHaveAttribute('href', 'https://wa.me/51987111222');
    const phone = customer.getByLabel('Teléfono', { exact: true });
    await expect(phone).toHaveValue('987 111 222');
    await phone.fill('945 333 44');
    await phone.press('Tab');
    await expect(customer.getByRole('alert')).toHaveText('El número 945 333 44 no es un celular válido de Perú');
    await bothSizes(page, 'customer-invalid-phone');
    await phone.fill('+34 612-345-678');
    await phone.press('Tab');
    await expect(customer.getByRole('link', { name: '+34 612 34 56 78' })).toHaveAttribute('href', 'https://wa.me/34612345678');
    await expect(phone).toHaveValue('+34 612 34 56 78');
    await expect(customer.getByRole('alert')).toHaveCount(0);

    await page.goto(`${app.origin}/#/ajustes`);
    await expect(page.getByLabel('Número de WhatsApp de la tienda')).toHaveValue('987 654 321');
    await expect(page.getByLabel(/Quién reparte/)).toHaveValue('Diego = 912 345 678');
    await page.getByLabel('Número de WhatsApp de la tienda').scrollIntoViewIfNeeded();
    await bothSizes(page, 'settings-phones');
  });
});
