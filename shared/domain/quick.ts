import type { Photo } from './catalog';
import type { MessageChannel } from './inbox';
import type { Language } from './settings';

/** Quick replies, labels and automatic answers: her day in the chats (issue #19). */

/** The fields a quick reply may use; each is filled from the conversation's customer and her open order. */
export const quickFields = ['cliente', 'producto', 'precio', 'total del pedido', 'saldo'] as const;
export type QuickField = (typeof quickFields)[number];
/** English shops write the same fields in English; both spellings always work. */
export const quickFieldAliases: Record<string, QuickField> = {
  cliente: 'cliente',
  customer: 'cliente',
  producto: 'producto',
  product: 'producto',
  precio: 'precio',
  price: 'precio',
  'total del pedido': 'total del pedido',
  'order total': 'total del pedido',
  saldo: 'saldo',
  balance: 'saldo',
};

export interface QuickReply {
  id: number;
  /** Short name typed after "/" (e.g. "pagar"). */
  name: string;
  text: string;
  photos: Photo[];
  /** A product whose photo and price go with the reply (and fill {producto}/{precio}). */
  productId: number | null;
  productName: string;
  updatedAt: number;
}

export interface FilledReply {
  text: string;
  photos: Photo[];
  /** Fields the conversation could not fill (no open order, no product): left as written, shown to her. */
  missing: QuickField[];
}

/** Replaces {campo} with its value; unknown braces are left alone, known ones without a value are reported. */
export const fillQuickText = (text: string, values: Partial<Record<QuickField, string>>): { text: string; missing: QuickField[] } => {
  const missing = new Set<QuickField>();
  const filled = text.replace(/\{([^{}]{1,30})\}/g, (whole, raw: string) => {
    const field = quickFieldAliases[raw.trim().toLowerCase()];
    if (!field) return whole;
    const value = values[field];
    if (value === undefined || value === '') {
      missing.add(field);
      return whole;
    }
    return value;
  });
  return { text: filled, missing: [...missing] };
};

export const labelColors = ['#2e7d32', '#c62828', '#1565c0', '#ef6c00', '#6a1b9a', '#00838f', '#ad1457', '#5d4037', '#546e7a', '#f9a825'] as const;

export interface Label {
  id: number;
  name: string;
  /** "#rrggbb". */
  color: string;
  /** The WhatsApp Business label it mirrors, when imported from her phone. */
  waLabelId: string | null;
  conversations: number;
  orders: number;
}

export const labelTargets = ['conversation', 'order'] as const;
export type LabelTarget = (typeof labelTargets)[number];

/** A WhatsApp Business label on her phone, offered for import. */
export interface PhoneLabel {
  waLabelId: string;
  name: string;
  color: string;
  chats: number;
  /** Already one of her Chasqui labels. */
  labelId: number | null;
}

export interface AutoReplySettings {
  /** Away message: outside her hours or on days she does not sell. Off until she turns it on. */
  isAwayEnabled: boolean;
  awayText: string;
  /** Greeting to a customer writing for the first time. Off until she turns it on. */
  isGreetingEnabled: boolean;
  greetingText: string;
  /** Shop-local "HH:MM". */
  opensAt: string;
  closesAt: string;
  /** ISO weekdays (1 = Monday … 7 = Sunday) she answers chats. */
  sellingDays: number[];
  /** Sent with the greeting: her catalog link (a web page, a PDF link). */
  catalogLink: string;
  /** The greeting also carries the catalog PDF (made from her catalog as it is then) where the channel takes files; elsewhere the link goes alone. */
  isCatalogPdfSent: boolean;
}

export const defaultAutoReplies = (language: Language): AutoReplySettings =>
  language === 'en'
    ? {
        isAwayEnabled: false,
        awayText: 'Hi {cliente}! Thanks for writing to {tienda} 💖 We answer {horario}. Next delivery day: {entrega}. We will reply as soon as we are back.',
        isGreetingEnabled: false,
        greetingText: 'Hi {cliente}! Welcome to {tienda} 😊 Here is our catalog: {catalogo}',
        opensAt: '09:00',
        closesAt: '19:00',
        sellingDays: [1, 2, 3, 4, 5, 6],
        catalogLink: '',
        isCatalogPdfSent: false,
      }
    : {
        isAwayEnabled: false,
        awayText: '¡Hola {cliente}! Gracias por escribir a {tienda} 💖 Atendemos {horario}. Próximo día de entrega: {entrega}. Te respondemos apenas volvamos.',
        isGreetingEnabled: false,
        greetingText: '¡Hola {cliente}! Bienvenida a {tienda} 😊 Aquí está nuestro catálogo: {catalogo}',
        opensAt: '09:00',
        closesAt: '19:00',
        sellingDays: [1, 2, 3, 4, 5, 6],
        catalogLink: '',
        isCatalogPdfSent: false,
      };

/** Messages she sent that got no answer, per channel and month (WhatsApp is trying a monthly cap on these). */
export interface UnansweredCount {
  channel: MessageChannel;
  /** Shop-local "YYYY-MM". */
  month: string;
  count: number;
}
