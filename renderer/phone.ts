import { countryName, countryOfLocale, formatPhone, telHref, whatsappHref, type PhoneCountry } from '../shared/domain/phones';
import type { Translate } from './i18n';
import { useSettings } from './store/settings';

export interface PhoneTools {
  /** The shop's country, which numbers without a country code belong to. */
  country: PhoneCountry | undefined;
  /** "987 222 333" for the shop's country, international for others, as stored when not a number. */
  format(stored: string): string;
  /** tel: link with +country code, or null when the number is not valid (no link beats a wrong one). */
  tel(stored: string): string | null;
  /** wa.me link (digits only), with the message when given, or null when the number is not valid. */
  whatsapp(stored: string, message?: string): string | null;
}

export const phoneTools = (locale: string): PhoneTools => {
  const country = countryOfLocale(locale);
  return {
    country,
    format: (stored) => formatPhone(stored, country),
    tel: (stored) => telHref(stored, country),
    whatsapp: (stored, message) => whatsappHref(stored, country, message),
  };
};

export const usePhone = (): PhoneTools => phoneTools(useSettings((s) => s.settings.locale));

/** "El número 912 345 67 no es un celular válido de Perú", in the seller's language. */
export const invalidPhoneMessage = (t: Translate, phone: string, country: string | undefined): string => {
  if (!country) return t('phone.invalidAnywhere', { phone });
  return t('phone.invalid', { phone, country: countryName(country, useSettings.getState().settings.language) });
};
