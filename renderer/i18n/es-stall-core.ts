/** Spanish texts of the stall's stock movements ("en feria") in a product's stock history; merged into es.ts. */
export const esStallCore = {
  'reason.to_stall': 'A feria',
  'reason.from_stall': 'Vuelve de feria',
  'stock.atStall': 'en feria',
};
