import type { z } from 'zod';

/**
 * read:  no writes; may run concurrently.
 * write: synchronous handler run inside exactly one transaction.
 * task:  async work (files, network) that opens its own short transactions.
 */
export type MethodKind = 'read' | 'write' | 'task';

export interface MethodDef<A extends z.ZodType, R, K extends MethodKind> {
  args: A;
  kind: K;
  /** Type-only carrier of the result type; never set at run time. */
  readonly resultType?: (result: R) => void;
}

const method =
  <K extends MethodKind>(kind: K) =>
  <R>() =>
  <A extends z.ZodType>(args: A): MethodDef<A, R, K> => ({ args, kind });

export const read = method('read');
export const write = method('write');
export const task = method('task');
