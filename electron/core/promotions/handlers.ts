import { fail } from '../../../shared/api/errors';
import type { Promotion } from '../../../shared/domain/promotions';
import type { CoreContext, Handlers } from '../context';
import { readSettings } from '../settings/repo';
import { assemblePromotions } from './assemble';
import * as repo from './repo';

export const getPromotion = (ctx: CoreContext, id: number): Promotion => {
  const row = repo.findPromotionRow(ctx.db, id) ?? fail('not_found', `Promotion ${id} does not exist`, { field: 'id' });
  const [promotion] = assemblePromotions(ctx.db, [row], readSettings(ctx.db), ctx.now());
  return promotion ?? fail('not_found', `Promotion ${id} does not exist`, { field: 'id' });
};

/** The active promotions a variant belongs to, best price first; orders use the first. */
export const activePromotionsFor = (ctx: CoreContext, variantId: number): Promotion[] =>
  repo
    .promotionIdsForVariant(ctx.db, variantId)
    .map((id) => getPromotion(ctx, id))
    .filter((p) => p.status === 'active');

const changed = (ctx: CoreContext, id: number): Promotion => {
  ctx.emit('promotions.changed', { promotionIds: [id] });
  return getPromotion(ctx, id);
};

export const promotionHandlers = {
  'promotions.list': (ctx, args) => {
    const all = assemblePromotions(ctx.db, repo.listPromotionRows(ctx.db), readSettings(ctx.db), ctx.now());
    return { items: args.status ? all.filter((p) => p.status === args.status) : all };
  },

  'promotions.get': (ctx, args) => getPromotion(ctx, args.id),

  'promotions.create': (ctx, args) => {
    const id = repo.insertPromotion(ctx.db, args, ctx.now());
    repo.replacePromotionItems(ctx.db, id, args.items);
    repo.setPromotionImages(ctx.db, id, args.imageIds);
    return changed(ctx, id);
  },

  'promotions.update': (ctx, args) => {
    const current = getPromotion(ctx, args.id);
    if (current.status === 'ended') fail('conflict', `Promotion "${current.title}" has ended; create a new one`, { field: 'id' });
    const next = {
      title: args.title ?? current.title,
      text: args.text ?? current.text,
      kind: current.kind,
      percentOff: args.percentOff === undefined ? current.percentOff : args.percentOff,
      bundleQuantity: args.bundleQuantity === undefined ? current.bundleQuantity : args.bundleQuantity,
      bundlePayFor: args.bundlePayFor === undefined ? current.bundlePayFor : args.bundlePayFor,
      bundlePrice: args.bundlePrice === undefined ? current.bundlePrice : args.bundlePrice,
      startsOn: args.startsOn === undefined ? current.startsOn : args.startsOn,
      endsOn: args.endsOn === undefined ? current.endsOn : args.endsOn,
      customTexts: {
        whatsapp: args.customTexts?.whatsapp === undefined ? current.customTexts.whatsapp : args.customTexts.whatsapp,
        instagram: args.customTexts?.instagram === undefined ? current.customTexts.instagram : args.customTexts.instagram,
        facebook: args.customTexts?.facebook === undefined ? current.customTexts.facebook : args.customTexts.facebook,
      },
    };
    if (next.startsOn && next.endsOn && next.endsOn < next.startsOn) fail('invalid_input', 'endsOn: must not be before the start', { field: 'endsOn' });
    if (next.kind === 'percent' && !next.percentOff) fail('invalid_input', 'percentOff: is required for a percentage promotion', { field: 'percentOff' });
    repo.updatePromotionRow(ctx.db, current.id, next, ctx.now());
    if (args.items) repo.replacePromotionItems(ctx.db, current.id, args.items);
    if (args.imageIds) repo.setPromotionImages(ctx.db, current.id, args.imageIds);
    return changed(ctx, current.id);
  },

  'promotions.end': (ctx, args) => {
    getPromotion(ctx, args.id);
    repo.endPromotionRow(ctx.db, args.id, ctx.now());
    return changed(ctx, args.id);
  },
} satisfies Partial<Handlers>;
