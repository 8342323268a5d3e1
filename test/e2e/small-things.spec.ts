import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { serveApp, type ServedApp } from './serve';

const shots = path.resolve(__dirname, '../../test-results/screenshots');
const sizes = [
  { name: 'wide', width: 1366, height: 768 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const shootBoth = async (page: Page, name: string, shown?: Locator) => {
  for (const size of sizes) {
    await page.setViewportSize(size);
    await shown?.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(shots, `${name}-${size.name}.png`), fullPage: size.name === 'phone' });
  }
  await page.setViewportSize(sizes[0]);
};

test.describe('the welcome of an empty shop', () => {
  let app: ServedApp;
  test.beforeAll(async () => {
    app = await serveApp([]);
  });
  test.afterAll(async () => app.stop());

  test('offers every country of Latin America and Spain, shows the demo command on one line, and imports the catalog', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
    await page.goto(app.url);
    await expect(page.getByRole('heading', { name: 'Te damos la bienvenida a Chasqui' })).toBeVisible();
    const country = page.getByLabel('País');
    const names = await country.locator('option').allTextContents();
    for (const name of ['Argentina', 'Costa Rica', 'España', 'Guatemala', 'Panamá', 'Paraguay', 'Perú', 'República Dominicana', 'Uruguay', 'Venezuela']) expect(names).toContain(name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'es')));
    await expect(country).toHaveValue('PE');
    await country.selectOption('ES');
    await expect(page.getByText('Usaremos EUR, formato es-ES y la hora de Europe/Madrid.')).toBeVisible();
    await country.selectOption('PE');

    // In the browser the demo runs apart: the command is one unbroken line with a copy button.
    await page.getByRole('button', { name: 'Explorar la tienda de demostración' }).click();
    const command = page.locator('.command-line code');
    await expect(command).toHaveText('npm run serve -- --demo --data-dir chasqui-demo');
    await shootBoth(page, 'welcome');
    for (const size of sizes) {
      await page.setViewportSize(size);
      const lineHeight = await command.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize) * 2);
      expect((await command.boundingBox())?.height ?? 999).toBeLessThan(lineHeight + 16);
    }
    await page.setViewportSize(sizes[0]);
    await page.getByRole('button', { name: 'Copiar' }).click();
    await expect(page.getByRole('button', { name: 'Copiado' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('npm run serve -- --demo --data-dir chasqui-demo');

    await page.getByLabel('Nombre de la tienda').fill('Karina Cosméticos');
    await page.getByRole('button', { name: 'Empezar e importar mi catálogo (CSV)' }).click();
    await expect(page.getByRole('heading', { name: 'Catálogo', level: 1 })).toBeVisible();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expect(page.getByRole('dialog').getByRole('heading').first()).toContainText('CSV');
  });
});

test.describe('the demo shop', () => {
  let app: ServedApp;
  test.beforeAll(async () => {
    app = await serveApp(['--demo']);
  });
  test.afterAll(async () => app.stop());

  test('Ctrl+K opens the search with the cursor in the box, and Escape closes it and every dialog', async ({ page }) => {
    await page.goto(app.url);
    await expect(page.getByRole('heading', { name: 'Catálogo', level: 1 })).toBeVisible();
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Buscar en Chasqui' });
    await expect(palette).toBeVisible();
    const box = palette.getByRole('searchbox', { name: 'Buscar en Chasqui' });
    await expect(box).toBeFocused();
    await page.keyboard.type('labial');
    await expect(box).toHaveValue('labial');
    await expect(palette.getByRole('region', { name: 'Productos' })).toBeVisible();
    await shootBoth(page, 'palette');
    await page.keyboard.press('Escape');
    await expect(palette).toBeHidden();

    // Any dialog: Escape closes it and focus goes back to the button that opened it.
    const newProduct = page.getByRole('button', { name: '+ Nuevo producto' });
    await newProduct.click();
    const editor = page.getByRole('dialog', { name: 'Nuevo producto' });
    await expect(editor.getByLabel('Nombre', { exact: true })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(editor).toBeHidden();
    await expect(newProduct).toBeFocused();
    // And it opens again (the page did not lose track of the closed dialog).
    await page.keyboard.press('Control+k');
    await expect(palette).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(palette).toBeHidden();
  });

  test('counts say "1 producto", an existing product shows its current stock, and Canales speaks plainly', async ({ page }) => {
    await page.goto(app.url);
    const search = page.getByRole('searchbox', { name: 'Buscar' });
    await expect(search).toHaveAttribute('placeholder', 'Buscar (ej.: labial rojo)');
    // The placeholder fits in the box at both sizes.
    for (const size of sizes) {
      await page.setViewportSize(size);
      const room = await search.evaluate((el) => {
        const style = getComputedStyle(el);
        const context = document.createElement('canvas').getContext('2d');
        if (!context || !(el instanceof HTMLInputElement)) return -1;
        context.font = `${style.fontSize} ${style.fontFamily}`;
        // The search box's clear button takes about 2em at the right.
        return el.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight) - 2 * Number.parseFloat(style.fontSize) - context.measureText(el.placeholder).width;
      });
      expect(room).toBeGreaterThan(0);
    }
    await page.setViewportSize(sizes[0]);
    await expect(page.locator('.count')).toHaveText(/^\d+ productos$/);
    await search.fill('Bálsamo de cacao');
    const balsamo = page.getByTestId('product-row').filter({ hasText: 'Bálsamo labial de cacao' });
    await expect(balsamo).toContainText('1 variante');
    await expect(page.locator('.count')).toHaveText(/^(1 producto|\d+ productos)$/);
    await shootBoth(page, 'plurals-catalog');
    await balsamo.getByRole('button').first().click();
    const editor = page.getByRole('dialog');
    await expect(editor.getByRole('columnheader', { name: 'Stock actual' })).toBeVisible();
    await expect(editor.getByRole('columnheader', { name: 'Stock inicial' })).toHaveCount(0);
    await editor.getByRole('button', { name: 'Stock', exact: true }).click();
    await expect(page.getByRole('dialog', { name: /^Stock de / })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: /^Stock de / })).toBeHidden();
    await expect(editor).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(editor).toBeHidden();

    await page.getByRole('navigation').getByRole('link', { name: 'Promociones' }).click();
    await expect(page.getByText(/^1 producto$|^\d+ productos$/).first()).toBeVisible();
    await shootBoth(page, 'plurals-promotions');

    await page.getByRole('navigation').getByRole('link', { name: 'Canales' }).click();
    const facebook = page.getByRole('article', { name: 'Facebook' });
    await expect(facebook).toContainText('código de acceso de tu página');
    await expect(facebook.getByText(/pages_messaging/)).toBeHidden();
    await facebook.getByText('Pasos técnicos (para quien te ayuda)').click();
    await expect(facebook.getByText(/pages_messaging/)).toBeVisible();
    await shootBoth(page, 'channels-facebook', facebook);
    await page.setViewportSize(sizes[1]);
    // On a phone the cards stack inside the page instead of running off its right edge.
    expect((await facebook.boundingBox())?.width ?? 999).toBeLessThanOrEqual(sizes[1].width);
    await page.setViewportSize(sizes[0]);
  });

  test('in English the dates are English, unless a format was chosen in Ajustes', async ({ page }) => {
    await page.goto(app.url);
    await page.getByRole('navigation').getByRole('link', { name: 'Ajustes' }).click();
    const format = page.getByRole('combobox', { name: /^Formato de números y fechas/ });
    await expect(format).toHaveValue('');
    await page.getByRole('combobox', { name: /^Idioma/ }).selectOption('en');
    await page.getByRole('button', { name: 'Guardar' }).first().click();
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();

    await page.getByRole('navigation').getByRole('link', { name: 'Promotions' }).click();
    const dates = page.locator('.page').getByText(/(Mon|Tue|Wed|Thu|Fri|Sat|Sun), (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d+/).first();
    await expect(dates).toBeVisible();
    await expect(page.locator('.page')).not.toContainText(/\b(ene|feb|mar|abr|may|jun|jul|ago|sept?|oct|nov|dic)\./);
    await shootBoth(page, 'promotions-english');

    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('combobox', { name: /^Number and date format/ }).selectOption('es-PE');
    await page.getByRole('button', { name: 'Save' }).first().click();
    await expect(page.getByRole('status').filter({ hasText: 'Settings saved' }).first()).toBeVisible();
    await page.getByRole('navigation').getByRole('link', { name: 'Promotions' }).click();
    await expect(page.locator('.page')).toContainText(/\b(ene|feb|mar|abr|may|jun|jul|ago|sept?|oct|nov|dic)\./);
  });
});
