import type Database from 'better-sqlite3';
import type { Language } from '../../../shared/domain/settings';
import { starterLabels, starterReplies } from './starters';

/** Puts the starter replies and labels in place, in her language (inside the caller's transaction). */
export const seedStarters = (db: Database.Database, language: Language, now: number): void => {
  const reply = db.prepare('INSERT OR IGNORE INTO quick_replies (name, text, is_starter, created_at, updated_at) VALUES (?, ?, 1, ?, ?)');
  starterReplies[language].forEach((r, i) => reply.run(r.name, r.text, now + i, now + i));
  const label = db.prepare('INSERT OR IGNORE INTO labels (name, color, is_starter, created_at) VALUES (?, ?, 1, ?)');
  for (const l of starterLabels[language]) label.run(l.name, l.color, now);
};

/**
 * The shop's language was chosen after the first run (the welcome): starters she has not touched
 * switch to that language. Anything she edited, added or used stays as it is.
 */
export const relocalizeStarters = (db: Database.Database, language: Language, now: number): void => {
  const other: Language = language === 'es' ? 'en' : 'es';
  const untouchedReplies = db.prepare<[], { name: string }>('SELECT name FROM quick_replies WHERE is_starter = 1').all();
  const otherNames = new Set(starterReplies[other].map((r) => r.name));
  if (untouchedReplies.length > 0 && untouchedReplies.every((r) => otherNames.has(r.name))) {
    db.prepare('DELETE FROM quick_replies WHERE is_starter = 1').run();
    const insert = db.prepare('INSERT OR IGNORE INTO quick_replies (name, text, is_starter, created_at, updated_at) VALUES (?, ?, 1, ?, ?)');
    starterReplies[language].forEach((r, i) => insert.run(r.name, r.text, now + i, now + i));
  }
  const otherLabels = new Set(starterLabels[other].map((l) => l.name));
  const unusedStarters = db
    .prepare<[], { id: number; name: string }>(
      `SELECT id, name FROM labels l WHERE is_starter = 1
         AND NOT EXISTS (SELECT 1 FROM conversation_labels WHERE label_id = l.id)
         AND NOT EXISTS (SELECT 1 FROM order_labels WHERE label_id = l.id)`,
    )
    .all()
    .filter((l) => otherLabels.has(l.name));
  if (unusedStarters.length === 0) return;
  const remove = db.prepare('DELETE FROM labels WHERE id = ?');
  for (const l of unusedStarters) remove.run(l.id);
  const insert = db.prepare('INSERT OR IGNORE INTO labels (name, color, is_starter, created_at) VALUES (?, ?, 1, ?)');
  for (const l of starterLabels[language]) insert.run(l.name, l.color, now);
};
