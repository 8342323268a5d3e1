import path from 'node:path';
import { expect, test } from '@playwright/test';
import { serveApp, type ServedApp } from './serve';

const shots = path.resolve(__dirname, '../../test-results/screenshots');
let app: ServedApp;
test.beforeAll(async () => {
  app = await serveApp(['--demo']);
});
test.afterAll(async () => app.stop());

test('Reportes explains conversion (never over 100%), says what sells where and has one definition of returning customers', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Reportes' }).click();
  await expect(page.getByTestId('kpi-revenue')).toHaveText(/S\/\s\d/);

  const cells = page.locator('[data-testid^="conversion-"]');
  await expect(cells.first()).toBeVisible();
  for (const text of await cells.allTextContents()) {
    const match = /^(\d+)% \((\d+) de (\d+)\)$/.exec(text);
    if (text === '—') continue;
    expect(match, text).not.toBeNull();
    expect(Number(match?.[1])).toBeLessThanOrEqual(100);
    expect(Math.round((Number(match?.[2]) / Number(match?.[3])) * 100)).toBe(Number(match?.[1]));
  }
  await expect(page.getByText(/^Conversión: cada día en que un cliente te escribió por un canal cuenta como una conversación; convirtió si hizo un pedido por ese mismo canal desde su primer mensaje de ese día hasta 7 días/)).toBeVisible();

  const whereSold = page.getByRole('table', { name: 'Qué se vende dónde' });
  await expect(whereSold.getByRole('columnheader', { name: 'Producto' })).toBeVisible();
  await expect(whereSold.getByRole('row')).not.toHaveCount(1);

  await expect(page.getByTestId('customers-summary')).toHaveText(/^Compraron: \d+ · Por primera vez: \d+ · Compran de nuevo: \d+ \(\d+%\)$/);
  await expect(page.getByText('Que vuelven')).toHaveCount(0);
  await page.screenshot({ path: path.join(shots, 'reports-1366.png') });
  await page.setViewportSize({ width: 1366, height: 2200 });
  await page.screenshot({ path: path.join(shots, 'reports-1366-all.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(shots, 'reports-390.png') });
  for (const [heading, file] of [['Por canal', 'reports-390-channels.png'], ['Qué se vende dónde', 'reports-390-where.png'], ['Clientes', 'reports-390-customers.png']] as const) {
    await page.getByRole('heading', { name: heading, exact: true }).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(shots, file) });
  }
});
