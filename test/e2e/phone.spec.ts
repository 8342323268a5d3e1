import path from 'node:path';
import { expect, test, type Locator } from '@playwright/test';
import { serveApp, type ServedApp } from './serve';

const shots = path.resolve(__dirname, '../../test-results/screenshots');

let app: ServedApp;
test.beforeAll(async () => {
  app = await serveApp(['--demo', '--lan', '--lan-host', '127.0.0.1', '--lan-port', '0']);
});
test.afterAll(async () => app.stop());

const heightOf = async (locator: Locator): Promise<number> => (await locator.boundingBox())?.height ?? 0;

test("a family member's phone pairs with a one-time code and marks a delivery with cash", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Ajustes' }).click();
  await page.getByRole('button', { name: 'Nuevo código para conectar un celular' }).click();
  const code = (await page.getByTestId('pairing-code').textContent()) ?? '';
  expect(code).toMatch(/^\d{6}$/);
  await expect(page.getByRole('img', { name: /telefono$/ })).toBeVisible();
  await expect.poll(() => app.lanUrl()).not.toBeNull();

  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, ignoreHTTPSErrors: true });
  await phone.goto(app.lanUrl() ?? '');
  // A wrong code first: the name he typed stays, only the code is asked again.
  await phone.getByLabel('Tu nombre').fill('Celular de Diego');
  await phone.getByLabel('Código de 6 dígitos').fill(code === '000000' ? '111111' : '000000');
  await phone.getByRole('button', { name: 'Conectar' }).click();
  await expect(phone.getByRole('alert')).toHaveText('Código incorrecto o vencido.');
  await expect(phone.getByLabel('Tu nombre')).toHaveValue('Celular de Diego');
  await phone.screenshot({ path: path.join(shots, 'phone-pairing-390.png'), fullPage: true });
  await phone.getByLabel('Código de 6 dígitos').fill(code);
  await phone.getByRole('button', { name: 'Conectar' }).click();
  await expect(phone.getByRole('heading', { name: 'Repartos de hoy' })).toBeVisible();

  const stop = phone.getByTestId('phone-stop').filter({ hasText: 'Miguel Ángel Torres' });
  await expect(stop).toContainText('Cobrar S/ 64.50');
  // The stop's number in the route and its time window.
  await expect(stop.getByTestId('phone-stop-number')).toHaveText('2');
  await expect(stop).toContainText('Hora: 3 - 6 pm');
  // Call, WhatsApp and map are buttons a thumb can hit, to the normalised number.
  const lucia = phone.getByTestId('phone-stop').filter({ hasText: 'Lucía Fernández' });
  await expect(lucia.getByTestId('phone-stop-number')).toHaveText('1');
  for (const name of ['Llamar', 'WhatsApp', 'Ver mapa']) expect(await heightOf(lucia.getByRole('link', { name })), name).toBeGreaterThanOrEqual(44);
  await expect(lucia.getByRole('link', { name: 'WhatsApp' })).toHaveAttribute('href', 'https://wa.me/51987111222');
  await expect(lucia.getByRole('link', { name: 'Llamar' })).toHaveAttribute('href', 'tel:+51987111222');
  expect(await heightOf(stop.getByRole('button', { name: 'Entregado' }))).toBeGreaterThanOrEqual(44);
  await phone.screenshot({ path: path.join(shots, 'phone.png'), fullPage: true });

  // One tap is not final: Deshacer within the few seconds leaves the stop as it was, on the server too.
  await stop.getByRole('button', { name: 'Entregado' }).click();
  await expect(stop.getByTestId('phone-undo')).toContainText('Entregado · se guarda en');
  await phone.screenshot({ path: path.join(shots, 'phone-undo-390.png'), fullPage: true });
  await stop.getByRole('button', { name: 'Deshacer' }).click();
  await expect(stop.getByRole('button', { name: 'Entregado' })).toBeVisible();
  await phone.waitForTimeout(6000);
  const outcome = await phone.evaluate(async () => {
    const response = await fetch('/api/deliveries.listForDay', { method: 'POST', headers: { Authorization: `Bearer ${localStorage.getItem('chasqui-device-token')}`, 'Content-Type': 'application/json' }, body: '{}' });
    const body = (await response.json()) as { value: { stops: { customerName: string; outcome: string }[] } };
    return body.value.stops.find((s) => s.customerName === 'Miguel Ángel Torres')?.outcome;
  });
  expect(outcome).toBe('pending');

  // Left alone, the mark is saved after the window; the cash and the day's total to hand over show.
  await stop.getByRole('button', { name: 'Entregado' }).click();
  await expect(stop).toContainText('Entregado ✔ · Cobrado S/ 64.50', { timeout: 10_000 });
  await expect(phone.getByTestId('phone-cash-total')).toContainText('S/ 64.50');
  await phone.screenshot({ path: path.join(shots, 'phone-delivered-390.png'), fullPage: true });

  const refused = await phone.evaluate(async () => {
    const post = (method: string, body: unknown) =>
      fetch(`/api/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${localStorage.getItem('chasqui-device-token')}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.status);
    return { customers: await post('customers.list', {}), otherDay: await post('deliveries.listForDay', { date: '2020-01-01' }) };
  });
  expect(refused).toEqual({ customers: 404, otherDay: 403 });

  await page.getByRole('navigation').getByRole('link', { name: 'Repartos' }).click();
  await expect(page.getByTestId('stop').filter({ hasText: 'Miguel Ángel Torres' }).locator('.status')).toHaveText('Entregado');
  await page.getByRole('navigation').getByRole('link', { name: 'Ajustes' }).click();
  const devices = page.getByTestId('lan-devices');
  await expect(devices).toContainText('Celular de Diego');
  await expect(devices).toContainText('cada uso lo renueva');
  await devices.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'lan-devices-1366.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await devices.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'lan-devices-390.png') });
  await page.getByRole('button', { name: 'Quitar acceso' }).click();
  await phone.reload();
  await expect(phone.getByText('Este celular ya no está autorizado.')).toBeVisible();
  await phone.close();
});
