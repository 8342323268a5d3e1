import path from 'node:path';
import { expect, test } from '@playwright/test';
import { serveApp, type ServedApp } from './serve';

const shots = path.resolve(__dirname, '../../test-results/screenshots');

let app: ServedApp;
test.beforeAll(async () => {
  app = await serveApp(['--demo', '--lan', '--lan-host', '127.0.0.1', '--lan-port', '0']);
});
test.afterAll(async () => app.stop());

test("a family member's phone pairs with a one-time code and marks a delivery with cash", async ({ page, browser }) => {
  await page.goto(app.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Ajustes' }).click();
  await page.getByRole('button', { name: 'Nuevo código para conectar un celular' }).click();
  const code = (await page.getByTestId('pairing-code').textContent()) ?? '';
  expect(code).toMatch(/^\d{6}$/);
  await expect(page.getByRole('img', { name: /telefono$/ })).toBeVisible();
  await expect.poll(() => app.lanUrl()).not.toBeNull();

  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await phone.goto(app.lanUrl() ?? '');
  await phone.getByLabel('Código de 6 dígitos').fill(code);
  await phone.getByLabel('Tu nombre').fill('Celular de Diego');
  await phone.getByRole('button', { name: 'Conectar' }).click();
  await expect(phone.getByRole('heading', { name: 'Repartos de hoy' })).toBeVisible();
  const stop = phone.getByTestId('phone-stop').filter({ hasText: 'Miguel Ángel Torres' });
  await expect(stop).toContainText('Cobrar S/ 64.50');
  await phone.screenshot({ path: path.join(shots, 'phone.png'), fullPage: true });
  await stop.getByRole('button', { name: 'Entregado' }).click();
  await expect(phone.getByTestId('phone-stop').filter({ hasText: 'Miguel Ángel Torres' })).toContainText('Entregado ✔');

  const forbidden = await phone.evaluate(async () => {
    const token = localStorage.getItem('chasqui-device-token');
    const response = await fetch('/api/customers.list', { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{}' });
    return response.status;
  });
  expect(forbidden).toBe(404);

  await page.getByRole('navigation').getByRole('link', { name: 'Repartos' }).click();
  await expect(page.getByTestId('stop').filter({ hasText: 'Miguel Ángel Torres' }).locator('.status')).toHaveText('Entregado');
  await page.getByRole('navigation').getByRole('link', { name: 'Ajustes' }).click();
  await page.getByRole('button', { name: 'Quitar acceso' }).click();
  await phone.reload();
  await expect(phone.getByText('Este celular ya no está autorizado.')).toBeVisible();
  await phone.close();
});
