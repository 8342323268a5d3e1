import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Metadata } from 'sharp';
import type { Photo } from '../../../shared/domain/catalog';
import { fail } from '../../../shared/api/errors';
import type { Db } from '../db/open';
import { PRIVATE_DIR_MODE } from '../privateFiles';

const THUMB_SIZE = 320;
const MAX_SIDE = 1600;
const MAX_BYTES = 15 * 1024 * 1024;
const formats: Record<string, { ext: string; mime: string }> = {
  jpeg: { ext: 'jpg', mime: 'image/jpeg' },
  png: { ext: 'png', mime: 'image/png' },
  webp: { ext: 'webp', mime: 'image/webp' },
  gif: { ext: 'gif', mime: 'image/gif' },
  avif: { ext: 'avif', mime: 'image/avif' },
  heif: { ext: 'jpg', mime: 'image/jpeg' },
};

export const photoUrls = (id: string, ext: string): Photo => ({
  id,
  url: `/media/${id}.${ext}`,
  thumbUrl: `/media/thumbs/${id}.webp`,
});

export const mediaDirFor = (dataDir: string): string => path.join(dataDir, 'media');

/**
 * Copies a photo into the data dir (content-addressed, so the same photo twice is stored once)
 * and writes a small WebP thumbnail for lists. Large photos are shrunk; originals stay with the seller.
 */
export const storeImage = async (db: Db, mediaDir: string, bytes: Buffer, fileName: string, now: number): Promise<Photo> => {
  if (bytes.length === 0) fail('invalid_input', 'dataBase64: the file is empty', { field: 'dataBase64' });
  if (bytes.length > MAX_BYTES) fail('invalid_input', 'dataBase64: the photo is larger than 15 MB', { field: 'dataBase64' });
  const { default: sharp } = await import('sharp');
  let meta: Metadata;
  try {
    meta = await sharp(bytes).metadata();
  } catch {
    return fail('invalid_input', 'dataBase64: this file is not a photo Chasqui can read (use JPG, PNG or WebP)', {
      field: 'dataBase64',
    });
  }
  const format = formats[meta.format ?? ''];
  if (!format) {
    return fail('invalid_input', `dataBase64: ${meta.format ?? 'unknown'} images are not supported`, { field: 'dataBase64' });
  }
  const id = crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 32);
  const existing = db.prepare<[string], { ext: string }>('SELECT ext FROM media WHERE id = ?').get(id);
  if (existing) return photoUrls(id, existing.ext);

  const isTooBig = (meta.width ?? 0) > MAX_SIDE || (meta.height ?? 0) > MAX_SIDE;
  const needsReencode = isTooBig || meta.format === 'heif';
  const pipeline = sharp(bytes).rotate();
  const original = needsReencode
    ? await pipeline.resize(MAX_SIDE, MAX_SIDE, { fit: 'inside' }).jpeg({ quality: 85 }).toBuffer({ resolveWithObject: true })
    : { data: bytes, info: { width: meta.width ?? 0, height: meta.height ?? 0 } };
  const thumb = await sharp(bytes).rotate().resize(THUMB_SIZE, THUMB_SIZE, { fit: 'cover' }).webp({ quality: 78 }).toBuffer();

  fs.mkdirSync(path.join(mediaDir, 'thumbs'), { recursive: true, mode: PRIVATE_DIR_MODE });
  fs.writeFileSync(path.join(mediaDir, `${id}.${format.ext}`), original.data);
  fs.writeFileSync(path.join(mediaDir, 'thumbs', `${id}.webp`), thumb);
  db.prepare(
    'INSERT OR IGNORE INTO media (id, file_name, ext, mime, width, height, bytes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(id, fileName.slice(0, 200), format.ext, format.mime, original.info.width, original.info.height, original.data.length, now);
  return photoUrls(id, format.ext);
};

/** Resolves a /media/... request path to a file inside the media dir, or null (never escapes the folder). */
export const resolveMediaPath = (mediaDir: string, requestPath: string): string | null => {
  const match = /^\/media\/(thumbs\/)?([a-f0-9]{16,64})\.(jpg|png|webp|gif|avif)$/.exec(requestPath);
  if (!match) return null;
  const file = path.join(mediaDir, match[1] ? 'thumbs' : '', `${match[2]}.${match[3]}`);
  return fs.existsSync(file) ? file : null;
};

export const mimeForPath = (file: string): string =>
  Object.values(formats).find((f) => file.endsWith(`.${f.ext}`))?.mime ?? 'image/webp';
