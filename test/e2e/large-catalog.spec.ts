import { expect, test } from '@playwright/test';
import { serveApp, type ServedApp } from './serve';

let app: ServedApp;
test.beforeAll(async () => {
  app = await serveApp([]);
});
test.afterAll(async () => app.stop());

const shades = ['Rojo', 'Coral', 'Nude', 'Vino', 'Rosa', 'Fucsia', 'Malva', 'Canela'];

test('a catalog of 5,000 products stays fast: few rows in the page, quick search, smooth scroll', async ({ page }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Saltar por ahora' }).click();
  await expect(page.getByRole('heading', { name: 'Aún no tienes productos' })).toBeVisible();
  const rows = ['sku,producto,variante,categoria,precio,stock'];
  for (let i = 1; i <= 5000; i += 1) rows.push(`SKU-${i},Producto ${String(i).padStart(4, '0')} ${shades[i % shades.length]},,Categoría ${i % 12},${(i % 90) + 10}.50,${i % 7}`);
  // The API takes the token as a header only (no cookie), as the page itself sends it.
  const token = new URL(app.url).searchParams.get('token') ?? '';
  const imported = await page.evaluate(async ({ csv, token }) => {
    const response = await fetch('/api/catalog.importCsv', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify({ csv, mode: 'commit' }) });
    return response.json();
  }, { csv: rows.join('\n'), token });
  expect(imported).toMatchObject({ ok: true, value: { counts: { create: 5000 } } });

  const started = Date.now();
  await page.reload();
  await expect(page.getByText('5000 productos')).toBeVisible();
  const loadMs = Date.now() - started;
  const rendered = await page.getByTestId('product-row').count();
  expect(rendered).toBeLessThan(60);

  await page.getByRole('list', { name: '5000 productos' }).evaluate((list) => list.scrollTo(0, list.scrollHeight));
  await expect(page.getByTestId('product-row').filter({ hasText: 'Producto 5000' })).toBeVisible();

  const searchStarted = Date.now();
  await page.getByRole('searchbox', { name: 'Buscar' }).fill('producto 4321');
  await expect(page.getByTestId('product-row').first()).toContainText('Producto 4321');
  const searchMs = Date.now() - searchStarted;
  console.log(`5,000 products: list shown in ${loadMs} ms with ${rendered} rows in the page; search answered in ${searchMs} ms`);

  // A word every product has: the count stops at 1000 and says so; scrolling past it goes on.
  await page.getByRole('searchbox', { name: 'Buscar' }).fill('producto');
  await expect(page.getByText('Más de 1000 productos')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/catalog-capped-1366.png' });
  const list = page.locator('.product-list');
  for (let i = 0; i < 6; i += 1) {
    await list.evaluate((element) => element.scrollTo(0, element.scrollHeight));
    await page.waitForTimeout(150);
  }
  await expect(page.locator('.count')).toHaveText(/^(Más de )?\d{4} productos$/);
  await expect(page.locator('.count')).not.toHaveText('Más de 1000 productos');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/screenshots/catalog-capped-390.png' });
  expect(loadMs).toBeLessThan(10_000);
});
