/**
 * Zip bombs for tests, built by hand so they stay small in memory and on disk: a raw DEFLATE stream
 * of zeros is one literal and then <length 258, distance 1> over and over (13 bits per 258 bytes,
 * the ~1000× that real bombs use). Each entry may declare any size, as a lying bomb does.
 */
export const zerosDeflate = (size: number): Uint8Array => {
  const out = new Uint8Array(Math.ceil(((size / 258) * 13) / 8) + 512);
  let at = 0;
  let acc = 0;
  let held = 0;
  // Bits go least significant first; values are at most 13 bits, so the accumulator never overflows.
  const bits = (value: number, count: number) => {
    acc |= value << held;
    held += count;
    while (held >= 8) {
      out[at++] = acc & 0xff;
      acc >>>= 8;
      held -= 8;
    }
  };
  // Huffman codes go most significant bit first: reversed once.
  const reversed = (value: number, count: number) => {
    let r = 0;
    for (let i = 0; i < count; i += 1) r |= ((value >> i) & 1) << (count - 1 - i);
    return r;
  };
  const literalZero = reversed(0x30, 8);
  const repeat = reversed(0xc5, 8); // length 258, then distance 1 (five zero bits)
  bits(1, 1); // last block
  bits(1, 2); // fixed Huffman codes
  bits(literalZero, 8);
  let written = 1;
  while (written + 258 <= size) {
    bits(repeat, 13);
    written += 258;
  }
  while (written < size) {
    bits(literalZero, 8);
    written += 1;
  }
  bits(0, 7); // end of block
  if (held > 0) out[at++] = acc & 0xff;
  return out.slice(0, at);
};

export interface BombEntry {
  name: string;
  /** Bytes of zeros it really unpacks to. */
  size: number;
  /** What it tells the central directory and local header (defaults to the truth). */
  declaredSize?: number;
}

export const zipOf = (entries: (BombEntry | { name: string; data: Uint8Array })[]): Uint8Array => {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const isStored = 'data' in entry;
    const data = isStored ? entry.data : zerosDeflate(entry.size);
    const declared = isStored ? entry.data.length : (entry.declaredSize ?? entry.size);
    const name = new TextEncoder().encode(entry.name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, isStored ? 0 : 8, true);
    local.setUint32(18, data.length, true);
    local.setUint32(22, declared, true);
    local.setUint16(26, name.length, true);
    const dir = new DataView(new ArrayBuffer(46));
    dir.setUint32(0, 0x02014b50, true);
    dir.setUint16(4, 20, true);
    dir.setUint16(6, 20, true);
    dir.setUint16(10, isStored ? 0 : 8, true);
    dir.setUint32(20, data.length, true);
    dir.setUint32(24, declared, true);
    dir.setUint16(28, name.length, true);
    dir.setUint32(42, offset, true);
    parts.push(new Uint8Array(local.buffer), name, data);
    central.push(new Uint8Array(dir.buffer), name);
    offset += 30 + name.length + data.length;
  }
  const centralSize = central.reduce((sum, part) => sum + part.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  return Buffer.concat([...parts, ...central, new Uint8Array(end.buffer)]);
};
