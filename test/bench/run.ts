// `npm run bench`: figures, not pass/fail. Builds a small and a large shop (test/bench/shop.ts),
// measures what the busiest screens and the channels do on each, and prints one JSON document.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';
import { createCore, type Core } from '../../electron/core';
import { coreClient } from '../../electron/core/client';
import type { ApiClient } from '../../shared/api/client';
import { makeTempDir } from '../helpers/tmp';
import { fillShop, sizes, type ShopSize } from './shop';

const root = path.resolve(__dirname, '../..');
const INGEST = 5_000;
const ORDERS = 500;

/** Median of several runs after one warm-up, in milliseconds. */
const median = async (run: () => Promise<unknown>, times = 7): Promise<number> => {
  await run();
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return Number((samples[Math.floor(samples.length / 2)] ?? 0).toFixed(2));
};

const rate = (count: number, ms: number) => Math.round((count / ms) * 1000);

/** The ingest rows, a tenth of them sent twice (channels redeliver). */
const ingestRows = (size: ShopSize, now: number) =>
  Array.from({ length: INGEST }, (_, i) => {
    const n = i % 10 === 9 ? i - 1 : i;
    const c = 1 + (n % size.customers);
    const phone = `5199${String(c).padStart(7, '0')}`;
    return { channel: 'whatsapp' as const, via: 'whatsapp' as const, conversationExternalId: `${phone}@c.us`, messageExternalId: `bench-${n}`, direction: 'in' as const, author: `Clienta ${c}`, senderExternalId: phone, text: 'hola, me separas el labial rojo xfa 😊', sentAt: now - 60_000 + n };
  });

/**
 * The ceiling: the same rows, one transaction each, inserted raw into the same shop's messages
 * table (same size, same indexes, same pragmas), without anything Chasqui does around them.
 */
const rawCeiling = (core: Core, rows: ReturnType<typeof ingestRows>): number => {
  const insert = core.db.prepare('INSERT OR IGNORE INTO messages (conversation_id, channel, external_id, direction, author, text, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const one = core.db.transaction((r: (typeof rows)[number]) => insert.run(1, r.channel, `raw-${r.messageExternalId}`, r.direction, r.author, r.text, r.sentAt));
  const started = performance.now();
  for (const row of rows) one(row);
  return rate(rows.length, performance.now() - started);
};

const coldStart = async (cli: string, dataDir: string): Promise<number> => {
  const started = performance.now();
  const child = spawn(process.execPath, [cli, '--data-dir', dataDir, '--port', '0', '--token', 'bench-token-0123456789'], { cwd: root, env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+?)\/\?token=/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', () => reject(new Error(`the shell exited: ${stderr}`)));
  });
  const response = await fetch(`${url}/api/app.info`, { method: 'POST', headers: { authorization: 'Bearer bench-token-0123456789', 'content-type': 'application/json' }, body: '{}' });
  await response.json();
  const ms = performance.now() - started;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  return Number(ms.toFixed(0));
};

const queries = (api: ApiClient, today: string, from: string): Record<string, () => Promise<unknown>> => ({
  'deliveries.listForDay (today)': () => api.call('deliveries.listForDay', { date: today }),
  'inbox.listConversations (first page)': () => api.call('inbox.listConversations', { limit: 50 }),
  'inbox.getConversation (a busy customer)': () => api.call('inbox.getConversation', { id: 1 }),
  'customers.get (timeline of a busy customer)': () => api.call('customers.get', { id: 1 }),
  'catalog.listProducts (search "labial rojo")': () => api.call('catalog.listProducts', { query: 'labial rojo' }),
  'orders.list (newest page)': () => api.call('orders.list', {}),
  'reports.sales (a year by month)': () => api.call('reports.sales', { from, to: today, groupBy: 'month' }),
  'reports.channels (a year)': () => api.call('reports.channels', { from, to: today }),
  'reports.products (a year)': () => api.call('reports.products', { from, to: today }),
  'reports.customers (a year)': () => api.call('reports.customers', { from, to: today }),
});

const measureSize = async (size: ShopSize, cli: string) => {
  const tmp = makeTempDir(`chasqui-bench-${size.name}-`);
  const now = Date.now();
  const today = new Date(now).toLocaleDateString('en-CA', { timeZone: 'America/Lima' });
  const from = new Date(now - 364 * 86_400_000).toISOString().slice(0, 10);
  let core: Core = createCore({ dataDir: tmp.dir, isOutboxTimerEnabled: false });
  const built = performance.now();
  fillShop(core, size, now, today);
  const buildMs = performance.now() - built;
  const api = coreClient(core);

  const rows = ingestRows(size, now);
  let started = performance.now();
  for (const row of rows) await api.call('inbox.ingestMessage', row);
  const ingest = rate(rows.length, performance.now() - started);
  const ceiling = rawCeiling(core, rows);

  started = performance.now();
  for (let i = 0; i < ORDERS; i += 1) {
    const order = await api.call('orders.create', { channel: 'whatsapp', customer: { id: 1 + (i % size.customers) }, items: [{ variantId: 1 + (i % size.products), quantity: 1 }] });
    await api.call('orders.setStatus', { id: order.id, status: 'confirmed' });
    await api.call('orders.addPayment', { id: order.id, amount: order.total, method: 'Yape/Plin' });
    // Put the stock back now and then, so the run never sells out.
    if (i % 10 === 9) await api.call('stock.adjust', { variantId: 1 + (i % size.products), delta: 10, reason: 'receive' });
  }
  const orders = rate(ORDERS, performance.now() - started);

  const timings: Record<string, number> = {};
  for (const [label, run] of Object.entries(queries(api, today, from))) timings[label] = await median(run);
  core.close();
  const cold = await coldStart(cli, tmp.dir);
  core = createCore({ dataDir: tmp.dir, isOutboxTimerEnabled: false });
  core.close();
  tmp.cleanup();
  return {
    shop: { products: size.products, customers: size.customers, orders: size.orders, messages: size.messages, buildSeconds: Number((buildMs / 1000).toFixed(1)) },
    ingest: { messagesPerSecond: ingest, rawCeilingPerSecond: ceiling, ratioToCeiling: Number((ingest / ceiling).toFixed(2)), duplicatesMixedIn: '10%' },
    orderCreation: { ordersPerSecond: orders, note: 'create + confirm (stock) + payment, three transactions each' },
    queriesMs: timings,
    coldStartToFirstAnswerMs: cold,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
};

const main = async (): Promise<void> => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'chasqui-bench-cli-'));
  const cli = path.join(work, 'cli.cjs');
  await build({ entryPoints: [path.join(root, 'electron/http/cli.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: cli, packages: 'external', logLevel: 'silent', nodePaths: [path.join(root, 'node_modules')] });
  const results: Record<string, Awaited<ReturnType<typeof measureSize>>> = {};
  for (const size of sizes) {
    console.error(`building and measuring the ${size.name} shop…`);
    results[size.name] = await measureSize(size, cli);
  }
  const small = results.small;
  const large = results.large;
  const growth = Object.fromEntries(Object.keys(large?.queriesMs ?? {}).map((label) => [label, Number(((large?.queriesMs[label] ?? 0) / Math.max(small?.queriesMs[label] ?? 0, 0.01)).toFixed(2))]));
  const report = {
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? '', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` },
    date: new Date().toISOString().slice(0, 10),
    targets: { ingestToCeiling: '>= 0.5', interactiveQueryLargeMs: '<= 5', growthLargeToSmall: '<= 1.5', coldStartLargeMs: '<= 1500' },
    small,
    large,
    growthLargeOverSmall: growth,
  };
  console.log(JSON.stringify(report, null, 2));
  fs.rmSync(work, { recursive: true, force: true });
};

void main();
