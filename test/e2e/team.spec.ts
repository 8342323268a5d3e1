import path from 'node:path';
import { expect, test } from '@playwright/test';
import { serveApp, type ServedApp } from './serve';

const shots = path.resolve(__dirname, '../../test-results/screenshots');

let app: ServedApp;
test.beforeAll(async () => {
  app = await serveApp(['--demo', '--lan', '--lan-host', '127.0.0.1', '--lan-port', '0']);
});
test.afterAll(async () => app.stop());

test('a helper with the sales role pairs her phone, works in chats and orders only, and her orders carry her name', async ({ page, browser }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  // Every screen listens to the app's events through one stream: a browser keeps six connections to a
  // host, and a stream per listener once left the next calls waiting for ever.
  let eventStreams = 0;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/events') eventStreams += 1;
  });
  await page.goto(app.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Ajustes' }).click();
  const team = page.getByRole('region', { name: 'Equipo' });
  await team.getByLabel('Nombre').fill('Lucía');
  await team.getByLabel('Rol', { exact: true }).selectOption('seller');
  await team.getByRole('button', { name: 'Agregar persona' }).click();
  await expect(team.getByTestId('team-people')).toContainText('Lucía');
  await team.getByRole('button', { name: 'Conectar un celular' }).click();
  const code = (await team.getByTestId('team-pairing-code').textContent()) ?? '';
  expect(code).toMatch(/^\d{6}$/);
  await team.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'team-1366.png') });

  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, ignoreHTTPSErrors: true });
  await expect.poll(() => app.lanUrl()).not.toBeNull();
  await phone.goto(app.lanUrl() ?? '');
  await phone.getByLabel('Tu nombre').fill('Celular de Lucía');
  await phone.getByLabel('Código de 6 dígitos').fill(code);
  await phone.getByRole('button', { name: 'Conectar' }).click();
  // Her phone opens the whole app, limited to what her role may do.
  await expect(phone).toHaveURL(/\/app#\/chats/);
  const nav = phone.getByRole('navigation');
  await expect(nav.getByRole('link')).toHaveText([/Chats/, /Pedidos/, /Pendientes/, /Catálogo/, /Feria/]);
  await expect(phone.getByRole('heading', { name: 'Chats', level: 1 })).toBeVisible();
  await phone.screenshot({ path: path.join(shots, 'team-phone-chats-390.png') });
  // A page outside her role shows her first page, and the core refuses the call anyway.
  await phone.goto(`${new URL(app.lanUrl() ?? '').origin}/app#/reportes`);
  await expect(phone.getByRole('heading', { name: 'Chats', level: 1 })).toBeVisible();
  const refused = await phone.evaluate(async () => {
    const response = await fetch('/api/reports.sales', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${localStorage.getItem('chasqui-device-token') ?? ''}` }, body: '{}' });
    return response.status;
  });
  expect(refused).toBe(404);
  const made = await phone.evaluate(async () => {
    const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${localStorage.getItem('chasqui-device-token') ?? ''}` };
    const products = await (await fetch('/api/catalog.listProducts', { method: 'POST', headers, body: '{}' })).json();
    const variantId = products.value.items[0].variants[0].id;
    const order = await fetch('/api/orders.create', { method: 'POST', headers, body: JSON.stringify({ channel: 'instagram', customer: { name: 'Clienta de Lucía' }, items: [{ variantId, quantity: 1 }] }) });
    return order.status;
  });
  expect(made).toBe(200);
  await phone.getByRole('navigation').getByRole('link', { name: /Pedidos/ }).click();
  await expect(phone.getByText('Clienta de Lucía')).toBeVisible();
  await phone.screenshot({ path: path.join(shots, 'team-phone-orders-390.png') });

  await page.getByRole('navigation').getByRole('link', { name: 'Pedidos' }).click();
  await page.getByLabel('Registrado por').selectOption({ label: 'Lucía' });
  await expect(page.getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('row').nth(1)).toContainText('Clienta de Lucía');
  await expect(page.getByRole('row').nth(1)).toContainText('Lucía');

  // Handoff: Karina leaves Lucía a note on Miguel's chat; it waits in Lucía's list on her phone.
  await page.getByRole('navigation').getByRole('link', { name: 'Chats' }).click();
  await page.getByRole('button', { name: /Miguel Ángel Torres/ }).first().click();
  await page.getByLabel('Atiende').selectOption({ label: 'Lucía' });
  await page.getByRole('button', { name: 'Dejar una nota' }).click();
  await page.getByLabel('Para').selectOption({ label: 'Lucía' });
  await page.getByLabel('Nota', { exact: true }).fill('Miguel quiere 2 labiales, cierra por WhatsApp');
  await page.getByRole('button', { name: 'Guardar nota' }).click();
  await expect(page.getByRole('list', { name: 'Notas sobre este cliente' })).toContainText('de la dueña para Lucía');
  await page.screenshot({ path: path.join(shots, 'team-handoff-1366.png') });
  expect(eventStreams).toBe(1);
  await phone.getByRole('navigation').getByRole('link', { name: /Chats/ }).click();
  const forLucia = phone.getByRole('region', { name: 'Notas para ti' });
  await expect(forLucia).toContainText('1 nota para ti');
  await forLucia.getByRole('button', { name: 'Abrir chat' }).click();
  await expect(phone.getByRole('heading', { name: 'Miguel Ángel Torres', level: 2 })).toBeVisible();
  await phone.screenshot({ path: path.join(shots, 'team-handoff-390.png') });
  await forLucia.getByRole('button', { name: 'Hecho' }).click();
  await expect(forLucia).toBeHidden();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('navigation').getByRole('link', { name: 'Ajustes' }).click();
  await page.getByRole('region', { name: 'Equipo' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'team-390.png') });
});
