import type { AppEvent } from '../../../shared/api/contract';
import { ChasquiError, type ErrorCode } from '../../../shared/api/errors';
import { effectivePacing, nextAllowedAt, randomGapMs, type BroadcastTarget, type Pacing } from '../../../shared/domain/broadcasts';
import { isSendingStatus, type ChannelKind } from '../../../shared/domain/channels';
import type { MessageChannel } from '../../../shared/domain/inbox';
import type { Promotion } from '../../../shared/domain/promotions';
import type { ShopSettings } from '../../../shared/domain/settings';
import type { OutgoingFile, PostKind, SentText } from '../channels/adapter';
import type { ChannelHub } from '../channels/hub';
import { consentOf } from '../customers/consent';
import type { Db } from '../db/open';
import { recordOutgoing } from '../inbox/repo';
import { recordReminder, reminderSkipReason } from '../payments/repo';
import { imageFormatOf } from './plan';
import * as repo from './repo';

export interface RunnerDeps {
  db: () => Db;
  channels: ChannelHub;
  now: () => number;
  settings: () => ShopSettings;
  publish: (event: AppEvent) => void;
  loadPromotion: (id: number) => Promotion;
  renderImage: (promo: Promotion, format: 'square' | 'story') => Promise<Buffer>;
  /** Makes the document a row carries (the catalog PDF), when it goes out. */
  renderAttachment?: (attachment: repo.OutboxAttachment) => Promise<OutgoingFile>;
  random?: () => number;
  /** Off in tests that drive runDue() with their own clock. */
  isTimerEnabled?: boolean;
}

export interface OutboxRunner {
  /** Marks sends cut off by a crash as unknown and goes on with running broadcasts. */
  start(): void;
  /** Sends everything that is due now, one at a time, and returns how many sends it tried. */
  runDue(): Promise<number>;
  wake(): void;
  /** When the next direct message through this channel may go out (null: nothing planned). */
  nextSendAt(via: ChannelKind): number | null;
  stop(): void;
}

const pausing: ReadonlySet<ErrorCode> = new Set(['channel_not_ready', 'channel_blocked', 'channel_rate_limited', 'channel_auth_failed', 'browser_not_found']);
const postKindOf: Record<Exclude<BroadcastTarget, 'whatsapp_direct'>, PostKind> = {
  whatsapp_status: 'status',
  instagram_feed: 'feed',
  instagram_story: 'story',
  facebook_post: 'page_post',
};
/** Posts go to everyone (Status, feed, story, Page); every other target is a message to one chat. */
const isPost = (target: repo.OutboxRow['target']): target is keyof typeof postKindOf => Object.hasOwn(postKindOf, target);
const DAY = 86_400_000;
const CLOCK_SKEW_MS = 2 * 60_000;

/** Messages one by one to many people are paced; a live's messages answer people who asked, so only the gaps apply. */
/** A waiting list's notice goes to many people at once, so it keeps the broadcasts' full pacing. */
/** Por cobrar's reminders, several at once, keep the full pacing too. */
const isPaced = (target: repo.OutboxRow['target']): boolean => repo.pacedTargets.includes(target);
const pacingFor = (target: repo.OutboxRow['target'], pacing: Pacing): Pacing =>
  target === 'live_message' ? { ...pacing, hourlyCap: 10_000, dailyCap: 100_000, quietStart: '00:00', quietEnd: '00:00' } : pacing;

type Pick = { row: repo.OutboxRow; waitUntil: null } | { row: null; waitUntil: number | null };

/**
 * Works through the outbox: every send was committed as a row before it goes out, so after a
 * crash this picks up exactly where it stopped. Direct messages are paced per channel (random
 * gaps, hourly and daily caps, quiet hours); a sign of a block pauses the broadcast at once.
 */
export const createOutboxRunner = (deps: RunnerDeps): OutboxRunner => {
  const random = deps.random ?? Math.random;
  const gapUntil = new Map<ChannelKind, number>();
  const nextAt = new Map<ChannelKind, number>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let isStopped = false;

  const progress = (broadcastId: number | null, status: string): void => {
    if (broadcastId !== null) deps.publish({ type: 'broadcasts.progress', payload: { broadcastId, status } });
  };

  const pause = (broadcastId: number, reason: string): void => {
    repo.setBroadcastStatus(deps.db(), broadcastId, 'paused', deps.now(), reason);
    progress(broadcastId, 'paused');
  };

  const finishIfDone = (broadcastId: number | null): void => {
    if (broadcastId === null) return;
    const counts = repo.countsOf(deps.db(), broadcastId);
    if (counts.pending + counts.sending + counts.unknown === 0 && repo.findBroadcast(deps.db(), broadcastId)?.status === 'running') {
      repo.setBroadcastStatus(deps.db(), broadcastId, 'done', deps.now());
      progress(broadcastId, 'done');
    }
  };

  const pick = (now: number): Pick => {
    const db = deps.db();
    const settings = deps.settings();
    const running = new Set(repo.runningBroadcastIds(db));
    const candidates = db
      .prepare<[], repo.OutboxRow>("SELECT * FROM outbox WHERE status IN ('pending', 'unknown') ORDER BY id LIMIT 500")
      .all()
      .filter((row) => row.broadcast_id === null || running.has(row.broadcast_id));
    let waitUntil: number | null = null;
    const later = (at: number) => (waitUntil = waitUntil === null ? at : Math.min(waitUntil, at));
    const seenVia = new Set<ChannelKind>();
    nextAt.clear();
    for (const row of candidates) {
      if (row.not_before !== null && row.not_before > now) {
        later(row.not_before);
        continue;
      }
      const channel = deps.channels.get(row.via);
      if (!isSendingStatus(channel.status)) {
        if (row.broadcast_id !== null && ['blocked', 'rate_limited', 'needs_auth', 'not_connected'].includes(channel.status)) {
          pause(row.broadcast_id, `channel_${channel.status}:${row.via}`);
          running.delete(row.broadcast_id);
        } else later(now + 30_000);
        continue;
      }
      if (!isPaced(row.target) || row.status === 'unknown') return { row, waitUntil: null };
      if (seenVia.has(row.via)) continue;
      seenVia.add(row.via);
      const pacing = pacingFor(row.target, effectivePacing(settings.pacing, channel.linkedAt, now));
      const allowed = nextAllowedAt({ now, gapUntil: gapUntil.get(row.via) ?? 0, sentTimes: repo.sendTimesSince(db, row.via, now - DAY), pacing, timeZone: settings.timeZone });
      nextAt.set(row.via, allowed);
      if (allowed <= now) return { row, waitUntil: null };
      later(allowed);
    }
    return { row: null, waitUntil };
  };

  /** A send cut off by a crash: look for it in the chat before sending it again. */
  const reconcile = async (row: repo.OutboxRow): Promise<void> => {
    const db = deps.db();
    let recent: SentText[] | null = null;
    if (row.address && !isPost(row.target)) {
      recent = await deps.channels.recentOutgoing(row.via, row.address).catch(() => null);
    }
    // The same words sent after this send was claimed (a little clock skew allowed); an older copy
    // of the same promotion, from an earlier broadcast, does not count.
    const isFound = recent?.some((sent) => sent.text.trim() === row.text.trim() && sent.at >= row.updated_at - CLOCK_SKEW_MS) ?? false;
    if (isFound) repo.finishRow(db, row.id, 'sent', deps.now(), { error: 'found in the chat after a restart' });
    else db.prepare("UPDATE outbox SET status = 'pending', updated_at = ? WHERE id = ? AND status = 'unknown'").run(deps.now(), row.id);
    progress(row.broadcast_id, 'reconciled');
  };

  /** A message to one chat, with its document when it has one and the channel takes files; else the text alone (it carries the link). */
  const sendToChat = async (row: repo.OutboxRow): Promise<{ externalId: string; sentAt: number; text: string }> => {
    if (row.attachment !== null && deps.renderAttachment && deps.channels.canSendFiles(row.via)) {
      let file: OutgoingFile | null = null;
      try {
        file = await deps.renderAttachment(row.attachment);
      } catch (error) {
        console.error('[chasqui] the document for an outgoing message could not be made:', error instanceof Error ? error.message : error);
      }
      if (file) return { ...(await deps.channels.sendFile(row.via, row.address, row.text, row.idempotency_key, file)), text: `${row.text}\n📄 ${file.fileName}` };
    }
    return { ...(await deps.channels.send(row.via, row.address, row.text, row.idempotency_key)), text: row.text };
  };

  const send = async (row: repo.OutboxRow): Promise<void> => {
    const db = deps.db();
    if (row.status === 'unknown') return reconcile(row);
    const now = deps.now();
    // Consent is read again right before the send: a "BAJA" that just arrived wins.
    if (row.target === 'whatsapp_direct' && row.customer_id !== null && consentOf(db, row.customer_id) !== 'opted_in') {
      repo.finishRow(db, row.id, 'skipped', now, { error: 'opted out' });
      progress(row.broadcast_id, 'skipped');
      return;
    }
    // A reminder is checked again too: paid meanwhile, or reminded by hand today, it does not go.
    const reminderSkip = row.target === 'payment_reminder' && row.customer_id !== null ? reminderSkipReason(db, row.customer_id, now, row.id) : null;
    if (reminderSkip) {
      repo.finishRow(db, row.id, 'skipped', now, { error: reminderSkip });
      return;
    }
    if (!repo.claimRow(db, row.id, now)) return;
    progress(row.broadcast_id, 'sending');
    try {
      let externalId: string;
      if (!isPost(row.target)) {
        const sent = await sendToChat(row);
        externalId = sent.externalId;
        if (row.conversation_id !== null) {
          // The promotion shows in the customer's timeline like any message she sent.
          const conversationId = row.conversation_id;
          const channel = db.prepare<[number], MessageChannel>('SELECT channel FROM conversations WHERE id = ?').pluck().get(conversationId) ?? 'whatsapp';
          const recorded = recordOutgoing(db, { conversationId, channel, externalId, author: deps.settings().shopName, text: sent.text, sentAt: sent.sentAt });
          if (recorded.isNew) deps.publish({ type: 'inbox.message', payload: { conversationId, messageId: recorded.messageId } });
          if (row.target === 'payment_reminder' && row.customer_id !== null) recordReminder(db, row.customer_id, recorded.messageId, deps.now());
        }
        if (isPaced(row.target)) {
          const pacing = effectivePacing(deps.settings().pacing, deps.channels.get(row.via).linkedAt, deps.now());
          gapUntil.set(row.via, deps.now() + randomGapMs(pacing, random));
        }
      } else {
        const broadcast = row.broadcast_id === null ? undefined : repo.findBroadcast(db, row.broadcast_id);
        const promo = deps.loadPromotion(broadcast?.promotion_id ?? 0);
        const format = imageFormatOf[row.target];
        const image = format ? await deps.renderImage(promo, format) : undefined;
        const publishAt = row.target === 'facebook_post' ? (broadcast?.publish_at ?? undefined) : undefined;
        externalId = (await deps.channels.publish(row.via, { kind: postKindOf[row.target], text: row.text, image, publishAt })).externalId;
      }
      repo.finishRow(deps.db(), row.id, 'sent', deps.now(), { externalId });
      progress(row.broadcast_id, 'sent');
    } catch (error) {
      const code = error instanceof ChasquiError ? error.code : 'internal';
      const message = error instanceof Error ? error.message : String(error);
      if (pausing.has(code)) {
        // Refused before or by the network: it did not go out, so it waits for the seller to resume.
        deps.db().prepare("UPDATE outbox SET status = 'pending', error = ?, updated_at = ? WHERE id = ?").run(message, deps.now(), row.id);
        if (row.broadcast_id !== null) pause(row.broadcast_id, `${code}:${row.via}`);
      } else {
        repo.finishRow(deps.db(), row.id, 'failed', deps.now(), { error: message });
        progress(row.broadcast_id, 'failed');
      }
    }
    finishIfDone(row.broadcast_id);
  };

  const schedule = (waitUntil: number | null): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (isStopped || waitUntil === null || deps.isTimerEnabled === false) return;
    timer = setTimeout(() => void runDue(), Math.max(0, Math.min(waitUntil - deps.now(), 60_000)));
    timer.unref();
  };

  const drain = async (): Promise<number> => {
    let attempted = 0;
    for (let guard = 0; guard < 100_000 && !isStopped; guard += 1) {
      const next = pick(deps.now());
      if (!next.row) {
        for (const id of repo.runningBroadcastIds(deps.db())) finishIfDone(id);
        schedule(next.waitUntil);
        break;
      }
      await send(next.row);
      attempted += 1;
    }
    return attempted;
  };

  const runDue = (): Promise<number> => {
    // One send at a time, whoever asks: pacing is about the order of sends, not just their count.
    running ??= drain().finally(() => (running = null));
    return running;
  };

  const wake = (): void => {
    if (isStopped || deps.isTimerEnabled === false) return;
    setImmediate(() => void runDue());
  };

  return {
    start: () => {
      // Sends cut off by a crash or a power cut are looked for before anything is sent again.
      repo.markInterruptedSends(deps.db());
      for (const via of ['whatsapp', 'demo'] as const) {
        const last = repo.sendTimesSince(deps.db(), via, deps.now() - DAY).at(-1);
        if (last !== undefined) gapUntil.set(via, last + deps.settings().pacing.minGapSeconds * 1000);
      }
      wake();
    },
    runDue,
    wake,
    nextSendAt: (via) => nextAt.get(via) ?? null,
    stop: () => {
      isStopped = true;
      if (timer) clearTimeout(timer);
    },
  };
};
