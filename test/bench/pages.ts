// `npx tsx test/bench/pages.ts`: only the paged figures of `npm run bench` (catalog search and
// today's deliveries) on the same small and large shops, without the ingest, orders and cold start
// runs. Messages do not touch these queries, so the shops get 1,000 of them to build quickly.
import { performance } from 'node:perf_hooks';
import { createCore } from '../../electron/core';
import { coreClient } from '../../electron/core/client';
import { makeTempDir } from '../helpers/tmp';
import { fillShop, sizes } from './shop';

const middle = (samples: number[]): number => Number((samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? 0).toFixed(2));

/**
 * Median of 15 runs after one warm-up, in milliseconds. The process's CPU time is kept too: on a
 * machine shared with other work the wall clock also counts the time the process waited its turn.
 */
const median = async (run: () => Promise<unknown>, times = 15): Promise<number> => {
  await run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const [started, usage] = [performance.now(), process.cpuUsage()];
    await run();
    wall.push(performance.now() - started);
    const spent = process.cpuUsage(usage);
    cpu.push((spent.user + spent.system) / 1000);
  }
  cpuMs.push(middle(cpu));
  return middle(wall);
};
const cpuMs: number[] = [];

const main = async (): Promise<void> => {
  const results: Record<string, Record<string, number>> = {};
  for (const size of sizes) {
    const tmp = makeTempDir(`chasqui-pages-${size.name}-`);
    const core = createCore({ dataDir: tmp.dir, isOutboxTimerEnabled: false });
    const now = Date.now();
    const today = new Date(now).toLocaleDateString('en-CA', { timeZone: 'America/Lima' });
    fillShop(core, { ...size, messages: 1_000 }, now, today);
    const api = coreClient(core);
    results[size.name] = {
      'catalog.listProducts (search "labial rojo")': await median(() => api.call('catalog.listProducts', { query: 'labial rojo' })),
      'catalog.listProducts (typo "labial rrojo")': await median(() => api.call('catalog.listProducts', { query: 'labial rrojo' })),
      'catalog.listProducts (first page, by name)': await median(() => api.call('catalog.listProducts', {})),
      'deliveries.listForDay (today)': await median(() => api.call('deliveries.listForDay', { date: today })),
    };
    const labels = Object.keys(results[size.name] ?? {});
    results[`${size.name} (CPU ms)`] = Object.fromEntries(labels.map((label, i) => [label, cpuMs[i] ?? 0]));
    cpuMs.length = 0;
    core.close();
    tmp.cleanup();
  }
  const growth = Object.fromEntries(Object.keys(results.large ?? {}).map((label) => [label, Number(((results.large?.[label] ?? 0) / Math.max(results.small?.[label] ?? 0, 0.01)).toFixed(2))]));
  console.log(JSON.stringify({ date: new Date().toISOString().slice(0, 10), ...results, growthLargeOverSmall: growth }, null, 2));
};

void main();
