import { expect, test } from '@playwright/test';
import { serveApp, type ServedApp } from './serve';

let app: ServedApp;
test.beforeAll(async () => {
  app = await serveApp(['--demo']);
});
test.afterAll(async () => app.stop());

test('the seller runs a live with claims typed by hand: stock held, a waitlist, then paid into an order', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(app.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Vender en vivo' }).click();
  const setup = page.getByRole('form', { name: 'Preparar un live' });
  await setup.getByLabel('Nombre del live').fill('Live del sábado');
  const picker = setup.getByLabel('Agregar producto');
  const pick = async (name: string) => {
    const value = await picker.locator('option', { hasText: name }).first().getAttribute('value');
    await picker.selectOption(value ?? '');
  };
  await pick('Paleta de sombras Atardecer');
  await pick('Rubor compacto Durazno');
  await setup.getByLabel('Precio del live de Paleta de sombras Atardecer').fill('69');
  await setup.getByRole('button', { name: 'Empezar el live' }).click();

  const onAir = page.getByLabel('Ahora en pantalla');
  await expect(onAir.getByRole('heading', { name: 'Paleta de sombras Atardecer' })).toBeVisible();
  await expect(onAir).toContainText('S/ 69.00');
  const left = Number(await page.getByTestId('on-air-left').textContent());
  expect(left).toBeGreaterThan(0);

  const form = page.getByRole('form', { name: 'Anotar a alguien' });
  const names = Array.from({ length: left + 1 }, (_, i) => (i === 0 ? '@valeria.rojas' : `Clienta ${i}`));
  for (const name of names) {
    await form.getByLabel('Nombre o @usuario').fill(name);
    await form.getByRole('button', { name: 'Anotar' }).click();
    await expect(form.getByLabel('Nombre o @usuario')).toHaveValue('');
  }
  await expect(page.getByTestId('on-air-left')).toHaveText('0');
  const claims = page.getByRole('region', { name: /Pedidos de Paleta/ });
  await expect(claims.locator('.claim')).toHaveCount(left + 1);
  await expect(claims.locator('.claim').first()).toContainText('Separado');
  await expect(claims.locator('.claim').last()).toContainText('En espera');
  await page.screenshot({ path: 'test-results/live-panel.png', fullPage: true });

  // The next product goes on air.
  await page.getByRole('button', { name: /Rubor compacto Durazno/ }).click();
  await expect(onAir.getByRole('heading', { name: 'Rubor compacto Durazno' })).toBeVisible();

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Terminar el live' }).click();
  const summary = page.getByRole('region', { name: 'Resumen: Live del sábado' });
  await expect(summary.locator('.kpi').first()).toContainText(String(left + 1));

  const reservations = page.getByRole('region', { name: 'Separados por cobrar' });
  const valeria = reservations.getByRole('row', { name: /valeria\.rojas/ });
  await valeria.getByRole('button', { name: 'Pagó' }).click();
  await expect(reservations.getByRole('row', { name: /valeria\.rojas/ })).toHaveCount(0);
  await page.screenshot({ path: 'test-results/live-summary.png', fullPage: true });

  await page.getByRole('navigation').getByRole('link', { name: 'Pedidos' }).click();
  await expect(page.getByRole('row', { name: /valeria\.rojas/ }).first()).toContainText('S/ 69.00');
});
