import path from 'node:path';
import { expect, test } from '@playwright/test';
import { serveApp, type ServedApp } from './serve';

const shots = path.resolve(__dirname, '../../test-results/screenshots');

let app: ServedApp;
test.beforeAll(async () => {
  app = await serveApp([]);
});
test.afterAll(async () => app.stop());

test('a new seller goes from an empty data folder to her first product', async ({ page }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Te damos la bienvenida a Chasqui' })).toBeVisible();
  await page.getByLabel('Nombre de la tienda').fill('Dulces de la Abuela');
  await page.getByLabel('País').selectOption('BO');
  await expect(page.getByText('Usaremos BOB, formato es-BO y la hora de America/La_Paz.')).toBeVisible();
  await page.getByLabel('Número de WhatsApp donde te escriben tus clientes').fill('712 34567');
  await page.screenshot({ path: path.join(shots, 'welcome.png') });
  await page.getByRole('button', { name: 'Empezar', exact: true }).click();

  await expect(page.getByRole('heading', { name: 'Aún no tienes productos' })).toBeVisible();
  await expect(page.getByText('Dulces de la Abuela')).toBeVisible();
  await page.getByRole('button', { name: '+ Nuevo producto' }).first().click();
  const editor = page.getByRole('dialog', { name: 'Nuevo producto' });
  await editor.getByLabel('Nombre').fill('Alfajor de maicena');
  await editor.getByLabel('Precio 1').fill('3,50');
  await editor.getByLabel('Stock inicial 1').fill('40');
  await editor.getByRole('button', { name: 'Guardar' }).click();
  const row = page.getByTestId('product-row').filter({ hasText: 'Alfajor de maicena' });
  await expect(row).toContainText('Bs 3,50');
  await expect(row).toContainText('Stock: 40');

  await page.getByRole('navigation').getByRole('link', { name: 'Ajustes' }).click();
  await expect(page.getByLabel('Número de WhatsApp de la tienda')).toHaveValue('71234567');
});
