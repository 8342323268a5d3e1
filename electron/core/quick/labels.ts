import type { AppEvent } from '../../../shared/api/contract';
import { fail } from '../../../shared/api/errors';
import { isSendingStatus } from '../../../shared/domain/channels';
import type { Label, LabelTarget, PhoneLabel } from '../../../shared/domain/quick';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';

interface LabelRow {
  id: number;
  name: string;
  color: string;
  wa_label_id: string | null;
  conversations: number;
  orders: number;
}

const LABEL_SQL = `
  SELECT l.id, l.name, l.color, l.wa_label_id,
         (SELECT count(*) FROM conversation_labels WHERE label_id = l.id) AS conversations,
         (SELECT count(*) FROM order_labels WHERE label_id = l.id) AS orders
    FROM labels l`;

const toLabel = (row: LabelRow): Label => ({ id: row.id, name: row.name, color: row.color, waLabelId: row.wa_label_id, conversations: row.conversations, orders: row.orders });

export const listLabels = (db: Db): Label[] => db.prepare<[], LabelRow>(`${LABEL_SQL} ORDER BY l.name COLLATE NOCASE`).all().map(toLabel);

export const getLabel = (db: Db, id: number): Label =>
  toLabel(db.prepare<[number], LabelRow>(`${LABEL_SQL} WHERE l.id = ?`).get(id) ?? fail('not_found', `Label ${id} does not exist`, { field: 'id' }));

export const saveLabel = (db: Db, args: { id?: number; name: string; color: string }, now: number): Label => {
  const clash = db.prepare<[string, number], number>('SELECT id FROM labels WHERE name = ? AND id <> ?').pluck().get(args.name, args.id ?? 0);
  if (clash !== undefined) fail('conflict', `name: there is already a label "${args.name}"`, { field: 'name' });
  if (args.id === undefined) {
    return getLabel(db, Number(db.prepare('INSERT INTO labels (name, color, created_at) VALUES (?, ?, ?)').run(args.name, args.color, now).lastInsertRowid));
  }
  getLabel(db, args.id);
  db.prepare('UPDATE labels SET name = ?, color = ?, is_starter = 0 WHERE id = ?').run(args.name, args.color, args.id);
  return getLabel(db, args.id);
};

export const deleteLabel = (db: Db, id: number): void => {
  getLabel(db, id);
  db.prepare('DELETE FROM labels WHERE id = ?').run(id);
};

const tables: Record<LabelTarget, { table: string; column: string; owner: string }> = {
  conversation: { table: 'conversation_labels', column: 'conversation_id', owner: 'conversations' },
  order: { table: 'order_labels', column: 'order_id', owner: 'orders' },
};

export const labelIdsOf = (db: Db, target: LabelTarget, ids: number[]): { id: number; labelIds: number[] }[] => {
  if (ids.length === 0) return [];
  const { table, column } = tables[target];
  const rows = db
    .prepare<number[], { owner: number; label_id: number }>(`SELECT ${column} AS owner, label_id FROM ${table} WHERE ${column} IN (${ids.map(() => '?').join(',')}) ORDER BY label_id`)
    .all(...ids);
  return ids.map((id) => ({ id, labelIds: rows.filter((r) => r.owner === id).map((r) => r.label_id) }));
};

/** Replaces the labels of one chat or order, in one transaction. */
export const setLabels = (db: Db, target: LabelTarget, id: number, labelIds: number[]): void => {
  const { table, column, owner } = tables[target];
  db.transaction(() => {
    if (!db.prepare(`SELECT 1 FROM ${owner} WHERE id = ?`).get(id)) fail('not_found', `${target === 'order' ? 'Order' : 'Conversation'} ${id} does not exist`, { field: 'id' });
    for (const labelId of labelIds) {
      if (!db.prepare('SELECT 1 FROM labels WHERE id = ?').get(labelId)) fail('not_found', `labelIds: label ${labelId} does not exist`, { field: 'labelIds' });
    }
    db.prepare(`DELETE FROM ${table} WHERE ${column} = ?`).run(id);
    const insert = db.prepare(`INSERT INTO ${table} (${column}, label_id) VALUES (?, ?)`);
    for (const labelId of labelIds) insert.run(id, labelId);
  })();
};

/**
 * Her phone keeps WhatsApp Business labels too: a chat's labels that mirror phone labels are
 * written back to the phone. Anything that stops it (not Business, not connected) leaves Chasqui's
 * labels saved and says so.
 */
export const pushToPhone = async (ctx: CoreContext, conversationId: number): Promise<'synced' | 'skipped' | 'failed'> => {
  const route = ctx.db
    .prepare<[number], { channel: string; external_id: string; via: string | null }>('SELECT channel, external_id, via FROM conversations WHERE id = ?')
    .get(conversationId);
  const known = ctx.db.prepare<[], { id: number; wa_label_id: string }>('SELECT id, wa_label_id FROM labels WHERE wa_label_id IS NOT NULL').all();
  if (route?.channel !== 'whatsapp' || route.via !== 'whatsapp' || known.length === 0 || !isSendingStatus(ctx.channels.get('whatsapp').status)) return 'skipped';
  const on = new Set(labelIdsOf(ctx.db, 'conversation', [conversationId])[0]?.labelIds ?? []);
  const wanted = known.filter((l) => on.has(l.id)).map((l) => l.wa_label_id);
  try {
    return (await ctx.channels.setChatLabels('whatsapp', route.external_id, wanted, known.map((l) => l.wa_label_id))) ? 'synced' : 'skipped';
  } catch {
    return 'failed';
  }
};

export const phoneLabels = async (ctx: CoreContext): Promise<PhoneLabel[]> => {
  const labels = await ctx.channels.listLabels('whatsapp');
  if (labels === null) return [];
  return labels.map((label) => ({
    waLabelId: label.id,
    name: label.name,
    color: label.color,
    chats: label.chatIds.length,
    labelId:
      ctx.db.prepare<[string, string], number>('SELECT id FROM labels WHERE wa_label_id = ? OR (wa_label_id IS NULL AND name = ?) ORDER BY wa_label_id IS NULL LIMIT 1').pluck().get(label.id, label.name) ??
      null,
  }));
};

/** Brings phone labels in (a label of the same name becomes the mirror), with the WhatsApp chats that carry them. */
export const importPhoneLabels = async (ctx: CoreContext, waLabelIds: string[]): Promise<{ imported: number; assigned: number }> => {
  const labels = (await ctx.channels.listLabels('whatsapp')) ?? fail('channel_not_ready', 'Labels need WhatsApp connected', { details: { channel: 'whatsapp' } });
  const chosen = labels.filter((l) => waLabelIds.includes(l.id));
  if (chosen.length === 0) fail('not_found', 'waLabelIds: none of these labels is on the phone any more', { field: 'waLabelIds' });
  const db = ctx.db;
  return db.transaction(() => {
    let imported = 0;
    let assigned = 0;
    for (const label of chosen) {
      const name = label.name.trim().slice(0, 40) || `WhatsApp ${label.id}`;
      let id = db.prepare<[string, string], number>('SELECT id FROM labels WHERE wa_label_id = ? OR (wa_label_id IS NULL AND name = ?) ORDER BY wa_label_id IS NULL LIMIT 1').pluck().get(label.id, name);
      if (id === undefined) {
        id = Number(db.prepare('INSERT INTO labels (name, color, wa_label_id, created_at) VALUES (?, ?, ?, ?)').run(name, label.color, label.id, ctx.now()).lastInsertRowid);
        imported += 1;
      } else db.prepare('UPDATE labels SET wa_label_id = ?, is_starter = 0 WHERE id = ?').run(label.id, id);
      const conversation = db.prepare<[string], number>("SELECT id FROM conversations WHERE channel = 'whatsapp' AND external_id = ?").pluck();
      const insert = db.prepare('INSERT OR IGNORE INTO conversation_labels (conversation_id, label_id) VALUES (?, ?)');
      for (const chatId of label.chatIds) {
        const conversationId = conversation.get(chatId);
        if (conversationId !== undefined) assigned += insert.run(conversationId, id).changes;
      }
    }
    return { imported, assigned };
  })();
};

/**
 * Phone → Chasqui for the labels she imported: whatsapp-web.js emits no event when a label is put
 * on or taken off a chat on the phone, so this re-reads the phone's labels (on connect and every
 * few minutes) and makes the live WhatsApp chats here carry exactly what the phone shows. A label
 * deleted on the phone stays in Chasqui, no longer mirrored; a new colour comes along. Chats imported
 * from a file and her own labels are left alone. Returns the conversations that changed.
 */
export const syncPhoneLabels = async (ctx: Pick<CoreContext, 'db' | 'channels'>): Promise<number[]> => {
  const mirrors = ctx.db.prepare<[], { id: number; wa_label_id: string; color: string }>('SELECT id, wa_label_id, color FROM labels WHERE wa_label_id IS NOT NULL').all();
  if (mirrors.length === 0 || !isSendingStatus(ctx.channels.get('whatsapp').status)) return [];
  const phone = await ctx.channels.listLabels('whatsapp');
  if (phone === null) return [];
  const byId = new Map(phone.map((label) => [label.id, label]));
  const db = ctx.db;
  return db.transaction(() => {
    const changed = new Set<number>();
    const liveChat = db.prepare<[string], number>("SELECT id FROM conversations WHERE channel = 'whatsapp' AND via = 'whatsapp' AND external_id = ?").pluck();
    const carrying = db.prepare<[number], number>(
      "SELECT cl.conversation_id FROM conversation_labels cl JOIN conversations c ON c.id = cl.conversation_id WHERE cl.label_id = ? AND c.channel = 'whatsapp' AND c.via = 'whatsapp'",
    ).pluck();
    const add = db.prepare('INSERT OR IGNORE INTO conversation_labels (conversation_id, label_id) VALUES (?, ?)');
    const remove = db.prepare('DELETE FROM conversation_labels WHERE conversation_id = ? AND label_id = ?');
    for (const mirror of mirrors) {
      const label = byId.get(mirror.wa_label_id);
      if (!label) {
        db.prepare('UPDATE labels SET wa_label_id = NULL WHERE id = ?').run(mirror.id);
        continue;
      }
      if (label.color !== mirror.color) db.prepare('UPDATE labels SET color = ? WHERE id = ?').run(label.color, mirror.id);
      const wanted = new Set(label.chatIds.flatMap((chatId) => liveChat.all(chatId)));
      const current = new Set(carrying.all(mirror.id));
      for (const id of wanted) if (!current.has(id) && add.run(id, mirror.id).changes > 0) changed.add(id);
      for (const id of current) if (!wanted.has(id) && remove.run(id, mirror.id).changes > 0) changed.add(id);
    }
    return [...changed];
  })();
};

/** Keeps phone labels in step while WhatsApp is connected: at once when it becomes ready, then every `everyMs`. */
export const startPhoneLabelSync = (deps: {
  ctx: () => Pick<CoreContext, 'db' | 'channels'>;
  onChanged: (conversationIds: number[]) => void;
  subscribe: (listener: (event: AppEvent) => void) => () => void;
  everyMs?: number;
}): (() => void) => {
  let isBusy = false;
  const run = async (): Promise<void> => {
    if (isBusy) return;
    isBusy = true;
    try {
      const changed = await syncPhoneLabels(deps.ctx());
      if (changed.length > 0) deps.onChanged(changed);
    } catch {
      // The phone is unreachable for now: the next round tries again, the channel card shows why.
    } finally {
      isBusy = false;
    }
  };
  const unsubscribe = deps.subscribe((event) => {
    if (event.type === 'channels.status' && event.payload.kind === 'whatsapp' && event.payload.status === 'ready') void run();
  });
  const timer = setInterval(() => void run(), deps.everyMs ?? 5 * 60_000);
  timer.unref();
  return () => {
    clearInterval(timer);
    unsubscribe();
  };
};
