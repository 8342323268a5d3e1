import { expect, test } from '@playwright/test';
import { serveApp, type ServedApp } from './serve';

let app: ServedApp;
test.beforeAll(async () => {
  app = await serveApp(['--demo']);
});
test.afterAll(async () => app.stop());

test('the seller broadcasts a promotion to Status, Instagram and Facebook and follows it to the end', async ({ page }) => {
  await page.goto(app.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Canales' }).click();
  const demo = page.getByRole('article', { name: 'Clientes de prueba' });
  await demo.getByRole('button', { name: 'Conectar' }).click();
  await expect(demo.getByRole('status').first()).toHaveText('Conectado');

  await page.getByRole('navigation').getByRole('link', { name: 'Promociones' }).click();
  await page.locator('.promo-card').first().click();
  await page.getByRole('button', { name: 'Difundir promoción' }).click();
  const dialog = page.getByRole('dialog', { name: /^Difundir:/ });
  await expect(dialog.getByRole('checkbox', { name: /Estado de WhatsApp/ })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: /Mensajes directos/ })).not.toBeChecked();
  await dialog.getByRole('checkbox', { name: /Historia de Instagram/ }).check();
  const preview = dialog.getByRole('region', { name: 'Vista previa' });
  await expect(preview.locator('.preview-item')).toHaveCount(4);
  await expect(preview.getByText('con clientes de prueba').first()).toBeVisible();

  // Direct messages: nobody has agreed to promotions yet, so nobody would get one.
  await dialog.getByRole('checkbox', { name: /Mensajes directos/ }).check();
  await expect(dialog.getByText(/^0 clientes recibirán el mensaje/)).toBeVisible();
  await dialog.getByRole('checkbox', { name: /Mensajes directos/ }).uncheck();
  await page.screenshot({ path: 'test-results/broadcast-plan.png', fullPage: true });

  await dialog.getByRole('button', { name: 'Difundir ahora' }).click();
  const progress = dialog.getByRole('region', { name: 'Avance de la difusión' });
  await expect(progress.getByRole('status').first()).toHaveText('Terminada', { timeout: 15_000 });
  await expect(progress.locator('tbody tr')).toHaveCount(4 + 4);
  await progress.getByRole('button', { name: 'Descargar reporte (CSV)' }).click();
  await expect(progress.getByRole('link', { name: /difusion-\d+-reporte\.csv/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/broadcast-progress.png', fullPage: true });
});

test('pacing lives in Ajustes with plain explanations, and a customer can be marked as agreeing to promotions', async ({ page }) => {
  await page.goto(app.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Ajustes' }).click();
  const pacing = page.getByRole('form', { name: 'Envíos de promociones' });
  await expect(pacing.getByText(/WhatsApp bloquea números/)).toBeVisible();
  await pacing.getByLabel('Máximo por hora').fill('12');
  await pacing.getByRole('button', { name: 'Guardar' }).click();
  await expect(pacing.getByRole('status')).toHaveText('Ajustes guardados');

  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Buscar en Chasqui' });
  await palette.getByLabel('Buscar en Chasqui').fill('lucia');
  await palette.getByRole('region', { name: 'Clientes' }).getByRole('button', { name: /Lucía Fernández/ }).click();
  const customer = page.getByRole('dialog', { name: 'Lucía Fernández' });
  await customer.getByLabel('Promociones').selectOption('opted_in');
  await expect(customer.getByText(/desde .* \(manual\)/)).toBeVisible();
});
