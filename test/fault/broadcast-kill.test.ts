import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client';
import { clientFor, httpTransport } from '../helpers/clients';
import { makeTempDir } from '../helpers/tmp';
import { bundleForChild } from '../helpers/bundle';

const KILLS = Number(process.env.CHASQUI_BROADCAST_KILLS ?? 20);
const RECIPIENTS = 150;
const TOKEN = 'broadcast-kill-test-token';
const root = path.resolve(__dirname, '../..');

/**
 * The headless shell, SIGKILLed at random moments while it works through a broadcast on the
 * demo channel, and started again each time. The demo channel keeps what it delivered in a file,
 * as a real network would, so we can count what every customer received.
 */
describe(`a broadcast survives ${KILLS} SIGKILLs of the headless shell`, () => {
  const tmp = makeTempDir('chasqui-bkill-');
  const cliFile = path.join(tmp.dir, 'cli.cjs');
  const dataDir = path.join(tmp.dir, 'shop');
  let child: ChildProcess | null = null;

  const startShell = async (): Promise<ApiClient> => {
    const started = spawn(process.execPath, [cliFile, '--data-dir', dataDir, '--port', '0', '--token', TOKEN], {
      cwd: root,
      env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    let stderr = '';
    started.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      started.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /listening on (http:\/\/\S+?)\/\?token=/.exec(stdout);
        if (match?.[1]) resolve(match[1]);
      });
      started.once('exit', (code) => reject(new Error(`the shell exited (${code}): ${stderr}`)));
    });
    return clientFor(httpTransport(url, TOKEN));
  };

  const kill = async (): Promise<void> => {
    const running = child;
    if (!running) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
    child = null;
  };

  beforeAll(async () => {
    await bundleForChild(path.join(root, 'electron/http/cli.ts'), cliFile);
  }, 60_000);
  afterAll(async () => {
    await kill();
    tmp.cleanup();
  });

  it('sends to every recipient, loses none, and repeats a message only where a kill hit that very send', async () => {
    let api = await startShell();
    await api.call('settings.update', { pacing: { minGapSeconds: 0.03, maxGapSeconds: 0.2, hourlyCap: 1000, dailyCap: 10_000, quietStart: '00:00', quietEnd: '00:00', isSlowStartForNewNumber: false } });
    await api.call('channels.connect', { kind: 'demo' });
    const product = await api.call('catalog.createProduct', { name: 'Labial mate', variants: [{ sku: 'LAB-1', price: 3500, initialStock: 10 }] });
    const today = new Date().toISOString().slice(0, 10);
    const promo = await api.call('promotions.create', { title: 'Sábado de labiales', kind: 'percent', percentOff: 15, startsOn: today, items: [{ variantId: product.variants[0]?.id ?? 0 }] });
    for (let n = 0; n < RECIPIENTS; n += 1) {
      const phone = `5198${String(1_000_000 + n).slice(1)}`;
      const { conversationId } = await api.call('inbox.ingestMessage', {
        channel: 'whatsapp', via: 'demo', conversationExternalId: `${phone}@c.us`, messageExternalId: `hi-${n}`, direction: 'in', author: `Clienta ${n}`, senderExternalId: phone, text: 'hola', sentAt: Date.now(),
      });
      const { customerId } = await api.call('inbox.getConversation', { id: conversationId });
      await api.call('customers.update', { id: customerId ?? 0, promoConsent: 'opted_in' });
    }
    const broadcast = await api.call('broadcasts.create', { promotionId: promo.id, targets: ['whatsapp_direct'] });
    expect(broadcast.counts.pending).toBe(RECIPIENTS);
    await api.call('broadcasts.start', { id: broadcast.id });

    let kills = 0;
    let killedWhileRunning = 0;
    while (kills < KILLS) {
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 500));
      const state = await api.call('broadcasts.get', { id: broadcast.id });
      if (state.status === 'running' && state.counts.sent < RECIPIENTS) killedWhileRunning += 1;
      await kill();
      kills += 1;
      api = await startShell();
    }
    // Let it finish in peace.
    const deadline = Date.now() + 60_000;
    let final = await api.call('broadcasts.get', { id: broadcast.id });
    while (final.status === 'running' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      final = await api.call('broadcasts.get', { id: broadcast.id });
    }
    await kill();

    expect(killedWhileRunning).toBeGreaterThanOrEqual(KILLS - 2);
    expect(final).toMatchObject({ status: 'done', counts: { sent: RECIPIENTS, pending: 0, sending: 0, unknown: 0, failed: 0 } });

    const delivered = fs
      .readFileSync(path.join(dataDir, 'channels', 'demo', 'delivered.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .flatMap((line): { to: string; key: string }[] => {
        // A record torn by a kill is a delivery that did not happen.
        try {
          return [JSON.parse(line)];
        } catch {
          return [];
        }
      });
    const perKey = new Map<string, number>();
    for (const entry of delivered) perKey.set(entry.key, (perKey.get(entry.key) ?? 0) + 1);
    expect(perKey.size).toBe(RECIPIENTS);
    const db = new Database(path.join(dataDir, 'chasqui.db'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const attempts = new Map(db.prepare<[], { key: string; attempts: number }>('SELECT idempotency_key AS key, attempts FROM outbox').all().map((r) => [r.key, r.attempts]));
      const duplicates = [...perKey].filter(([, count]) => count > 1);
      // A second delivery only for a send that a kill interrupted (it was tried again).
      for (const [key] of duplicates) expect(attempts.get(key) ?? 0).toBeGreaterThanOrEqual(2);
      expect(duplicates.length).toBeLessThanOrEqual(kills);
      const reconciled = Number(db.prepare("SELECT count(*) FROM outbox WHERE error = 'found in the chat after a restart'").pluck().get());
      const retried = Number(db.prepare('SELECT count(*) FROM outbox WHERE attempts > 1').pluck().get());
      console.log(`broadcast kill test: ${kills} kills (${killedWhileRunning} mid-broadcast), ${delivered.length} deliveries to ${perKey.size} recipients, ${duplicates.length} repeated, ${reconciled} found in the chat after a kill, ${retried} sent again after a kill before the network`);
    } finally {
      db.close();
    }
  }, 240_000);
});
