import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { serveApp, type ServedApp } from './serve';

const shots = path.resolve(__dirname, '../../test-results/screenshots');
let app: ServedApp;
let call: (method: string, args: unknown) => Promise<unknown>;

test.beforeAll(async () => {
  app = await serveApp(['--demo']);
  const token = new URL(app.url).searchParams.get('token') ?? '';
  call = async (method, args) => {
    const response = await fetch(`${app.origin}/api/${method}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(args) });
    const envelope = await response.json();
    if (!envelope.ok) throw new Error(JSON.stringify(envelope));
    return envelope.value;
  };
  // A demo customer writing on WhatsApp through the demo channel: a live chat to answer.
  await call('channels.connect', { kind: 'demo' });
  await call('inbox.ingestMessage', {
    channel: 'whatsapp',
    via: 'demo',
    conversationExternalId: 'demo:whatsapp:51955443322',
    messageExternalId: 'e2e-lucia-1',
    direction: 'in',
    author: 'Lucía Quispe',
    senderExternalId: '51955443322',
    text: 'hola! cómo te pago? 🙏',
    sentAt: Date.now(),
  });
});
test.afterAll(async () => app.stop());

const openChats = async (page: Page) => {
  await page.goto(app.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Chats' }).click();
};

test('"/" in the reply box sends a saved reply with its photo to a demo customer; labels filter Chats', async ({ page }) => {
  test.setTimeout(60_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  // Ajustes: a quick reply with her payment QR as a photo.
  const qr = path.join(os.tmpdir(), `qr-${process.pid}.png`);
  await sharp({ create: { width: 300, height: 300, channels: 3, background: '#00838f' } }).png().toFile(qr);
  await page.goto(app.url);
  await page.getByRole('navigation').getByRole('link', { name: 'Ajustes' }).click();
  const section = page.getByRole('region', { name: 'Respuestas rápidas' });
  await expect(section.getByText('/pagar')).toBeVisible();
  await section.getByRole('button', { name: '+ Nueva respuesta rápida' }).click();
  const editor = section.getByRole('form', { name: 'Respuesta rápida' });
  await editor.getByLabel('Nombre corto').fill('qr');
  await editor.getByLabel('Texto', { exact: true }).fill('Hola {cliente}, aquí mi QR para pagar 💸');
  await editor.locator('input[type=file]').setInputFiles(qr);
  await expect(editor.locator('.quick-photos img')).toHaveCount(1);
  await editor.getByRole('button', { name: 'Guardar' }).click();
  await expect(section.getByText('/qr')).toBeVisible();
  fs.rmSync(qr, { force: true });
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'quick-settings-1366.png') });

  await page.getByRole('navigation').getByRole('link', { name: 'Chats' }).click();
  await page.getByRole('button', { name: /Lucía Quispe/ }).click();
  const box = page.getByRole('textbox', { name: 'Escribe tu respuesta' });
  await box.fill('/');
  const list = page.getByRole('listbox', { name: 'Respuestas rápidas' });
  await expect(list.getByRole('option')).toHaveCount(6);
  await box.pressSequentially('q');
  // Names first: "/qr" leads, "gracias" (whose text says "Cualquier") follows.
  await expect(list.getByRole('option').first()).toContainText('/qr');
  await expect(list.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await page.screenshot({ path: path.join(shots, 'quick-picker-1366.png') });
  await box.press('Enter');
  const preview = page.getByRole('dialog', { name: 'Vista previa de /qr' });
  await expect(preview.getByRole('textbox')).toHaveValue('Hola Lucía, aquí mi QR para pagar 💸');
  await expect(preview.locator('img')).toHaveCount(1);
  await page.screenshot({ path: path.join(shots, 'quick-preview-1366.png') });
  await page.keyboard.press('Enter');
  const sent = page.locator('.message-out').last();
  await expect(sent).toContainText('aquí mi QR para pagar');
  await expect(sent.locator('img')).toHaveCount(1);
  await expect(box).toHaveValue('');

  // Esc closes the list without sending anything.
  await box.fill('/pag');
  await expect(list).toBeVisible();
  await box.press('Escape');
  await expect(list).toBeHidden();
  await expect(page.locator('.message-out')).toHaveCount(1);

  // Labels: "mayorista" on Lucía's chat, then Chats filtered by it.
  await page.getByRole('group', { name: 'Etiquetas' }).getByRole('button', { name: 'mayorista' }).click();
  await expect(page.getByRole('group', { name: 'Etiquetas' }).getByRole('button', { name: 'mayorista' })).toHaveAttribute('aria-pressed', 'true');
  const chats = page.getByRole('list', { name: 'Chats' });
  const before = await chats.getByRole('listitem').count();
  expect(before).toBeGreaterThan(1);
  await page.getByLabel('Filtrar por etiqueta').selectOption({ label: '● mayorista' });
  await expect(chats.getByRole('listitem')).toHaveCount(1);
  await expect(chats).toContainText('Lucía Quispe');
  await expect(chats.locator('.label-chip')).toHaveText('mayorista');
  await page.screenshot({ path: path.join(shots, 'quick-labels-1366.png') });
  await page.getByLabel('Filtrar por etiqueta').selectOption({ label: '● por pagar' });
  await expect(page.getByText('Ningún chat tiene esta etiqueta.')).toBeVisible();

  // Next to the broadcast planner: her messages without an answer this month, and the toggle.
  await page.getByRole('navigation').getByRole('link', { name: 'Promociones' }).click();
  await page.locator('.promo-card').first().click();
  await page.getByRole('button', { name: 'Difundir promoción' }).click();
  const dialog = page.getByRole('dialog', { name: /^Difundir:/ });
  await dialog.getByRole('checkbox', { name: /Mensajes directos/ }).check();
  const note = dialog.getByTestId('unanswered-note');
  await expect(note).toContainText(/\d+ mensajes? tuyos? sin respuesta este mes en WhatsApp/);
  await expect(note.getByRole('checkbox')).not.toBeChecked();
  await note.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'quick-broadcast-1366.png') });
});

test('on a phone: the picker, the label filter and the settings fit the screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openChats(page);
  await page.getByLabel('Filtrar por etiqueta').selectOption({ label: '● mayorista' });
  await page.getByRole('button', { name: /Lucía Quispe/ }).click();
  await page.screenshot({ path: path.join(shots, 'quick-labels-390.png'), fullPage: true });
  const box = page.getByRole('textbox', { name: 'Escribe tu respuesta' });
  await box.fill('/');
  await expect(page.getByRole('listbox', { name: 'Respuestas rápidas' })).toBeVisible();
  await box.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'quick-picker-390.png') });
  await box.press('Escape');
  await page.getByRole('navigation').getByRole('link', { name: 'Ajustes' }).click();
  await page.getByRole('region', { name: 'Respuestas rápidas' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'quick-settings-390.png') });
  await page.getByRole('form', { name: 'Respuestas automáticas' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(shots, 'quick-auto-390.png') });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
