import fs from 'node:fs';
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

test('the seller creates a promotion, previews the three channel texts and downloads the stall sheet', async ({ page }) => {
  await page.goto(app.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Promociones' }).click();
  await expect(page.getByRole('button', { name: /2x1 en labiales mate/ })).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'promotions.png') });

  await page.getByRole('button', { name: '+ Nueva promoción' }).click();
  const editor = page.getByRole('dialog', { name: 'Nueva promoción' });
  await editor.getByLabel('Título').fill('Rímel a precio de feria');
  await editor.getByLabel('Tipo de promoción').selectOption('price');
  await editor.getByLabel('Desde').fill('2026-01-01');
  await editor.getByLabel('Hasta').fill('2030-12-31');
  const add = editor.getByLabel('Agregar producto');
  const option = await add.locator('option', { hasText: 'Máscara de pestañas Volumen Total – Negro' }).getAttribute('value');
  await add.selectOption(option ?? '');
  await editor.getByLabel('Precio promo: Máscara de pestañas Volumen Total – Negro').fill('24,90');
  const flyer = path.join(shots, 'flyer.png');
  await sharp({ create: { width: 600, height: 300, channels: 3, background: '#b0305a' } }).png().toFile(flyer);
  await editor.getByTestId('photo-input').setInputFiles(flyer);
  await expect(editor.locator('.photo-tile img')).toHaveCount(1);
  await editor.getByRole('button', { name: 'Guardar promoción' }).click();

  const saved = page.getByRole('dialog', { name: 'Rímel a precio de feria' });
  await expect(saved.getByTestId('text-whatsapp')).toHaveValue(/\*Rímel a precio de feria\*/);
  await expect(saved.getByTestId('text-whatsapp')).toHaveValue(/~S\/\s32\.00~ \*S\/\s24\.90\*/);
  await expect(saved.getByTestId('text-whatsapp')).toHaveValue(/https:\/\/wa\.me\/51987654321\?text=/);
  await expect(saved.getByTestId('text-instagram')).toHaveValue(/link en bio/);
  await expect(saved.getByTestId('text-facebook')).toHaveValue(/Rímel a precio de feria/);

  await saved.getByTestId('text-instagram').fill('Mira https://example.com');
  await expect(saved.getByText('En Instagram los enlaces no se pueden tocar')).toBeVisible();
  await saved.getByRole('button', { name: 'Volver al texto sugerido' }).click();
  await expect(saved.getByText('En Instagram los enlaces no se pueden tocar')).toBeHidden();
  await page.screenshot({ path: path.join(shots, 'promotion-texts.png') });

  await saved.getByRole('button', { name: 'Hoja A4 para el puesto' }).click();
  const link = saved.getByTestId('print-ready');
  await expect(link).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const file = path.join(shots, 'promo-sheet.pdf');
  await download.saveAs(file);
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
});
