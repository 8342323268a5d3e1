import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { ApiClient } from '../../shared/api/client';
import { clientFor, httpTransport } from '../helpers/clients';
import { serveApp, type ServedApp } from './serve';

const shots = path.resolve(__dirname, '../../test-results/screenshots');

let app: ServedApp;
let api: ApiClient;
test.beforeAll(async () => {
  app = await serveApp(['--demo']);
  api = clientFor(httpTransport(app.origin, new URL(app.url).searchParams.get('token') ?? ''));
});
test.afterAll(async () => app.stop());

const shoot = async (page: Page, name: string, keepInView?: ReturnType<Page['getByLabel']>) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: path.join(shots, `${name}-1366.png`) });
  await page.setViewportSize({ width: 390, height: 844 });
  await keepInView?.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, `${name}-390.png`) });
  await page.setViewportSize({ width: 1366, height: 768 });
};

test('an order labelled in its dialog is the only one Pedidos shows when filtered by that label', async ({ page }) => {
  const product = await api.call('catalog.createProduct', { name: 'Rubor Feria', variants: [{ sku: 'FER-1', price: 1800, initialStock: 10 }] });
  const variantId = product.variants[0]?.id ?? 0;
  const labelled = await api.call('orders.create', { channel: 'whatsapp', customer: { name: 'Clienta Feria', phone: '987123101' }, items: [{ variantId, quantity: 1 }], deliveryDate: null });
  const other = await api.call('orders.create', { channel: 'instagram', customer: { name: 'Clienta Sin Etiqueta', phone: '987123102' }, items: [{ variantId, quantity: 2 }], deliveryDate: null });
  await api.call('labels.save', { name: 'feria sábado', color: '#6a1b9a' });

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${app.url}#/pedidos`);
  await page.getByRole('button', { name: labelled.number, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`Pedido ${labelled.number}`) });
  const chip = dialog.getByRole('group', { name: 'Etiquetas' }).getByRole('button', { name: 'feria sábado' });
  await chip.click();
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  await dialog.getByRole('button', { name: 'Cerrar' }).first().click();

  const rows = page.locator('table.table tbody tr');
  await expect(rows.filter({ hasText: other.number })).toHaveCount(1);
  await page.getByLabel('Filtrar por etiqueta').selectOption({ label: '● feria sábado' });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(labelled.number);
  await expect(rows.first().locator('.label-chip')).toHaveText('feria sábado');
  await shoot(page, 'labels-orders-filter');

  await page.getByLabel('Filtrar por etiqueta').selectOption({ label: 'Etiqueta: Todas' });
  await expect(rows.filter({ hasText: other.number })).toHaveCount(1);
});

test('the greeting can carry the catalog PDF, chosen in Ajustes', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${app.url}#/ajustes`);
  const form = page.getByRole('form', { name: 'Respuestas automáticas' });
  await form.getByLabel('Bienvenida a clientas nuevas').check();
  await form.getByLabel(/catálogo en PDF/).check();
  await form.getByRole('button', { name: 'Guardar' }).click();
  await expect(form.getByRole('status')).toBeVisible();
  expect(await api.call('autoReplies.get', {})).toMatchObject({ isGreetingEnabled: true, isCatalogPdfSent: true });
  await form.getByLabel(/catálogo en PDF/).scrollIntoViewIfNeeded();
  await shoot(page, 'labels-greeting-pdf', form.getByLabel(/catálogo en PDF/));
});
