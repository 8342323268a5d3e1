import type { z } from 'zod';
import * as s from './schemas';
import type { CsvImportResult, Photo, Product, StockMovement, Variant } from '../domain/catalog';
import type { ShopSettings } from '../domain/settings';

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

const read = method('read');
const write = method('write');
const task = method('task');

export interface AppInfo {
  version: string;
  schemaVersion: number;
  dataDir: string;
}

export const contract = {
  'app.info': read<AppInfo>()(s.empty),

  'settings.get': read<ShopSettings>()(s.empty),
  'settings.update': write<ShopSettings>()(s.updateSettingsArgs),

  'media.upload': task<Photo>()(s.uploadMediaArgs),

  'catalog.listProducts': read<{ items: Product[]; categories: string[] }>()(s.listProductsArgs),
  'catalog.getProduct': read<Product>()(s.empty.extend({ id: s.id })),
  'catalog.createProduct': write<Product>()(s.createProductArgs),
  'catalog.updateProduct': write<Product>()(s.updateProductArgs),
  'catalog.archiveProduct': write<Product>()(s.empty.extend({ id: s.id, isArchived: s.z.boolean().default(true) })),
  'catalog.importCsv': write<CsvImportResult>()(s.importCsvArgs),
  'catalog.exportCsv': read<{ csv: string; fileName: string }>()(s.exportCsvArgs),

  'stock.adjust': write<{ variant: Variant; movement: StockMovement }>()(s.stockAdjustArgs),
  'stock.history': read<{ items: StockMovement[] }>()(s.stockHistoryArgs),
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
}
export type EventName = keyof EventMap;
export type AppEvent = { [E in EventName]: { type: E; payload: EventMap[E] } }[EventName];
