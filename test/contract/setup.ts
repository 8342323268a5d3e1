import crypto from 'node:crypto';
import type { ApiClient } from '../../shared/api/client';
import { createCore, type Core } from '../../electron/core';
import { startServer } from '../../electron/http/server';
import { clientFor, httpTransport, inProcessTransport } from '../helpers/clients';
import { makeTempDir } from '../helpers/tmp';

export interface Harness {
  client: ApiClient;
  core: Core;
  close: () => Promise<void>;
}

export type TransportName = 'in-process' | 'http';

/** A fixed clock that ticks one second per call, so both transports see the same timestamps. */
export const steppingClock = (start = Date.UTC(2026, 2, 4, 14, 30)): (() => number) => {
  let now = start;
  return () => (now += 1000);
};

export const openHarness = async (transport: TransportName): Promise<Harness> => {
  const { dir, cleanup } = makeTempDir();
  // No outbox timers: they would read the stepping clock at moments that depend on the transport.
  const core = createCore({ dataDir: dir, clock: steppingClock(), isOutboxTimerEnabled: false });
  if (transport === 'in-process') {
    return { client: clientFor(inProcessTransport(core)), core, close: async () => (core.close(), cleanup()) };
  }
  const token = crypto.randomBytes(18).toString('base64url');
  const server = await startServer({ core, token, port: 0 });
  return {
    client: clientFor(httpTransport(server.url, token)),
    core,
    close: async () => {
      await server.close();
      core.close();
      cleanup();
    },
  };
};
