import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js';

/**
 * Every phone in Chasqui goes through here: typed by the seller, read from a chat, shown on screen,
 * put in a tel: or wa.me link. Numbers are read with the shop's country (so "987 222 333" in a
 * Peruvian shop is +51987222333) and stored in E.164. Pure: used by the core and the renderer alike,
 * with the same metadata, so both agree on what is valid.
 */
export type PhoneCountry = CountryCode;

/** Longer than any real number with spaces and dashes; what is longer is not a phone. */
const MAX_PHONE_TEXT = 40;

const countryOf = (locale: string): PhoneCountry | undefined => {
  try {
    const region = new Intl.Locale(locale).maximize().region;
    return region && isSupportedCountry(region) ? region : undefined;
  } catch {
    return undefined;
  }
};

/** Remembered per locale: ICU's maximize costs as much as reading the number itself, on every message. */
const countries = new Map<string, PhoneCountry | undefined>();
const MAX_REMEMBERED = 64;

/** The shop's country from its locale: "es-PE" → "PE"; undefined when the locale names none we know. */
export const countryOfLocale = (locale: string): PhoneCountry | undefined => {
  if (countries.has(locale)) return countries.get(locale);
  if (countries.size >= MAX_REMEMBERED) countries.clear();
  const country = countryOf(locale);
  countries.set(locale, country);
  return country;
};

/** "Perú" for PE in Spanish, "Peru" in English; the code itself where the browser has no names. */
export const countryName = (country: string, language: string): string => {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(country) ?? country;
  } catch {
    return country;
  }
};

const validOrNull = (phone: PhoneNumber | undefined): PhoneNumber | null => (phone?.isValid() ? phone : null);

/**
 * Mexico dropped the "1" after +52 for mobiles in 2020, but WhatsApp ids and old contacts still carry
 * it ("5215512345678"); libphonenumber refuses that form, so try it without the 1.
 */
const withoutMexicanMobileOne = (phone: PhoneNumber | undefined): PhoneNumber | null => {
  if (!phone || phone.countryCallingCode !== '52' || !/^1\d{10}$/.test(phone.nationalNumber)) return null;
  return validOrNull(parsePhoneNumberFromString(`+52${phone.nationalNumber.slice(1)}`));
};

const parse = (text: string, country: PhoneCountry | undefined): PhoneNumber | null => {
  const trimmed = text.trim();
  // Only what people write in a number: digits, spaces, + - . ( ) /. Letters mean it is not one.
  if (trimmed === '' || trimmed.length > MAX_PHONE_TEXT || !/^[\d\s+\-.()/]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, '');
  const candidates: (() => PhoneNumber | undefined)[] = [
    () => parsePhoneNumberFromString(trimmed, country),
    // 00 is how most of Latin America and Spain dial abroad: "0051 987…" is "+51 987…".
    () => (!trimmed.startsWith('+') && digits.startsWith('00') ? parsePhoneNumberFromString(`+${digits.slice(2)}`) : undefined),
    // A full international number without its +, as WhatsApp writes them ("51987654321").
    () => (!trimmed.startsWith('+') && digits.length >= 11 ? parsePhoneNumberFromString(`+${digits}`) : undefined),
  ];
  for (const candidate of candidates) {
    const phone = candidate();
    const valid = validOrNull(phone) ?? withoutMexicanMobileOne(phone);
    if (valid) return valid;
  }
  return null;
};

/** E.164 ("+51987222333") for a number written any usual way, or null when it is not a valid number. */
export const toE164 = (text: string, country: PhoneCountry | undefined): string | null => parse(text, country)?.number ?? null;

export const isValidPhone = (text: string, country: PhoneCountry | undefined): boolean => parse(text, country) !== null;

/**
 * How a number is shown: "987 222 333" for the shop's own country, "+34 612 34 56 78" for others.
 * A stored value that is not a valid number (an old row) is shown as it was written.
 */
export const formatPhone = (stored: string, country: PhoneCountry | undefined): string => {
  const phone = parse(stored, country);
  if (!phone) return stored;
  return phone.country !== undefined && phone.country === country ? phone.formatNational() : phone.formatInternational();
};

/** The number as wa.me and WhatsApp ids want it: E.164 digits without the + ("51987222333"); '' when invalid. */
export const whatsappDigits = (stored: string, country: PhoneCountry | undefined): string => parse(stored, country)?.number.slice(1) ?? '';

/** "tel:+51987222333", or null when the stored value is not a number one can call. */
export const telHref = (stored: string, country: PhoneCountry | undefined): string | null => {
  const phone = parse(stored, country);
  return phone ? `tel:${phone.number}` : null;
};

/** "https://wa.me/51987222333" (with the message, when given), or null when the number is not valid. */
export const whatsappHref = (stored: string, country: PhoneCountry | undefined, message = ''): string | null => {
  const digits = whatsappDigits(stored, country);
  if (!digits) return null;
  return message ? `https://wa.me/${digits}?text=${encodeURIComponent(message)}` : `https://wa.me/${digits}`;
};

/** What an invalid_input error about a phone carries, so the screen can say it in the seller's words. */
export interface InvalidPhoneDetails {
  reason: 'invalid_phone';
  /** What was typed, cut to a readable length. */
  phone: string;
  /** The country it was read for ("PE"), '' when the shop's locale names none. */
  country: string;
}

export const invalidPhoneDetails = (text: string, country: PhoneCountry | undefined): InvalidPhoneDetails => ({
  reason: 'invalid_phone',
  phone: text.trim().slice(0, MAX_PHONE_TEXT),
  country: country ?? '',
});
