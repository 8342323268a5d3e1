import { DateTime } from 'luxon';
import type { Photo } from './catalog';

/** One promo list for every channel and the stall. Money is integer minor units; days are shop-local dates. */

export const promotionKinds = ['price', 'percent', 'bundle'] as const;
export type PromotionKind = (typeof promotionKinds)[number];

export type PromotionStatus = 'draft' | 'scheduled' | 'active' | 'ended';

export interface PromotionItem {
  variantId: number;
  productId: number;
  sku: string;
  name: string;
  regularPrice: number;
  /** For 'price' promotions: the promo price; for 'percent', derived; for 'bundle', the regular price. */
  promoPrice: number;
  photoUrl: string | null;
}

export interface ChannelTexts {
  whatsapp: string;
  instagram: string;
  facebook: string;
}

export interface Promotion {
  id: number;
  title: string;
  text: string;
  kind: PromotionKind;
  percentOff: number | null;
  /** "3 por S/ 50": bundleQuantity 3, bundlePrice 5000. "2x1": bundleQuantity 2, bundlePayFor 1. */
  bundleQuantity: number | null;
  bundlePayFor: number | null;
  bundlePrice: number | null;
  startsOn: string | null;
  endsOn: string | null;
  status: PromotionStatus;
  items: PromotionItem[];
  /** Photos uploaded for the promotion itself (a banner, a flyer); product photos come with the items. */
  images: Photo[];
  /** What the seller wrote herself for a channel; null means the generated text is used. */
  customTexts: { whatsapp: string | null; instagram: string | null; facebook: string | null };
  texts: ChannelTexts;
  createdAt: number;
  updatedAt: number;
}

export const channelLimits = { whatsapp: 65_536, whatsappStatus: 700, instagram: 2_200, instagramHashtags: 30, facebook: 63_206 } as const;

export const promotionStatus = (
  promo: { startsOn: string | null; endsOn: string | null; isEnded: boolean; itemCount: number },
  now: number,
  timeZone: string,
): PromotionStatus => {
  if (promo.isEnded) return 'ended';
  if (promo.itemCount === 0 || !promo.startsOn) return 'draft';
  const today = DateTime.fromMillis(now, { zone: timeZone }).toISODate() ?? '';
  if (today < promo.startsOn) return 'scheduled';
  if (promo.endsOn && today > promo.endsOn) return 'ended';
  return 'active';
};

/** Unit price under a price or percent promotion (bundles price the whole set, see bundleTotal). */
export const unitPromoPrice = (kind: PromotionKind, regular: number, promoPrice: number | null, percentOff: number | null): number => {
  if (kind === 'price' && promoPrice !== null) return Math.min(regular, promoPrice);
  if (kind === 'percent' && percentOff !== null) return Math.round((regular * (100 - percentOff)) / 100);
  return regular;
};

/** What N units cost under a bundle: full sets at the bundle price, the rest at the regular price. */
export const bundleTotal = (
  quantity: number,
  regular: number,
  bundle: { bundleQuantity: number | null; bundlePayFor: number | null; bundlePrice: number | null },
): number => {
  const size = bundle.bundleQuantity ?? 0;
  if (size < 2) return quantity * regular;
  const sets = Math.floor(quantity / size);
  const rest = quantity % size;
  const setPrice = bundle.bundlePrice ?? (bundle.bundlePayFor ?? size) * regular;
  return sets * Math.min(setPrice, size * regular) + rest * regular;
};

export const bundleLabel = (promo: Pick<Promotion, 'bundleQuantity' | 'bundlePayFor' | 'bundlePrice'>, formatMoney: (minor: number) => string): string => {
  if (!promo.bundleQuantity) return '';
  if (promo.bundlePrice !== null) return `${promo.bundleQuantity} por ${formatMoney(promo.bundlePrice)}`;
  return `${promo.bundleQuantity}x${promo.bundlePayFor ?? 1}`;
};

export const waLink = (number: string, message: string): string => `https://wa.me/${number}?text=${encodeURIComponent(message)}`;

export const hashtagOf = (text: string): string =>
  `#${text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(/\s+/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())
    .join('')}`;
