import { formatMoney } from './money';
import type { Order } from './orders';
import type { ShopSettings } from './settings';
import { paymentDetailsText } from './payments';

/** What a customer is told about an order that is not confirmed yet: received, never "confirmado". */
export const orderReceivedTemplates = {
  es: '¡Hola {cliente}! 😊 Recibimos tu pedido {pedido}:\n{productos}\nTotal: {total}\n{entrega}\nTe aviso apenas lo confirme. ¡Gracias por comprar en {tienda}!',
  en: 'Hi {cliente}! 😊 We received your order {pedido}:\n{productos}\nTotal: {total}\n{entrega}\nI will let you know as soon as it is confirmed. Thank you for shopping at {tienda}!',
} as const;

const labels = {
  es: { fee: 'Envío', paid: 'Pagado', balance: 'Saldo por pagar', delivery: 'Entrega', pickup: 'Recojo', address: 'Dirección' },
  en: { fee: 'Delivery', paid: 'Paid', balance: 'Balance due', delivery: 'Delivery', pickup: 'Pick-up', address: 'Address' },
} as const;

/** True when the order is confirmed (or further along): only then may the customer read "confirmado". */
export const isConfirmedForCustomer = (order: Pick<Order, 'status'>): boolean => order.status !== 'new' && order.status !== 'cancelled';

/**
 * The message for the customer that follows the order's real state: the seller's confirmation
 * template once the order is confirmed, a "we received it" text before. Fee, payments, balance
 * and address join their line when the template has no placeholder of their own for them
 * ({envio} {pagado} {saldo} {direccion}). How to pay (her details from Ajustes) goes in {pagos}, or
 * at the end while something is still due. Unknown {words} stay as written.
 */
export const orderConfirmationText = (order: Order, settings: ShopSettings): string => {
  const money = (minor: number) => formatMoney(minor, settings.currency, settings.locale);
  const label = labels[settings.language];
  const template = isConfirmedForCustomer(order) ? settings.orderConfirmationTemplate : orderReceivedTemplates[settings.language];
  const has = (key: string) => template.includes(`{${key}}`);
  const day = order.deliveryDate
    ? new Intl.DateTimeFormat(settings.locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${order.deliveryDate}T12:00:00Z`))
    : '';
  const isPickup = order.delivery?.method === 'pickup';
  const address = !isPickup && order.delivery?.address ? [order.delivery.address, order.delivery.zone].filter(Boolean).join(', ') : '';
  const fee = order.deliveryFee > 0 ? money(order.deliveryFee) : '';
  const paid = order.paid > 0 ? money(order.paid) : '';
  const balance = order.paid > 0 ? money(order.balanceDue) : '';
  const items = order.items.map((i) => `• ${i.quantity}× ${i.name}`);
  const values: Record<string, string> = {
    cliente: order.customer?.name.split(' ')[0] ?? '',
    pedido: order.number,
    productos: [...items, ...(fee && !has('envio') ? [`• ${label.fee}: ${fee}`] : [])].join('\n'),
    total: [
      money(order.total),
      ...(paid && !has('pagado') ? [`${label.paid}: ${paid}`] : []),
      ...(balance && !has('saldo') ? [`${label.balance}: ${balance}`] : []),
    ].join('\n'),
    entrega: [day ? `${isPickup ? label.pickup : label.delivery}: ${day}` : '', address && !has('direccion') ? `${label.address}: ${address}` : '']
      .filter(Boolean)
      .join('\n'),
    envio: fee,
    pagado: paid,
    saldo: balance,
    direccion: address,
    tienda: settings.shopName,
    pagos: order.balanceDue > 0 ? paymentDetailsText(settings.paymentDetails, settings.language) : '',
  };
  const howToPay = !has('pagos') && values.pagos ? `\n\n${values.pagos}` : '';
  return `${template}${howToPay}`
    .replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
};

/** The short notices of Repartos ("on the way", "delivered"), from the seller's template. */
export const deliveryNotice = (template: string, values: { customerName: string; orderNumber: string; shopName: string }): string =>
  template
    .replace(/\{cliente\}/g, values.customerName.split(' ')[0] ?? '')
    .replace(/\{pedido\}/g, values.orderNumber)
    .replace(/\{tienda\}/g, values.shopName)
    .trim();

/** Fills {word} placeholders; unknown ones stay as written. */
export const fillTemplate = (template: string, values: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match).trim();
