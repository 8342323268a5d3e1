/** Spanish texts of importing files (catalog CSV row problems); merged into es.ts. */
export const esImports = {
  'csvIssue.required': 'falta',
  'csvIssue.too_long': 'pasa de {limit} caracteres',
  'csvIssue.too_many': 'pasa de {limit}',
  'csvIssue.too_big': 'pasa de {limit}',
  'csvIssue.too_small': 'es menos de {limit}',
  'csvIssue.not_a_price': '"{value}" no es un precio',
  'csvIssue.not_a_whole_number': '"{value}" no es un número entero de 0 o más',
  'csvIssue.bad_sku': 'solo letras, números, ".", "-", "_" y "/", sin espacios',
  'csvIssue.duplicate_sku': 'está dos veces en el archivo',
  'csvIssue.invalid': 'no es válido',
} as const;
