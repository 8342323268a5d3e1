import sharp from 'sharp';

/** A made-up payment screenshot, drawn like Yape, Plin or a bank app shows one, for the OCR tests. */
export interface ReceiptSpec {
  style: 'yape' | 'plin' | 'bank';
  amount: string;
  payer: string;
  payee: string;
  operation: string;
  date: string;
  time: string;
  font: string;
  /** Phone status bar at the top ("9:41", battery). */
  hasStatusBar: boolean;
  jpegQuality: number;
  /** Cut this many pixels off each side afterwards, as a re-cropped screenshot. */
  crop?: number;
}

const escapeXml = (text: string): string => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

const line = (y: number, text: string, size: number, opts: { fill?: string; weight?: string; font: string; x?: number; anchor?: string }): string =>
  `<text x="${opts.x ?? 195}" y="${y}" font-family="${opts.font}" font-size="${size}" font-weight="${opts.weight ?? 'normal'}" fill="${opts.fill ?? '#222'}" text-anchor="${opts.anchor ?? 'middle'}">${escapeXml(text)}</text>`;

const bodies: Record<ReceiptSpec['style'], (r: ReceiptSpec) => string> = {
  yape: (r) => `
    <rect width="390" height="844" fill="#742284"/>
    <rect x="20" y="120" width="350" height="560" rx="18" fill="#ffffff"/>
    ${line(180, '¡Yapeaste!', 26, { weight: 'bold', fill: '#742284', font: r.font })}
    ${line(250, `S/ ${r.amount}`, 44, { weight: 'bold', font: r.font })}
    ${line(300, r.payee, 20, { font: r.font })}
    ${line(340, `${r.date} - ${r.time}`, 16, { fill: '#555', font: r.font })}
    <line x1="40" y1="380" x2="350" y2="380" stroke="#ddd"/>
    ${line(420, 'DATOS DE LA TRANSACCIÓN', 14, { fill: '#777', font: r.font })}
    ${line(460, `Nro. de operación: ${r.operation}`, 17, { font: r.font })}
    ${line(500, `Yapeado por: ${r.payer}`, 15, { fill: '#555', font: r.font })}
    ${line(640, 'Compartir', 18, { fill: '#00a19b', weight: 'bold', font: r.font })}`,
  plin: (r) => `
    <rect width="390" height="844" fill="#e9f7f8"/>
    <rect x="0" y="60" width="390" height="110" fill="#00b5c4"/>
    ${line(125, 'plin', 40, { weight: 'bold', fill: '#ffffff', font: r.font })}
    ${line(230, 'Pago exitoso', 24, { weight: 'bold', fill: '#0b4f6c', font: r.font })}
    ${line(300, `S/ ${r.amount}`, 42, { weight: 'bold', fill: '#0b4f6c', font: r.font })}
    ${line(370, 'Enviado a', 15, { fill: '#666', font: r.font })}
    ${line(400, r.payee, 20, { font: r.font })}
    ${line(450, 'Desde la cuenta de', 15, { fill: '#666', font: r.font })}
    ${line(480, r.payer, 20, { font: r.font })}
    ${line(540, `Fecha: ${r.date} ${r.time}`, 16, { font: r.font })}
    ${line(580, `Código de operación: ${r.operation}`, 16, { font: r.font })}`,
  bank: (r) => `
    <rect width="390" height="844" fill="#ffffff"/>
    <rect x="0" y="60" width="390" height="80" fill="#002a8d"/>
    ${line(112, 'Banca Móvil', 26, { weight: 'bold', fill: '#ff7800', font: r.font })}
    ${line(200, 'Transferencia exitosa', 22, { weight: 'bold', fill: '#002a8d', font: r.font })}
    ${line(260, 'Monto transferido', 15, { fill: '#666', font: r.font })}
    ${line(305, `S/ ${r.amount}`, 38, { weight: 'bold', font: r.font })}
    ${line(380, 'Titular origen', 15, { x: 30, anchor: 'start', fill: '#666', font: r.font })}
    ${line(405, r.payer, 17, { x: 30, anchor: 'start', font: r.font })}
    ${line(450, 'Cuenta destino', 15, { x: 30, anchor: 'start', fill: '#666', font: r.font })}
    ${line(475, r.payee, 17, { x: 30, anchor: 'start', font: r.font })}
    ${line(520, 'Fecha y hora', 15, { x: 30, anchor: 'start', fill: '#666', font: r.font })}
    ${line(545, `${r.date} ${r.time}`, 17, { x: 30, anchor: 'start', font: r.font })}
    ${line(590, 'Número de operación', 15, { x: 30, anchor: 'start', fill: '#666', font: r.font })}
    ${line(615, r.operation, 17, { x: 30, anchor: 'start', font: r.font })}`,
};

const statusBar = (font: string, dark: boolean): string => `
  ${line(34, '9:41', 16, { x: 28, anchor: 'start', weight: 'bold', fill: dark ? '#fff' : '#111', font })}
  ${line(34, '4G  87%', 14, { x: 362, anchor: 'end', fill: dark ? '#fff' : '#111', font })}
  <rect x="366" y="22" width="18" height="10" rx="2" fill="none" stroke="${dark ? '#fff' : '#111'}"/>`;

export const renderReceipt = async (r: ReceiptSpec): Promise<Buffer> => {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="390" height="844">${bodies[r.style](r)}${r.hasStatusBar ? statusBar(r.font, r.style === 'yape') : ''}</svg>`;
  // A phone screenshot is 2-3× the CSS pixels: render at 2× as a real one would be.
  let image = sharp(Buffer.from(svg), { density: 144 });
  if (r.crop) {
    const c = r.crop;
    image = sharp(await image.png().toBuffer()).extract({ left: c, top: c * 3, width: 780 - 2 * c, height: 1688 - 6 * c });
  }
  return image.jpeg({ quality: r.jpegQuality }).toBuffer();
};

/** Ten receipts of the three styles: amounts, names, operation numbers, fonts, status bars, JPEG quality and a re-crop all vary. */
export const sampleReceipts: ReceiptSpec[] = [
  { style: 'yape', amount: '45.00', payer: 'Lucia Quispe R.', payee: 'Karina Paredes', operation: '03451297', date: '28 nov. 2026', time: '03:15 p. m.', font: 'DejaVu Sans', hasStatusBar: true, jpegQuality: 80 },
  { style: 'yape', amount: '120.50', payer: 'Miguel Angel Torres', payee: 'Karina Paredes', operation: '11827364', date: '27 nov. 2026', time: '09:02 a. m.', font: 'DejaVu Serif', hasStatusBar: false, jpegQuality: 60 },
  { style: 'yape', amount: '8.90', payer: 'Rosa Huaman', payee: 'Karina P.', operation: '90012345', date: '26 nov. 2026', time: '11:47 p. m.', font: 'DejaVu Sans Condensed', hasStatusBar: true, jpegQuality: 45, crop: 24 },
  { style: 'plin', amount: '75.00', payer: 'Carlos Mendoza', payee: 'Karina Paredes', operation: '584920', date: '28/11/2026', time: '10:30', font: 'DejaVu Sans', hasStatusBar: true, jpegQuality: 85 },
  { style: 'plin', amount: '1,250.00', payer: 'Ana Lucia Flores', payee: 'Karina Paredes', operation: '771203', date: '25/11/2026', time: '18:05', font: 'DejaVu Serif', hasStatusBar: true, jpegQuality: 55 },
  { style: 'plin', amount: '33.40', payer: 'Jorge Salas', payee: 'K. Paredes', operation: '302118', date: '28/11/2026', time: '07:55', font: 'DejaVu Sans Mono', hasStatusBar: false, jpegQuality: 70, crop: 30 },
  { style: 'bank', amount: '250.00', payer: 'Patricia Gomez Diaz', payee: 'Ahorros ***4521', operation: '00728341', date: '28/11/2026', time: '15:42', font: 'DejaVu Sans', hasStatusBar: true, jpegQuality: 75 },
  { style: 'bank', amount: '89.90', payer: 'Luis Alberto Rojas', payee: 'Ahorros ***4521', operation: '55102938', date: '27/11/2026', time: '08:13', font: 'DejaVu Serif', hasStatusBar: false, jpegQuality: 50 },
  { style: 'bank', amount: '1,049.00', payer: 'Elena Vargas', payee: 'Ahorros ***4521', operation: '31415926', date: '24/11/2026', time: '21:30', font: 'DejaVu Sans Condensed', hasStatusBar: true, jpegQuality: 65, crop: 20 },
  { style: 'yape', amount: '60', payer: 'Sofia Castillo', payee: 'Karina Paredes', operation: '27182818', date: '28 nov. 2026', time: '12:00 p. m.', font: 'DejaVu Sans Mono', hasStatusBar: true, jpegQuality: 40 },
];
