export const languages = ['es', 'en'] as const;
export type Language = (typeof languages)[number];

export interface ShopSettings {
  shopName: string;
  /** BCP 47 locale used for money and dates, e.g. "es-PE". */
  locale: string;
  /** ISO 4217 code, e.g. "PEN". */
  currency: string;
  /** IANA zone, e.g. "America/Lima". */
  timeZone: string;
  language: Language;
  /** E.164 without "+", used for wa.me links, e.g. "51987654321". Empty until set. */
  whatsappNumber: string;
  defaultLowStockThreshold: number;
  /** Labels offered when the seller records a payment. */
  paymentMethods: string[];
}

export const defaultSettings: ShopSettings = {
  shopName: 'Mi tienda',
  locale: 'es-PE',
  currency: 'PEN',
  timeZone: 'America/Lima',
  language: 'es',
  whatsappNumber: '',
  defaultLowStockThreshold: 3,
  paymentMethods: ['Efectivo', 'Transferencia', 'Yape/Plin', 'Nequi', 'Mercado Pago', 'Tarjeta'],
};
