import { describe, expect, it } from 'vitest';
import { orderConfirmationText } from '../../shared/domain/orderMessages';
import type { Order } from '../../shared/domain/orders';
import { isNearName, paymentDetailsText, reminderText, type PaymentDetail } from '../../shared/domain/payments';
import { foldText } from '../../shared/domain/catalog';
import { defaultSettings } from '../../shared/domain/settings';

const details: PaymentDetail[] = [
  { kind: 'yape', label: 'Yape', number: '987 654 321', holder: 'Karina Paredes', cci: '', qrMediaId: '' },
  { kind: 'bank', label: 'BCP', number: '191-2345678-0-12', holder: 'Karina Paredes', cci: '00219100234567801256', qrMediaId: '' },
  { kind: 'cash', label: '', number: '', holder: '', cci: '', qrMediaId: '' },
];

const order = {
  number: 'P-0007', status: 'confirmed', delivery: null, deliveryFee: 0, paid: 0, balanceDue: 5800, total: 5800, deliveryDate: null,
  customer: { id: 1, name: 'Lucía Fernández', phone: '' },
  items: [{ id: 1, variantId: 1, sku: 'L', name: 'Labial', quantity: 2, unitPrice: 2900, regularPrice: 2900, lineTotal: 5800 }],
} satisfies Partial<Order>;

describe('payment details', () => {
  it('one line per method, bank with account and CCI, cash by its plain name', () => {
    expect(paymentDetailsText(details, 'es')).toBe(
      'Puedes pagar por:\n• Yape 987 654 321 a nombre de Karina Paredes\n• BCP Cta. 191-2345678-0-12 · CCI 00219100234567801256 a nombre de Karina Paredes\n• pago contra entrega',
    );
    expect(paymentDetailsText([], 'es')).toBe('');
  });

  it('go at the end of the confirmation while something is due, in {pagos} where the template has it, and not once paid', () => {
    const settings = { ...defaultSettings, paymentDetails: details };
    expect(orderConfirmationText(order as Order, settings)).toMatch(/¡Gracias por comprar en Mi tienda!\n\nPuedes pagar por:\n• Yape 987/);
    expect(orderConfirmationText(order as Order, { ...settings, orderConfirmationTemplate: 'Pedido {pedido}. {pagos} Fin' })).toMatch(/^Pedido P-0007\. Puedes pagar por:[\s\S]*contra entrega Fin$/);
    expect(orderConfirmationText({ ...order, paid: 5800, balanceDue: 0 } as Order, settings)).not.toContain('Puedes pagar');
  });

  it('the reminder fills her template', () => {
    const text = reminderText({ customerName: 'Lucía Fernández', orderNumbers: ['P-0007', 'P-0009'], balanceDue: 9000 }, { ...defaultSettings, paymentDetails: details.slice(0, 1) });
    expect(text).toMatch(/^¡Hola Lucía! 😊 Te escribo por tu pedido P-0007, P-0009 de Mi tienda: queda un saldo de S\/\s90\.00\. Puedes pagar por:\n• Yape 987 654 321/);
  });

  it('a payer resembles the customer by a shared name, accents and initials aside', () => {
    expect(isNearName('LUCIA Q.', 'Lucía Quispe', foldText)).toBe(true);
    expect(isNearName('Karina P.', 'Karina Paredes', foldText)).toBe(true);
    expect(isNearName('Jorge Salas', 'Lucía Quispe', foldText)).toBe(false);
  });
});
