import { ChasquiError } from './errors';
import type { AppEvent, MethodArgs, MethodName, MethodResult } from './contract';
import type { Envelope } from './result';

/** How a client reaches the core: Electron IPC, HTTP, or a direct in-process call in tests. */
export interface Transport {
  invoke<M extends MethodName>(method: M, args: MethodArgs<M>): Promise<Envelope<MethodResult<M>>>;
  onEvent(listener: (event: AppEvent) => void): () => void;
}

export interface ApiClient {
  /** Resolves with the value, or rejects with a ChasquiError carrying the stable code. */
  call<M extends MethodName>(method: M, args: MethodArgs<M>): Promise<MethodResult<M>>;
  /** The raw envelope, for callers that branch on failure without exceptions. */
  request<M extends MethodName>(method: M, args: MethodArgs<M>): Promise<Envelope<MethodResult<M>>>;
  onEvent(listener: (event: AppEvent) => void): () => void;
}

export const createApiClient = (transport: Transport): ApiClient => ({
  request: (method, args) => transport.invoke(method, args),
  call: async (method, args) => {
    const envelope = await transport.invoke(method, args);
    if (envelope.ok) return envelope.value;
    throw new ChasquiError(envelope.error);
  },
  onEvent: (listener) => transport.onEvent(listener),
});
