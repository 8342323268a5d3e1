import { expect, test } from '@playwright/test';
import { serveApp, type ServedApp } from './serve';

let app: ServedApp;
const NAME = 'abc\u202Egnp.exe';

test.beforeAll(async () => {
  app = await serveApp([]);
  const token = new URL(app.url).searchParams.get('token') ?? '';
  const call = async (method: string, args: unknown) => {
    const response = await fetch(`${app.origin}/api/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(args) });
    const envelope = await response.json();
    if (!envelope.ok) throw new Error(JSON.stringify(envelope));
    return envelope.value;
  };
  await call('settings.update', { isOnboarded: true, shopName: 'Karina' });
  const product = await call('catalog.createProduct', { name: NAME, category: 'Labiales', variants: [{ sku: 'RLO-1', price: 2750, initialStock: 3 }] });
  await call('orders.create', { channel: 'whatsapp', customer: { name: NAME, phone: '987654321' }, items: [{ variantId: product.variants[0].id, quantity: 1 }] });
});
test.afterAll(async () => app.stop());

test('a right-to-left override in a name does not flip the text next to it', async ({ page }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: 'Catálogo' })).toBeVisible();
  const name = page.getByTestId('product-row').locator('.product-name');
  await expect(name).toHaveCSS('unicode-bidi', 'isolate');

  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Buscar en Chasqui' });
  await palette.getByLabel('Buscar en Chasqui').fill('abc');
  const customer = palette.getByRole('region', { name: 'Clientes' }).getByRole('button').first();
  await expect(customer).toContainText('987');
  // The phone after the name must still be to its right, and read left to right.
  const boxes = await customer.evaluate((button) => {
    const range = document.createRange();
    const first = button.firstChild;
    if (!first) throw new Error('empty button');
    range.selectNodeContents(first);
    const phone = button.querySelector('.muted');
    if (!phone) throw new Error('no phone');
    const digits = document.createRange();
    digits.selectNodeContents(phone);
    const rects = Array.from(digits.getClientRects());
    return { nameRight: range.getBoundingClientRect().right, phoneLeft: phone.getBoundingClientRect().left, phoneRects: rects.length };
  });
  expect(boxes.phoneLeft).toBeGreaterThanOrEqual(boxes.nameRight - 1);
  await page.screenshot({ path: 'test-results/bidi-palette.png' });
});
