/** Orders, payments and their rules. Money is integer minor units. */

export const orderStatuses = ['new', 'confirmed', 'prepared', 'on_the_way', 'delivered', 'cancelled'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const orderChannels = ['whatsapp', 'instagram', 'facebook', 'stall', 'phone', 'other'] as const;
export type OrderChannel = (typeof orderChannels)[number];

/** The forward path; cancel is allowed from any status before delivered. */
const nextStatus: Record<OrderStatus, OrderStatus[]> = {
  new: ['confirmed', 'cancelled'],
  confirmed: ['prepared', 'cancelled'],
  prepared: ['on_the_way', 'delivered', 'cancelled'],
  on_the_way: ['delivered', 'cancelled'],
  delivered: [],
  cancelled: [],
};

export const canMoveTo = (from: OrderStatus, to: OrderStatus): boolean => nextStatus[from].includes(to);

/** Stock leaves the shelf on confirm and comes back on cancel. */
export const holdsStock = (status: OrderStatus): boolean => status !== 'new' && status !== 'cancelled';

/** Items (and so prices and stock) can change until the order is packed. */
export const isEditable = (status: OrderStatus): boolean => status === 'new' || status === 'confirmed';

export interface OrderItem {
  id: number;
  variantId: number;
  sku: string;
  name: string;
  quantity: number;
  unitPrice: number;
  /** The variant's regular price when the order was taken; differs from unitPrice under a promotion. */
  regularPrice: number;
  lineTotal: number;
}

export interface Payment {
  id: number;
  amount: number;
  method: string;
  /** The bank's or wallet's operation number (Yape, transfer), '' when none was typed. */
  operationNumber: string;
  note: string;
  createdAt: number;
}

export interface OrderEvent {
  id: number;
  type: 'created' | 'status' | 'edited' | 'payment';
  status: OrderStatus | null;
  note: string;
  /** For a payment event, the payment it recorded (so the history shows the amount). */
  payment: Payment | null;
  createdAt: number;
}

/** Where the order goes, as typed in its Entrega section; null until anything was saved there. */
export interface OrderDelivery {
  method: 'delivery' | 'pickup';
  address: string;
  reference: string;
  zone: string;
  timeWindow: string;
}

export interface OrderCustomer {
  id: number;
  name: string;
  phone: string;
}

export type PaymentState = 'unpaid' | 'partial' | 'paid';

export interface Order {
  id: number;
  number: string;
  status: OrderStatus;
  channel: OrderChannel;
  customer: OrderCustomer | null;
  items: OrderItem[];
  subtotal: number;
  discount: number;
  deliveryFee: number;
  total: number;
  paid: number;
  balanceDue: number;
  paymentState: PaymentState;
  deliveryDate: string | null;
  delivery: OrderDelivery | null;
  note: string;
  sourceText: string;
  payments: Payment[];
  events: OrderEvent[];
  createdAt: number;
  updatedAt: number;
}

export interface OrderTotals {
  subtotal: number;
  total: number;
}

export const orderTotals = (items: { quantity: number; unitPrice: number }[], discount: number, deliveryFee: number): OrderTotals => {
  const subtotal = items.reduce((sum, item) => sum + item.quantity * item.unitPrice, 0);
  return { subtotal, total: Math.max(0, subtotal - discount) + deliveryFee };
};

export const paymentState = (total: number, paid: number): PaymentState =>
  paid <= 0 ? 'unpaid' : paid >= total ? 'paid' : 'partial';

/** A cancelled order is owed nothing, whatever was paid before it was cancelled. */
export const balanceDueOf = (status: OrderStatus, total: number, paid: number): number =>
  status === 'cancelled' ? 0 : Math.max(0, total - paid);

/** Letters, digits and dashes, as banks and wallets print them ("00123456", "YP-88A1"). */
export const operationNumberPattern = /^[A-Za-z0-9-]*$/;
export const operationNumberMaxLength = 30;

const foldZone = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * The configured zone a chat message names ("vivo en surco" → "Surco"), ignoring accents and case;
 * whole words only, the longest name first so "San Juan de Miraflores" wins over "Miraflores".
 */
export const detectZone = <Z extends { name: string }>(text: string, zones: readonly Z[]): Z | null => {
  const haystack = ` ${foldZone(text)} `;
  const candidates = zones.filter((z) => foldZone(z.name) !== '').sort((a, b) => foldZone(b.name).length - foldZone(a.name).length);
  return candidates.find((z) => haystack.includes(` ${foldZone(z.name)} `)) ?? null;
};

/** ISO weekday (1 = Monday … 7 = Sunday) of a "2026-03-07" date. */
export const isoWeekday = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay();
  return day === 0 ? 7 : day;
};

/** True when the shop delivers on that day (a shop with no delivery days set delivers any day). */
export const isDeliveryDay = (date: string, deliveryDays: readonly number[]): boolean =>
  deliveryDays.length === 0 || deliveryDays.includes(isoWeekday(date));

export const formatOrderNumber = (sequence: number): string => `P-${String(sequence).padStart(4, '0')}`;
