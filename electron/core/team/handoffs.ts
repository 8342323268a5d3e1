import { fail } from '../../../shared/api/errors';
import type { HandoffNote } from '../../../shared/api/methods/team';
import type { Db } from '../db/open';
import { getPerson } from './repo';

interface HandoffRow {
  id: number;
  conversation_id: number;
  customer_name: string | null;
  title: string;
  to_person_id: number | null;
  to_name: string | null;
  from_name: string | null;
  text: string;
  created_at: number;
  done_at: number | null;
}

const SELECT_HANDOFFS = /* sql */ `
  SELECT h.id, h.conversation_id, cu.name AS customer_name, c.title, h.to_person_id, t.name AS to_name,
         (SELECT p.name FROM record_actors r JOIN people p ON p.id = r.person_id WHERE r.table_name = 'handoffs' AND r.row_id = h.id) AS from_name,
         h.text, h.created_at, h.done_at
    FROM handoffs h
    JOIN conversations c ON c.id = h.conversation_id
    LEFT JOIN customers cu ON cu.id = h.customer_id
    LEFT JOIN people t ON t.id = h.to_person_id`;

const toNote = (row: HandoffRow): HandoffNote => ({
  id: row.id,
  conversationId: row.conversation_id,
  customerName: row.customer_name ?? row.title,
  toPersonId: row.to_person_id,
  toName: row.to_name,
  fromName: row.from_name,
  text: row.text,
  createdAt: row.created_at,
  isDone: row.done_at !== null,
});

/** Open notes are few; a chat or a person never shows more than this many. */
const LIST_LIMIT = 100;

const conversationRow = (db: Db, id: number): { id: number; customer_id: number | null } =>
  db.prepare<[number], { id: number; customer_id: number | null }>('SELECT id, customer_id FROM conversations WHERE id = ?').get(id) ??
  fail('not_found', `Conversation ${id} does not exist`, { field: 'conversationId' });

export const assignConversation = (db: Db, conversationId: number, personId: number | null): { conversationId: number; assignedTo: { id: number; name: string } | null } => {
  conversationRow(db, conversationId);
  const person = personId === null ? null : getPerson(db, personId);
  db.prepare('UPDATE conversations SET assigned_person_id = ? WHERE id = ?').run(person?.id ?? null, conversationId);
  return { conversationId, assignedTo: person ? { id: person.id, name: person.name } : null };
};

export const getHandoff = (db: Db, id: number): HandoffNote => {
  const row = db.prepare<[number], HandoffRow>(`${SELECT_HANDOFFS} WHERE h.id = ?`).get(id);
  return row ? toNote(row) : fail('not_found', `Note ${id} does not exist`, { field: 'id' });
};

export const addHandoff = (db: Db, conversationId: number, toPersonId: number | null, text: string, now: number): HandoffNote => {
  const conversation = conversationRow(db, conversationId);
  if (toPersonId !== null) getPerson(db, toPersonId);
  const id = Number(
    db.prepare('INSERT INTO handoffs (conversation_id, customer_id, to_person_id, text, created_at) VALUES (?, ?, ?, ?, ?)').run(conversationId, conversation.customer_id, toPersonId, text, now)
      .lastInsertRowid,
  );
  return getHandoff(db, id);
};

/** The open notes on this customer's chats (all their channels), or on this chat when it has no customer yet. */
export const handoffsOfConversation = (db: Db, conversationId: number): HandoffNote[] => {
  const conversation = conversationRow(db, conversationId);
  const where = conversation.customer_id === null ? 'h.conversation_id = ?' : 'h.customer_id = ?';
  return db
    .prepare<[number, number], HandoffRow>(`${SELECT_HANDOFFS} WHERE ${where} AND h.done_at IS NULL ORDER BY h.created_at DESC, h.id DESC LIMIT ?`)
    .all(conversation.customer_id ?? conversation.id, LIST_LIMIT)
    .map(toNote);
};

/** A helper's own list; for the owner, the notes left for her (no person, or a person with the owner's role). */
export const handoffsFor = (db: Db, personId: number | null): HandoffNote[] => {
  const where = personId === null ? "(h.to_person_id IS NULL OR t.role = 'owner')" : 'h.to_person_id = ?';
  return db
    .prepare<number[], HandoffRow>(`${SELECT_HANDOFFS} WHERE ${where} AND h.done_at IS NULL ORDER BY h.created_at DESC, h.id DESC LIMIT ?`)
    .all(...(personId === null ? [] : [personId]), LIST_LIMIT)
    .map(toNote);
};

export const finishHandoff = (db: Db, id: number, now: number): HandoffNote => {
  getHandoff(db, id);
  db.prepare('UPDATE handoffs SET done_at = coalesce(done_at, ?) WHERE id = ?').run(now, id);
  return getHandoff(db, id);
};
