import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { serveApp, type ServedApp } from './serve';

const shots = path.resolve(__dirname, '../../test-results/screenshots');

let app: ServedApp;
test.beforeAll(async () => {
  fs.mkdirSync(shots, { recursive: true });
  app = await serveApp(['--demo']);
});
test.afterAll(async () => app.stop());

const csv = [
  'sku,producto,precio,stock,etiquetas,descripcion',
  'NUE-1,Labial nuevo,25,3,,',
  'NUE-2,Labial nuevo,,3,,',
  'NUE-3,Labial nuevo,25,9007199254740991,,',
  `NUE-4,Labial nuevo,25,1,"${Array.from({ length: 40 }, (_, i) => `t${i}`).join(',')}",`,
  'NUE 5,Labial nuevo,25,1,,',
].join('\n');

for (const viewport of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
  test(`the CSV preview says each row's problem in Spanish (${viewport.width}x${viewport.height})`, async ({ page }) => {
    const file = path.join(os.tmpdir(), 'chasqui-e2e-catalogo.csv');
    fs.writeFileSync(file, csv);
    await page.setViewportSize(viewport);
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Importar CSV' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type="file"]').setInputFiles(file);
    await expect(dialog.getByText('precio: "" no es un precio')).toBeVisible();
    await expect(dialog.getByText('stock: pasa de 1,000,000')).toBeVisible();
    await expect(dialog.getByText('etiquetas: pasa de 30')).toBeVisible();
    await expect(dialog.getByText(/sku: solo letras/)).toBeVisible();
    await expect(dialog.getByText(/is not a price|is more than/)).toHaveCount(0);
    await page.screenshot({ path: path.join(shots, `csv-import-errors-${viewport.width}.png`), fullPage: false });
  });
}
