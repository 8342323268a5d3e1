import { inflateSync, unzipSync } from 'fflate';

export interface ZipEntries {
  files: Map<string, Uint8Array>;
  /** Entries that were damaged and could not be read. */
  skipped: number;
}

export const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/**
 * Reads a zip; when the archive is damaged (a cut download, a bad sector) it walks the local file
 * headers one by one and keeps every entry that still inflates.
 */
export const readZip = (bytes: Uint8Array): ZipEntries => {
  try {
    return { files: new Map(Object.entries(unzipSync(bytes))), skipped: 0 };
  } catch {
    const files = new Map<string, Uint8Array>();
    let skipped = 0;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let offset = 0;
    while (offset + 30 <= bytes.length) {
      if (view.getUint32(offset, true) !== 0x04034b50) {
        offset += 1;
        continue;
      }
      const method = view.getUint16(offset + 8, true);
      const size = view.getUint32(offset + 18, true);
      const nameLength = view.getUint16(offset + 26, true);
      const extraLength = view.getUint16(offset + 28, true);
      const name = new TextDecoder().decode(bytes.subarray(offset + 30, offset + 30 + nameLength));
      const start = offset + 30 + nameLength + extraLength;
      const data = bytes.subarray(start, Math.min(start + size, bytes.length));
      try {
        files.set(name, method === 0 ? data : inflateSync(data));
      } catch {
        skipped += 1;
      }
      offset = start + Math.max(size, 1);
    }
    return { files, skipped };
  }
};
