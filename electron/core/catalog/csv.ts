import Papa from 'papaparse';
import { fail } from '../../../shared/api/errors';
import { isFormulaLike, recordsToCsv } from '../../../shared/csv';
import { foldText, type CsvImportResult, type CsvImportRow, type CsvRowIssue } from '../../../shared/domain/catalog';
import { minorToDecimal, parseMoney } from '../../../shared/domain/money';
import type { CoreContext } from '../context';
import { readSettings } from '../settings/repo';
import { checkRowAgainstApi, unreadable } from './csvRowCheck';
import { recordMovement } from '../stock/repo';
import * as repo from './repo';
import { shopDate } from '../../../shared/domain/time';

/** Column names as written on export, with the other spellings sellers use accepted on import. */
const columns = {
  sku: ['sku', 'codigo', 'code'],
  product: ['producto', 'product', 'nombre', 'name'],
  variant: ['variante', 'variant', 'color', 'talla'],
  category: ['categoria', 'category'],
  price: ['precio', 'price'],
  cost: ['costo', 'cost'],
  stock: ['stock', 'cantidad', 'quantity'],
  lowStock: ['stock_minimo', 'low_stock', 'minimo'],
  tags: ['etiquetas', 'tags'],
  description: ['descripcion', 'description'],
} as const;
type Column = keyof typeof columns;

const headerToColumn = (header: string): Column | undefined => {
  const key = foldText(header).trim().replace(/\s+/g, '_');
  return (Object.keys(columns) as Column[]).find((column) => columns[column].some((alias) => alias === key));
};

interface ParsedRow {
  line: number;
  sku: string;
  product: string;
  variant: string;
  category: string;
  price: number | null;
  cost: number | null;
  stock: number | null;
  lowStock: number | null;
  tags: string[];
  description: string;
  issues: CsvRowIssue[];
}

const parseCount = (text: string, field: string, issues: CsvRowIssue[]): number | null => {
  if (text === '') return null;
  if (!/^\d+$/.test(text)) {
    issues.push(unreadable(field, 'not_a_whole_number', text));
    return null;
  }
  return Number(text);
};

/** Our writer puts an apostrophe before formula-like text; reading our own export back takes it off. */
const unescapeFormula = (text: string): string => (text.startsWith("'") && isFormulaLike(text.slice(1)) ? text.slice(1) : text);

const readRows = (csv: string, currency: string): ParsedRow[] => {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (header) => headerToColumn(header) ?? `ignored:${header}`,
  });
  const fields = parsed.meta.fields ?? [];
  for (const required of ['sku', 'product', 'price'] as const) {
    if (!fields.includes(required)) {
      fail('invalid_input', `csv: the header has no "${columns[required][0]}" column`, { field: 'csv' });
    }
  }
  return parsed.data.map((record, index) => {
    const get = (column: Column): string => unescapeFormula(record[column] ?? '').trim();
    const issues: CsvRowIssue[] = [];
    const price = parseMoney(get('price'), currency);
    if (price === null || price < 0) issues.push(unreadable('precio', 'not_a_price', get('price')));
    const costText = get('cost');
    const cost = costText === '' ? null : parseMoney(costText, currency);
    if (costText !== '' && (cost === null || cost < 0)) issues.push(unreadable('costo', 'not_a_price', costText));
    const row = {
      line: index + 2,
      sku: get('sku'),
      product: get('product'),
      variant: get('variant'),
      category: get('category'),
      price,
      cost,
      stock: parseCount(get('stock'), 'stock', issues),
      lowStock: parseCount(get('lowStock'), 'stock_minimo', issues),
      tags: get('tags')
        .split(/[,;|]/)
        .map((tag) => tag.trim())
        .filter(Boolean),
      description: get('description'),
      issues,
    };
    // The same limits as catalog.createProduct: what the API refuses, a file cannot bring in.
    const apiIssues = checkRowAgainstApi({ ...row, price: price !== null && price >= 0 ? price : 0, cost: cost !== null && cost >= 0 ? cost : null, stock: row.stock ?? 0 });
    // One problem per column is enough to fix it: the tightest (zod may add "not a safe integer" to "more than 1,000,000").
    for (const issue of apiIssues.sort((a, b) => (a.limit ?? Infinity) - (b.limit ?? Infinity))) if (!issues.some((known) => known.field === issue.field)) issues.push(issue);
    return row;
  });
};

const planRow = (ctx: CoreContext, row: ParsedRow, seenSkus: Set<string>): CsvImportRow => {
  const base = { line: row.line, sku: row.sku, productName: row.product, variantName: row.variant };
  const key = row.sku.toLowerCase();
  if (row.sku && seenSkus.has(key)) row.issues.push({ field: 'sku', code: 'duplicate_sku', message: 'appears twice in the file' });
  seenSkus.add(key);
  if (row.issues.length > 0) return { ...base, action: 'error', issues: row.issues };
  const existing = repo.findVariantBySku(ctx.db, row.sku);
  if (!existing) return { ...base, action: 'create', issues: [] };
  const product = repo.getProduct(ctx.db, existing.productId);
  const isSame =
    existing.name === row.variant &&
    existing.price === row.price &&
    (row.cost === null || existing.cost === row.cost) &&
    (row.stock === null || existing.stock === row.stock) &&
    product.name === row.product &&
    (!row.category || product.category === row.category) &&
    !existing.isArchived;
  return { ...base, action: isSame ? 'unchanged' : 'update', issues: [] };
};

const applyRow = (ctx: CoreContext, row: ParsedRow, plan: CsvImportRow, newProducts: Map<string, number>, threshold: number): void => {
  const now = ctx.now();
  const price = row.price ?? 0;
  if (plan.action === 'create') {
    const nameKey = foldText(row.product);
    let productId = newProducts.get(nameKey);
    if (productId === undefined) {
      productId = repo.insertProduct(
        ctx.db,
        { name: row.product, description: row.description, category: row.category, tags: row.tags, lowStockThreshold: row.lowStock ?? threshold },
        now,
      );
      newProducts.set(nameKey, productId);
    }
    const variantId = repo.insertVariant(ctx.db, productId, { name: row.variant, sku: row.sku, price, cost: row.cost, position: row.line }, 'csv');
    if (row.stock) recordMovement(ctx.db, { variantId, delta: row.stock, reason: 'initial', note: 'CSV', now });
    return;
  }
  const variant = repo.findVariantBySku(ctx.db, row.sku);
  if (!variant) return;
  const product = repo.getProduct(ctx.db, variant.productId);
  repo.updateProductRow(
    ctx.db,
    product.id,
    {
      name: row.product,
      description: row.description || product.description,
      category: row.category || product.category,
      tags: row.tags.length > 0 ? row.tags : product.tags,
      lowStockThreshold: row.lowStock ?? product.lowStockThreshold,
    },
    now,
  );
  repo.updateVariantRow(ctx.db, variant.id, { name: row.variant, sku: row.sku, price, cost: row.cost ?? variant.cost, position: row.line }, 'csv');
  if (row.stock !== null && row.stock !== variant.stock) {
    recordMovement(ctx.db, { variantId: variant.id, delta: row.stock - variant.stock, reason: 'adjustment', note: 'CSV', now });
  }
};

export const importCatalogCsv = (
  ctx: CoreContext,
  args: { csv: string; mode: 'preview' | 'commit'; skipInvalid: boolean },
): CsvImportResult => {
  const settings = readSettings(ctx.db);
  const rows = readRows(args.csv, settings.currency);
  if (rows.length === 0) fail('invalid_input', 'csv: the file has no product rows', { field: 'csv' });
  const seen = new Set<string>();
  const plans = rows.map((row) => planRow(ctx, row, seen));
  const counts = { create: 0, update: 0, unchanged: 0, error: 0 };
  for (const plan of plans) counts[plan.action] += 1;
  if (args.mode === 'preview') return { isCommitted: false, rows: plans, counts };
  if (counts.error > 0 && !args.skipInvalid) {
    fail('invalid_input', `csv: ${counts.error} rows have errors; fix them or choose to skip them`, {
      field: 'csv',
      details: { errorLines: plans.filter((p) => p.action === 'error').map((p) => p.line) },
    });
  }
  const newProducts = new Map<string, number>();
  rows.forEach((row, i) => {
    const plan = plans[i];
    if (plan && (plan.action === 'create' || plan.action === 'update')) {
      applyRow(ctx, row, plan, newProducts, settings.defaultLowStockThreshold);
    }
  });
  return { isCommitted: true, rows: plans, counts };
};

export const exportCatalogCsv = (ctx: CoreContext, includeArchived: boolean): { csv: string; fileName: string } => {
  const { currency, timeZone } = readSettings(ctx.db);
  const products = repo.listAllProducts(ctx.db).filter((p) => includeArchived || !p.isArchived);
  const data = products.flatMap((p) =>
    p.variants
      .filter((v) => includeArchived || !v.isArchived)
      .map((v) => ({
        sku: v.sku,
        producto: p.name,
        variante: v.name,
        categoria: p.category,
        precio: minorToDecimal(v.price, currency),
        costo: v.cost === null ? '' : minorToDecimal(v.cost, currency),
        stock: v.stock,
        stock_minimo: p.lowStockThreshold,
        etiquetas: p.tags.join(', '),
        descripcion: p.description,
      })),
  );
  const header = ['sku', 'producto', 'variante', 'categoria', 'precio', 'costo', 'stock', 'stock_minimo', 'etiquetas', 'descripcion'];
  const date = shopDate(ctx.now(), timeZone);
  return { csv: recordsToCsv(data, header), fileName: `catalogo-${date}.csv` };
};
