import type { Pacing } from './broadcasts';
import { defaultReminderTemplate, type PaymentDetail } from './payments';
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
  /** False until the seller finishes or skips the welcome. */
  isOnboarded: boolean;
  /** ISO weekdays (1 = Monday … 7 = Sunday) on which she delivers. */
  deliveryDays: number[];
  deliveryZones: { name: string; fee: number }[];
  couriers: { name: string; phone: string }[];
  /** Sent to the customer when the seller confirms; {cliente} {pedido} {productos} {total} {entrega} {tienda} are filled in. */
  orderConfirmationTemplate: string;
  /** Optional notices to the customer, sent from Repartos; {cliente} {pedido} {tienda} are filled in. */
  onTheWayTemplate: string;
  deliveredTemplate: string;
  /** The shop's logo (an uploaded photo id), '' for none. */
  logoMediaId: string;
  /** Phones on the home network may reach the delivery page; off until the seller turns it on. */
  isLanEnabled: boolean;
  /** Chrome, Chromium or Edge for WhatsApp; '' finds one on its own. */
  browserPath: string;
  /** Direct promotional messages, paced so a personal number is not flagged (see shared/domain/broadcasts). */
  pacing: Pacing;
  /** The desktop app checks for and installs updates on its own (electron-updater) unless turned off. */
  isAutoUpdateEnabled: boolean;
  /** A Meta app id enables "log in with Facebook" in the desktop app; '' means paste a token instead. */
  facebookAppId: string;
  /** After a live, to each buyer; {cliente} {productos} {total} {vence} {pagos} {tienda} are filled in. */
  liveMessageTemplate: string;
  /** Sent once when a customer writes BAJA/STOP; {cliente} {tienda} are filled in. */
  optOutReply: string;
  /** How customers pay her (Yape/Plin number, bank and CCI, QR, cash on delivery): on confirmations and in the composer. */
  paymentDetails: PaymentDetail[];
  /** Por cobrar's reminder; {cliente} {pedidos} {saldo} {pagos} {tienda} are filled in. */
  paymentReminderTemplate: string;
  /** Dates and numbers on screen follow the language (in the shop's region) unless she picked a format in Ajustes. */
  isFormatFromLanguage: boolean;
  /** "Entregado" (buttons and board) is refused while the order still owes money. */
  isPaymentRequiredBeforeDelivery: boolean;
  /** Pendientes lists a confirmed order still unpaid this many hours after confirming (or after the customer last wrote or paid). */
  followUpUnpaidHours: number;
}

/** What choosing a country suggests (Latin America and Spain); everything stays editable in Ajustes. */
export const countryPresets = {
  AR: { name: 'Argentina', locale: 'es-AR', currency: 'ARS', timeZone: 'America/Argentina/Buenos_Aires', dialCode: '54' },
  BO: { name: 'Bolivia', locale: 'es-BO', currency: 'BOB', timeZone: 'America/La_Paz', dialCode: '591' },
  BR: { name: 'Brasil', locale: 'pt-BR', currency: 'BRL', timeZone: 'America/Sao_Paulo', dialCode: '55' },
  CL: { name: 'Chile', locale: 'es-CL', currency: 'CLP', timeZone: 'America/Santiago', dialCode: '56' },
  CO: { name: 'Colombia', locale: 'es-CO', currency: 'COP', timeZone: 'America/Bogota', dialCode: '57' },
  CR: { name: 'Costa Rica', locale: 'es-CR', currency: 'CRC', timeZone: 'America/Costa_Rica', dialCode: '506' },
  CU: { name: 'Cuba', locale: 'es-CU', currency: 'CUP', timeZone: 'America/Havana', dialCode: '53' },
  EC: { name: 'Ecuador', locale: 'es-EC', currency: 'USD', timeZone: 'America/Guayaquil', dialCode: '593' },
  SV: { name: 'El Salvador', locale: 'es-SV', currency: 'USD', timeZone: 'America/El_Salvador', dialCode: '503' },
  ES: { name: 'España', locale: 'es-ES', currency: 'EUR', timeZone: 'Europe/Madrid', dialCode: '34' },
  GT: { name: 'Guatemala', locale: 'es-GT', currency: 'GTQ', timeZone: 'America/Guatemala', dialCode: '502' },
  HT: { name: 'Haití', locale: 'fr-HT', currency: 'HTG', timeZone: 'America/Port-au-Prince', dialCode: '509' },
  HN: { name: 'Honduras', locale: 'es-HN', currency: 'HNL', timeZone: 'America/Tegucigalpa', dialCode: '504' },
  MX: { name: 'México', locale: 'es-MX', currency: 'MXN', timeZone: 'America/Mexico_City', dialCode: '52' },
  NI: { name: 'Nicaragua', locale: 'es-NI', currency: 'NIO', timeZone: 'America/Managua', dialCode: '505' },
  // Prices in Panama are in US dollars (the balboa is at par and has no notes).
  PA: { name: 'Panamá', locale: 'es-PA', currency: 'USD', timeZone: 'America/Panama', dialCode: '507' },
  PY: { name: 'Paraguay', locale: 'es-PY', currency: 'PYG', timeZone: 'America/Asuncion', dialCode: '595' },
  PE: { name: 'Perú', locale: 'es-PE', currency: 'PEN', timeZone: 'America/Lima', dialCode: '51' },
  PR: { name: 'Puerto Rico', locale: 'es-PR', currency: 'USD', timeZone: 'America/Puerto_Rico', dialCode: '1' },
  DO: { name: 'República Dominicana', locale: 'es-DO', currency: 'DOP', timeZone: 'America/Santo_Domingo', dialCode: '1' },
  UY: { name: 'Uruguay', locale: 'es-UY', currency: 'UYU', timeZone: 'America/Montevideo', dialCode: '598' },
  VE: { name: 'Venezuela', locale: 'es-VE', currency: 'VES', timeZone: 'America/Caracas', dialCode: '58' },
} as const;
export type CountryCode = keyof typeof countryPresets;

export const defaultSettings: ShopSettings = {
  shopName: 'Mi tienda',
  locale: 'es-PE',
  currency: 'PEN',
  timeZone: 'America/Lima',
  language: 'es',
  whatsappNumber: '',
  defaultLowStockThreshold: 3,
  paymentMethods: ['Efectivo', 'Transferencia', 'Yape/Plin', 'Nequi', 'Mercado Pago', 'Tarjeta'],
  isOnboarded: false,
  deliveryDays: [2, 4, 6],
  deliveryZones: [],
  couriers: [],
  isLanEnabled: false,
  browserPath: '',
  facebookAppId: '',
  isAutoUpdateEnabled: true,
  isFormatFromLanguage: true,
  isPaymentRequiredBeforeDelivery: false,
  followUpUnpaidHours: 24,
  liveMessageTemplate:
    '¡Hola {cliente}! 💖 Gracias por comprar en el live de {tienda}:\n{productos}\nTotal: {total}\nTe lo separo hasta el {vence}. Puedes pagar por {pagos}; avísame cuando lo hagas 🙌',
  pacing: { minGapSeconds: 30, maxGapSeconds: 90, hourlyCap: 20, dailyCap: 80, quietStart: '21:00', quietEnd: '09:00', isSlowStartForNewNumber: true },
  optOutReply: 'Listo {cliente}, ya no te enviaremos promociones de {tienda}. Si cambias de opinión, escribe ALTA. 🙏',
  logoMediaId: '',
  paymentDetails: [],
  paymentReminderTemplate: defaultReminderTemplate,
  onTheWayTemplate: '¡Hola {cliente}! Tu pedido {pedido} de {tienda} ya está en camino 🛵',
  deliveredTemplate: '¡Hola {cliente}! Entregamos tu pedido {pedido}. ¡Gracias por comprar en {tienda}! 💖',
  orderConfirmationTemplate:
    '¡Hola {cliente}! 😊 Tu pedido {pedido} está confirmado:\n{productos}\nTotal: {total}\n{entrega}\n¡Gracias por comprar en {tienda}!',
};

const displayLocales = new Map<string, string>();

/**
 * The locale the screen formats dates and numbers with: her chosen format, or, by default, the
 * language in the shop's region (es-PE in Spanish, en-PE in English), so English never shows Spanish dates.
 */
export const displayLocale = (settings: Pick<ShopSettings, 'locale' | 'language' | 'isFormatFromLanguage'>): string => {
  if (!settings.isFormatFromLanguage) return settings.locale;
  // Every screen asks on every draw; Intl.Locale is parsed once per setting.
  const key = `${settings.locale}|${settings.language}`;
  const known = displayLocales.get(key);
  if (known !== undefined) return known;
  let shown: string;
  try {
    const chosen = new Intl.Locale(settings.locale);
    shown = chosen.language === settings.language ? settings.locale : chosen.region ? `${settings.language}-${chosen.region}` : settings.language;
  } catch {
    shown = settings.language;
  }
  displayLocales.set(key, shown);
  return shown;
};
