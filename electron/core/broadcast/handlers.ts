import fs from 'node:fs';
import path from 'node:path';
import { fail } from '../../../shared/api/errors';
import { recordsToCsv } from '../../../shared/csv';
import { isDirectTarget, type BroadcastStatus, type BroadcastTarget } from '../../../shared/domain/broadcasts';
import type { CoreContext, Handlers } from '../context';
import { exportsDirFor, exportUrl } from '../exports';
import { getPromotion } from '../promotions/handlers';
import { readSettings } from '../settings/repo';
import { assembleBroadcast } from './assemble';
import { channelOfTarget, directText, postText, previewPlan, viaFor } from './plan';
import * as repo from './repo';
import { selectRecipients } from './select';

const load = (ctx: CoreContext, id: number) => repo.findBroadcast(ctx.db, id) ?? fail('not_found', `Broadcast ${id} does not exist`, { field: 'id' });

const transition = (ctx: CoreContext, id: number, allowed: BroadcastStatus[], next: BroadcastStatus) => {
  const row = load(ctx, id);
  if (!allowed.includes(row.status)) fail('conflict', `A ${row.status} broadcast cannot be ${next === 'running' ? 'started' : next}`, { details: { status: row.status } });
  repo.setBroadcastStatus(ctx.db, id, next, ctx.now());
  if (next === 'cancelled') {
    ctx.db.prepare("UPDATE outbox SET status = 'skipped', error = 'cancelled', updated_at = ? WHERE broadcast_id = ? AND status IN ('pending', 'unknown')").run(ctx.now(), id);
  }
  ctx.emit('broadcasts.progress', { broadcastId: id, status: next });
  if (next === 'running') ctx.outbox.wake();
  return assembleBroadcast(ctx, load(ctx, id));
};

/** Instagram cannot schedule by itself: the outbox holds its post and story until publishAt. */
const isHeldUntilPublishAt = (target: BroadcastTarget): boolean => target === 'instagram_feed' || target === 'instagram_story';

const checkPublishAt = (ctx: CoreContext, publishAt: number | null, targets: BroadcastTarget[]): void => {
  if (publishAt === null) return;
  const ahead = publishAt - ctx.now();
  if (targets.includes('facebook_post')) {
    if (ahead < 10 * 60_000 || ahead > 75 * 86_400_000) fail('invalid_input', 'publishAt: Facebook schedules posts from 10 minutes to 75 days ahead', { field: 'publishAt' });
  } else if (ahead < 60_000 || ahead > 75 * 86_400_000) {
    fail('invalid_input', 'publishAt: a scheduled post goes from 1 minute to 75 days ahead', { field: 'publishAt' });
  }
};

export const broadcastHandlers = {
  'broadcasts.preview': (ctx, args) => {
    const promo = getPromotion(ctx, args.promotionId);
    return previewPlan(ctx.db, ctx.channels, promo, args.targets, args.filter, readSettings(ctx.db).timeZone, ctx.now());
  },

  'broadcasts.create': (ctx, args) => {
    const promo = getPromotion(ctx, args.promotionId);
    if (promo.status === 'ended' || promo.status === 'draft') fail('conflict', `promotionId: a ${promo.status} promotion cannot be broadcast`, { field: 'promotionId' });
    checkPublishAt(ctx, args.publishAt, args.targets);
    const now = ctx.now();
    const id = repo.insertBroadcast(ctx.db, { promotionId: promo.id, targets: args.targets, filter: args.filter, publishAt: args.publishAt }, now);
    for (const target of args.targets) {
      if (isDirectTarget(target)) {
        for (const r of selectRecipients(ctx.db, args.filter, readSettings(ctx.db).timeZone, ctx.now()).recipients) {
          repo.insertOutboxRow(ctx.db, { broadcastId: id, target, via: r.via, customerId: r.customerId, conversationId: r.conversationId, address: r.address, text: directText(promo, r.name), key: `b${id}-${target}-c${r.customerId}` }, now);
        }
      } else {
        repo.insertOutboxRow(ctx.db, { broadcastId: id, target, via: viaFor(ctx.channels, channelOfTarget[target]), customerId: null, conversationId: null, address: '', text: postText(promo, target), key: `b${id}-${target}`, notBefore: isHeldUntilPublishAt(target) ? args.publishAt : null }, now);
      }
    }
    return assembleBroadcast(ctx, load(ctx, id));
  },

  'broadcasts.start': (ctx, args) => transition(ctx, args.id, ['draft'], 'running'),
  'broadcasts.pause': (ctx, args) => transition(ctx, args.id, ['running'], 'paused'),
  'broadcasts.resume': (ctx, args) => transition(ctx, args.id, ['paused'], 'running'),
  'broadcasts.cancel': (ctx, args) => transition(ctx, args.id, ['draft', 'running', 'paused'], 'cancelled'),
  'broadcasts.get': (ctx, args) => assembleBroadcast(ctx, load(ctx, args.id)),
  'broadcasts.list': (ctx, args) => ({ items: repo.listBroadcastRows(ctx.db, args.promotionId, args.limit).map((row) => assembleBroadcast(ctx, row)) }),
  'broadcasts.recipients': (ctx, args) => {
    load(ctx, args.id);
    return repo.recipientsOf(ctx.db, args.id, args.status, args.limit, args.offset);
  },

  'broadcasts.exportReport': (ctx, args) => {
    const broadcast = load(ctx, args.id);
    const { items } = repo.recipientsOf(ctx.db, broadcast.id, undefined, 1_000_000, 0);
    const csv = recordsToCsv(
      items.map((r) => ({
        destino: r.target,
        cliente: r.customerName,
        chat: r.address,
        estado: r.status,
        intentos: r.attempts,
        enviado: r.sentAt ? new Date(r.sentAt).toISOString() : '',
        error: r.error,
      })),
    );
    const dir = exportsDirFor(ctx.dataDir);
    fs.mkdirSync(dir, { recursive: true });
    const fileName = `difusion-${broadcast.id}-reporte.csv`;
    const file = path.join(dir, fileName);
    fs.writeFileSync(file, csv);
    return { path: file, url: exportUrl(fileName), fileName, bytes: fs.statSync(file).size };
  },
} satisfies Partial<Handlers>;
