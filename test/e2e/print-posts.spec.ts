import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { serveApp, type ServedApp } from './serve';

const shots = path.resolve(__dirname, '../../test-results/screenshots');

let app: ServedApp;
test.beforeAll(async () => {
  fs.mkdirSync(shots, { recursive: true });
  app = await serveApp(['--demo']);
});
test.afterAll(async () => app.stop());

const both = async (page: Page, name: string, focus?: Locator) => {
  for (const [label, size] of [['wide', { width: 1366, height: 768 }], ['phone', { width: 390, height: 844 }]] as const) {
    await page.setViewportSize(size);
    await focus?.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, `${name}-${label}.png`) });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
};

const openPromotion = async (page: Page, title: RegExp) => {
  await page.getByRole('navigation').getByRole('link', { name: 'Promociones' }).click();
  await page.getByRole('button', { name: title }).click();
};

test('the seller prints price tags for the 2x1 lipsticks, choosing which and how large', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await openPromotion(page, /2x1 en labiales mate/);
  const editor = page.getByRole('dialog', { name: '2x1 en labiales mate' });
  await editor.getByRole('button', { name: 'Etiquetas de precio' }).click();
  const panel = editor.getByTestId('price-tags');
  await expect(panel.getByRole('checkbox')).toHaveCount(4);
  await panel.getByRole('checkbox', { name: /Vino Tinto/ }).uncheck();
  await panel.getByLabel('Tamaño de las etiquetas').selectOption('large');
  await expect(panel.getByRole('button', { name: 'Imprimir 2 etiquetas' })).toBeEnabled();
  await both(page, 'price-tags', panel.getByRole('button', { name: 'Imprimir 2 etiquetas' }));
  await panel.getByRole('button', { name: 'Imprimir 2 etiquetas' }).click();
  await expect(editor.getByTestId('print-ready')).toHaveText(/etiquetas-\d{8}-\d{6}\.pdf/);
});

test('without a WhatsApp number the print kit says so and links to Ajustes, and the sheet is refused', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  const token = new URL(app.url).searchParams.get('token') ?? '';
  const cleared = await page.evaluate(async (token) => (await fetch('/api/settings.update', { method: 'POST', headers: { 'content-type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify({ whatsappNumber: '' }) })).status, token);
  expect(cleared).toBe(200);
  await page.reload();
  await openPromotion(page, /Semana del cuidado de la piel/);
  const editor = page.getByRole('dialog', { name: 'Semana del cuidado de la piel' });
  await expect(editor.getByTestId('no-whatsapp')).toContainText('Falta tu número de WhatsApp');
  await editor.getByRole('button', { name: 'Hoja A4 para el puesto' }).click();
  await expect(editor.getByTestId('print-ready')).toBeHidden();
  await both(page, 'print-no-whatsapp', editor.getByTestId('no-whatsapp'));
  await editor.getByRole('link', { name: 'Ponerlo en Ajustes' }).click();
  await expect(page).toHaveURL(/#\/ajustes/);
  await page.evaluate(async (token) => fetch('/api/settings.update', { method: 'POST', headers: { 'content-type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify({ whatsappNumber: '51987654321' }) }), token);
});

test('the seller schedules the Instagram post and story and is told Chasqui must be open then', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Canales' }).click();
  const demo = page.getByRole('article', { name: 'Clientes de prueba' });
  await demo.getByRole('button', { name: 'Conectar' }).click();
  await expect(demo.getByRole('status').first()).toHaveText('Conectado');
  await page.getByRole('navigation').getByRole('link', { name: 'Promociones' }).click();
  await page.locator('.promo-card').first().click();
  await page.getByRole('button', { name: 'Difundir promoción' }).click();
  const dialog = page.getByRole('dialog', { name: /^Difundir:/ });
  await dialog.getByRole('checkbox', { name: /Estado de WhatsApp/ }).uncheck();
  await dialog.getByRole('checkbox', { name: /Facebook/ }).uncheck();
  await dialog.getByRole('checkbox', { name: /Historia de Instagram/ }).check();
  const when = dialog.getByTestId('publish-at');
  await expect(when).toBeVisible();
  await expect(dialog.getByText(/Chasqui debe estar abierto a esa hora/)).toBeVisible();
  // Two hours from now, in the browser's own time zone, as the datetime-local field wants it.
  const later = await page.evaluate(() => {
    const d = new Date(Date.now() + 2 * 3_600_000); // wall clock: the field is filled as the seller would
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
  });
  await when.fill(later);
  await both(page, 'broadcast-schedule-instagram', dialog.getByText(/Chasqui debe estar abierto a esa hora/));
  await dialog.getByRole('button', { name: 'Programar difusión' }).click();
  const progress = dialog.getByRole('region', { name: 'Avance de la difusión' });
  await expect(progress).toBeVisible();
  // Nothing goes out before the time: both stay waiting while the broadcast runs.
  await page.waitForTimeout(1500);
  await expect(progress.getByText('En cola')).toHaveCount(2);
  await both(page, 'broadcast-scheduled-progress');
});
