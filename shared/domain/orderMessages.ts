import { formatMoney } from './money';
import type { Order } from './orders';
import type { ShopSettings } from './settings';

/** Fills the seller's confirmation template for one order. Unknown {words} stay as written. */
export const orderConfirmationText = (order: Order, settings: ShopSettings): string => {
  const money = (minor: number) => formatMoney(minor, settings.currency, settings.locale);
  const day = order.deliveryDate
    ? new Intl.DateTimeFormat(settings.locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${order.deliveryDate}T12:00:00Z`))
    : '';
  const values: Record<string, string> = {
    cliente: order.customer?.name.split(' ')[0] ?? '',
    pedido: order.number,
    productos: order.items.map((i) => `• ${i.quantity}× ${i.name}`).join('\n'),
    total: money(order.total),
    entrega: day ? `Entrega: ${day}` : '',
    tienda: settings.shopName,
  };
  return settings.orderConfirmationTemplate
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
