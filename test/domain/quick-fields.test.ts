import { describe, expect, it } from 'vitest';
import { fillQuickText } from '../../shared/domain/quick';

describe('quick reply fields', () => {
  it('fills Spanish and English spellings, reports what it could not fill and leaves other braces alone', () => {
    const values = { cliente: 'Lucía', 'total del pedido': 'S/ 50.00' };
    expect(fillQuickText('Hola {cliente}, total {total del pedido}', values)).toEqual({ text: 'Hola Lucía, total S/ 50.00', missing: [] });
    expect(fillQuickText('Hi {Customer}, total {order total}', values)).toEqual({ text: 'Hi Lucía, total S/ 50.00', missing: [] });
    expect(fillQuickText('Te falta {saldo} {saldo} 😊 {emoji} {}', values)).toEqual({ text: 'Te falta {saldo} {saldo} 😊 {emoji} {}', missing: ['saldo'] });
  });

  it('never re-reads a filled value as a field (a customer named "{saldo}")', () => {
    expect(fillQuickText('Hola {cliente}', { cliente: '{saldo}', saldo: 'S/ 1' }).text).toBe('Hola {saldo}');
  });
});
