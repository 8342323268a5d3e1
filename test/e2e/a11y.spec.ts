import { createRequire } from 'node:module';
import { expect, test } from '@playwright/test';
import { serveApp, type ServedApp } from './serve';

const require = createRequire(__filename);
const axePath = require.resolve('axe-core/axe.min.js');

let app: ServedApp;
test.beforeAll(async () => {
  app = await serveApp(['--demo']);
});
test.afterAll(async () => app.stop());

// axe is injected as a script, which the app's strict CSP would rightly refuse.
test.use({ bypassCSP: true });

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

const pages = ['catalogo', 'promociones', 'chats', 'pedidos', 'pedidos/tablero', 'pendientes', 'envivo', 'repartos', 'feria', 'feria/caja', 'reportes', 'canales', 'ajustes'];

for (const area of pages) {
  test(`#/${area} has no serious or critical accessibility violation`, async ({ page }) => {
    await page.goto(app.url);
    await page.goto(`${app.origin}/#/${area}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForTimeout(400);
    await page.addScriptTag({ path: axePath });
    const result = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }).axe;
      return axe.run(document, { resultTypes: ['violations'] });
    });
    console.log(area, 'axe violations (all impacts):', result.violations.map((v) => `${v.id}/${v.impact}`).join(' ') || 'none');
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)).toEqual([]);
  });
}
