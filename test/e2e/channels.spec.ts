import { expect, test } from '@playwright/test';
import { serveApp, type ServedApp } from './serve';

let app: ServedApp;
test.beforeAll(async () => {
  app = await serveApp(['--demo']);
});
test.afterAll(async () => app.stop());

test('the demo channel delivers a message, the seller replies, and links two identities of one customer', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(app.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Canales' }).click();
  for (const name of ['WhatsApp', 'Instagram', 'Facebook', 'Clientes de prueba']) await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();
  await expect(page.getByRole('note').filter({ hasText: 'clave de esta computadora' })).toBeVisible();
  // The demo shop says what it is on every page.
  await expect(page.getByRole('note').filter({ hasText: 'Tienda de demostración' })).toContainText('no toca tu tienda real');
  const demo = page.getByRole('article', { name: 'Clientes de prueba' });
  await expect(demo.getByRole('status')).toHaveText('Sin conectar');
  await demo.getByRole('button', { name: 'Conectar' }).click();
  await expect(demo.getByRole('status').first()).toHaveText('Conectado');
  await page.screenshot({ path: 'test-results/channels.png', fullPage: true });

  await page.getByRole('navigation').getByRole('link', { name: 'Chats' }).click();
  const valeriaOnInstagram = page.getByRole('button', { name: /Valeria Rojas.*vi tu live/ });
  await expect(valeriaOnInstagram).toBeVisible({ timeout: 10_000 });
  await valeriaOnInstagram.click();
  await expect(page.locator('.messages')).toContainText('todavia tienes el labial mate nude?');
  await expect(page.getByText(/Puedes responder por Instagram hasta/)).toBeVisible();

  await page.getByRole('textbox', { name: 'Escribe tu respuesta' }).fill('¡Sí, Valeria! Te lo separo 💄');
  await page.getByRole('button', { name: 'Enviar', exact: true }).click();
  await expect(page.locator('.message-out').last()).toContainText('Te lo separo 💄');
  await expect(page.locator('.message-in').last()).toContainText('te escribo por whatsapp', { timeout: 10_000 });

  // Valeria writes again on WhatsApp: Chasqui suggests it is the same person, the seller links them.
  const matches = page.getByLabel('¿Es la misma persona?');
  await expect(matches).toContainText('Valeria Rojas · Valeria Rojas', { timeout: 15_000 });
  const valeriaMatch = matches.locator('.match', { hasText: 'Valeria Rojas · Valeria Rojas' });
  await valeriaMatch.getByRole('button', { name: 'Unir' }).click();
  await expect(matches.locator('.match', { hasText: 'Valeria Rojas · Valeria Rojas' })).toHaveCount(0);

  await page.getByRole('button', { name: /Valeria Rojas.*soy valeria la de insta/ }).click();
  const timeline = page.locator('.messages');
  await expect(timeline).toContainText('vi tu live');
  await expect(timeline).toContainText('soy valeria la de insta');
  await expect(timeline.locator('.channel-instagram').first()).toBeVisible();
  await expect(timeline.locator('.channel-whatsapp').first()).toBeVisible();
  await expect(page.getByLabel('Responder por')).toBeVisible();
  await page.screenshot({ path: 'test-results/chats-reply.png', fullPage: true });
});
