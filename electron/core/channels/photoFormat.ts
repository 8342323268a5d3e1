import type { OutgoingPhoto } from './adapter';

/**
 * A photo in a format the network takes: stored photos may be WebP or AVIF, which Messenger and
 * Instagram direct do not accept, so those go out as JPEG (sharp, already used for the photo store).
 */
export const photoAs = async (photo: OutgoingPhoto, accepted: readonly string[]): Promise<OutgoingPhoto> => {
  if (accepted.includes(photo.mime)) return photo;
  const { default: sharp } = await import('sharp');
  const bytes = await sharp(photo.bytes).rotate().jpeg({ quality: 88 }).toBuffer();
  return { bytes, mime: 'image/jpeg', fileName: photo.fileName.replace(/\.[a-z0-9]+$/i, '') + '.jpg' };
};
