import { describe, expect, it } from 'vitest';
import { orderConfirmationText } from '../../shared/domain/orderMessages';
import type { Order } from '../../shared/domain/orders';
import { defaultSettings } from '../../shared/domain/settings';

const order = {
  number: 'P-0007',
  status: 'confirmed',
  delivery: null,
  deliveryFee: 0,
  paid: 0,
  balanceDue: 5800,
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

  it('never says "confirmado" for an order that is not confirmed: a new order gets the "received" text', () => {
    const text = orderConfirmationText({ ...order, status: 'new' } as Order, defaultSettings);
    expect(text).not.toMatch(/confirmad/i);
    expect(text).toContain('Recibimos tu pedido P-0007');
    expect(text).toContain('Te aviso apenas lo confirme');
    const english = orderConfirmationText({ ...order, status: 'new' } as Order, { ...defaultSettings, language: 'en' });
    expect(english).toContain('We received your order P-0007');
    for (const status of ['confirmed', 'prepared', 'on_the_way', 'delivered'] as const) {
      expect(orderConfirmationText({ ...order, status } as Order, defaultSettings)).toContain('está confirmado');
    }
  });

  it('tells the delivery fee, what was paid, the balance and the address, in the shop currency', () => {
    const full = {
      ...order,
      deliveryFee: 800,
      total: 5800,
      paid: 2000,
      balanceDue: 3800,
      delivery: { method: 'delivery', address: 'Av. Arequipa 1234, dpto 5', reference: '', zone: 'Lince', timeWindow: '' },
    } satisfies Partial<Order>;
    const text = orderConfirmationText(full as Order, defaultSettings);
    expect(text).toMatch(/• Envío: S\/\s8\.00/);
    expect(text).toMatch(/Total: S\/\s58\.00\nPagado: S\/\s20\.00\nSaldo por pagar: S\/\s38\.00/);
    expect(text).toContain('Entrega: sábado, 7 de marzo\nDirección: Av. Arequipa 1234, dpto 5, Lince');
    const chile = orderConfirmationText(full as Order, { ...defaultSettings, currency: 'CLP', locale: 'es-CL' });
    expect(chile).toMatch(/Pagado: \$\s?2\.000/);
    // A template with its own placeholders gets each value once, where the seller put it.
    const own = orderConfirmationText(full as Order, { ...defaultSettings, orderConfirmationTemplate: '{productos}|{envio}|{total}|{pagado}|{saldo}|{entrega}|{direccion}' });
    expect(own).toMatch(/^• 2× Labial mate – Rojo\|S\/\s8\.00\|S\/\s58\.00\|S\/\s20\.00\|S\/\s38\.00\|Entrega: sábado, 7 de marzo\|Av\. Arequipa 1234, dpto 5, Lince$/);
    const pickup = orderConfirmationText({ ...full, delivery: { ...full.delivery, method: 'pickup' } } as Order, defaultSettings);
    expect(pickup).toContain('Recojo: sábado, 7 de marzo');
    expect(pickup).not.toContain('Dirección');
  });
});
