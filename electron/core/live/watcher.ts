import { isSendingStatus } from '../../../shared/domain/channels';
import type { ChannelHub } from '../channels/hub';
import type { Db } from '../db/open';
import type { Dispatch } from '../dispatch';

/**
 * While a live is on: finds the seller's stream on Instagram or Facebook, reads its new comments
 * every few seconds and hands each to live.ingestComment (claims become reservations there).
 * Once a minute, due reservations expire. Channel trouble shows on the channel card, never here.
 */
export const startLiveWatcher = (deps: { db: () => Db; channels: ChannelHub; dispatch: Dispatch; everyMs?: number }): (() => void) => {
  let isBusy = false;
  let ticks = 0;
  const tick = async (): Promise<void> => {
    if (isBusy) return;
    isBusy = true;
    try {
      ticks += 1;
      if (ticks % 20 === 1) await deps.dispatch('live.expireDue', {});
      const live = deps.db().prepare<[], { id: number; channel: string; external_id: string | null; last_comment_at: number }>("SELECT id, channel, external_id, last_comment_at FROM lives WHERE status = 'live' ORDER BY id DESC LIMIT 1").get();
      if (!live || (live.channel !== 'instagram' && live.channel !== 'facebook')) return;
      const kind = live.channel;
      if (!isSendingStatus(deps.channels.get(kind).status)) return;
      if (live.external_id === null) {
        const found = await deps.channels.findLive(kind).catch(() => null);
        if (found) deps.db().prepare('UPDATE lives SET external_id = ? WHERE id = ? AND external_id IS NULL').run(found, live.id);
        return;
      }
      const comments = await deps.channels.liveComments(kind, live.external_id, live.last_comment_at).catch(() => []);
      for (const comment of comments) {
        await deps.dispatch('live.ingestComment', { liveId: live.id, channel: kind, externalId: comment.externalId, handle: comment.handle, name: comment.name, text: comment.text, at: comment.at });
      }
    } finally {
      isBusy = false;
    }
  };
  const timer = setInterval(() => void tick(), deps.everyMs ?? 3000);
  timer.unref();
  return () => clearInterval(timer);
};
