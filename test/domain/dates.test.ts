import { describe, expect, it } from 'vitest';
import { dayRange, formatDayRange, formatWorkDay } from '../../shared/domain/dates';
import { validityText } from '../../shared/domain/promoTexts';
import { displayLocale } from '../../shared/domain/settings';

describe('dates in her words', () => {
  it('says a promotion is valid "del 5 al 6 de diciembre", not repeating the month', () => {
    expect(validityText({ startsOn: '2026-12-05', endsOn: '2026-12-06' }, 'es-PE')).toBe('Válido del 5 al 6 de diciembre');
    expect(validityText({ startsOn: '2026-11-29', endsOn: '2026-12-06' }, 'es-PE')).toBe('Válido del 29 de noviembre al 6 de diciembre');
    expect(validityText({ startsOn: '2026-12-05', endsOn: '2026-12-05' }, 'es-PE')).toBe('Válido solo el 5 de diciembre');
    expect(validityText({ startsOn: null, endsOn: '2026-12-05' }, 'es-PE')).toBe('Válido hasta el 5 de diciembre');
  });

  it('splits a range the way the platform shares its parts', () => {
    expect(dayRange('2026-12-05', '2026-12-06', 'es-PE')).toEqual({ head: '', start: '5', end: '6', tail: ' de diciembre', isOneDay: false });
    expect(formatDayRange('2026-12-05', '2026-12-06', 'es-PE')).toBe('5–6 de diciembre');
    expect(formatDayRange('2026-12-05', '2026-12-06', 'en')).toMatch(/^December 5\s?–\s?6$/);
  });

  it('names a delivery day with its weekday instead of an ISO date, in any time zone', () => {
    expect(formatWorkDay('2026-11-29', 'es-PE')).toBe('domingo, 29 de noviembre');
    expect(formatWorkDay('2026-11-29', 'en')).toBe('Sunday, November 29');
  });
});

describe('the screen locale', () => {
  it('follows the language in the shop region unless she chose a format', () => {
    expect(displayLocale({ locale: 'es-PE', language: 'es', isFormatFromLanguage: true })).toBe('es-PE');
    expect(displayLocale({ locale: 'es-PE', language: 'en', isFormatFromLanguage: true })).toBe('en-PE');
    expect(displayLocale({ locale: 'es', language: 'en', isFormatFromLanguage: true })).toBe('en');
    expect(displayLocale({ locale: 'es-PE', language: 'en', isFormatFromLanguage: false })).toBe('es-PE');
    const english = new Intl.DateTimeFormat(displayLocale({ locale: 'es-PE', language: 'en', isFormatFromLanguage: true }), { day: 'numeric', month: 'long', timeZone: 'UTC' });
    expect(english.format(new Date('2026-12-05T12:00:00Z'))).toBe('December 5');
  });
});
