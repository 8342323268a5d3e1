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
  await expect(dialog.getByText('3 mensajes de Fiorella')).toBeVisible();
  await dialog.getByLabel('Karina').check();
  await dialog.getByRole('button', { name: 'Importar', exact: true }).click();
  await expect(dialog.getByRole('status')).toHaveText('Listo: 3 mensajes nuevos, 0 ya estaban.');
  await dialog.getByRole('button', { name: 'Cerrar' }).last().click();
  await page.getByRole('button', { name: /Fiorella/ }).click();
  await expect(page.locator('.message-out')).toContainText('Sí! está a S/ 59');
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
