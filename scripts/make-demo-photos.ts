// Renders the demo shop's product photos (studio-style SVG → 600×600 JPEG) into resources/demo/photos.
// Run: npx tsx scripts/make-demo-photos.ts. The JPEGs are committed; this script shows how they were made.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { demoProducts, type PhotoShape } from '../electron/core/demo/products';

const outDir = path.join(__dirname, '..', 'resources', 'demo', 'photos');

const shade = (hex: string, amount: number): string => {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(amount >= 0 ? c + (255 - c) * amount : c * (1 + amount));
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(mix);
  return `#${(((r ?? 0) << 16) | ((g ?? 0) << 8) | (b ?? 0)).toString(16).padStart(6, '0')}`;
};

/** A horizontal cylinder shading: dark edges, a bright highlight left of centre. */
const cylinder = (id: string, color: string): string => `
  <linearGradient id="${id}" x1="0" x2="1" y1="0" y2="0">
    <stop offset="0" stop-color="${shade(color, -0.45)}"/>
    <stop offset="0.28" stop-color="${shade(color, 0.35)}"/>
    <stop offset="0.42" stop-color="${shade(color, 0.08)}"/>
    <stop offset="0.85" stop-color="${shade(color, -0.3)}"/>
    <stop offset="1" stop-color="${shade(color, -0.5)}"/>
  </linearGradient>`;

const shapes: Record<PhotoShape, (c: string, a: string) => string> = {
  lipstick: () => `
    <rect x="250" y="330" width="100" height="150" rx="8" fill="url(#acc)"/>
    <rect x="262" y="250" width="76" height="90" rx="4" fill="url(#gold)"/>
    <path d="M270 255 L270 160 Q270 130 300 118 L330 140 L330 255 Z" fill="url(#main)"/>`,
  gloss: () => `
    <rect x="262" y="110" width="76" height="130" rx="10" fill="url(#acc)"/>
    <rect x="255" y="235" width="90" height="245" rx="24" fill="url(#main)" opacity="0.95"/>
    <rect x="272" y="250" width="14" height="200" rx="7" fill="#fff" opacity="0.35"/>`,
  tube: () => `
    <path d="M230 140 L370 140 L352 420 L248 420 Z" fill="url(#main)"/>
    <rect x="240" y="120" width="120" height="28" rx="6" fill="url(#main)"/>
    <rect x="258" y="420" width="84" height="60" rx="8" fill="url(#acc)"/>
    <rect x="262" y="230" width="76" height="90" rx="6" fill="#fff" opacity="0.55"/>`,
  mascara: () => `
    <rect x="268" y="90" width="64" height="190" rx="14" fill="url(#acc)"/>
    <rect x="262" y="270" width="76" height="14" fill="url(#gold)"/>
    <rect x="262" y="284" width="76" height="196" rx="14" fill="url(#main)"/>`,
  bottle: () => `
    <rect x="262" y="120" width="76" height="70" rx="8" fill="url(#acc)"/>
    <rect x="282" y="185" width="36" height="30" fill="url(#acc)"/>
    <rect x="215" y="210" width="170" height="270" rx="26" fill="url(#main)"/>
    <rect x="245" y="290" width="110" height="110" rx="8" fill="#fff" opacity="0.6"/>`,
  dropper: () => `
    <ellipse cx="300" cy="135" rx="26" ry="36" fill="url(#acc)"/>
    <rect x="272" y="160" width="56" height="62" rx="6" fill="url(#gold)"/>
    <rect x="228" y="220" width="144" height="260" rx="30" fill="url(#main)"/>
    <rect x="252" y="300" width="96" height="96" rx="6" fill="#fff" opacity="0.6"/>`,
  jar: () => `
    <rect x="170" y="250" width="260" height="70" rx="14" fill="url(#acc)"/>
    <rect x="178" y="318" width="244" height="162" rx="22" fill="url(#main)"/>
    <rect x="230" y="360" width="140" height="70" rx="8" fill="#fff" opacity="0.5"/>`,
  compact: (c) => `
    <ellipse cx="300" cy="400" rx="170" ry="70" fill="url(#acc)"/>
    <ellipse cx="300" cy="385" rx="170" ry="70" fill="${shade(c, -0.5)}"/>
    <ellipse cx="300" cy="380" rx="140" ry="56" fill="url(#main)"/>
    <ellipse cx="260" cy="360" rx="50" ry="16" fill="#fff" opacity="0.25"/>
    <path d="M150 360 Q160 190 300 180 Q440 190 450 360 Z" fill="url(#acc)" opacity="0.95"/>
    <ellipse cx="300" cy="290" rx="110" ry="70" fill="#fff" opacity="0.18"/>`,
  palette: (c) => `
    <rect x="120" y="180" width="360" height="290" rx="22" fill="url(#acc)"/>
    ${[0, 1, 2, 3]
      .flatMap((col) => [0, 1, 2].map((row) => `<rect x="${150 + col * 80}" y="${210 + row * 82}" width="64" height="64" rx="10" fill="${shade(c, (col - 1.5) * 0.18 + (row - 1) * 0.12)}"/>`))
      .join('')}`,
  polish: () => `
    <rect x="268" y="130" width="64" height="140" rx="10" fill="url(#acc)"/>
    <path d="M220 280 Q220 262 240 262 L360 262 Q380 262 380 280 L390 450 Q390 480 360 480 L240 480 Q210 480 210 450 Z" fill="url(#main)"/>
    <rect x="238" y="290" width="16" height="160" rx="8" fill="#fff" opacity="0.35"/>`,
  perfume: () => `
    <rect x="268" y="120" width="64" height="70" rx="6" fill="url(#gold)"/>
    <rect x="285" y="185" width="30" height="30" fill="url(#gold)"/>
    <path d="M190 230 Q190 210 210 210 L390 210 Q410 210 410 230 L420 450 Q420 480 390 480 L210 480 Q180 480 180 450 Z" fill="url(#main)" opacity="0.9"/>
    <rect x="215" y="240" width="22" height="200" rx="11" fill="#fff" opacity="0.4"/>`,
  brushes: (c, a) => `
    ${[0, 1, 2, 3, 4]
      .map((i) => {
        const x = 190 + i * 55;
        return `<g transform="rotate(${(i - 2) * 7} ${x + 15} 480)"><rect x="${x}" y="250" width="30" height="230" rx="10" fill="url(#main)"/><rect x="${x - 2}" y="215" width="34" height="45" fill="url(#gold)"/><path d="M${x - 6} 220 Q${x + 15} ${90 + i * 8} ${x + 36} 220 Z" fill="${shade(a, -0.2 + i * 0.08)}"/></g>`;
      })
      .join('')}`,
};

const svgFor = (shape: PhotoShape, color: string, accent: string, backdrop: string): string => `
<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600">
  <defs>
    <radialGradient id="bg" cx="0.5" cy="0.35" r="0.8">
      <stop offset="0" stop-color="${shade(backdrop, 0.5)}"/>
      <stop offset="1" stop-color="${shade(backdrop, -0.08)}"/>
    </radialGradient>
    <linearGradient id="floor" x1="0" x2="0" y1="0" y2="1">
      <stop offset="0" stop-color="${shade(backdrop, -0.04)}"/>
      <stop offset="1" stop-color="${shade(backdrop, -0.16)}"/>
    </linearGradient>
    <radialGradient id="shadow"><stop offset="0" stop-color="#000" stop-opacity="0.35"/><stop offset="1" stop-color="#000" stop-opacity="0"/></radialGradient>
    ${cylinder('main', color)}
    ${cylinder('acc', accent)}
    ${cylinder('gold', '#c9a24a')}
  </defs>
  <rect width="600" height="600" fill="url(#bg)"/>
  <rect y="430" width="600" height="170" fill="url(#floor)"/>
  <ellipse cx="300" cy="485" rx="190" ry="26" fill="url(#shadow)"/>
  ${shapes[shape](color, accent)}
</svg>`;

const main = async (): Promise<void> => {
  fs.mkdirSync(outDir, { recursive: true });
  for (const product of demoProducts) {
    const { file, shape, color, accent, backdrop } = product.photo;
    const jpeg = await sharp(Buffer.from(svgFor(shape, color, accent, backdrop)))
      .blur(0.6)
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer();
    fs.writeFileSync(path.join(outDir, file), jpeg);
    console.log(`${file} ${(jpeg.length / 1024).toFixed(1)} KB`);
  }
};

void main();
