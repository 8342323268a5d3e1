import { fail } from '../../../shared/api/errors';
import type { ClaimChannel } from '../../../shared/domain/lives';
import { messageChannels } from '../../../shared/domain/inbox';
import { formatMoney } from '../../../shared/domain/money';
import { fillTemplate } from '../../../shared/domain/orderMessages';
import { insertOutboxRow } from '../broadcast/repo';
import type { CoreContext } from '../context';
import { customerForIdentity, replyTargets } from '../inbox/repo';
import { normalizePhone } from '../orders/customers';
import { readSettings } from '../settings/repo';
import { availableStock } from '../stock/repo';
import * as repo from './repo';

const HOUR = 3_600_000;

/** The customer behind a handle on a channel, created (with that identity) the first time they claim. */
export const customerFor = (ctx: CoreContext, channel: ClaimChannel, handle: string, name: string): number => {
  const clean = handle.trim().replace(/^@/, '');
  const identityChannel = messageChannels.find((c) => c === channel);
  if (identityChannel === 'whatsapp' && /^[\d\s+\-.()/]+$/.test(clean)) {
    // A number typed by hand is the same person WhatsApp will bring in: its id is the E.164 digits.
    const phone = normalizePhone(clean, readSettings(ctx.db).locale, 'handle');
    return customerForIdentity(ctx.db, { channel: 'whatsapp', externalId: phone.slice(1), name: name || clean }, () => phone, ctx.now());
  }
  if (identityChannel) return customerForIdentity(ctx.db, { channel: identityChannel, externalId: clean, name: name || clean }, () => '', ctx.now());
  const byName = ctx.db.prepare<[string], number>('SELECT id FROM customers WHERE lower(name) = lower(?) ORDER BY id LIMIT 1').pluck().get(clean);
  if (byName !== undefined) return byName;
  const now = ctx.now();
  return Number(ctx.db.prepare('INSERT INTO customers (name, created_at, updated_at) VALUES (?, ?, ?)').run(name || clean, now, now).lastInsertRowid);
};

/**
 * Writes to a customer through the outbox: on the channel they claimed from if there is a chat there
 * whose reply window is open, else on WhatsApp if linked, else any open chat of theirs.
 */
export const queueMessage = (ctx: CoreContext, customerId: number, text: string, key: string, preferred?: string): boolean => {
  const now = ctx.now();
  const rank = (channel: string) => (channel === preferred ? 2 : channel === 'whatsapp' ? 1 : 0);
  const target = replyTargets(ctx.db, -1, customerId)
    .filter((t) => t.isLive && (t.windowClosesAt === null || t.windowClosesAt > now))
    .sort((a, b) => rank(b.channel) - rank(a.channel))[0];
  if (!target) return false;
  const address = ctx.db.prepare<[number], string>('SELECT external_id FROM conversations WHERE id = ?').pluck().get(target.conversationId) ?? '';
  insertOutboxRow(ctx.db, { broadcastId: null, target: 'live_message', via: target.via, customerId, conversationId: target.conversationId, address, text, key }, now);
  ctx.outbox.wake();
  return true;
};

export const reserveOrWait = (ctx: CoreContext, claimId: number): void => {
  const claim = repo.findClaim(ctx.db, claimId) ?? fail('not_found', `Claim ${claimId} does not exist`);
  const live = repo.findLiveRow(ctx.db, claim.live_id) ?? fail('not_found', `Live ${claim.live_id} does not exist`);
  const isAvailable = availableStock(ctx.db, claim.variant_id) >= claim.quantity;
  repo.setClaimStatus(ctx.db, claim.id, isAvailable ? 'reserved' : 'waitlist', ctx.now(), { expiresAt: isAvailable ? ctx.now() + live.hold_hours * HOUR : null });
};

/** When units come free (an expiry, a cancellation), the waitlist moves up in order, and each one promoted is told. */
export const promoteWaitlist = (ctx: CoreContext, itemId: number): void => {
  for (let guard = 0; guard < 1000; guard += 1) {
    const next = repo.firstWaiting(ctx.db, itemId);
    if (!next || availableStock(ctx.db, next.variant_id) < next.quantity) return;
    const live = repo.findLiveRow(ctx.db, next.live_id);
    const expiresAt = ctx.now() + (live?.hold_hours ?? 24) * HOUR;
    repo.setClaimStatus(ctx.db, next.id, 'reserved', ctx.now(), { expiresAt });
    const settings = readSettings(ctx.db);
    const when = new Intl.DateTimeFormat(settings.locale, { weekday: 'long', hour: 'numeric', minute: '2-digit', timeZone: settings.timeZone }).format(expiresAt);
    const text = `¡Hola ${next.customer_name.split(/\s+/)[0] ?? ''}! Se liberó ${next.quantity > 1 ? `${next.quantity} × ` : ''}${next.item_name} del live y ahora es tuyo 🎉 Te lo separo hasta el ${when}.`;
    queueMessage(ctx, next.customer_id, text, `live-promoted-${next.id}`, next.channel);
    ctx.emit('live.claim', { liveId: next.live_id, claimId: next.id });
  }
};

/** Unpaid reservations past their time expire; their stock goes to the next on the waitlist. */
export const expireDue = (ctx: CoreContext): number => {
  const due = repo.dueReservations(ctx.db, ctx.now());
  for (const claim of due) {
    repo.setClaimStatus(ctx.db, claim.id, 'expired', ctx.now());
    ctx.emit('live.claim', { liveId: claim.live_id, claimId: claim.id });
    promoteWaitlist(ctx, claim.live_item_id);
  }
  return due.length;
};

export const claimText = (ctx: CoreContext, items: { name: string; quantity: number; price: number }[], expiresAt: number | null, customerName: string): string => {
  const settings = readSettings(ctx.db);
  const money = (minor: number) => formatMoney(minor, settings.currency, settings.locale);
  const total = items.reduce((sum, i) => sum + i.quantity * i.price, 0);
  return fillTemplate(settings.liveMessageTemplate, {
    cliente: customerName.split(/\s+/)[0] ?? '',
    productos: items.map((i) => `• ${i.quantity}× ${i.name} — ${money(i.quantity * i.price)}`).join('\n'),
    total: money(total),
    vence: expiresAt ? new Intl.DateTimeFormat(settings.locale, { weekday: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: settings.timeZone }).format(expiresAt) : '',
    pagos: settings.paymentMethods.join(', '),
    tienda: settings.shopName,
  });
};
