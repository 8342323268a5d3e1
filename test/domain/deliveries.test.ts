import { describe, expect, it } from 'vitest';
import { nextDeliveryDay } from '../../shared/domain/deliveries';

describe('the next delivery day', () => {
  // Wednesday 4 March 2026, 23:30 in Lima (already Thursday in UTC).
  const now = Date.parse('2026-03-04T23:30:00-05:00');
  it('is the next Tuesday, Thursday or Saturday after today, in the shop time zone', () => {
    expect(nextDeliveryDay(now, 'America/Lima', [2, 4, 6])).toBe('2026-03-05');
    expect(nextDeliveryDay(now, 'America/Lima', [6])).toBe('2026-03-07');
    expect(nextDeliveryDay(now, 'America/Lima', [3])).toBe('2026-03-11');
  });
  it('is tomorrow when no days are set', () => {
    expect(nextDeliveryDay(now, 'America/Lima', [])).toBe('2026-03-05');
  });
});
