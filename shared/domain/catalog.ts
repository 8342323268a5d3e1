/** Catalog and stock types shared by the core, the renderer and the tests. Money is integer minor units. */

export const stockReasons = ['initial', 'receive', 'sale', 'stall_sale', 'return', 'adjustment', 'to_stall', 'from_stall'] as const;
export type StockReason = (typeof stockReasons)[number];
/** Where the units are: at home (what online orders sell from) or set aside for the market stall ("en feria"). */
export const stockLocations = ['shop', 'stall'] as const;
export type StockLocation = (typeof stockLocations)[number];
/** Reasons the seller may pick by hand; 'initial' is written only when a variant is created. */
export const manualStockReasons = ['receive', 'sale', 'stall_sale', 'return', 'adjustment'] as const;

export interface Photo {
  id: string;
  url: string;
  thumbUrl: string;
}

export interface Variant {
  id: number;
  productId: number;
  name: string;
  sku: string;
  price: number;
  cost: number | null;
  stock: number;
  isArchived: boolean;
}

export interface Product {
  id: number;
  name: string;
  description: string;
  category: string;
  tags: string[];
  lowStockThreshold: number;
  isArchived: boolean;
  isLowStock: boolean;
  totalStock: number;
  photos: Photo[];
  variants: Variant[];
  createdAt: number;
  updatedAt: number;
}

export interface StockMovement {
  id: number;
  variantId: number;
  delta: number;
  reason: StockReason;
  note: string;
  /** The shop's or the stall's units; balanceAfter is the balance of that place. */
  location: StockLocation;
  balanceAfter: number;
  createdAt: number;
}

/** Why a CSV row cannot be imported, as a code the screen says in the shop's language. */
export const csvIssueCodes = ['required', 'too_long', 'too_many', 'too_big', 'too_small', 'not_a_price', 'not_a_whole_number', 'bad_sku', 'duplicate_sku', 'invalid'] as const;
export type CsvIssueCode = (typeof csvIssueCodes)[number];

export interface CsvRowIssue {
  /** The column of the file (sku, precio, stock…). */
  field: string;
  code: CsvIssueCode;
  /** In English, for API callers; the screen uses code, limit and value. */
  message: string;
  /** The limit passed (characters, items or the largest number), for too_long / too_many / too_big / too_small. */
  limit?: number;
  /** The text that could not be read, shortened, for not_a_price / not_a_whole_number. */
  value?: string;
}

export interface CsvImportRow {
  line: number;
  sku: string;
  productName: string;
  variantName: string;
  action: 'create' | 'update' | 'unchanged' | 'error';
  issues: CsvRowIssue[];
}

export interface CsvImportResult {
  isCommitted: boolean;
  rows: CsvImportRow[];
  counts: { create: number; update: number; unchanged: number; error: number };
}

/** A variant is low when its product's threshold is reached; archived variants never count. */
export const isVariantLow = (stock: number, threshold: number): boolean => stock <= threshold;

/** Used for file names, SKUs suggestions and search keys: lower case, no accents. */
export const foldText = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
