import sharp from 'sharp';

/** A small real JPEG made on the fly, so tests need no binary fixtures. */
export const makePhotoBase64 = async (color = '#c2185b', size = 64): Promise<string> =>
  (
    await sharp({ create: { width: size, height: size, channels: 3, background: color } })
      .jpeg()
      .toBuffer()
  ).toString('base64');
