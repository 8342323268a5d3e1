import { expect, test } from '@playwright/test';
import { createCore } from '../../electron/core';
import { coreClient } from '../../electron/core/client';
import { createDemoAdapter } from '../../electron/core/channels/demo';
import { addCustomer } from '../core/broadcast/shop';
import { serveApp, type ServedApp } from './serve';

const RECIPIENTS = 260;

let app: ServedApp;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  // A promotion already sent to 260 customers who said yes to promotions, written before the app starts.
  app = await serveApp([], {
    prepare: async (dataDir) => {
      const core = createCore({ dataDir, isOutboxTimerEnabled: false, channelAdapters: { demo: createDemoAdapter({ script: [] }) } });
      const api = coreClient(core);
      await api.call('settings.update', { isOnboarded: true, shopName: 'Tienda de Karina' });
      const product = await api.call('catalog.createProduct', { name: 'Labial mate', variants: [{ sku: 'LAB-1', price: 3500, initialStock: 100 }] });
      const today = new Date(core.now()).toISOString().slice(0, 10);
      const promotion = await api.call('promotions.create', { title: '2x1 en labiales', kind: 'percent', percentOff: 20, startsOn: today, items: [{ variantId: product.variants[0]?.id ?? 0, promoPrice: null }] });
      await api.call('channels.connect', { kind: 'demo' });
      for (let n = 0; n < RECIPIENTS; n += 1) await addCustomer(api, n, core.now() - 3_600_000);
      await api.call('broadcasts.create', { promotionId: promotion.id, targets: ['whatsapp_direct'] });
      core.close();
    },
  });
});
test.afterAll(async () => app.stop());

test('the report of a broadcast to hundreds says how many it shows and brings the rest on request', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${app.url}#/promociones`);
  await page.locator('.promo-card').first().click();
  await page.getByRole('button', { name: 'Difundir promoción' }).click();
  const dialog = page.getByRole('dialog', { name: /^Difundir:/ });
  await dialog.getByRole('button', { name: new RegExp(`0 de ${RECIPIENTS}`) }).click();
  const progress = dialog.getByRole('region', { name: 'Avance de la difusión' });
  const rows = progress.locator('.report-table tbody tr');
  await expect(rows).toHaveCount(200);
  await expect(progress.getByText(`Mostrando 200 de ${RECIPIENTS}`)).toBeVisible();
  await progress.getByText(`Mostrando 200 de ${RECIPIENTS}`).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/broadcast-report-laptop.png' });
  await progress.getByRole('button', { name: 'Ver más destinatarios' }).click();
  await expect(rows).toHaveCount(RECIPIENTS);
  await expect(progress.getByText(/^Mostrando \d+ de/)).toHaveCount(0);
  await expect(rows.last()).toContainText('Clienta');
  await page.setViewportSize({ width: 390, height: 844 });
  await rows.last().scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/broadcast-report-phone.png' });
});
