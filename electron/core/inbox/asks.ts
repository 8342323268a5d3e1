import { fold } from '../orders/parse/normalize';

/** "¿a cuánto?", "¿tienes el nude?", "precio porfa": a question about a price or a product. */
export const asksPriceOrProduct = (text: string): boolean => {
  const folded = fold(text.slice(0, 1000));
  return /\b(precio|precios|cuanto|cuesta|cuestan|costo|vale|valen|a como|tienes|tienen|hay|stock|disponible|catalogo|colores|tallas)\b/.test(folded);
};
