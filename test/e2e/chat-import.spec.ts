import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { serveApp, type ServedApp } from './serve';

let app: ServedApp;
test.beforeAll(async () => {
  app = await serveApp(['--demo']);
});
test.afterAll(async () => app.stop());

test('the seller imports a WhatsApp chat export and sees it in Chats', async ({ page }) => {
  const file = path.join(os.tmpdir(), 'Chat de WhatsApp con Fiorella.txt');
  fs.writeFileSync(file, ['10/11/26, 18:02 - Fiorella: hola karina, tienes el serum de vitamina c?', '10/11/26, 18:05 - Karina: Sí! está a S/ 59 ✨', '10/11/26, 18:06 - Fiorella: ya, me separas 1 xfa'].join('\n'));
  await page.goto(app.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Chats' }).click();
  await page.getByRole('button', { name: 'Importar chat de WhatsApp' }).click();
  const dialog = page.getByRole('dialog', { name: 'Importar chat de WhatsApp' });
  await dialog.getByLabel('Importar chat de WhatsApp').setInputFiles(file);
  // Only the customer's messages count as hers: two of the three are Fiorella's.
  await expect(dialog.getByTestId('import-summary')).toHaveText('2 mensajes de Fiorella · 1 de ti');
  await dialog.getByLabel('Karina').check();
  await dialog.getByRole('button', { name: 'Importar', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText('Listo: 3 mensajes nuevos, 0 ya estaban.');
  await dialog.getByRole('button', { name: 'Cerrar' }).last().click();
  await page.getByRole('button', { name: /Fiorella/ }).click();
  await expect(page.locator('.message-out')).toContainText('Sí! está a S/ 59');
});

test('a month-first export is read month-first; a file that never says can be flipped; an unreadable Instagram file is refused in its own words', async ({ page }) => {
  const usPhone = path.join(os.tmpdir(), 'WhatsApp Chat with Andrea.txt');
  fs.writeFileSync(usPhone, ['6/10/20, 6:02 PM - Andrea: hola, tienes el serum?', '6/10/20, 6:05 PM - Karina: Sí, a S/ 59', '6/13/20, 9:15 AM - Andrea: ya te yapeé'].join('\n'));
  const untold = path.join(os.tmpdir(), 'Chat de WhatsApp con Rosalinda.txt');
  fs.writeFileSync(untold, ['06/10/20, 18:02 - Rosalinda: holaa', '06/10/20, 18:05 - Karina: hola Rosalinda!'].join('\n'));
  const broken = path.join(os.tmpdir(), 'message_1.json');
  fs.writeFileSync(broken, '{"participants": [], "messages": "nada"}');
  await page.goto(app.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Chats' }).click();
  await page.getByRole('button', { name: 'Importar chat de WhatsApp' }).click();
  const dialog = page.getByRole('dialog', { name: 'Importar chat de WhatsApp' });
  const picker = dialog.getByLabel('Importar chat de WhatsApp');

  // "6/13/20" can only be month-first: the whole file is, even in a Peruvian shop.
  await picker.setInputFiles(usPhone);
  await expect(dialog.getByTestId('import-date-order')).toContainText('Fechas leídas como mes/día/año, como dice el archivo.');
  await expect(dialog.getByTestId('import-period')).toHaveText(/^Del 10 jun\.? 2020 al 13 jun\.? 2020$/);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: 'test-results/screenshots/chat-import-date-order.png' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/screenshots/chat-import-date-order-390.png' });

  // Nothing above 12: the shop's format (day first), and a switch to read it the other way.
  await picker.setInputFiles(untold);
  await expect(dialog.getByTestId('import-date-order')).toContainText('Fechas leídas como día/mes/año: el archivo no lo deja claro');
  await expect(dialog.getByTestId('import-period')).toHaveText(/^Del 6 oct\.? 2020 al 6 oct\.? 2020$/);
  await dialog.getByRole('button', { name: 'Leer como mes/día/año' }).click();
  await expect(dialog.getByTestId('import-date-order')).toContainText('Fechas leídas como mes/día/año, como elegiste.');
  await expect(dialog.getByTestId('import-period')).toHaveText(/^Del 10 jun\.? 2020 al 10 jun\.? 2020$/);
  await expect(dialog.getByTestId('import-summary')).toHaveText('1 mensaje de Rosalinda · 1 de ti');
  await dialog.getByRole('button', { name: 'Leer como día/mes/año' }).click();
  await expect(dialog.getByTestId('import-period')).toHaveText(/^Del 6 oct\.? 2020/);
  await dialog.getByRole('button', { name: 'Leer como mes/día/año' }).click();
  await expect(dialog.getByTestId('import-date-order')).toContainText('como elegiste');
  await dialog.getByLabel('Karina').check();
  await dialog.getByRole('button', { name: 'Importar', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText('Listo: 2 mensajes nuevos, 0 ya estaban.');

  await dialog.getByLabel('Canal').selectOption('instagram');
  await picker.setInputFiles(broken);
  await expect(dialog.getByRole('status')).toHaveText(/^Este archivo de Instagram no tiene mensajes que Chasqui pueda leer\./);
  await dialog.getByRole('button', { name: 'Cerrar' }).last().click();
  // Imported month-first, her "holaa" is of 10 June 2020.
  await page.getByRole('button', { name: /Rosalinda/ }).click();
  await expect(page.locator('.message-in').filter({ hasText: 'holaa' })).toContainText(/10 jun\.? 2020/);
});

test('Miguel on Instagram and on WhatsApp becomes one customer with one timeline', async ({ page }) => {
  await page.goto(app.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Chats' }).click();
  const matches = page.getByLabel('¿Es la misma persona?');
  await expect(matches).toContainText('Miguel Ángel Torres · Miguel Ángel Torres');
  await matches.getByRole('button', { name: 'Unir' }).first().click();
  await expect(matches).toBeHidden();
  await page.getByRole('button', { name: /Miguel Ángel Torres/ }).first().click();
  const timeline = page.locator('.messages');
  await expect(timeline).toContainText('vi tu historia del perfume');
  await expect(timeline).toContainText('soy Miguel el de Instagram');
});

test('Ctrl+K finds customers, products and orders; shortcuts open a new order and a new product', async ({ page }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Catálogo' })).toBeVisible();
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Buscar en Chasqui' });
  await palette.getByLabel('Buscar en Chasqui').fill('lucia');
  await palette.getByRole('region', { name: 'Clientes' }).getByRole('button', { name: /Lucía Fernández/ }).click();
  await expect(page.getByRole('dialog', { name: 'Lucía Fernández' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+O');
  await expect(page.getByRole('dialog', { name: 'Nuevo pedido' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+P');
  await expect(page.getByRole('dialog', { name: 'Nuevo producto' })).toBeVisible();
});
