import { z } from 'zod';
import * as s from '../schemas';
import { read, task, write } from './define';

export interface PairedDevice {
  id: number;
  name: string;
  /** The person of the team it belongs to; null for a phone paired before the team (a delivery phone). */
  personId: number | null;
  createdAt: number;
  lastSeenAt: number | null;
  /** When the token stops working unless the phone is used before then (each use renews it). */
  expiresAt: number;
  isExpired: boolean;
  isRevoked: boolean;
}

/** A phone's token stops working after 30 days without use; the seller pairs it again with a new code. */
export const DEVICE_IDLE_LIMIT = 30 * 24 * 60 * 60_000;

/** What a paired phone may call: the day's deliveries, nothing else. */
export const deliveryScope = ['deliveries.listForDay', 'deliveries.markDelivered', 'deliveries.markFailed', 'lan.renewToken'] as const;

/** Where a phone installs the shop's own certificate (once) before it opens the HTTPS address. */
export interface LanCertificateInfo {
  /** A plain-HTTP page that serves only the certificate and how to install it. */
  installUrl: string;
  /** The first 8 bytes of the certificate's SHA-256, as "AB:CD:…", for the seller to compare on the phone. */
  fingerprint: string;
}

export const lanMethods = {
  'lan.status': read<{ isEnabled: boolean; url: string | null; certificate: LanCertificateInfo | null }>()(z.object({}).strict()),
  'lan.enable': write<{ isEnabled: boolean }>()(z.object({}).strict()),
  'lan.disable': write<{ isEnabled: boolean }>()(z.object({}).strict()),
  /** A fresh single-use 6-digit code, valid 10 minutes; any earlier code stops working. */
  /** For a person of the team (Ajustes › Equipo): the phone gets that person's role; without one, a delivery phone as before. */
  'lan.pairingCode': task<{ code: string; expiresAt: number; url: string | null; qrDataUrl: string | null; certificate: (LanCertificateInfo & { qrDataUrl: string | null }) | null }>()(z.object({ personId: s.id.optional() }).strict()),
  /** Called by the phone with the code; answers its own token once. */
  'lan.pair': write<{ deviceId: number; token: string }>()(z.object({ code: z.string().regex(/^\d{6}$/, 'must be the 6 digits shown'), deviceName: s.requiredText(60) }).strict()),
  /** Called by a paired phone: a fresh token for itself; the old one works until the new one is used. */
  'lan.renewToken': write<{ token: string }>()(z.object({}).strict()),
  'lan.devices': read<{ items: PairedDevice[] }>()(z.object({}).strict()),
  'lan.revoke': write<PairedDevice>()(z.object({ id: s.id }).strict()),
} as const;
