import type { AppEvent, EventMap, EventName, MethodName, MethodResult, ParsedArgs, Contract } from '../../shared/api/contract';
import type { Db } from './db/open';
import type { PairingState } from './lan/pairing';
import type { Principal } from './lan/principal';
import type { ChannelHub } from './channels/hub';
import type { OutboxRunner } from './broadcast/runner';

/** Per-core memoised state; a write sets the entries it invalidates back to undefined. */
export interface CoreCaches {
  /** Pairing codes live only in memory: a restart ends any pairing in progress. */
  pairing?: PairingState;
}

/** What every handler receives. Built per call so events can wait for the commit. */
export interface CoreContext {
  db: Db;
  dataDir: string;
  mediaDir: string;
  resourcesDir: string;
  now: () => number;
  /** Who made this call: handlers check records against it (a delivery phone sees only today's stops). */
  principal: Principal;
  emit<E extends EventName>(type: E, payload: EventMap[E]): void;
  /** Heard at once, not after the call: the progress of a long task (OCR of a photo) while it runs. */
  publishNow(event: AppEvent): void;
  caches: CoreCaches;
  channels: ChannelHub;
  outbox: OutboxRunner;
  /** Closes the database, puts a backup's file and photos in its place and reopens it. */
  replaceDatabase(sourceFile: string, sourceMediaDir: string): void;
}

type HandlerFor<M extends MethodName> = (
  ctx: CoreContext,
  args: ParsedArgs<M>,
) => Contract[M]['kind'] extends 'write' ? MethodResult<M> : MethodResult<M> | Promise<MethodResult<M>>;

export type Handlers = { [M in MethodName]: HandlerFor<M> };

export type PendingEvents = AppEvent[];
