import type { esImports } from './es-imports';

/** English texts of importing files; merged into en.ts. */
export const enImports: Record<keyof typeof esImports, string> = {
  'csvIssue.required': 'is missing',
  'csvIssue.too_long': 'is longer than {limit} characters',
  'csvIssue.too_many': 'has more than {limit}',
  'csvIssue.too_big': 'is more than {limit}',
  'csvIssue.too_small': 'is less than {limit}',
  'csvIssue.not_a_price': '"{value}" is not a price',
  'csvIssue.not_a_whole_number': '"{value}" is not a whole number of 0 or more',
  'csvIssue.bad_sku': 'only letters, digits, ".", "-", "_" and "/", without spaces',
  'csvIssue.duplicate_sku': 'appears twice in the file',
  'csvIssue.invalid': 'is not valid',
};
