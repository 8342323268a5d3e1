import { expect, test } from '@playwright/test';
import { createCore } from '../../electron/core';
import { coreClient } from '../../electron/core/client';
import { fillShop } from '../bench/shop';
import { serveApp, type ServedApp } from './serve';

let app: ServedApp;
test.beforeAll(async () => {
  // 4,000 orders, half of them open (new, confirmed, packed, on the way): 2,000 cards on the board.
  app = await serveApp([], {
    prepare: async (dataDir) => {
      const core = createCore({ dataDir, isOutboxTimerEnabled: false });
      const now = Date.now(); // wall clock: the served app reads the same clock
      fillShop(core, { name: 'small', products: 200, customers: 1_500, orders: 4_000, messages: 200 }, now, new Date(now).toISOString().slice(0, 10));
      await coreClient(core).call('settings.update', { isOnboarded: true, shopName: 'Tienda grande' });
      core.close();
    },
  });
});
test.afterAll(async () => app.stop());

test('the board with 2,000 open orders: first render, and a move seen on screen', async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${app.url}#/pedidos/tablero`);
  let started = Date.now();
  await page.goto(`${app.url}#/pedidos/tablero`);
  await expect(page.locator('[data-column="new"] .board-card').first()).toBeVisible({ timeout: 30_000 });
  const firstRenderMs = Date.now() - started;
  const counts = await page.locator('.board-column-title .badge').allTextContents();
  const open = counts.slice(0, 5).reduce((sum, n) => sum + Number(n), 0);
  expect(open).toBeGreaterThanOrEqual(1_900);
  // Virtualized: only the cards in view (plus a few) are in the page, not 2,000.
  const rendered = await page.locator('.board-card').count();
  expect(rendered).toBeLessThan(120);

  const first = page.locator('[data-column="new"] .board-card').first();
  const number = (await first.getAttribute('data-order')) ?? '';
  started = Date.now();
  await page.getByLabel(`Mover ${number} a…`).selectOption({ label: 'Por pagar' });
  // The card lands in its column's order (by delivery day), maybe below the fold: the count shows it.
  await expect(page.locator('[data-column="to_pay"] .board-column-title .badge')).toHaveText(String(Number(counts[1]) + 1));
  await expect(page.getByRole('status').filter({ hasText: `${number} pasó a` })).toBeVisible();
  const moveMs = Date.now() - started;

  started = Date.now();
  await page.locator('[data-column="packed"] .board-column-body').evaluate((el) => el.scrollTo(0, 50_000));
  await expect(page.locator('[data-column="packed"] .board-card').last()).toBeVisible();
  const scrollMs = Date.now() - started;
  console.log(`Board figures: ${JSON.stringify({ openCards: open, renderedCards: rendered, firstRenderMs, moveMs, scrollToEndMs: scrollMs })}`);
});
