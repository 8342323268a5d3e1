import type { z } from 'zod';
import type { ShopSettings } from '../domain/settings';
import type { ChannelState } from '../domain/channels';
import type { MethodDef, MethodKind } from './methods/define';
import { foundationMethods } from './methods/foundation';
import { orderMethods } from './methods/orders';
import { backupMethods } from './methods/backup';
import { reportMethods } from './methods/reports';
import { promotionMethods } from './methods/promotions';
import { printMethods } from './methods/print';
import { inboxMethods } from './methods/inbox';
import { customerLinkMethods, customerMethods } from './methods/customers';
import { deliveryMethods } from './methods/deliveries';
import { shopMethods } from './methods/shop';
import { lanMethods } from './methods/lan';
import { teamMethods } from './methods/team';
import { desktopMethods } from './methods/desktop';
import { channelMethods } from './methods/channels';
import { broadcastMethods } from './methods/broadcasts';
import { liveMethods } from './methods/lives';
import { browserMethods } from './methods/browsers';
import { quickMethods } from './methods/quick';
import { boardMethods } from './methods/board';
import { aliasMethods } from './methods/aliases';
import { paymentMethods } from './methods/payments';
import { stallMethods } from './methods/stall';

export type { MethodDef, MethodKind } from './methods/define';
export type { AppInfo } from './methods/foundation';

/** Every method of the API. Each domain declares its methods in methods/<domain>.ts. */
export const contract = {
  ...foundationMethods,
  ...orderMethods,
  ...backupMethods,
  ...reportMethods,
  ...promotionMethods,
  ...printMethods,
  ...inboxMethods,
  ...customerMethods,
  ...customerLinkMethods,
  ...deliveryMethods,
  ...shopMethods,
  ...lanMethods,
  ...teamMethods,
  ...desktopMethods,
  ...channelMethods,
  ...browserMethods,
  ...broadcastMethods,
  ...liveMethods,
  ...quickMethods,
  ...boardMethods,
  ...aliasMethods,
  ...paymentMethods,
  ...stallMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodArgs<M extends MethodName> = z.input<Contract[M]['args']>;
export type ParsedArgs<M extends MethodName> = z.output<Contract[M]['args']>;
export type MethodResult<M extends MethodName> =
  Contract[M] extends MethodDef<z.ZodType, infer R, MethodKind> ? R : never;

export const isMethodName = (name: string): name is MethodName => Object.hasOwn(contract, name);

/** Events pushed to every window and browser tab (IPC send / Server-Sent Events). */
export interface EventMap {
  'catalog.changed': { productIds: number[] };
  'stock.changed': { variantId: number; productId: number; stock: number; isLowStock: boolean };
  'settings.changed': ShopSettings;
  'orders.changed': { orderIds: number[] };
  'backup.progress': { id: string; percent: number };
  'promotions.changed': { promotionIds: number[] };
  'inbox.message': { conversationId: number; messageId: number };
  'channels.status': ChannelState;
  /** A send of a broadcast changed state; fetch broadcasts.get for the figures. */
  'broadcasts.progress': { broadcastId: number; status: string };
  'live.claim': { liveId: number; claimId: number };
  'live.changed': { liveId: number };
  /** A follow-up was marked done or snoozed; read followUps.list again. */
  'followUps.changed': Record<string, never>;
  /** Stall units moved, a stall sale synced or a conflict settled: read stall.stock / stall.conflicts again. */
  'stall.changed': { variantIds: number[]; openConflicts: number };
  /** How far the OCR of a payment photo has got (0…1). */
  'payments.ocrProgress': { mediaId: string; progress: number };
  /** From the desktop's menu or a notification: do what the matching shortcut or link does. */
  'app.command': { command: 'new-order' | 'new-product' | 'search' | 'open'; hash?: string };
}
export type EventName = keyof EventMap;
export type AppEvent = { [E in EventName]: { type: E; payload: EventMap[E] } }[EventName];
