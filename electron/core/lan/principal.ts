import type { MethodName } from '../../../shared/api/contract';
import { isAllowedFor } from '../../../shared/api/access';
import type { TeamRole } from '../../../shared/api/methods/team';

/**
 * Who is calling. The seller's own shells are the owner; a paired phone or browser belongs to a
 * person of her team and has that person's role; someone on the home network who has not paired yet
 * may only try a code, and is known by the address the connection came from (never by anything the
 * request says about itself).
 */
export type Principal =
  | { kind: 'owner' }
  | { kind: 'device'; deviceId: number; role: TeamRole; personId: number | null }
  | { kind: 'stranger'; source: string };

export const ownerPrincipal: Principal = { kind: 'owner' };

/** Role × method (shared/api/access.ts): what each kind of caller may call at all. The handlers then check the records. */
export const mayCall = (principal: Principal, method: MethodName): boolean => {
  if (principal.kind === 'owner') return true;
  if (principal.kind === 'stranger') return method === 'lan.pair';
  return isAllowedFor(principal.role, method);
};

/** The device behind a call, or null for the seller herself. */
export const deviceOf = (principal: Principal): number | null => (principal.kind === 'device' ? principal.deviceId : null);

/** A delivery phone: its calls are limited to today's stops. */
export const isDeliveryPhone = (principal: Principal): boolean => principal.kind === 'device' && principal.role === 'delivery';

/** The person whose name goes on what this call records; null for the owner at her own computer. */
export const personOf = (principal: Principal): number | null => (principal.kind === 'device' ? principal.personId : null);
