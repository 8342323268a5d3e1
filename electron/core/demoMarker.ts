/** Written by the demo seed: this data folder holds the demo shop, apart from any real shop. */
export const DEMO_MARKER = 'demo-shop.txt';
