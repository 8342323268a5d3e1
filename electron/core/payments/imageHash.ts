
/**
 * A difference hash (dHash) of a photo: shrunk to a small greyscale grid, each bit says whether a
 * pixel is brighter than its right neighbour. A re-saved, re-compressed or slightly re-cropped
 * screenshot keeps nearly the same bits. Two receipts of the same app share their layout and so
 * nearly their hash too (measured: 3-5 bits apart at 8×8, and finer grids do not separate them
 * from re-crops), so a near hash alone never calls a receipt a copy: see checks.ts.
 */
const WIDTH = 8;
const HEIGHT = 8;

export const imageHash = async (bytes: Buffer): Promise<string> => {
  const { default: sharp } = await import('sharp');
  const { data } = await sharp(bytes).rotate().greyscale().resize(WIDTH + 1, HEIGHT, { fit: 'fill' }).raw().toBuffer({ resolveWithObject: true });
  let bits = '';
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) bits += (data[y * (WIDTH + 1) + x] ?? 0) > (data[y * (WIDTH + 1) + x + 1] ?? 0) ? '1' : '0';
  }
  let hex = '';
  for (let i = 0; i < bits.length; i += 4) hex += Number.parseInt(bits.slice(i, i + 4), 2).toString(16);
  return hex;
};

export const hashDistance = (a: string, b: string): number => {
  if (a.length !== b.length) return Number.POSITIVE_INFINITY;
  let distance = 0;
  for (let i = 0; i < a.length; i++) {
    let x = Number.parseInt(a[i] ?? '0', 16) ^ Number.parseInt(b[i] ?? '0', 16);
    while (x) {
      distance += x & 1;
      x >>= 1;
    }
  }
  return distance;
};

/** Out of 64 bits: re-crops and re-compressions of the sample receipts measured 1-9 (see README). */
export const NEAR_COPY_DISTANCE = 12;
