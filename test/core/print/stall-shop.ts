import { createCore, type Core } from '../../../electron/core';
import { coreClient } from '../../../electron/core/client';
import type { ApiClient } from '../../../shared/api/client';

export const NOW = Date.UTC(2026, 10, 22, 15);

/** A small shop as Karina has it on a Saturday: a 2x1 on lipsticks, 20% off serums, a balm at its price. */
export const openStallShop = async (dataDir: string, extraProducts = 0): Promise<{ core: Core; api: ApiClient; lipsticks: number[]; serums: number[]; balm: number; bundleId: number; percentId: number }> => {
  const core = createCore({ dataDir, clock: () => NOW });
  const api = coreClient(core);
  await api.call('settings.update', { shopName: 'Karina Cosméticos', whatsappNumber: '51987654321', paymentMethods: ['Efectivo', 'Yape/Plin', 'Transferencia'] });
  const lip = await api.call('catalog.createProduct', {
    name: 'Labial mate',
    category: 'Labios',
    variants: [
      { name: 'Rojo Pasión', sku: 'LAB-MAT-ROJ', price: 2500, initialStock: 10 },
      { name: 'Nude Canela', sku: 'LAB-MAT-NUD', price: 2500, initialStock: 10 },
    ],
  });
  const serum = await api.call('catalog.createProduct', { name: 'Sérum facial Vitamina C', category: 'Rostro', variants: [{ name: '30 ml', sku: 'SER-VIC-30', price: 5900, initialStock: 5 }] });
  const balm = await api.call('catalog.createProduct', { name: 'Bálsamo de cacao', category: 'Labios', variants: [{ name: '', sku: 'BAL-CAC', price: 900, initialStock: 5 }] });
  const extra: number[] = [];
  for (let i = 0; i < extraProducts; i += 1) {
    const p = await api.call('catalog.createProduct', { name: `Crema hidratante de karité ${i + 1}`, category: 'Cuerpo', variants: [{ name: '250 ml', sku: `CRE-${i + 1}`, price: 3500 + i * 100, initialStock: 5 }] });
    extra.push(p.variants[0]?.id ?? 0);
  }
  const lipsticks = lip.variants.map((v) => v.id);
  const serums = [...(serum.variants.map((v) => v.id)), ...extra];
  const bundle = await api.call('promotions.create', { title: '2x1 en labiales mate', kind: 'bundle', bundleQuantity: 2, bundlePayFor: 1, startsOn: '2026-11-20', endsOn: '2026-12-04', items: lipsticks.map((variantId) => ({ variantId })) });
  const percent = await api.call('promotions.create', {
    title: 'Fin de semana de belleza: 20% de descuento en todo el cuidado de la piel',
    kind: 'percent',
    percentOff: 20,
    startsOn: '2026-11-21',
    endsOn: '2026-11-29',
    items: serums.map((variantId) => ({ variantId })),
  });
  return { core, api, lipsticks, serums, balm: balm.variants[0]?.id ?? 0, bundleId: bundle.id, percentId: percent.id };
};
