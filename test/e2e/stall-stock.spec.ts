import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { serveApp, type ServedApp } from './serve';

const shots = path.resolve(__dirname, '../../test-results/screenshots');

let app: ServedApp;
test.beforeAll(async () => {
  fs.mkdirSync(shots, { recursive: true });
  app = await serveApp(['--demo']);
});
test.afterAll(async () => app.stop());

/** The owner's own calls, with the token the served app printed. */
const call = async (method: string, args: unknown): Promise<unknown> => {
  const token = new URL(app.url).searchParams.get('token') ?? '';
  const response = await fetch(`${app.origin}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(args) });
  const body = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!body.ok) throw new Error(body.error?.message);
  return body.value;
};

for (const [name, viewport] of [['laptop', { width: 1366, height: 768 }], ['phone', { width: 390, height: 844 }]] as const) {
  test(`the stock history shows units going to the stall and back (${name})`, async ({ page }) => {
    const { items } = (await call('catalog.listProducts', { query: 'Labial mate Rojo Pasión' })) as { items: { name: string; variants: { id: number; stock: number }[] }[] };
    const product = items[0];
    const variant = product?.variants[0];
    if (!product || !variant) throw new Error('the demo shop has no lipstick');
    await call('stall.setAside', { lines: [{ variantId: variant.id, quantity: 2 }] });
    if (name === 'phone') await call('stall.returnUnsold', {});
    await page.setViewportSize(viewport);
    await page.goto(app.url);
    await page.getByRole('searchbox', { name: 'Buscar' }).fill(product.name);
    const row = page.getByTestId('product-row').filter({ hasText: product.name }).first();
    await row.getByRole('button', { name: /Stock/ }).click();
    const dialog = page.getByRole('dialog', { name: new RegExp(`Stock de ${product.name}`) });
    const history = dialog.locator('.history li');
    if (name === 'laptop') {
      await expect(history.nth(0)).toContainText('A feria');
      await expect(history.nth(0).locator('.badge')).toHaveText('en feria');
      await expect(history.nth(1)).toContainText('A feria');
      await expect(history.nth(1).locator('.badge')).toHaveCount(0);
    } else {
      await expect(history.nth(0)).toContainText('Vuelve de feria');
      await expect(history.nth(1)).toContainText('Vuelve de feria');
    }
    await page.screenshot({ path: path.join(shots, `stall-stock-${name}.png`) });
  });
}
