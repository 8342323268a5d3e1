import { describe, expect, it } from 'vitest';
import { orderConfirmationText } from '../../shared/domain/orderMessages';
import type { Order } from '../../shared/domain/orders';
import { defaultSettings } from '../../shared/domain/settings';

const order = {
  number: 'P-0007',
  customer: { id: 1, name: 'Lucía Fernández', phone: '+51987111222' },
  items: [{ id: 1, variantId: 1, sku: 'L', name: 'Labial mate – Rojo', quantity: 2, unitPrice: 2500, regularPrice: 2500, lineTotal: 5000 }],
  total: 5800,
  deliveryDate: '2026-03-07',
} satisfies Partial<Order>;

describe('order confirmation text', () => {
  it('fills the template in the shop language, money and date format', () => {
    const text = orderConfirmationText(order as Order, { ...defaultSettings, shopName: 'Karina Cosméticos' });
    expect(text).toContain('¡Hola Lucía! 😊 Tu pedido P-0007 está confirmado:');
    expect(text).toContain('• 2× Labial mate – Rojo');
    expect(text).toMatch(/Total: S\/\s58\.00/);
    expect(text).toContain('Entrega: sábado, 7 de marzo');
    expect(text).toContain('¡Gracias por comprar en Karina Cosméticos!');
  });

  it('keeps unknown placeholders as written and drops an empty delivery line', () => {
    const text = orderConfirmationText({ ...order, deliveryDate: null } as Order, { ...defaultSettings, orderConfirmationTemplate: '{pedido} {desconocido}\n{entrega}\n\n\nFin' });
    expect(text).toBe('P-0007 {desconocido}\n\nFin');
  });
});
