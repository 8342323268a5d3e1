import path from 'node:path';
import { expect, test } from '@playwright/test';
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

test('the waitlist customer picker loads customers a page at a time and finds one by name or phone', async ({ page }) => {
  const messages = Array.from({ length: 30 }, (_, i) => ({
    channel: 'instagram' as const, conversationExternalId: `picker-${i}`, messageExternalId: `picker-${i}`, direction: 'in' as const,
    author: `Vecina Páginas ${i + 1}`, senderExternalId: `vecina.${i}`, text: 'hola', sentAt: 1_000 + i,
  }));
  await api.call('inbox.ingestMessages', { messages });
  const everyone = await api.call('customers.list', { limit: 1 });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${app.url}#/pendientes`);
  const picker = page.getByRole('combobox', { name: 'Clienta' });
  await expect(picker.locator('option')).toHaveCount(20);
  const count = page.locator('.picker-count');
  await expect(count).toContainText(`20 de ${everyone.total} clientas`);
  await count.getByRole('button', { name: 'Cargar más clientas' }).click();
  await expect(picker.locator('option')).toHaveCount(Math.min(40, everyone.total));
  await expect(count).toContainText(`${Math.min(40, everyone.total)} de ${everyone.total} clientas`);
  await page.getByRole('heading', { name: 'Avísame cuando llegue' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: path.join(shots, 'customer-picker-more-1366.png') });

  await page.getByPlaceholder('Busca por nombre o teléfono').fill('vecina paginas 2');
  await expect(picker.locator('option').first()).toHaveText(/Vecina Páginas 2\d?/);
  await expect(count).toContainText('de 11 clientas');
  await page.getByPlaceholder('Busca por nombre o teléfono').fill('vecina paginas 7');
  await expect(picker.locator('option')).toHaveText(['Vecina Páginas 7']);
  await expect(count).toContainText('1 de 1 clienta');
  await expect(count.getByRole('button')).toHaveCount(0);
  await page.getByRole('heading', { name: 'Avísame cuando llegue' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: path.join(shots, 'customer-picker-1366.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('heading', { name: 'Avísame cuando llegue' }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: path.join(shots, 'customer-picker-390.png') });
});
