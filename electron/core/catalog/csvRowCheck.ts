import type { z } from 'zod';
import { createProductArgs } from '../../../shared/api/schemas';
import type { CsvIssueCode, CsvRowIssue } from '../../../shared/domain/catalog';

/** A CSV row as the API would receive it from catalog.createProduct, so it meets the same limits. */
export interface RowCandidate {
  product: string;
  variant: string;
  sku: string;
  category: string;
  description: string;
  tags: string[];
  price: number;
  cost: number | null;
  stock: number;
  lowStock: number | null;
}

const columnOf: Record<string, string> = {
  name: 'producto',
  description: 'descripcion',
  category: 'categoria',
  tags: 'etiquetas',
  lowStockThreshold: 'stock_minimo',
  sku: 'sku',
  price: 'precio',
  cost: 'costo',
  initialStock: 'stock',
};

const fieldOf = (path: PropertyKey[]): string => {
  // variants.0.<key>: the variant's own columns; a variant's name is the "variante" column.
  if (path[0] === 'variants') return path[2] === 'name' ? 'variante' : (columnOf[String(path[2])] ?? 'variante');
  return columnOf[String(path[0])] ?? String(path[0]);
};

const issueOf = (issue: z.core.$ZodIssue): CsvRowIssue => {
  const field = fieldOf(issue.path);
  const make = (code: CsvIssueCode, message: string, limit?: number): CsvRowIssue => ({ field, code, message, ...(limit === undefined ? {} : { limit }) });
  if (issue.code === 'too_small') return issue.origin === 'string' ? make('required', 'is required') : make('too_small', `is less than ${Number(issue.minimum)}`, Number(issue.minimum));
  if (issue.code === 'too_big') {
    const limit = Number(issue.maximum);
    if (issue.origin === 'string') return make('too_long', `is longer than ${limit} characters`, limit);
    if (issue.origin === 'array') return make('too_many', `has more than ${limit} items`, limit);
    return make('too_big', `is more than ${limit}`, limit);
  }
  if (issue.code === 'invalid_format' && field === 'sku') return make('bad_sku', issue.message);
  return make('invalid', issue.message);
};

export const checkRowAgainstApi = (row: RowCandidate): CsvRowIssue[] => {
  const result = createProductArgs.safeParse({
    name: row.product,
    description: row.description,
    category: row.category,
    tags: row.tags,
    ...(row.lowStock === null ? {} : { lowStockThreshold: row.lowStock }),
    variants: [{ name: row.variant, sku: row.sku, price: row.price, cost: row.cost, initialStock: row.stock }],
  });
  return result.success ? [] : result.error.issues.map(issueOf);
};

/** A cell that should be a number but is not, shortened for the preview. */
export const unreadable = (field: string, code: 'not_a_price' | 'not_a_whole_number', text: string): CsvRowIssue => {
  const value = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  return { field, code, value, message: code === 'not_a_price' ? `"${value}" is not a price` : `"${value}" is not a whole number of 0 or more` };
};
