import { describe, expect, it } from 'vitest';
import { balanceDueOf, detectZone, isDeliveryDay, isoWeekday } from '../../shared/domain/orders';

describe('order rules the seller relies on', () => {
  const zones = [{ name: 'Surco', fee: 800 }, { name: 'Miraflores', fee: 1000 }, { name: 'San Juan de Miraflores', fee: 1200 }, { name: 'Breña', fee: 900 }];

  it('finds the zone a message names, without accents or capitals, whole words only, longest first', () => {
    expect(detectZone('hola! vivo en surco, me lo traes?', zones)?.fee).toBe(800);
    expect(detectZone('VIVO EN BRENA', zones)?.name).toBe('Breña');
    expect(detectZone('soy de San Juan de Miraflores', zones)?.name).toBe('San Juan de Miraflores');
    expect(detectZone('estoy en surquillo', zones)).toBeNull();
    expect(detectZone('cualquier cosa', [])).toBeNull();
  });

  it('tells whether a date is one of the shop delivery days (Tue/Thu/Sat)', () => {
    expect(isoWeekday('2026-03-07')).toBe(6);
    expect(isoWeekday('2026-03-08')).toBe(7);
    expect(isDeliveryDay('2026-03-07', [2, 4, 6])).toBe(true);
    expect(isDeliveryDay('2026-03-08', [2, 4, 6])).toBe(false);
    expect(isDeliveryDay('2026-03-08', [])).toBe(true);
  });

  it('owes nothing on a cancelled order', () => {
    expect(balanceDueOf('cancelled', 5000, 0)).toBe(0);
    expect(balanceDueOf('confirmed', 5000, 2000)).toBe(3000);
    expect(balanceDueOf('new', 5000, 6000)).toBe(0);
  });
});
