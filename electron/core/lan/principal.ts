import type { MethodName } from '../../../shared/api/contract';
import { deliveryScope } from '../../../shared/api/methods/lan';

/**
 * Who is calling. The seller's own shells are the owner; a paired phone is a device with a role;
 * someone on the home network who has not paired yet may only try a code, and is known by the
 * address the connection came from (never by anything the request says about itself).
 */
export type Principal =
  | { kind: 'owner' }
  | { kind: 'device'; deviceId: number; role: DeviceRole }
  | { kind: 'stranger'; source: string };

export type DeviceRole = 'delivery';

export const ownerPrincipal: Principal = { kind: 'owner' };

/** Role × method: what each kind of caller may call at all. The handlers then check the records. */
const methodsOf: Record<DeviceRole | 'stranger', ReadonlySet<MethodName>> = {
  delivery: new Set<MethodName>(deliveryScope),
  stranger: new Set<MethodName>(['lan.pair']),
};

export const mayCall = (principal: Principal, method: MethodName): boolean => {
  if (principal.kind === 'owner') return true;
  return methodsOf[principal.kind === 'device' ? principal.role : 'stranger'].has(method);
};

/** The device behind a call, or null for the seller herself. */
export const deviceOf = (principal: Principal): number | null => (principal.kind === 'device' ? principal.deviceId : null);
