import type * as Fflate from 'fflate';
import { lazyRequire } from '../../lazy';

const fflate = lazyRequire<typeof Fflate>('fflate');
import { fail } from '../../../../shared/api/errors';

/**
 * Reading zips that come from outside (chat exports, shop files) without letting one unpack into
 * gigabytes: only the entries asked for are inflated, the sizes each entry declares are checked
 * first, and inflation stops as soon as an entry grows past what it declared or past the limit
 * (declared sizes can lie). Input is fed to the inflater in small slices, so memory stays bounded.
 */
export interface ZipLimits {
  /** Largest size of one entry once unpacked. */
  maxEntryBytes: number;
  /** Largest size of all the entries read, once unpacked. */
  maxTotalBytes: number;
  /** Largest unpacked / packed ratio for an entry over 1 MB (text packs ~10×, a bomb ~1000×). */
  maxRatio: number;
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Where the packed bytes start. */
  dataOffset: number;
}

export interface ZipEntries {
  files: Map<string, Uint8Array>;
  /** Every entry's name, read or not. */
  names: string[];
  /** Entries that were damaged and could not be read. */
  skipped: number;
}

const MB = 1024 * 1024;
const SLICE = 16 * 1024;
const RATIO_FLOOR = MB;

export const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

const mb = (bytes: number): number => Math.round(bytes / MB);
// Names come from the file: shown shortened, and only ever as text.
const shown = (name: string): string => (name.length > 80 ? `${name.slice(0, 77)}…` : name);

const tooBig = (name: string, limit: number): never =>
  fail('invalid_input', `path: el archivo "${shown(name)}" descomprimido pasa de ${mb(limit)} MB; Chasqui no lo abre`, { field: 'path', details: { entry: name.slice(0, 200), limitBytes: limit } });

const decodeName = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

const localDataOffset = (view: DataView, offset: number): number | null => {
  if (offset + 30 > view.byteLength || view.getUint32(offset, true) !== 0x04034b50) return null;
  return offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
};

/** The entries the central directory lists, or null when it is missing or damaged (a cut download). */
export const listZip = (bytes: Uint8Array): ZipEntry[] | null => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i -= 1) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n += 1) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(offset + 28, true);
    const name = decodeName(bytes.subarray(offset + 46, offset + 46 + nameLength));
    const dataOffset = localDataOffset(view, view.getUint32(offset + 42, true));
    if (dataOffset === null) return null;
    // Zip64 (0xFFFFFFFF) sizes are far past any limit here: kept as they are, so they are refused.
    entries.push({ name, method: view.getUint16(offset + 10, true), compressedSize: view.getUint32(offset + 20, true), size: view.getUint32(offset + 24, true), dataOffset });
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
};

/** Walks the local headers one by one: what a damaged zip still holds. */
const walkLocalHeaders = (bytes: Uint8Array): ZipEntry[] => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries: ZipEntry[] = [];
  let offset = 0;
  while (offset + 30 <= bytes.length) {
    if (view.getUint32(offset, true) !== 0x04034b50) {
      offset += 1;
      continue;
    }
    const nameLength = view.getUint16(offset + 26, true);
    const dataOffset = localDataOffset(view, offset) ?? offset + 30;
    const compressedSize = view.getUint32(offset + 18, true);
    entries.push({ name: decodeName(bytes.subarray(offset + 30, offset + 30 + nameLength)), method: view.getUint16(offset + 8, true), compressedSize, size: view.getUint32(offset + 22, true), dataOffset });
    offset = dataOffset + Math.max(compressedSize, 1);
  }
  return entries;
};

/** Refuses, before inflating anything, what the entries say they would unpack to. */
export const checkDeclared = (entries: ZipEntry[], limits: ZipLimits): void => {
  let total = 0;
  for (const entry of entries) {
    if (entry.size > limits.maxEntryBytes) tooBig(entry.name, limits.maxEntryBytes);
    if (entry.size > RATIO_FLOOR && entry.size > Math.max(entry.compressedSize, 1) * limits.maxRatio) tooBig(entry.name, Math.max(RATIO_FLOOR, entry.compressedSize * limits.maxRatio));
    total += entry.size;
    if (total > limits.maxTotalBytes) tooBig(entry.name, limits.maxTotalBytes);
  }
};

/**
 * Unpacks one entry slice by slice into sink, never past its declared size nor the limit.
 * Returns false when the entry is damaged (bad data, unknown method).
 */
export const inflateEntry = (bytes: Uint8Array, entry: ZipEntry, limit: number, sink: (chunk: Uint8Array) => void): boolean => {
  const data = bytes.subarray(entry.dataOffset, Math.min(entry.dataOffset + entry.compressedSize, bytes.length));
  const allowed = Math.min(entry.size, limit);
  let written = 0;
  const take = (chunk: Uint8Array) => {
    written += chunk.length;
    if (written > limit) tooBig(entry.name, limit);
    // More than it declared: the zip lies about its sizes, as a bomb does.
    if (written > allowed) fail('invalid_input', `path: el archivo "${shown(entry.name)}" descomprimido es más grande de lo que dice el .zip; Chasqui no lo abre`, { field: 'path', details: { entry: entry.name.slice(0, 200) } });
    sink(chunk);
  };
  try {
    if (entry.method === 0) {
      take(data);
      return true;
    }
    if (entry.method !== 8) return false;
    if (data.length === 0) return false;
    const inflater = new (fflate().Inflate)((chunk) => take(chunk));
    for (let i = 0; i < data.length; i += SLICE) inflater.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
    return written === entry.size || entry.size === 0;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'invalid_input') throw error;
    return false;
  }
};

/**
 * Reads the entries isWanted picks, within the limits; the others are only named. A damaged archive
 * (a cut download, a bad sector) gives every wanted entry that still inflates.
 */
export const readZip = (bytes: Uint8Array, isWanted: (name: string) => boolean, limits: ZipLimits): ZipEntries => {
  const listed = listZip(bytes);
  const entries = listed ?? walkLocalHeaders(bytes);
  const wanted = entries.filter((entry) => !entry.name.endsWith('/') && isWanted(entry.name));
  checkDeclared(wanted, limits);
  const files = new Map<string, Uint8Array>();
  let skipped = 0;
  let total = 0;
  for (const entry of wanted) {
    const chunks: Uint8Array[] = [];
    const isRead = inflateEntry(bytes, entry, Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total), (chunk) => chunks.push(chunk.slice()));
    if (!isRead) {
      skipped += 1;
      continue;
    }
    const data = chunks.length === 1 ? (chunks[0] ?? new Uint8Array()) : Buffer.concat(chunks);
    total += data.length;
    files.set(entry.name, data);
  }
  return { files, names: entries.map((entry) => entry.name), skipped };
};
