import { describe, expect, it } from 'vitest';
import { listTime } from '../../../renderer/features/chats/listTime';

const lima = { locale: 'es-PE', timeZone: 'America/Lima', yesterday: 'ayer' };
/** 29 Nov 2026, 08:30 in Lima (13:30 UTC). */
const now = Date.parse('2026-11-29T08:30:00-05:00');

describe("the chat list's times, in the shop's locale and zone", () => {
  it('the time today, "ayer" yesterday, the date before', () => {
    expect(listTime(Date.parse('2026-11-29T00:05:00-05:00'), now, lima)).toMatch(/^12:05\s?a\.\s?m\.$|^0?0:05$/);
    expect(listTime(Date.parse('2026-11-28T23:59:00-05:00'), now, lima)).toBe('ayer');
    expect(listTime(Date.parse('2026-11-27T10:00:00-05:00'), now, lima)).toMatch(/^27 nov\.?$/);
    expect(listTime(Date.parse('2025-02-13T10:00:00-05:00'), now, lima)).toBe('13/02/25');
  });

  it('days are the shop\'s days, not UTC\'s: 22:00 in Lima yesterday is already "today" in UTC', () => {
    const lateYesterday = Date.parse('2026-11-28T22:00:00-05:00');
    expect(listTime(lateYesterday, now, lima)).toBe('ayer');
    expect(listTime(lateYesterday, now, { ...lima, timeZone: 'UTC' })).not.toBe('ayer');
  });

  it('English shops get their own format', () => {
    expect(listTime(Date.parse('2026-11-29T15:05:00-05:00'), Date.parse('2026-11-29T16:00:00-05:00'), { locale: 'en-US', timeZone: 'America/Lima', yesterday: 'yesterday' })).toBe('3:05 PM');
  });
});
