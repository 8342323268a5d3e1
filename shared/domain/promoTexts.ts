import { dayRange, formatDay } from './dates';
import { formatMoney } from './money';
import { bundleLabel, channelLimits, hashtagOf, waLink, type ChannelTexts, type Promotion } from './promotions';

export interface ShopFacts {
  shopName: string;
  whatsappNumber: string;
  currency: string;
  locale: string;
}

type PromoDraft = Omit<Promotion, 'id' | 'status' | 'texts' | 'createdAt' | 'updatedAt' | 'customTexts' | 'images'>;

export const validityText = (promo: Pick<Promotion, 'startsOn' | 'endsOn'>, locale: string): string => {
  if (promo.startsOn && promo.endsOn) {
    const range = dayRange(promo.startsOn, promo.endsOn, locale);
    return range.isOneDay ? `Válido solo el ${range.start}` : `Válido del ${range.head}${range.start} al ${range.end}${range.tail}`;
  }
  if (promo.endsOn) return `Válido hasta el ${formatDay(promo.endsOn, locale)}`;
  if (promo.startsOn) return `Desde el ${formatDay(promo.startsOn, locale)}`;
  return '';
};

/** The message a customer sends when she scans the QR or taps the link: it names the promotion. */
export const orderMessage = (promo: Pick<Promotion, 'title'>): string => `¡Hola! Quiero la promoción "${promo.title}" 🛍️`;

const itemLines = (promo: PromoDraft, shop: ShopFacts, style: 'whatsapp' | 'plain'): string[] => {
  const money = (minor: number) => formatMoney(minor, shop.currency, shop.locale);
  const badge = promo.kind === 'bundle' ? ` (${bundleLabel(promo, money)})` : promo.kind === 'percent' && promo.percentOff ? ` (-${promo.percentOff}%)` : '';
  return promo.items.map((item) => {
    const isDiscounted = item.promoPrice < item.regularPrice;
    if (!isDiscounted) return `• ${item.name}: ${money(item.regularPrice)}${badge}`;
    return style === 'whatsapp'
      ? `• ${item.name}: ~${money(item.regularPrice)}~ *${money(item.promoPrice)}*${badge}`
      : `• ${item.name}: antes ${money(item.regularPrice)}, ahora ${money(item.promoPrice)}${badge}`;
  });
};

/** Default texts, one per channel; the seller may overwrite any of them. */
export const generateChannelTexts = (promo: PromoDraft, shop: ShopFacts, extraHashtags: string[]): ChannelTexts => {
  const validity = validityText(promo, shop.locale);
  const link = shop.whatsappNumber ? waLink(shop.whatsappNumber, orderMessage(promo)) : '';
  const whatsapp = [
    `*${promo.title}* 🎉`,
    promo.text && promo.text.replace(/\*/g, ''),
    itemLines(promo, shop, 'whatsapp').join('\n'),
    validity && `_${validity}_ 📅`,
    link && `👉 Pídelo aquí: ${link}`,
  ]
    .filter(Boolean)
    .join('\n\n');
  const hashtags = [...new Set([hashtagOf(shop.shopName), ...extraHashtags.map(hashtagOf), '#Promo', '#Oferta'])].slice(0, 12);
  const instagram = [
    `✨ ${promo.title} ✨`,
    promo.text,
    itemLines(promo, shop, 'plain').join('\n'),
    validity && `📅 ${validity}`,
    '💬 Pídelo por DM o por WhatsApp (link en bio)',
    hashtags.join(' '),
  ]
    .filter(Boolean)
    .join('\n\n');
  const facebook = [
    `🎉 ${promo.title}`,
    promo.text,
    itemLines(promo, shop, 'plain').join('\n'),
    validity && `📅 ${validity}`,
    link ? `Escríbenos por WhatsApp: ${link}` : 'Escríbenos por Messenger para separar el tuyo.',
  ]
    .filter(Boolean)
    .join('\n\n');
  return { whatsapp, instagram: instagram.slice(0, channelLimits.instagram), facebook };
};

export type TextProblem = 'instagram_too_long' | 'instagram_too_many_hashtags' | 'instagram_links_not_clickable' | 'whatsapp_too_long' | 'facebook_too_long';

export interface TextCheck {
  length: number;
  limit: number;
  problems: TextProblem[];
}

/** What the seller sees under each text as she types. */
export const checkChannelText = (channel: keyof ChannelTexts, text: string): TextCheck => {
  const length = [...text].length;
  const problems: TextProblem[] = [];
  if (channel === 'instagram') {
    if (length > channelLimits.instagram) problems.push('instagram_too_long');
    if ((text.match(/#[\p{L}\p{N}_]+/gu) ?? []).length > channelLimits.instagramHashtags) problems.push('instagram_too_many_hashtags');
    if (/https?:\/\//.test(text)) problems.push('instagram_links_not_clickable');
  }
  if (channel === 'whatsapp' && length > channelLimits.whatsapp) problems.push('whatsapp_too_long');
  if (channel === 'facebook' && length > channelLimits.facebook) problems.push('facebook_too_long');
  const limit = channel === 'instagram' ? channelLimits.instagram : channel === 'whatsapp' ? channelLimits.whatsapp : channelLimits.facebook;
  return { length, limit, problems };
};
