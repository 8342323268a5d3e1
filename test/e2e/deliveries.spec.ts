import path from 'node:path';
import { expect, test } from '@playwright/test';
import { serveApp, type ServedApp } from './serve';

const shots = path.resolve(__dirname, '../../test-results/screenshots');

let app: ServedApp;
test.beforeAll(async () => {
  app = await serveApp(['--demo']);
});
test.afterAll(async () => app.stop());

test.use({ viewport: { width: 412, height: 915 } });

test("today's run on a phone-sized screen: a stop is delivered and its cash collected", async ({ page }) => {
  await page.goto(app.url);
  await page.goto(`${app.origin}/#/repartos`);
  await expect(page.getByRole('heading', { name: 'Repartos' })).toBeVisible();
  const stops = page.getByTestId('stop');
  await expect(stops).toHaveCount(2);
  await expect(stops.first()).toContainText('Lucía Fernández');
  await expect(stops.first()).toContainText('Jr. Las Begonias 245');
  const miguel = stops.filter({ hasText: 'Miguel Ángel Torres' });
  await expect(miguel).toContainText('Por cobrar: S/ 64.50');
  await page.screenshot({ path: path.join(shots, 'deliveries-phone.png'), fullPage: true });

  await expect(stops.first().getByRole('link', { name: 'Avisar que va en camino' })).toHaveAttribute('href', /wa\.me\/51987111222\?text=.*Luc%C3%ADa/);
  await miguel.getByRole('button', { name: 'Subir: Miguel Ángel Torres' }).click();
  await expect(stops.first()).toContainText('Miguel Ángel Torres');
  await stops.nth(1).dragTo(stops.first());
  await expect(stops.first()).toContainText('Lucía Fernández');

  await miguel.getByRole('button', { name: 'Entregado' }).click();
  await expect(miguel.getByLabel(/Cobrado/)).toHaveValue('64.50');
  await miguel.getByRole('button', { name: 'Guardar' }).click();
  await expect(miguel).toContainText('Pagado');
  await expect(miguel.locator('.status')).toHaveText('Entregado');
  await expect(page.getByTestId('total-to-collect')).toHaveText('S/ 0.00');

  await page.getByRole('button', { name: 'Hoja de ruta (PDF)' }).click();
  await expect(page.getByRole('link', { name: /reparto-\d{4}-\d{2}-\d{2}\.pdf/ })).toBeVisible();
});
