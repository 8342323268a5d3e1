import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { serveApp, type ServedApp } from './serve';

const shots = path.resolve(__dirname, '../../test-results/screenshots');

let app: ServedApp;
test.beforeAll(async () => {
  app = await serveApp(['--demo']);
});
test.afterAll(async () => app.stop());

const openNewOrder = async (page: Page, message: string) => {
  await page.getByRole('navigation').getByRole('link', { name: 'Pedidos' }).click();
  await page.getByRole('button', { name: '+ Nuevo pedido' }).click();
  const draft = page.getByRole('dialog', { name: 'Nuevo pedido' });
  await draft.getByLabel('Mensaje del cliente').fill(message);
  await draft.getByRole('button', { name: 'Leer mensaje' }).click();
  return draft;
};

/** The picker's options read "name · price · stock"; pick by the name. */
const pick = async (select: Locator, name: string) => {
  const value = await select.locator('option', { hasText: name }).first().getAttribute('value');
  await select.selectOption(value ?? '');
};

const shoot = async (page: Page, name: string) => {
  for (const [width, height] of [[1366, 768], [390, 844]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: path.join(shots, `${name}-${width}.png`) });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
};

test('a draft shows its doubtful lines first, learns the words the seller gives a product, and the product page can forget them', async ({ page }) => {
  await page.goto(app.url);
  const draft = await openNewOrder(page, 'hola! me separas 2 pintauñas de fiesta, 1 esmalte y 1 rimel negro xfa 💅');
  const rows = draft.locator('table.order-lines tbody tr');
  await expect(draft.getByRole('status').filter({ hasText: 'Revisa 2 líneas' })).toBeVisible();
  // Doubtful first: the words that named nothing, then the guessed polish; the sure mascara last.
  await expect(rows.nth(0)).toHaveAttribute('data-confidence', 'unknown');
  await expect(rows.nth(1)).toHaveAttribute('data-confidence', 'check');
  await expect(rows.nth(1)).toContainText('de «1 esmalte»');
  await expect(rows.nth(1)).toContainText('otro producto se parece');
  await expect(rows.last()).toHaveAttribute('data-confidence', 'sure');
  await expect(rows.last()).toContainText('Máscara de pestañas');
  await shoot(page, 'draft-doubtful');

  await pick(draft.getByLabel('¿Qué producto es «2 pintauñas de fiesta»?'), 'Esmalte de uñas Gel Brillante – Rosa Palo');
  const learned = rows.filter({ hasText: 'Rosa Palo' });
  await expect(learned).toContainText('Corregido: aprenderé «2 pintauñas de fiesta» al guardar');
  await expect(learned.getByRole('spinbutton')).toHaveValue('2');
  await draft.getByRole('button', { name: 'Guardar pedido' }).click();
  await expect(draft).toBeHidden();
  await page.getByRole('dialog', { name: /Pedido P-\d+/ }).getByRole('button', { name: 'Cerrar' }).click();

  const next = await openNewOrder(page, 'buenas, quiero 3 pintauñas de fiesta porfa');
  const line = next.locator('table.order-lines tbody tr');
  await expect(line).toHaveCount(1);
  await expect(line).toHaveAttribute('data-confidence', 'sure');
  await expect(line).toContainText('Esmalte de uñas Gel Brillante – Rosa Palo');
  await expect(line).toContainText('palabras de tu tienda');
  await expect(line.getByRole('spinbutton')).toHaveValue('3');
  await next.getByRole('button', { name: 'Cancelar' }).click();

  await page.getByRole('navigation').getByRole('link', { name: 'Catálogo' }).click();
  await page.getByRole('searchbox', { name: 'Buscar' }).fill('esmalte gel');
  await page.getByTestId('product-row').filter({ hasText: 'Esmalte de uñas Gel Brillante' }).locator('.product-main').click();
  const editor = page.getByRole('dialog', { name: 'Editar producto' });
  const aliases = editor.getByRole('region', { name: 'Cómo lo piden tus clientes' });
  await expect(aliases.getByRole('listitem')).toHaveText(['«pintauñas de fiesta» · Rosa Palo×']);
  await aliases.getByLabel('Palabras nuevas').fill('el rojito');
  await aliases.getByRole('button', { name: 'Agregar' }).click();
  await expect(aliases.getByRole('listitem')).toHaveCount(2);
  await aliases.getByLabel('Palabras nuevas').fill('quiero 2');
  await aliases.getByRole('button', { name: 'Agregar' }).click();
  await expect(aliases.getByRole('alert')).toHaveText(/no solo números/);
  await aliases.getByLabel('Palabras nuevas').fill('');
  await aliases.scrollIntoViewIfNeeded();
  await shoot(page, 'product-aliases');

  await aliases.getByRole('button', { name: 'Quitar «pintauñas de fiesta»' }).click();
  await expect(aliases.getByRole('listitem')).toHaveText(['«el rojito»×']);
  await editor.getByRole('button', { name: 'Cancelar' }).click();
  const forgotten = await openNewOrder(page, 'buenas, quiero 3 pintauñas de fiesta porfa');
  await expect(forgotten.locator('table.order-lines tbody tr')).toHaveAttribute('data-confidence', 'unknown');
});
