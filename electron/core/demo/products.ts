/** The demo shop's catalog: a Lima cosmetics seller. Prices in céntimos (PEN). */

export type PhotoShape = 'lipstick' | 'gloss' | 'bottle' | 'dropper' | 'jar' | 'tube' | 'compact' | 'palette' | 'polish' | 'mascara' | 'perfume' | 'brushes';

export interface DemoVariant {
  name: string;
  sku: string;
  price: number;
  cost: number;
  stock: number;
}

export interface DemoProduct {
  name: string;
  category: string;
  tags: string[];
  description: string;
  lowStockThreshold: number;
  photo: { file: string; shape: PhotoShape; color: string; accent: string; backdrop: string };
  variants: DemoVariant[];
}

const v = (name: string, sku: string, price: number, stock: number, cost = Math.round(price * 0.55)): DemoVariant => ({ name, sku, price, cost, stock });

export const demoProducts: DemoProduct[] = [
  { name: 'Labial mate Rojo Pasión', category: 'Labios', tags: ['labial', 'mate', 'larga duración'], description: 'Labial mate de larga duración, no reseca. 3,5 g.', lowStockThreshold: 3,
    photo: { file: 'labial-mate.jpg', shape: 'lipstick', color: '#b3122e', accent: '#1f1f24', backdrop: '#f6e3e0' },
    variants: [v('Rojo Pasión', 'LAB-MAT-ROJ', 2500, 14), v('Nude Canela', 'LAB-MAT-NUD', 2500, 2), v('Vino Tinto', 'LAB-MAT-VIN', 2500, 7)] },
  { name: 'Labial líquido Terracota', category: 'Labios', tags: ['labial', 'líquido'], description: 'Acabado aterciopelado, fijación de 12 horas.', lowStockThreshold: 3,
    photo: { file: 'labial-liquido.jpg', shape: 'gloss', color: '#a4553a', accent: '#d8c3a5', backdrop: '#f3e6da' },
    variants: [v('Terracota', 'LAB-LIQ-TER', 2900, 9), v('Rosa Viejo', 'LAB-LIQ-ROS', 2900, 5)] },
  { name: 'Brillo labial Cristal', category: 'Labios', tags: ['gloss', 'brillo'], description: 'Gloss con efecto volumen y aroma a vainilla.', lowStockThreshold: 4,
    photo: { file: 'brillo-labial.jpg', shape: 'gloss', color: '#f2a7b8', accent: '#f5f5f5', backdrop: '#fbeef2' },
    variants: [v('Transparente', 'GLO-CRI-TRA', 1800, 20), v('Rosado', 'GLO-CRI-ROS', 1800, 11)] },
  { name: 'Bálsamo labial de cacao', category: 'Labios', tags: ['bálsamo', 'hidratante'], description: 'Con manteca de cacao peruano.', lowStockThreshold: 5,
    photo: { file: 'balsamo.jpg', shape: 'tube', color: '#7b4a2d', accent: '#e9d3b7', backdrop: '#efe4d6' },
    variants: [v('Único', 'BAL-CAC', 900, 3)] },
  { name: 'Máscara de pestañas Volumen Total', category: 'Ojos', tags: ['rímel', 'máscara', 'pestañas'], description: 'Rímel a prueba de agua, volumen desde la primera capa.', lowStockThreshold: 3,
    photo: { file: 'rimel.jpg', shape: 'mascara', color: '#141418', accent: '#c9a04a', backdrop: '#e6e4ee' },
    variants: [v('Negro', 'RIM-VOL-NEG', 3200, 12), v('Marrón', 'RIM-VOL-MAR', 3200, 4)] },
  { name: 'Delineador líquido Punta Fina', category: 'Ojos', tags: ['delineador', 'eyeliner'], description: 'Trazo preciso, secado rápido.', lowStockThreshold: 3,
    photo: { file: 'delineador.jpg', shape: 'mascara', color: '#26262b', accent: '#9aa3ad', backdrop: '#e9edf1' },
    variants: [v('Negro intenso', 'DEL-LIQ-NEG', 2200, 16)] },
  { name: 'Paleta de sombras Atardecer', category: 'Ojos', tags: ['sombras', 'paleta'], description: '12 tonos cálidos mate y satinados.', lowStockThreshold: 2,
    photo: { file: 'paleta-sombras.jpg', shape: 'palette', color: '#c06a3b', accent: '#2b2b30', backdrop: '#f4e7dc' },
    variants: [v('12 tonos', 'PAL-ATA', 6500, 5)] },
  { name: 'Rubor compacto Durazno', category: 'Rostro', tags: ['rubor', 'blush'], description: 'Color natural y modulable.', lowStockThreshold: 3,
    photo: { file: 'rubor.jpg', shape: 'compact', color: '#f08f77', accent: '#e7c8a0', backdrop: '#fbece6' },
    variants: [v('Durazno', 'RUB-DUR', 2800, 8), v('Coral', 'RUB-COR', 2800, 1)] },
  { name: 'Polvo compacto Mate', category: 'Rostro', tags: ['polvo', 'mate'], description: 'Controla el brillo todo el día.', lowStockThreshold: 3,
    photo: { file: 'polvo.jpg', shape: 'compact', color: '#e2b995', accent: '#2c2c30', backdrop: '#f2e9e1' },
    variants: [v('Claro', 'POL-MAT-CLA', 3500, 6), v('Medio', 'POL-MAT-MED', 3500, 9), v('Canela', 'POL-MAT-CAN', 3500, 4)] },
  { name: 'Base líquida Cobertura Natural', category: 'Rostro', tags: ['base', 'maquillaje'], description: 'Cobertura media, acabado natural, FPS 15. 30 ml.', lowStockThreshold: 3,
    photo: { file: 'base-liquida.jpg', shape: 'bottle', color: '#d6a27a', accent: '#3a3a40', backdrop: '#efe6dd' },
    variants: [v('Tono 01 Marfil', 'BAS-NAT-01', 4900, 5), v('Tono 03 Beige', 'BAS-NAT-03', 4900, 7), v('Tono 05 Trigo', 'BAS-NAT-05', 4900, 3)] },
  { name: 'Corrector de ojeras', category: 'Rostro', tags: ['corrector'], description: 'Alta cobertura, textura ligera.', lowStockThreshold: 3,
    photo: { file: 'corrector.jpg', shape: 'gloss', color: '#e8c3a0', accent: '#f1ece6', backdrop: '#f5efe8' },
    variants: [v('Claro', 'COR-CLA', 2400, 10), v('Medio', 'COR-MED', 2400, 8)] },
  { name: 'Esmalte de uñas Gel Brillante', category: 'Uñas', tags: ['esmalte', 'uñas'], description: 'Efecto gel sin lámpara, 10 ml.', lowStockThreshold: 4,
    photo: { file: 'esmalte-rojo.jpg', shape: 'polish', color: '#c4122f', accent: '#1d1d22', backdrop: '#f7e4e4' },
    variants: [v('Rojo Cereza', 'ESM-GEL-ROJ', 1200, 18), v('Rosa Palo', 'ESM-GEL-ROS', 1200, 3), v('Lila', 'ESM-GEL-LIL', 1200, 9)] },
  { name: 'Esmalte de uñas Nude Elegante', category: 'Uñas', tags: ['esmalte', 'nude'], description: 'Tono nude universal, secado rápido.', lowStockThreshold: 4,
    photo: { file: 'esmalte-nude.jpg', shape: 'polish', color: '#d9a98f', accent: '#1d1d22', backdrop: '#f4ebe4' },
    variants: [v('Nude', 'ESM-NUD', 1200, 13)] },
  { name: 'Quitaesmalte sin acetona', category: 'Uñas', tags: ['quitaesmalte'], description: 'Con aceite de almendras. 120 ml.', lowStockThreshold: 3,
    photo: { file: 'quitaesmalte.jpg', shape: 'bottle', color: '#d7e8f2', accent: '#6a8fb0', backdrop: '#e8f0f5' },
    variants: [v('120 ml', 'QUI-120', 800, 22)] },
  { name: 'Sérum facial Vitamina C', category: 'Cuidado de la piel', tags: ['sérum', 'vitamina c', 'antioxidante'], description: 'Ilumina y unifica el tono. 30 ml.', lowStockThreshold: 3,
    photo: { file: 'serum-vitc.jpg', shape: 'dropper', color: '#e89a2c', accent: '#f5f0e8', backdrop: '#fbf1e1' },
    variants: [v('30 ml', 'SER-VIC-30', 5900, 6)] },
  { name: 'Sérum Ácido Hialurónico', category: 'Cuidado de la piel', tags: ['sérum', 'hidratante'], description: 'Hidratación profunda para todo tipo de piel. 30 ml.', lowStockThreshold: 3,
    photo: { file: 'serum-hialuronico.jpg', shape: 'dropper', color: '#9cc7e6', accent: '#f5f0e8', backdrop: '#e9f2f8' },
    variants: [v('30 ml', 'SER-HIA-30', 5500, 2)] },
  { name: 'Agua micelar 3 en 1', category: 'Cuidado de la piel', tags: ['agua micelar', 'desmaquillante'], description: 'Limpia, desmaquilla y tonifica. 400 ml.', lowStockThreshold: 3,
    photo: { file: 'agua-micelar.jpg', shape: 'bottle', color: '#f3c6d6', accent: '#ffffff', backdrop: '#f8edf1' },
    variants: [v('400 ml', 'AGU-MIC-400', 3200, 9)] },
  { name: 'Protector solar FPS 50', category: 'Cuidado de la piel', tags: ['bloqueador', 'protector solar'], description: 'Toque seco, no deja rastro blanco. 50 ml.', lowStockThreshold: 3,
    photo: { file: 'protector-solar.jpg', shape: 'tube', color: '#f2f2ee', accent: '#f29a1d', backdrop: '#fdf3e2' },
    variants: [v('50 ml', 'PRO-SOL-50', 4500, 11)] },
  { name: 'Crema corporal de karité', category: 'Cuidado de la piel', tags: ['crema', 'corporal'], description: 'Nutrición intensa para piel seca. 250 g.', lowStockThreshold: 3,
    photo: { file: 'crema-karite.jpg', shape: 'jar', color: '#f1e3c6', accent: '#b88a4a', backdrop: '#f5ede0' },
    variants: [v('250 g', 'CRE-KAR-250', 3800, 7)] },
  { name: 'Perfume Flor de Amancaes', category: 'Fragancias', tags: ['perfume', 'floral'], description: 'Eau de parfum floral con notas de jazmín. 50 ml.', lowStockThreshold: 2,
    photo: { file: 'perfume-floral.jpg', shape: 'perfume', color: '#f3b7c6', accent: '#d4af37', backdrop: '#f7e9ee' },
    variants: [v('50 ml', 'PER-AMA-50', 11900, 4), v('100 ml', 'PER-AMA-100', 16900, 2)] },
  { name: 'Perfume Brisa de Paracas', category: 'Fragancias', tags: ['perfume', 'fresco'], description: 'Fresco y cítrico, ideal para el día. 50 ml.', lowStockThreshold: 2,
    photo: { file: 'perfume-fresco.jpg', shape: 'perfume', color: '#a9d6e5', accent: '#c0c0c8', backdrop: '#e7f2f6' },
    variants: [v('50 ml', 'PER-PAR-50', 9900, 6)] },
  { name: 'Aceite capilar de argán', category: 'Cabello', tags: ['aceite', 'cabello', 'argán'], description: 'Brillo y control del frizz. 60 ml.', lowStockThreshold: 3,
    photo: { file: 'aceite-argan.jpg', shape: 'dropper', color: '#c98b1e', accent: '#2a2a2e', backdrop: '#f3ead8' },
    variants: [v('60 ml', 'ACE-ARG-60', 3900, 8)] },
  { name: 'Set de brochas profesionales', category: 'Accesorios', tags: ['brochas', 'pinceles'], description: '8 brochas de cerdas sintéticas con estuche.', lowStockThreshold: 2,
    photo: { file: 'brochas.jpg', shape: 'brushes', color: '#2d2d33', accent: '#d8a7b1', backdrop: '#efe9ea' },
    variants: [v('8 piezas', 'BRO-SET-8', 5500, 3)] },
  { name: 'Esponja de maquillaje', category: 'Accesorios', tags: ['esponja', 'blender'], description: 'Difumina base y corrector sin desperdicio.', lowStockThreshold: 5,
    photo: { file: 'esponja.jpg', shape: 'jar', color: '#f08fb0', accent: '#f08fb0', backdrop: '#fbecf2' },
    variants: [v('Rosada', 'ESP-ROS', 1000, 25), v('Negra', 'ESP-NEG', 1000, 12)] },
];
