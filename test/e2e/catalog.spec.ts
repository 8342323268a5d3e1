import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { serveApp, type ServedApp } from './serve';

const shots = path.resolve(__dirname, '../../test-results/screenshots');

let app: ServedApp;
test.beforeAll(async () => {
  fs.mkdirSync(shots, { recursive: true });
  app = await serveApp(['--demo']);
});
test.afterAll(async () => app.stop());

test('the seller adds a product with a photo, adjusts its stock and finds it despite a typo', async ({ page }) => {
  const photo = path.join(os.tmpdir(), 'chasqui-e2e-photo.png');
  await sharp({ create: { width: 400, height: 400, channels: 3, background: '#7a1f3d' } }).png().toFile(photo);

  await page.goto(app.url);
  await expect(page).toHaveURL(`${app.origin}/`);
  await expect(page.getByRole('heading', { name: 'Catálogo' })).toBeVisible();
  await expect(page.getByText('Karina Cosméticos')).toBeVisible();
  await expect(page.getByTestId('product-row').first()).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'catalog.png') });

  await page.getByRole('button', { name: '+ Nuevo producto' }).first().click();
  const editor = page.getByRole('dialog', { name: 'Nuevo producto' });
  await editor.getByLabel('Nombre').fill('Labial cremoso Granate Andino');
  await editor.getByLabel('Categoría').fill('Labios');
  await editor.getByTestId('photo-input').setInputFiles(photo);
  await expect(editor.locator('.photo-tile img')).toHaveCount(1);
  await editor.getByLabel('Variante 1').fill('Granate');
  await editor.getByLabel('Código (SKU) 1').fill('LAB-CRE-GRA');
  await editor.getByLabel('Precio 1').fill('27,50');
  await editor.getByLabel('Stock inicial 1').fill('5');
  await page.screenshot({ path: path.join(shots, 'editor.png') });
  await editor.getByRole('button', { name: 'Guardar' }).click();
  await expect(editor).toBeHidden();

  const search = page.getByRole('searchbox', { name: 'Buscar' });
  await search.fill('labial granate');
  const row = page.getByTestId('product-row').filter({ hasText: 'Labial cremoso Granate Andino' });
  await expect(row).toBeVisible();
  await expect(row).toContainText('S/ 27.50');
  await expect(row.locator('img')).toHaveAttribute('src', /\/media\/thumbs\/[a-f0-9]+\.webp\?sig=[\w-]+$/);

  await row.getByRole('button', { name: /Stock/ }).click();
  const stock = page.getByRole('dialog', { name: /Stock de Labial cremoso Granate Andino/ });
  await expect(stock.getByTestId('current-stock')).toHaveText('5');
  await stock.getByLabel('Motivo').selectOption('receive');
  await stock.getByLabel('Cantidad').fill('7');
  await stock.getByLabel('Nota (opcional)').fill('Pedido a la distribuidora');
  await stock.getByRole('button', { name: 'Registrar movimiento' }).click();
  await expect(stock.getByTestId('current-stock')).toHaveText('12');
  await expect(stock.locator('.history li').first()).toContainText('Recibido · Pedido a la distribuidora');
  await stock.getByLabel('Motivo').selectOption('stall_sale');
  await stock.getByLabel('Cantidad').fill('20');
  await stock.getByRole('button', { name: 'Registrar movimiento' }).click();
  await expect(stock.getByRole('alert')).toContainText('No alcanza el stock: quedan 12.');
  await expect(stock.getByTestId('current-stock')).toHaveText('12');
  await page.screenshot({ path: path.join(shots, 'stock.png') });
  await stock.getByRole('button', { name: 'Cerrar' }).click();

  await search.fill('granatte andno');
  await expect(page.getByTestId('product-row').first()).toContainText('Labial cremoso Granate Andino');
  await search.fill('labial rrojo');
  await expect(page.getByTestId('product-row').first()).toContainText('Labial mate Rojo Pasión');
  await page.screenshot({ path: path.join(shots, 'search.png') });

  await search.fill('');
  await page.screenshot({ path: path.resolve(__dirname, '../../docs/tour.png') });
});

test('every area is reachable', async ({ page }) => {
  await page.goto(app.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Canales' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Canales' })).toBeVisible();
  await expect(page.getByRole('article', { name: 'WhatsApp' })).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Reportes' }).click();
  await expect(page.getByTestId('kpi-revenue')).toHaveText(/S\/\s\d/);
  await expect(page.getByRole('img', { name: 'Ventas' })).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'reports.png') });
  await page.getByRole('navigation').getByRole('link', { name: 'Pedidos' }).click();
  await expect(page.getByRole('cell', { name: 'P-0001' })).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'orders.png') });
  await page.getByRole('navigation').getByRole('link', { name: 'Ajustes' }).click();
  await page.getByRole('button', { name: 'Hacer una copia ahora' }).click();
  await expect(page.getByRole('cell', { name: 'Manual' })).toBeVisible();
  await page.getByLabel('Medios de pago (separados por comas)').fill('Efectivo, Yape, Plin');
  await page.getByRole('form', { name: 'Ventas y repartos' }).getByRole('button', { name: 'Guardar' }).click();
  await expect(page.getByRole('form', { name: 'Ventas y repartos' }).getByRole('status')).toHaveText('Ajustes guardados');
  await page.screenshot({ path: path.join(shots, 'settings.png'), fullPage: true });
  await page.getByLabel('Idioma').selectOption('en');
  await page.getByRole('button', { name: 'Guardar' }).first().click();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Catalog' })).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Catalog' }).click();
  await expect(page.getByRole('heading', { name: 'Catalog' })).toBeVisible();
});

test('a browser without the token is refused and told what to do', async ({ page }) => {
  await page.goto(`${app.origin}/`);
  await expect(page.getByRole('heading', { name: 'Abre el enlace de Chasqui' })).toBeVisible();
});
