/** Whether a customer may receive promotions: not asked yet, yes, or no (BAJA). */
export const promoConsents = ['unknown', 'opted_in', 'opted_out'] as const;
export type PromoConsent = (typeof promoConsents)[number];
