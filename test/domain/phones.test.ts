import { describe, expect, it } from 'vitest';
import { countryName, countryOfLocale, formatPhone, invalidPhoneDetails, isValidPhone, telHref, toE164, whatsappDigits, whatsappHref } from '../../shared/domain/phones';

describe('reading phone numbers with the shop\'s country', () => {
  it.each([
    // Peru: mobiles are 9 digits starting with 9.
    ['PE', '987 222 333', '+51987222333'],
    ['PE', '987-222-333', '+51987222333'],
    ['PE', '+51 987 222 333', '+51987222333'],
    ['PE', '0051 987 222 333', '+51987222333'],
    ['PE', '51987222333', '+51987222333'],
    ['PE', '(+51) 987.222.333', '+51987222333'],
    // Mexico: 10 digits; the old "1" after +52 still comes in from WhatsApp ids and old contacts.
    ['MX', '55 1234 5678', '+525512345678'],
    ['MX', '+52 55-1234-5678', '+525512345678'],
    ['MX', '0052 55 1234 5678', '+525512345678'],
    ['MX', '+52 1 55 1234 5678', '+525512345678'],
    ['MX', '5215512345678', '+525512345678'],
    // Spain.
    ['ES', '612 345 678', '+34612345678'],
    ['ES', '+34 612-345-678', '+34612345678'],
    ['ES', '0034 612 34 56 78', '+34612345678'],
    // Colombia.
    ['CO', '300 123 4567', '+573001234567'],
    ['CO', '+57 300-123-4567', '+573001234567'],
    // Argentina: mobiles carry a 9 after +54, and are written at home with 0 and 15.
    ['AR', '+54 9 11 1234-5678', '+5491112345678'],
    ['AR', '011 15-1234-5678', '+5491112345678'],
    ['AR', '0054 9 11 1234 5678', '+5491112345678'],
    ['AR', '9 11 1234 5678', '+5491112345678'],
    // A number from another country keeps its own code.
    ['PE', '+34 612 345 678', '+34612345678'],
  ] as const)('%s: "%s" is %s', (country, text, e164) => {
    expect(toE164(text, country)).toBe(e164);
    expect(isValidPhone(text, country)).toBe(true);
  });

  it.each([
    ['PE', '912 345 67'], // 8 digits: one short of a Peruvian mobile
    ['PE', '5191234567'],
    ['PE', '+51 912 345 67'],
    ['PE', '12345'],
    ['PE', 'no tengo'],
    ['PE', '987 222 333 ; rm -rf /'],
    ['PE', ''],
    ['PE', '9'.repeat(60)],
    ['MX', '987 222 333'],
    ['CO', '300 123 456'],
  ] as const)('%s: refuses "%s"', (country, text) => {
    expect(toE164(text, country)).toBeNull();
    expect(isValidPhone(text, country)).toBe(false);
  });
});

describe('links and display', () => {
  it('builds tel: with + and wa.me with digits only, from any way the number was stored', () => {
    for (const stored of ['987 222 333', '+51987222333', '51987222333']) {
      expect(telHref(stored, 'PE')).toBe('tel:+51987222333');
      expect(whatsappHref(stored, 'PE')).toBe('https://wa.me/51987222333');
      expect(whatsappDigits(stored, 'PE')).toBe('51987222333');
    }
    expect(whatsappHref('+51987222333', 'PE', '¡Hola! ¿Y mi pedido?')).toBe(`https://wa.me/51987222333?text=${encodeURIComponent('¡Hola! ¿Y mi pedido?')}`);
  });

  it('gives no link for a number that is not valid, rather than a wrong one', () => {
    expect(telHref('912 345 67', 'PE')).toBeNull();
    expect(whatsappHref('912 345 67', 'PE')).toBeNull();
    expect(whatsappDigits('912 345 67', 'PE')).toBe('');
  });

  it('shows the shop\'s own numbers in national format and others in international format', () => {
    expect(formatPhone('+51987222333', 'PE')).toBe('987 222 333');
    expect(formatPhone('+34612345678', 'PE')).toBe('+34 612 34 56 78');
    expect(formatPhone('+525512345678', 'MX')).toBe('55 1234 5678');
    expect(formatPhone('912 345 67', 'PE')).toBe('912 345 67');
  });

  it('knows the shop\'s country from its locale and names it in the seller\'s language', () => {
    expect(countryOfLocale('es-PE')).toBe('PE');
    expect(countryOfLocale('es-MX')).toBe('MX');
    expect(countryOfLocale('es-AR')).toBe('AR');
    expect(countryOfLocale('not a locale')).toBeUndefined();
    expect(countryName('PE', 'es')).toBe('Perú');
    expect(countryName('PE', 'en')).toBe('Peru');
  });

  it('describes a refused number with what was typed, bounded, and the country', () => {
    expect(invalidPhoneDetails(' 912 345 67 ', 'PE')).toEqual({ reason: 'invalid_phone', phone: '912 345 67', country: 'PE' });
    expect(invalidPhoneDetails('9'.repeat(100), undefined).phone).toHaveLength(40);
  });
});
