// Run by stall-kill.test.ts in a child process: the stall phone's sales, sent to the core in batches
// as Rosa's phone would, until it is killed. Prints "ACK <event ids>" only after dispatch answered,
// i.e. after the batch's transaction committed.
import fs from 'node:fs';
import { createCore } from '../../electron/core';
import type { StallSaleEvent } from '../../shared/api/methods/stall';

const [dataDir, eventsFile, personId] = process.argv.slice(2);
if (!dataDir || !eventsFile || !personId) throw new Error('usage: stall-worker <dataDir> <events.json> <personId>');
const core = createCore({ dataDir, isOutboxTimerEnabled: false });
const sales = JSON.parse(fs.readFileSync(eventsFile, 'utf8')) as StallSaleEvent[];
const principal = { kind: 'device', deviceId: 1, role: 'stall', personId: Number(personId) } as const;
const BATCH = 5;

const run = async (): Promise<void> => {
  fs.writeSync(1, 'READY\n');
  for (let start = 0; start < sales.length; start += BATCH) {
    const batch = sales.slice(start, start + BATCH);
    const result = await core.dispatch('stall.sync', { sales: batch }, { principal });
    if (!result.ok) throw new Error(result.error.message);
    fs.writeSync(1, `ACK ${batch.map((s) => s.id).join(' ')}\n`);
  }
  fs.writeSync(1, 'DONE\n');
  // Stay alive until killed, as the app would.
  setInterval(() => undefined, 1000);
};

void run();
