import { describe, expect, it } from 'vitest';
import { periodLabel } from '../../../renderer/features/reports/periodLabel';

describe("the sales chart's axis speaks the shop's date format", () => {
  it('days and weeks as day and month, months as month and year, in the shop locale', () => {
    expect(periodLabel('2026-03-02', 'day', 'es-PE')).toMatch(/^2 mar\.?$/);
    expect(periodLabel('2026-03-02', 'week', 'en-US')).toBe('Mar 2');
    expect(periodLabel('2026-03', 'month', 'es-PE')).toMatch(/^mar\.? (de )?2026$/);
    expect(periodLabel('2026-03', 'month', 'en-US')).toBe('Mar 2026');
  });
  it('never shows the raw ISO date for a day', () => {
    expect(periodLabel('2026-11-29', 'day', 'es-PE')).not.toContain('2026-11');
  });
});
