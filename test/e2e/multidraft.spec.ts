import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { serveApp, type ServedApp } from './serve';

const shots = path.resolve(__dirname, '../../test-results/screenshots');
let app: ServedApp;
test.beforeAll(async () => {
  app = await serveApp(['--demo']);
});
test.afterAll(async () => app.stop());
// axe is injected as a script, which the app's strict CSP would rightly refuse.
test.use({ bypassCSP: true });
const axePath = createRequire(__filename).resolve('axe-core/axe.min.js');

test('three messages of a demo customer, ticked with Shift, make one draft and one order', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Chats' }).click();
  // Miguel on Instagram: the perfume in one message, its size in the next two, "el sábado" in the last.
  await page.getByRole('button', { name: /Instagram.*Miguel/ }).click();

  // His order was already made in the demo: nothing new since then to read.
  await page.getByRole('button', { name: 'Últimos mensajes del cliente' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'No hay mensajes nuevos de este cliente desde su último pedido.' })).toBeVisible();

  const pickMode = page.getByRole('button', { name: 'Elegir mensajes' });
  await pickMode.click();
  await expect(pickMode).toHaveAttribute('aria-pressed', 'true');
  const message = (text: string) => page.locator('.message').filter({ hasText: text });
  // Only the customer's messages can be ticked, never the seller's reply.
  await expect(message('El de 50 ml está a S/ 119').getByRole('checkbox')).toHaveCount(0);
  await message('vi tu historia del perfume').getByRole('checkbox', { name: 'Elegir este mensaje' }).check();
  // Shift + click ticks the one in between too.
  await message('ok me separas el de 50').getByRole('checkbox').click({ modifiers: ['Shift'] });
  await expect(message('cuanto cuesta el de 50?').getByRole('checkbox')).toBeChecked();
  const bar = page.getByRole('group', { name: 'Elegir mensajes' });
  await expect(bar.getByRole('status')).toHaveText('3 mensajes elegidos');
  // The keyboard reaches the ticks: Space unticks and ticks again.
  await message('cuanto cuesta el de 50?').getByRole('checkbox').focus();
  await page.keyboard.press('Space');
  await expect(bar.getByRole('status')).toHaveText('2 mensajes elegidos');
  await page.keyboard.press('Space');
  await expect(bar.getByRole('status')).toHaveText('3 mensajes elegidos');
  await page.screenshot({ path: path.join(shots, 'multidraft-1366.png') });
  // The ticks and the bar pass axe with no serious or critical violation.
  await page.addScriptTag({ path: axePath });
  const serious = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Element, options: object): Promise<{ violations: { id: string; impact: string | null }[] }> } }).axe;
    const result = await axe.run(document.querySelector('.timeline') ?? document.body, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  });
  expect(serious).toEqual([]);

  await bar.getByRole('button', { name: 'Crear un pedido con ellos' }).click();
  const draft = page.getByRole('dialog', { name: 'Nuevo pedido' });
  // "el de 50" is the 50 ml perfume named two messages before, one of it, not fifty.
  await expect(draft.getByLabel('Cantidad: Perfume Flor de Amancaes – 50 ml')).toHaveValue('1');
  await expect(draft.getByRole('spinbutton')).toHaveCount(1);
  await expect(draft.getByLabel('Día de entrega o recojo')).not.toHaveValue('');
  await expect(draft.getByLabel('Canal')).toHaveValue('instagram');
  await expect(draft.getByLabel('Nombre del cliente')).toHaveValue('Miguel Ángel Torres');
  await expect(draft.getByRole('textbox').first()).toHaveValue(/vi tu historia del perfume[\s\S]*cuanto cuesta el de 50\?[\s\S]*ok me separas el de 50/);
  await draft.getByRole('button', { name: 'Guardar pedido' }).click();
  const order = page.getByRole('dialog', { name: /Pedido P-\d+/ });
  await expect(order).toBeVisible();
  const line = order.getByRole('row').filter({ hasText: 'Perfume Flor de Amancaes – 50 ml' });
  await expect(line.getByRole('cell', { name: '1', exact: true })).toBeVisible();
  await expect(order.getByText('ok me separas el de 50 para regalo?')).toBeVisible();
  await page.keyboard.press('Escape');
  // Saved: the ticks are gone.
  await expect(page.getByRole('group', { name: 'Elegir mensajes' })).toHaveCount(0);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('button', { name: 'Elegir mensajes' }).click();
  await message('vi tu historia del perfume').getByRole('checkbox').check();
  await message('ok me separas el de 50').getByRole('checkbox').check();
  await message('ok me separas el de 50').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'multidraft-390.png') });
  await page.getByRole('heading', { level: 2, name: 'Miguel Ángel Torres' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'multidraft-390-header.png') });
});
