import * as s from '../schemas';
import type { CsvImportResult, Photo, Product, StockMovement, Variant } from '../../domain/catalog';
import type { ShopSettings } from '../../domain/settings';
import { read, task, write } from './define';
import type { PrintResult } from './print';

import type { TeamRole } from './team';

export interface AppInfo {
  version: string;
  schemaVersion: number;
  dataDir: string;
  /** The demo shop runs in its own folder, apart from the seller's real data. */
  isDemo: boolean;
  /** The core's clock, so the screen's "today" is the shop's. */
  now: number;
  /** Who is calling: the owner at her computer, or a helper's phone with that person's role (Ajustes › Equipo). */
  role: TeamRole;
  personName: string | null;
}

export const foundationMethods = {
  'app.info': read<AppInfo>()(s.empty),
  /** A copy of the error log (secrets already taken out) in exports/, for the seller to send. */
  'app.exportLog': task<PrintResult>()(s.empty),

  'settings.get': read<ShopSettings>()(s.empty),
  'settings.update': write<ShopSettings>()(s.updateSettingsArgs),

  'media.upload': task<Photo>()(s.uploadMediaArgs),

  /**
   * One page of products and how many match in all (`total`), for lists that load more as she scrolls.
   * A search's count stops at SEARCH_TOTAL_CAP (or just past the page asked for): `isTotalCapped`.
   */
  'catalog.listProducts': read<{ items: Product[]; total: number; isTotalCapped?: boolean; categories: string[] }>()(s.listProductsArgs),
  'catalog.getProduct': read<Product>()(s.empty.extend({ id: s.id })),
  'catalog.createProduct': write<Product>()(s.createProductArgs),
  'catalog.updateProduct': write<Product>()(s.updateProductArgs),
  'catalog.archiveProduct': write<Product>()(s.empty.extend({ id: s.id, isArchived: s.z.boolean().default(true) })),
  'catalog.importCsv': write<CsvImportResult>()(s.importCsvArgs),
  'catalog.exportCsv': read<{ csv: string; fileName: string }>()(s.exportCsvArgs),

  'stock.adjust': write<{ variant: Variant; movement: StockMovement }>()(s.stockAdjustArgs),
  'stock.history': read<{ items: StockMovement[] }>()(s.stockHistoryArgs),
} as const;
