import { fail } from '../../../shared/api/errors';
import type { TeamMember, TeamRole } from '../../../shared/api/methods/team';
import type { Db } from '../db/open';

interface PersonRow {
  id: number;
  name: string;
  role: TeamRole;
  created_at: number;
  device_count: number;
}

const SELECT_PEOPLE = /* sql */ `
  SELECT p.id, p.name, p.role, p.created_at,
    (SELECT count(*) FROM devices d WHERE d.person_id = p.id AND d.revoked_at IS NULL) AS device_count
  FROM people p WHERE p.removed_at IS NULL`;

const toMember = (row: PersonRow): TeamMember => ({ id: row.id, name: row.name, role: row.role, createdAt: row.created_at, deviceCount: row.device_count });

export const listPeople = (db: Db): TeamMember[] => db.prepare<[], PersonRow>(`${SELECT_PEOPLE} ORDER BY p.name COLLATE NOCASE, p.id`).all().map(toMember);

export const getPerson = (db: Db, id: number): TeamMember => {
  const row = db.prepare<[number], PersonRow>(`${SELECT_PEOPLE} AND p.id = ?`).get(id);
  return row ? toMember(row) : fail('not_found', `Person ${id} is not in the team`, { field: 'id' });
};

const MAX_PEOPLE = 50;

/** Two people of the team with one name could not be told apart on a note or in a filter. */
const refuseTakenName = (db: Db, name: string, exceptId: number): void => {
  const isTaken = db.prepare('SELECT 1 FROM people WHERE removed_at IS NULL AND name = ? COLLATE NOCASE AND id <> ?').get(name, exceptId) !== undefined;
  if (isTaken) fail('conflict', `${name} is already in the team`, { field: 'name' });
};

export const addPerson = (db: Db, name: string, role: TeamRole, now: number): TeamMember => {
  const count = Number(db.prepare('SELECT count(*) FROM people WHERE removed_at IS NULL').pluck().get());
  if (count >= MAX_PEOPLE) fail('conflict', `A team has at most ${MAX_PEOPLE} people`);
  refuseTakenName(db, name, 0);
  const id = Number(db.prepare('INSERT INTO people (name, role, created_at) VALUES (?, ?, ?)').run(name, role, now).lastInsertRowid);
  return getPerson(db, id);
};

export const updatePerson = (db: Db, id: number, changes: { name?: string; role?: TeamRole }): TeamMember => {
  getPerson(db, id);
  if (changes.name !== undefined) refuseTakenName(db, changes.name, id);
  db.prepare('UPDATE people SET name = coalesce(?, name), role = coalesce(?, role) WHERE id = ?').run(changes.name ?? null, changes.role ?? null, id);
  return getPerson(db, id);
};

/** What they recorded keeps their name; their phones stop working at once. */
export const removePerson = (db: Db, id: number, now: number): void => {
  getPerson(db, id);
  db.prepare('UPDATE people SET removed_at = ? WHERE id = ?').run(now, id);
  db.prepare('UPDATE devices SET revoked_at = coalesce(revoked_at, ?) WHERE person_id = ?').run(now, id);
};

/** The role a paired device acts with; null when its person left the team. */
export const roleOfDevice = (db: Db, deviceId: number): { role: TeamRole; personId: number | null } | null => {
  const row = db
    .prepare<[number], { person_id: number | null; role: TeamRole | null; removed_at: number | null }>(
      'SELECT d.person_id, p.role, p.removed_at FROM devices d LEFT JOIN people p ON p.id = d.person_id WHERE d.id = ?',
    )
    .get(deviceId);
  if (!row) return null;
  // Phones paired before there was a team were delivery phones, and stay so.
  if (row.person_id === null) return { role: 'delivery', personId: null };
  if (row.removed_at !== null || row.role === null) return null;
  return { role: row.role, personId: row.person_id };
};

/** The name on a record: who did it, or null when it was the owner herself. */
export const actorOf = (db: Db, table: string, rowId: number): { personId: number; name: string } | null =>
  db
    .prepare<[string, number], { personId: number; name: string }>(
      'SELECT p.id AS personId, p.name FROM record_actors r JOIN people p ON p.id = r.person_id WHERE r.table_name = ? AND r.row_id = ?',
    )
    .get(table, rowId) ?? null;
