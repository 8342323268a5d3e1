import fs from 'node:fs';
import path from 'node:path';
import type QRCodeLibrary from 'qrcode';
import type { Db } from '../db/open';

export type Pdf = PDFKit.PDFDocument;

export const paperSizes = { A4: [595.28, 841.89], Letter: [612, 792] } as const;
export type Paper = keyof typeof paperSizes;

export const palette = { ink: '#2b2326', muted: '#6f6368', brand: '#b0305a', soft: '#fbe9ef', line: '#eadfe0' } as const;

/** A document with the shipped fonts, so accents, ñ and "S/" print the same on every computer. */
export const createPdf = async (resourcesDir: string, paper: Paper, title: string): Promise<Pdf> => {
  const [{ default: PDFDocument }, { default: qr }] = await Promise.all([import('pdfkit'), import('qrcode')]);
  // drawQr draws on a document, so it runs only after this has loaded the QR library.
  qrLibrary = qr;
  const doc = new PDFDocument({ size: [...paperSizes[paper]], margin: 36, info: { Title: title, Creator: 'Chasqui' }, compress: true });
  doc.registerFont('regular', path.join(resourcesDir, 'fonts', 'DejaVuSans.ttf'));
  doc.registerFont('bold', path.join(resourcesDir, 'fonts', 'DejaVuSans-Bold.ttf'));
  doc.font('regular').fillColor(palette.ink);
  return doc;
};

export const pdfToBuffer = (doc: Pdf): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });

/** pdfkit, qrcode and sharp load with the first document or photo, not with the app (see lazy.ts). */
let qrLibrary: typeof QRCodeLibrary | undefined;

export const qrPng = async (text: string, size = 300): Promise<Buffer> =>
  (await import('qrcode')).default.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: size, color: { dark: '#2b2326', light: '#ffffff' } });

/** A product photo as a small JPEG pdfkit can embed (it reads no WebP), or null when there is none. */
export const photoJpeg = async (mediaDir: string, photoUrl: string | null, size: number): Promise<Buffer | null> => {
  if (!photoUrl) return null;
  const file = path.join(mediaDir, path.basename(photoUrl));
  if (!fs.existsSync(file)) return null;
  const { default: sharp } = await import('sharp');
  return sharp(file).resize(size, size, { fit: 'cover' }).flatten({ background: '#ffffff' }).jpeg({ quality: 78 }).toBuffer();
};

/** A soft placeholder with the product's initial where a photo is missing. */
export const drawPlaceholder = (doc: Pdf, x: number, y: number, size: number, name: string): void => {
  doc.save().roundedRect(x, y, size, size, 8).fill(palette.soft).restore();
  doc.font('bold').fontSize(size * 0.4).fillColor(palette.brand).text(name.slice(0, 1).toUpperCase(), x, y + size * 0.28, { width: size, align: 'center' });
  doc.fillColor(palette.ink).font('regular');
};

export const slug = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40) || 'archivo';

/** The shop's logo as a JPEG on white, or null when she has none. */
export const logoJpeg = async (db: Db, mediaDir: string, logoMediaId: string): Promise<Buffer | null> => {
  if (!logoMediaId) return null;
  const ext = db.prepare<[string], { ext: string }>('SELECT ext FROM media WHERE id = ?').get(logoMediaId)?.ext;
  const file = ext ? path.join(mediaDir, `${logoMediaId}.${ext}`) : '';
  if (!ext || !fs.existsSync(file)) return null;
  const { default: sharp } = await import('sharp');
  return sharp(file).resize(200, 200, { fit: 'contain', background: '#ffffff' }).flatten({ background: '#ffffff' }).jpeg({ quality: 85 }).toBuffer();
};

/**
 * A QR code drawn as vector squares, so every module prints sharp at any size or resolution
 * (an embedded bitmap gets resampled into uneven modules). Returns the number of modules a side.
 */
export const drawQr = (doc: Pdf, text: string, x: number, y: number, size: number, errorCorrectionLevel: 'L' | 'M' = 'M'): number => {
  if (!qrLibrary) throw new Error('drawQr needs a document from createPdf');
  const { modules } = qrLibrary.create(text, { errorCorrectionLevel });
  const cell = size / modules.size;
  doc.save().rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < modules.size; row += 1) {
    for (let col = 0; col < modules.size; col += 1) {
      // A hair of overlap so neighbouring squares print as one dark area, without hairline gaps.
      if (modules.get(row, col)) doc.rect(x + col * cell, y + row * cell, cell + 0.05, cell + 0.05);
    }
  }
  doc.fill('#000000').restore();
  return modules.size;
};

/** The largest font size (down to `min`) at which one line of text fits the width. */
export const fitFontSize = (doc: Pdf, text: string, font: 'regular' | 'bold', max: number, width: number, min = 6): number => {
  doc.font(font).fontSize(max);
  const measured = doc.widthOfString(text);
  return measured <= width ? max : Math.max(min, Math.floor(((max * width) / measured) * 10) / 10);
};
