import { createApiClient, type ApiClient, type Transport } from '../../shared/api/client';
import type { Core } from './index';

/**
 * The typed client over a core in the same process. Values make the same JSON round trip
 * as over HTTP or IPC, so callers here see exactly what a window would.
 */
export const coreTransport = (core: Core): Transport => ({
  invoke: async (method, args) => JSON.parse(JSON.stringify(await core.dispatch(method, args))),
  onEvent: (listener) => core.events.subscribe(listener),
});

export const coreClient = (core: Core): ApiClient => createApiClient(coreTransport(core));
