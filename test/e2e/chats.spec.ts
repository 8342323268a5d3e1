import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { serveApp, type ServedApp } from './serve';

const shots = path.resolve(__dirname, '../../test-results/screenshots');
let app: ServedApp;
test.beforeAll(async () => {
  app = await serveApp(['--demo']);
});
test.afterAll(async () => app.stop());

/** dd/mm/yy of a day in Lima, `daysAgo` days before now. */
const limaDay = (daysAgo: number): string => {
  const [y, m, d] = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Lima' }).format(Date.now() - daysAgo * 86_400_000).split('-');
  return `${d}/${m}/${y?.slice(2)}`;
};

const importChat = async (page: Page, fileName: string, lines: string[], seller: string) => {
  const file = path.join(os.tmpdir(), fileName);
  fs.writeFileSync(file, lines.join('\n'));
  await page.getByRole('button', { name: 'Importar chat de WhatsApp' }).click();
  const dialog = page.getByRole('dialog', { name: 'Importar chat de WhatsApp' });
  await dialog.getByLabel('Importar chat de WhatsApp').setInputFiles(file);
  await dialog.getByLabel(seller, { exact: true }).check();
  await dialog.getByRole('button', { name: 'Importar', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Listo');
  await dialog.getByRole('button', { name: 'Cerrar' }).last().click();
};

test('a long chat opens at its newest message, loads older ones on scroll up keeping the place, and offers Crear pedido where it reads as an order', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Chats' }).click();
  // 400 messages of 13 June, then "holaa" and an order.
  const lines = Array.from({ length: 400 }, (_, i) => `13/06/26, ${String(8 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} - ${i % 4 === 3 ? 'Karina' : 'Andrea'}: mensaje ${i}`);
  lines.push('13/06/26, 15:00 - Andrea: holaa', '13/06/26, 15:01 - Andrea: me separas 2 labiales rojo pasión xfa');
  await importChat(page, 'Chat de WhatsApp con Andrea.txt', lines, 'Karina');
  await page.getByRole('button', { name: /Andrea/ }).click();

  const timeline = page.locator('.timeline');
  const newest = page.locator('.message').filter({ hasText: 'me separas 2 labiales' });
  await expect(newest).toBeInViewport();
  await expect(page.locator('.message p').filter({ hasText: /^mensaje 0$/ })).toHaveCount(0);
  // Karina counts 100 of the 402 lines; none of hers has the order button.
  const holaa = page.locator('.message').filter({ hasText: 'holaa' });
  await expect(newest.getByRole('button', { name: 'Crear pedido' })).toBeVisible();
  await expect(holaa.getByRole('button', { name: 'Crear pedido' })).toBeHidden();
  await expect(page.locator('.message').filter({ hasText: 'mensaje 398' }).getByRole('button', { name: 'Crear pedido' })).toBeHidden();
  await page.screenshot({ path: path.join(shots, 'chats-1366.png') });
  await holaa.getByLabel('Más acciones').click();
  await expect(holaa.getByRole('button', { name: 'Crear pedido' })).toBeVisible();
  await page.screenshot({ path: path.join(shots, 'chats-menu.png') });
  await holaa.getByRole('button', { name: 'Crear pedido' }).click();
  await expect(page.getByRole('dialog', { name: 'Nuevo pedido' })).toBeVisible();
  await page.keyboard.press('Escape');

  // Imported from a file: the notice alone, no box to type in.
  await expect(page.getByRole('note').filter({ hasText: 'respóndela desde tu celular' })).toBeVisible();
  await expect(page.getByPlaceholder('Escribe tu respuesta')).toHaveCount(0);

  // Scrolling to the top brings the older messages above, a page at a time, and the one that was on top stays put.
  const firstShown = page.locator('.message').first();
  const firstText = (await firstShown.locator('p').textContent()) ?? '';
  expect(firstText).toBe('mensaje 302');
  await timeline.evaluate((el) => el.scrollTo({ top: 0 }));
  await expect(page.locator('.message p').filter({ hasText: /^mensaje 202$/ })).toHaveCount(1);
  await expect(page.locator('.message').filter({ has: page.getByText(firstText, { exact: true }) })).toBeInViewport();
  await expect
    .poll(async () => {
      await timeline.evaluate((el) => el.scrollTo({ top: 0 }));
      return page.locator('.message p').filter({ hasText: /^mensaje 0$/ }).count();
    }, { timeout: 15_000 })
    .toBe(1);
  await expect(page.getByText('Inicio de la conversación')).toBeAttached();
  await expect(page.locator('.message')).toHaveCount(402);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('.timeline').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'chats-conversation-390.png') });
});

test('the chat list says when each conversation last moved: the time today, "ayer", or the date', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(app.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Chats' }).click();
  await importChat(page, 'Chat de WhatsApp con Hoy.txt', [`${limaDay(0)}, 00:00 - Karina: buenas`, `${limaDay(0)}, 00:01 - Hoy Pérez: hola`], 'Karina');
  await importChat(page, 'Chat de WhatsApp con Ayer.txt', [`${limaDay(1)}, 10:29 - Karina: buenas`, `${limaDay(1)}, 10:30 - Ayer Díaz: hola`], 'Karina');
  await importChat(page, 'Chat de WhatsApp con Antes.txt', ['13/02/25, 10:29 - Karina: buenas', '13/02/25, 10:30 - Antes Ruiz: hola'], 'Karina');
  const list = page.getByRole('list', { name: 'Chats' });
  await expect(list.getByRole('button', { name: /Hoy/ }).locator('time')).toHaveText(/^(0?0:01|12:01\s?a\.\s?m\.)$/);
  await expect(list.getByRole('button', { name: /Ayer/ }).locator('time')).toHaveText('ayer');
  await expect(list.getByRole('button', { name: /Antes/ }).locator('time')).toHaveText('13/02/25');
  await page.screenshot({ path: path.join(shots, 'chats-list.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(shots, 'chats-390.png') });
  // On a phone the opened conversation comes into sight below the list, at its newest message.
  await list.getByRole('button', { name: /Ayer/ }).click();
  await expect(page.locator('.message p').filter({ hasText: /^hola$/ }).last()).toBeInViewport();
  await page.screenshot({ path: path.join(shots, 'chats-conversation-390-open.png') });
});
