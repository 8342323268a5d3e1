import type Database from 'better-sqlite3';
import { migrations } from './migrations';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** For what SQL alone cannot do (reading phone numbers); runs after `sql`, in the same transaction. */
  run?: (db: Database.Database) => void;
}

export const latestVersion = (): number => migrations.at(-1)?.version ?? 0;

/** Applies every pending migration in one transaction and records the version in user_version. */
export const migrate = (db: Database.Database): number => {
  const current = Number(db.pragma('user_version', { simple: true }));
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  db.transaction(() => {
    // Set on every migration so an empty file becomes recognisably ours in the same commit.
    db.pragma(`application_id = ${0x43485153}`);
    for (const m of pending) {
      db.exec(m.sql);
      m.run?.(db);
    }
    db.pragma(`user_version = ${latestVersion()}`);
  })();
  return latestVersion();
};
