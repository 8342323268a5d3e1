import type { z } from 'zod';
import { contract, isMethodName, type AppEvent } from '../../shared/api/contract';
import { ChasquiError, type ApiErrorBody } from '../../shared/api/errors';
import { errorEnvelope, okEnvelope, type Envelope } from '../../shared/api/result';
import type { CoreContext, Handlers } from './context';
import type { EventHub } from './events';
import { mayCall, ownerPrincipal, personOf, type Principal } from './lan/principal';
import { runAs } from './team/actor';

// Handlers are typed per method in Handlers; here they are looked up by a runtime name,
// so we view them through a bivariant signature instead of casting each one.
type LooseHandler = { bivariant(ctx: CoreContext, args: unknown): unknown }['bivariant'];

export interface DispatchOptions {
  /** Who is calling; the seller herself when not said. A paired phone is checked per method here and per record by its handlers. */
  principal?: Principal;
}

export type Dispatch = (method: string, args: unknown, options?: DispatchOptions) => Promise<Envelope<unknown>>;

export const zodIssueToError = (error: z.ZodError): ApiErrorBody => {
  const issue = error.issues[0];
  if (!issue) return { code: 'invalid_input', message: 'Invalid input' };
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') path.push(issue.keys[0] ?? '');
  const field = path.join('.') || '(arguments)';
  const message = issue.code === 'unrecognized_keys' ? 'is not a known field' : issue.message;
  return { code: 'invalid_input', message: `${field}: ${message}`, field };
};

const isDiskFull = (error: unknown): boolean =>
  error instanceof Error && 'code' in error && (error.code === 'SQLITE_FULL' || error.code === 'ENOSPC' || error.code === 'SQLITE_IOERR_WRITE');

const toErrorBody = (error: unknown): ApiErrorBody => {
  if (error instanceof ChasquiError) return error.toBody();
  // The transaction rolled back whole: say what happened and that nothing was half-saved.
  if (isDiskFull(error)) return { code: 'disk_full', message: 'The disk is full: nothing was saved. Free some space and try again.' };
  // Details stay in the log of the machine that owns the data; the caller gets a stable code.
  console.error('[chasqui] internal error', error);
  return { code: 'internal', message: 'Something went wrong inside Chasqui; nothing was changed.' };
};

export const createDispatch = (
  base: Omit<CoreContext, 'emit' | 'principal'>,
  hub: EventHub,
  handlers: Handlers,
): Dispatch => {
  const table: Record<string, LooseHandler> = handlers;
  return async (method, rawArgs, options = {}) => {
    const principal = options.principal ?? ownerPrincipal;
    // Out of a caller's role the method does not exist for it: a phone learns nothing about the rest of the API.
    if (!isMethodName(method) || !mayCall(principal, method)) {
      return errorEnvelope({ code: 'not_found', message: `Unknown method: ${method}` });
    }
    const definition = contract[method];
    const parsed = definition.args.safeParse(rawArgs ?? {});
    if (!parsed.success) return errorEnvelope(zodIssueToError(parsed.error));

    const pending: AppEvent[] = [];
    const ctx: CoreContext = {
      ...base,
      principal,
      emit: (type, payload) => {
        // TypeScript cannot correlate a generic key with its payload inside a union; emit's signature already did.
        pending.push({ type, payload } as AppEvent);
      },
    };
    const handler = table[method];
    if (!handler) return errorEnvelope({ code: 'not_found', message: `Not implemented: ${method}` });
    try {
      let value: unknown;
      // Every row this call inserts is recorded under the helper who made it (team/actor.ts).
      const asCaller = <T>(work: () => T): T => runAs(personOf(principal), work);
      if (definition.kind === 'write') {
        value = base.db.transaction(() => {
          const result = asCaller(() => handler(ctx, parsed.data));
          if (result instanceof Promise) throw new Error(`${method} is a write method and must be synchronous`);
          return result;
        })();
      } else {
        value = await asCaller(() => handler(ctx, parsed.data));
      }
      // Listeners hear only what was committed.
      for (const event of pending) hub.publish(event);
      return okEnvelope(value);
    } catch (error) {
      return errorEnvelope(toErrorBody(error));
    }
  };
};
