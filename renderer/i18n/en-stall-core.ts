/** English texts of the stall's stock movements in a product's stock history; merged into en.ts. */
export const enStallCore = {
  'reason.to_stall': 'To the stall',
  'reason.from_stall': 'Back from the stall',
  'stock.atStall': 'at the stall',
};
