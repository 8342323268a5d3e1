import { effectivePacing, isDirectTarget, nextAllowedAt, type Broadcast, type BroadcastTarget, type ChannelProgress, type RecipientFilter } from '../../../shared/domain/broadcasts';
import type { ChannelKind } from '../../../shared/domain/channels';
import type { CoreContext } from '../context';
import { readSettings } from '../settings/repo';
import * as repo from './repo';

/** Roughly when the last direct message will go: the same pacing rules, with average gaps. */
const estimateEnd = (ctx: CoreContext, via: ChannelKind, remaining: number, from: number): number => {
  const settings = readSettings(ctx.db);
  const pacing = effectivePacing(settings.pacing, ctx.channels.get(via).linkedAt, from);
  const averageGap = ((pacing.minGapSeconds + pacing.maxGapSeconds) / 2) * 1000;
  const sentTimes = repo.sendTimesSince(ctx.db, via, from - 86_400_000);
  let at = from;
  for (let i = 1; i < Math.min(remaining, 5000); i += 1) {
    sentTimes.push(at);
    at = nextAllowedAt({ now: at, gapUntil: at + averageGap, sentTimes, pacing, timeZone: settings.timeZone });
  }
  return at;
};

export const assembleBroadcast = (ctx: CoreContext, row: repo.BroadcastRow): Broadcast => {
  const targets: BroadcastTarget[] = JSON.parse(row.targets);
  const filter: RecipientFilter = JSON.parse(row.filter);
  const title = ctx.db.prepare<[number], string>('SELECT title FROM promotions WHERE id = ?').pluck().get(row.promotion_id) ?? '';
  const progress: ChannelProgress[] = targets.map((target) => {
    const counts = repo.countsOf(ctx.db, row.id, target);
    const remaining = counts.pending + counts.sending + counts.unknown;
    const via = ctx.db.prepare<[number, string], ChannelKind>('SELECT via FROM outbox WHERE broadcast_id = ? AND target = ? LIMIT 1').pluck().get(row.id, target);
    const isActive = row.status === 'running' && remaining > 0;
    const heldUntil = ctx.db
      .prepare<[number, string, number], number | null>("SELECT min(not_before) FROM outbox WHERE broadcast_id = ? AND target = ? AND status = 'pending' AND not_before > ?")
      .pluck()
      .get(row.id, target, ctx.now());
    const nextSendAt = isActive && via ? (isDirectTarget(target) ? (ctx.outbox.nextSendAt(via) ?? ctx.now()) : (heldUntil ?? ctx.now())) : null;
    return {
      target,
      counts,
      remaining,
      nextSendAt,
      estimatedEndAt: nextSendAt !== null && via ? (isDirectTarget(target) ? estimateEnd(ctx, via, remaining, nextSendAt) : nextSendAt) : null,
    };
  });
  return {
    id: row.id,
    promotionId: row.promotion_id,
    promotionTitle: title,
    status: row.status,
    targets,
    filter,
    publishAt: row.publish_at,
    pauseReason: row.pause_reason,
    counts: repo.countsOf(ctx.db, row.id),
    progress,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
};
