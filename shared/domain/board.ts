import { canMoveTo, type OrderStatus } from './orders';

/**
 * The sales board's columns. The ledger has no "paid" status: "por pagar" and "pagado" are a
 * confirmed order with and without a balance, so the board never invents a status of its own.
 */
export const boardColumns = ['new', 'to_pay', 'paid', 'packed', 'on_the_way', 'delivered'] as const;
export type BoardColumn = (typeof boardColumns)[number];

const statusOfColumn: Record<BoardColumn, OrderStatus> = {
  new: 'new',
  to_pay: 'confirmed',
  paid: 'confirmed',
  packed: 'prepared',
  on_the_way: 'on_the_way',
  delivered: 'delivered',
};

const statusPath: OrderStatus[] = ['new', 'confirmed', 'prepared', 'on_the_way', 'delivered'];

export const columnOf = (status: OrderStatus, balanceDue: number): BoardColumn | null => {
  if (status === 'cancelled') return null;
  if (status === 'confirmed') return balanceDue > 0 ? 'to_pay' : 'paid';
  return boardColumns.find((c) => statusOfColumn[c] === status) ?? null;
};

export type BoardStep = { kind: 'status'; status: OrderStatus } | { kind: 'payment' };

/**
 * What dropping a card on a column means, in the order the status buttons would do it; null when
 * the board refuses (back in the flow, or "por pagar" for an order already paid).
 */
export const stepsTo = (status: OrderStatus, balanceDue: number, to: BoardColumn): BoardStep[] | null => {
  const from = columnOf(status, balanceDue);
  if (from === null || from === to) return null;
  const target = statusOfColumn[to];
  const steps: BoardStep[] = [];
  let current = status;
  if (current !== target) {
    const start = statusPath.indexOf(current);
    const end = statusPath.indexOf(target);
    if (start < 0 || end <= start) return null;
    while (current !== target) {
      // The shortest way on the status buttons' own path ("empacado" may go straight to "entregado").
      const next = canMoveTo(current, target) ? target : statusPath[statusPath.indexOf(current) + 1];
      if (!next || !canMoveTo(current, next)) return null;
      steps.push({ kind: 'status', status: next });
      current = next;
    }
  }
  if (to === 'paid' && balanceDue > 0) steps.push({ kind: 'payment' });
  if (to === 'to_pay' && balanceDue === 0) return null;
  return steps.length > 0 ? steps : null;
};

export interface BoardCard {
  id: number;
  number: string;
  status: OrderStatus;
  column: BoardColumn;
  customerName: string;
  total: number;
  balanceDue: number;
  deliveryDate: string | null;
  createdAt: number;
}

export const followUpKinds = ['unpaid', 'asked', 'reservation', 'no_address', 'balance', 'restock'] as const;
export type FollowUpKind = (typeof followUpKinds)[number];

/** One thing the seller should chase; the key changes when the situation does, so "done" never hides a new one. */
export interface FollowUp {
  key: string;
  kind: FollowUpKind;
  customerId: number | null;
  customerName: string;
  orderId: number | null;
  orderNumber: string;
  variantId: number | null;
  productName: string;
  /** Money owed, or null when the item is not about money. */
  amount: number | null;
  /** How many people (restock) or orders (balance) the item stands for. */
  count: number;
  /** Since when it has been waiting (ms UTC). */
  since: number;
  /** The suggested message, in the shop's words; she may edit it before sending. */
  message: string;
  /** True when the customer has a live chat to write to (restock: someone waiting may be told). */
  canSend: boolean;
}

export interface WaitlistEntry {
  id: number;
  variantId: number;
  productName: string;
  customerId: number;
  customerName: string;
  stock: number;
  /** The customer wrote first on a live chat: the only place the notice may go. */
  hasOwnChat: boolean;
  createdAt: number;
  notifiedAt: number | null;
}

/** Suggested words per kind; the seller edits them before sending. {producto} stays for the waiting list, filled per person. */
export const followUpTemplates: Record<FollowUpKind, string> = {
  unpaid: '¡Hola {cliente}! 😊 Te escribo por tu pedido {pedido}: quedan {saldo} por pagar. Puedes pagar por {pagos}. ¡Gracias!',
  asked: '¡Hola {cliente}! ¿Pudiste ver lo que me preguntaste? Si quieres te lo separo hoy 😊',
  reservation: '¡Hola {cliente}! Te separé {producto} hasta las {vence}. ¿Lo confirmamos? Puedes pagar por {pagos}.',
  no_address: '¡Hola {cliente}! Mañana entregamos tu pedido {pedido} 🛵 ¿Me pasas tu dirección y una referencia?',
  balance: '¡Hola {cliente}! Te recuerdo que quedó un saldo de {saldo} de tu compra. Puedes pagar por {pagos}. ¡Gracias! 🙏',
  restock: '¡Hola {cliente}! ¡Llegó {producto} que querías! 💖 ¿Te lo separo?',
};

/** Cards of a column sent at a time: a shop that never closes its orders can have tens of thousands open. */
export const BOARD_PAGE = 200;
