import crypto from 'node:crypto';
import { fail } from '../../../shared/api/errors';
import { DEVICE_IDLE_LIMIT, type PairedDevice } from '../../../shared/api/methods/lan';
import type { Db } from '../db/open';

export interface LanCertificate {
  installUrl: string;
  fingerprint: string;
}

const CODE_TTL = 10 * 60_000;
/** Wrong codes from one address before it is locked out. */
const MAX_FAILURES = 5;
const LOCKOUT = 10 * 60_000;
const MAX_LOCKOUT = 24 * 60 * 60_000;
/** Wrong codes from everyone together before the code is burnt: guessing stays bounded even from many addresses. */
const MAX_WRONG_PER_CODE = 20;
/** Addresses remembered at once, so a flood of sources cannot grow memory without end. */
const MAX_SOURCES = 1000;

interface SourceTries {
  failures: number;
  /** No try from this address is even looked at before this moment. */
  retryAt: number;
  lockouts: number;
}

export interface PairingState {
  code: string | null;
  expiresAt: number;
  /** Per network address: one noisy device on the wifi does not lock the seller's brother out. */
  sources: Map<string, SourceTries>;
  wrongOnCode: number;
  /** Set by the shell that listens on the network, so the seller's screen can show it. */
  url: string | null;
  /** The plain-HTTP page that installs the shop's certificate on a phone, and that certificate's short fingerprint. */
  certificate: LanCertificate | null;
  /** The person the current code pairs a device for. */
  personId: number | null;
}

export const newPairingState = (): PairingState => ({ code: null, expiresAt: 0, sources: new Map(), wrongOnCode: 0, url: null, certificate: null, personId: null });

/** The pause after each wrong code grows: none after the first (a typo), then 1, 2, 4 s; the fifth locks for 10 min, doubling each time. */
const pauseAfter = (tries: SourceTries): number => {
  if (tries.failures < MAX_FAILURES) return tries.failures <= 1 ? 0 : 1000 * 2 ** (tries.failures - 2);
  return Math.min(MAX_LOCKOUT, LOCKOUT * 2 ** tries.lockouts);
};

export const hashToken = (token: string): string => crypto.createHash('sha256').update(token).digest('hex');

export const issueCode = (state: PairingState, now: number, personId: number | null = null): { code: string; expiresAt: number } => {
  state.code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
  state.personId = personId;
  state.expiresAt = now + CODE_TTL;
  // The seller asking for a new code is the way to lift every lock at once.
  state.sources.clear();
  state.wrongOnCode = 0;
  return { code: state.code, expiresAt: state.expiresAt };
};

/** Single-use codes that expire; wrong codes slow down and then lock out the address they came from. */
export const checkCode = (state: PairingState, code: string, now: number, source: string): void => {
  const tries = state.sources.get(source) ?? { failures: 0, retryAt: 0, lockouts: 0 };
  if (now < tries.retryAt) {
    const seconds = Math.ceil((tries.retryAt - now) / 1000);
    fail('forbidden', `Too many wrong codes; try again in ${seconds} s`, { field: 'code', details: { retryAfterMs: tries.retryAt - now } });
  }
  const isValid = state.code !== null && now <= state.expiresAt && crypto.timingSafeEqual(Buffer.from(code), Buffer.from(state.code));
  if (!isValid) {
    tries.failures += 1;
    tries.retryAt = now + pauseAfter(tries);
    if (tries.failures >= MAX_FAILURES) {
      tries.failures = 0;
      tries.lockouts += 1;
    }
    state.sources.delete(source);
    state.sources.set(source, tries);
    if (state.sources.size > MAX_SOURCES) state.sources.delete(state.sources.keys().next().value ?? '');
    state.wrongOnCode += 1;
    if (state.wrongOnCode >= MAX_WRONG_PER_CODE) state.code = null;
    fail('unauthorized', 'Wrong or expired code', { field: 'code' });
  }
  state.code = null;
  state.sources.delete(source);
  state.wrongOnCode = 0;
};

export const addDevice = (db: Db, name: string, now: number, personId: number | null = null): { deviceId: number; token: string } => {
  const token = crypto.randomBytes(32).toString('base64url');
  const deviceId = Number(
    db.prepare('INSERT INTO devices (name, token_hash, created_at, person_id) VALUES (?, ?, ?, ?)').run(name, hashToken(token), now, personId).lastInsertRowid,
  );
  return { deviceId, token };
};

interface DeviceRow {
  id: number;
  name: string;
  person_id: number | null;
  created_at: number;
  last_seen_at: number | null;
  revoked_at: number | null;
}

/** A token nobody used for DEVICE_IDLE_LIMIT stops working; every use pushes that moment forward. */
const expiresAt = (row: Pick<DeviceRow, 'created_at' | 'last_seen_at'>): number => (row.last_seen_at ?? row.created_at) + DEVICE_IDLE_LIMIT;

const toDevice = (row: DeviceRow, now: number): PairedDevice => ({
  id: row.id,
  name: row.name,
  personId: row.person_id,
  createdAt: row.created_at,
  lastSeenAt: row.last_seen_at,
  expiresAt: expiresAt(row),
  isExpired: now >= expiresAt(row),
  isRevoked: row.revoked_at !== null,
});

export const listDevices = (db: Db, now: number): PairedDevice[] =>
  db.prepare<[], DeviceRow>('SELECT id, name, person_id, created_at, last_seen_at, revoked_at FROM devices ORDER BY id DESC').all().map((row) => toDevice(row, now));

export const revokeDevice = (db: Db, id: number, now: number): PairedDevice => {
  db.prepare('UPDATE devices SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?').run(now, id);
  const row = db.prepare<[number], DeviceRow>('SELECT id, name, person_id, created_at, last_seen_at, revoked_at FROM devices WHERE id = ?').get(id);
  return row ? toDevice(row, now) : fail('not_found', `Device ${id} does not exist`, { field: 'id' });
};

/** The device a token belongs to, if it is still allowed in (not revoked, not idle too long); records this use. */
export const deviceForToken = (db: Db, token: string, now: number): number | null => {
  const hash = hashToken(token);
  const row = db
    .prepare<[string, string], DeviceRow & { token_hash: string }>(
      'SELECT id, name, person_id, created_at, last_seen_at, revoked_at, token_hash FROM devices WHERE token_hash = ? OR previous_token_hash = ?',
    )
    .get(hash, hash);
  if (!row || row.revoked_at !== null || now >= expiresAt(row)) return null;
  // The renewed token is in use: the one it replaced stops working now.
  const previous = row.token_hash === hash ? null : hash;
  db.prepare('UPDATE devices SET last_seen_at = ?, previous_token_hash = ? WHERE id = ?').run(now, previous, row.id);
  return row.id;
};

/**
 * A fresh token for a paired phone; the one it used keeps working until the fresh one is first used.
 * While a renewal is unconfirmed, the older token stays the fallback, so two lost answers in a row do not lock it out.
 */
export const renewToken = (db: Db, deviceId: number): { token: string } => {
  const token = crypto.randomBytes(32).toString('base64url');
  db.prepare('UPDATE devices SET previous_token_hash = coalesce(previous_token_hash, token_hash), token_hash = ? WHERE id = ? AND revoked_at IS NULL').run(hashToken(token), deviceId);
  return { token };
};
