import crypto from 'node:crypto';
import { fail } from '../../../shared/api/errors';
import type { PairedDevice } from '../../../shared/api/methods/lan';
import type { Db } from '../db/open';

const CODE_TTL = 10 * 60_000;
const MAX_FAILURES = 5;
const LOCKOUT = 10 * 60_000;

export interface PairingState {
  code: string | null;
  expiresAt: number;
  failures: number;
  lockedUntil: number;
  /** Set by the shell that listens on the network, so the seller's screen can show it. */
  url: string | null;
}

export const newPairingState = (): PairingState => ({ code: null, expiresAt: 0, failures: 0, lockedUntil: 0, url: null });

export const hashToken = (token: string): string => crypto.createHash('sha256').update(token).digest('hex');

export const issueCode = (state: PairingState, now: number): { code: string; expiresAt: number } => {
  state.code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
  state.expiresAt = now + CODE_TTL;
  return { code: state.code, expiresAt: state.expiresAt };
};

/** Single-use codes that expire; five wrong tries lock pairing for ten minutes and burn the code. */
export const checkCode = (state: PairingState, code: string, now: number): void => {
  if (now < state.lockedUntil) fail('forbidden', 'Too many wrong codes; pairing is locked for a while', { field: 'code' });
  const isValid = state.code !== null && now <= state.expiresAt && crypto.timingSafeEqual(Buffer.from(code), Buffer.from(state.code));
  if (!isValid) {
    state.failures += 1;
    if (state.failures >= MAX_FAILURES) {
      state.lockedUntil = now + LOCKOUT;
      state.failures = 0;
      state.code = null;
    }
    fail('unauthorized', 'Wrong or expired code', { field: 'code' });
  }
  state.code = null;
  state.failures = 0;
};

export const addDevice = (db: Db, name: string, now: number): { deviceId: number; token: string } => {
  const token = crypto.randomBytes(32).toString('base64url');
  const deviceId = Number(db.prepare('INSERT INTO devices (name, token_hash, created_at) VALUES (?, ?, ?)').run(name, hashToken(token), now).lastInsertRowid);
  return { deviceId, token };
};

interface DeviceRow {
  id: number;
  name: string;
  created_at: number;
  last_seen_at: number | null;
  revoked_at: number | null;
}

const toDevice = (row: DeviceRow): PairedDevice => ({ id: row.id, name: row.name, createdAt: row.created_at, lastSeenAt: row.last_seen_at, isRevoked: row.revoked_at !== null });

export const listDevices = (db: Db): PairedDevice[] => db.prepare<[], DeviceRow>('SELECT * FROM devices ORDER BY id DESC').all().map(toDevice);

export const revokeDevice = (db: Db, id: number, now: number): PairedDevice => {
  db.prepare('UPDATE devices SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?').run(now, id);
  const row = db.prepare<[number], DeviceRow>('SELECT * FROM devices WHERE id = ?').get(id);
  return row ? toDevice(row) : fail('not_found', `Device ${id} does not exist`, { field: 'id' });
};

/** The device a token belongs to, if it is still allowed in. */
export const deviceForToken = (db: Db, token: string, now: number): number | null => {
  const row = db.prepare<[string], { id: number; revoked_at: number | null }>('SELECT id, revoked_at FROM devices WHERE token_hash = ?').get(hashToken(token));
  if (!row || row.revoked_at !== null) return null;
  db.prepare('UPDATE devices SET last_seen_at = ? WHERE id = ?').run(now, row.id);
  return row.id;
};
