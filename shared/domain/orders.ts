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
  note: string;
  createdAt: number;
}

export interface OrderEvent {
  id: number;
  type: 'created' | 'status' | 'edited' | 'payment';
  status: OrderStatus | null;
  note: string;
  createdAt: number;
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

export const formatOrderNumber = (sequence: number): string => `P-${String(sequence).padStart(4, '0')}`;
