import type { AppEvent } from './contract';

/** What the preload puts on window.chasqui: nothing more than these two functions. */
export interface ChasquiBridge {
  invoke(method: string, args: unknown): Promise<unknown>;
  onEvent(listener: (event: AppEvent) => void): () => void;
}

export const IPC_INVOKE_CHANNEL = 'chasqui:invoke';
export const IPC_EVENT_CHANNEL = 'chasqui:event';
