import crypto from 'node:crypto';
import fs from 'node:fs';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core';
import { coreClient } from '../../electron/core/client';
import { ledgerBalance } from '../../electron/core/stock/repo';
import type { StallSaleEvent, StallSyncResult } from '../../shared/api/methods/stall';
import { makeTempDir } from '../helpers/tmp';

const KILLS = Number(process.env.CHASQUI_STALL_KILLS ?? 8);
const UNITS = 4 * 30;

/** Each sale's fate and the units of every place after syncing everything again, to compare runs. */
const outcome = (core: Core) => ({
  sales: core.db.prepare('SELECT event_id, outcome, (order_id IS NOT NULL) AS has_order FROM stall_sales ORDER BY event_id').all(),
  units: core.db.prepare('SELECT id, stock, stall_stock FROM variants ORDER BY id').all(),
});

describe(`stall sync killed at random moments (${KILLS} times), then sent again`, () => {
  const tmp = makeTempDir('chasqui-stall-kill-');
  const workerFile = path.join(tmp.dir, 'stall-worker.cjs');
  const template = path.join(tmp.dir, 'template');
  const eventsFile = path.join(tmp.dir, 'events.json');
  let personId = 0;
  let sales: StallSaleEvent[] = [];
  let reference: ReturnType<typeof outcome> | null = null;

  const syncAll = async (core: Core): Promise<StallSyncResult[]> => {
    const results: StallSyncResult[] = [];
    for (let start = 0; start < sales.length; start += 50) {
      const envelope = await core.dispatch('stall.sync', { sales: sales.slice(start, start + 50) }, { principal: { kind: 'device', deviceId: 1, role: 'stall', personId } });
      if (!envelope.ok) throw new Error(envelope.error.message);
      results.push(...(envelope.value as { results: StallSyncResult[] }).results);
    }
    return results;
  };

  beforeAll(async () => {
    await build({
      entryPoints: [path.join(__dirname, 'stall-worker.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: workerFile,
      packages: 'external',
      logLevel: 'silent',
      nodePaths: [path.resolve(__dirname, '../../node_modules')],
    });
    // Four products, 30 units each, 10 of each at the stall; 60 sales that ask for more than the stall has,
    // so some take from home and the last ones find nothing left (conflicts).
    const core = createCore({ dataDir: template, isOutboxTimerEnabled: false });
    const api = coreClient(core);
    personId = (await api.call('team.add', { name: 'Rosa', role: 'stall' })).id;
    const ids: number[] = [];
    for (let i = 0; i < 4; i += 1) ids.push((await api.call('catalog.createProduct', { name: `Producto ${i}`, variants: [{ sku: `F-${i}`, price: 1000, initialStock: 30 }] })).variants[0]?.id ?? 0);
    await api.call('stall.setAside', { lines: ids.map((variantId) => ({ variantId, quantity: 10 })) });
    const now = core.now();
    sales = Array.from({ length: 60 }, (_, n) => ({
      id: crypto.randomUUID(),
      soldAt: now - (60 - n) * 60_000,
      paymentMethod: n % 3 === 0 ? 'Yape/Plin' : 'Efectivo',
      lines: [{ variantId: ids[n % 4] ?? 0, quantity: 1 + (n % 3), unitPrice: 1000 }, ...(n % 5 === 0 ? [{ variantId: ids[(n + 1) % 4] ?? 0, quantity: 1, unitPrice: 900 }] : [])],
    }));
    fs.writeFileSync(eventsFile, JSON.stringify(sales));
    core.close();
    // What the same sales make with no kill at all.
    const clean = path.join(tmp.dir, 'clean');
    fs.cpSync(template, clean, { recursive: true });
    const check = createCore({ dataDir: clean, isOutboxTimerEnabled: false });
    await syncAll(check);
    reference = outcome(check);
    check.close();
  }, 60_000);
  afterAll(() => tmp.cleanup());

  it('applies each sale exactly once, as with no kill, and keeps the ledger sound', async () => {
    const ackedAtKill: number[] = [];
    for (let kill = 0; kill < KILLS; kill += 1) {
      const dataDir = path.join(tmp.dir, `shop-${kill}`);
      fs.cpSync(template, dataDir, { recursive: true });
      const child = spawn(process.execPath, [workerFile, dataDir, eventsFile, String(personId)], {
        cwd: path.resolve(__dirname, '../..'),
        env: { ...process.env, NODE_PATH: path.resolve(__dirname, '../../node_modules') },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      let stderr = '';
      // Every other kill waits for a first batch to be acknowledged, so a slow, busy machine still kills mid-sync.
      const signal = kill % 2 === 0 ? 'READY' : 'ACK ';
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes(signal)) resolve();
        });
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.once('exit', () => reject(new Error(`worker exited early: ${stderr}`)));
      });
      // Somewhere in the middle of the batches (the whole sync takes a few hundred ms).
      await new Promise((resolve) => setTimeout(resolve, Math.random() * (kill % 2 === 0 ? 200 : 60)));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      const acked = [...output.matchAll(/^ACK (.+)$/gm)].flatMap((m) => (m[1] ?? '').split(' '));
      ackedAtKill.push(acked.length);

      const core = createCore({ dataDir, isOutboxTimerEnabled: false });
      try {
        expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(core.db.pragma('foreign_key_check')).toEqual([]);
        // Every batch the phone was told about is there.
        const received = new Set(core.db.prepare<[], string>('SELECT event_id FROM stall_sales').pluck().all());
        for (const id of acked) expect(received.has(id), `acknowledged ${id} before kill ${kill}`).toBe(true);
        // The phone sends everything again, as it does until each sale is acknowledged.
        const results = await syncAll(core);
        expect(results.map((r) => r.id)).toEqual(sales.map((s) => s.id));
        for (const result of results) if (received.has(result.id)) expect(result.status, `${result.id} after kill ${kill}`).toBe('duplicate');
        // Exactly once, and the same fate as with no kill.
        expect(outcome(core)).toEqual(reference);
        const applied = Number(core.db.prepare("SELECT count(*) FROM stall_sales WHERE outcome = 'applied'").pluck().get());
        expect(Number(core.db.prepare("SELECT count(*) FROM orders WHERE channel = 'stall'").pluck().get())).toBe(applied);
        for (const variantId of core.db.prepare<[], number>('SELECT id FROM variants').pluck().all()) {
          const row = core.db.prepare<[number], { stock: number; stall_stock: number }>('SELECT stock, stall_stock FROM variants WHERE id = ?').get(variantId);
          expect(row?.stock).toBe(ledgerBalance(core.db, variantId, 'shop'));
          expect(row?.stall_stock).toBe(ledgerBalance(core.db, variantId, 'stall'));
        }
        const sold = Number(core.db.prepare('SELECT coalesce(sum(quantity), 0) FROM order_items').pluck().get());
        const left = Number(core.db.prepare('SELECT sum(stock + stall_stock) FROM variants').pluck().get());
        expect(sold + left).toBe(UNITS);
      } finally {
        core.close();
      }
    }
    console.log(`stall kills: sales acknowledged before each kill: ${ackedAtKill.join(', ')} (of ${sales.length})`);
    // The kills did land in the middle of syncing, not only before or after it.
    expect(ackedAtKill.some((n) => n > 0 && n < sales.length)).toBe(true);
  }, 120_000);
});
