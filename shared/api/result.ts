import type { ApiErrorBody } from './errors';

/** The one envelope both transports carry. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export const okEnvelope = <T>(value: T): Envelope<T> => ({ ok: true, value });
export const errorEnvelope = (error: ApiErrorBody): Envelope<never> => ({ ok: false, error });
