import { contract } from '../../../shared/api/contract';
import { fail } from '../../../shared/api/errors';
import { parseClaim, type Claim, type LiveSummary } from '../../../shared/domain/lives';
import type { CoreContext, Handlers } from '../context';
import { orderHandlers } from '../orders/handlers';
import { claimText, customerFor, expireDue, promoteWaitlist, queueMessage, reserveOrWait } from './claims';
import * as repo from './repo';

const liveOf = (ctx: CoreContext, id: number) => repo.findLiveRow(ctx.db, id) ?? fail('not_found', `Live ${id} does not exist`, { field: 'liveId' });
const claimOf = (ctx: CoreContext, id: number) => repo.findClaim(ctx.db, id) ?? fail('not_found', `Claim ${id} does not exist`, { field: 'claimId' });
const liveView = (ctx: CoreContext, id: number) => repo.assembleLive(ctx.db, liveOf(ctx, id));

const changed = (ctx: CoreContext, liveId: number) => {
  ctx.emit('live.changed', { liveId });
  return liveView(ctx, liveId);
};

/** A new claim on an item of a running live, reserved if the stock allows, else on the waitlist. */
const addClaim = (ctx: CoreContext, input: { liveId: number; itemId: number | undefined; channel: Claim['channel']; handle: string; name: string; quantity: number; comment: string }): Claim => {
  const live = liveOf(ctx, input.liveId);
  if (live.status !== 'live') fail('conflict', 'This live has ended; claims are closed', { field: 'liveId' });
  expireDue(ctx);
  const itemId = input.itemId ?? live.on_air_item_id ?? fail('invalid_input', 'itemId: no product is on air; choose one', { field: 'itemId' });
  const item = ctx.db.prepare<[number, number], { variant_id: number }>('SELECT variant_id FROM live_items WHERE id = ? AND live_id = ?').get(itemId, live.id) ?? fail('not_found', `itemId: product ${itemId} is not in this live`, { field: 'itemId' });
  const customerId = customerFor(ctx, input.channel, input.handle, input.name);
  const now = ctx.now();
  const id = Number(
    ctx.db
      .prepare("INSERT INTO live_claims (live_id, live_item_id, variant_id, customer_id, channel, handle, comment, quantity, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'waitlist', ?, ?)")
      .run(live.id, itemId, item.variant_id, customerId, input.channel, input.handle.trim(), input.comment, input.quantity, now, now).lastInsertRowid,
  );
  reserveOrWait(ctx, id);
  ctx.emit('live.claim', { liveId: live.id, claimId: id });
  return repo.toClaim(claimOf(ctx, id));
};

const summaryOf = (ctx: CoreContext, liveId: number): LiveSummary => {
  const live = repo.assembleLive(ctx.db, liveOf(ctx, liveId));
  const claims = repo.claimsOf(ctx.db, liveId);
  const revenueOf = (list: repo.ClaimRow[]) =>
    list.reduce((sum, c) => sum + (c.order_id ? Number(ctx.db.prepare('SELECT total FROM orders WHERE id = ?').pluck().get(c.order_id) ?? 0) : 0), 0);
  const count = (list: repo.ClaimRow[], status: string) => list.filter((c) => c.status === status).length;
  return {
    liveId,
    claims: claims.length,
    reserved: count(claims, 'reserved'),
    converted: count(claims, 'paid'),
    expired: count(claims, 'expired'),
    waitlisted: count(claims, 'waitlist'),
    revenue: revenueOf(claims.filter((c) => c.status === 'paid')),
    perProduct: live.items.map((item) => {
      const own = claims.filter((c) => c.live_item_id === item.id);
      return { itemId: item.id, name: item.name, claims: own.length, converted: count(own, 'paid'), expired: count(own, 'expired'), revenue: revenueOf(own.filter((c) => c.status === 'paid')) };
    }),
  };
};

export const liveHandlers = {
  'live.start': (ctx, args) => {
    const running = repo.currentLiveId(ctx.db);
    if (running !== undefined) fail('conflict', `Live ${running} is still on; stop it first`, { details: { liveId: running } });
    const now = ctx.now();
    const id = Number(ctx.db.prepare("INSERT INTO lives (title, channel, status, hold_hours, started_at) VALUES (?, ?, 'live', ?, ?)").run(args.title, args.channel, args.holdHours, now).lastInsertRowid);
    const seen = new Set<number>();
    for (const [position, item] of args.items.entries()) {
      if (seen.has(item.variantId)) fail('invalid_input', `items.${position}.variantId: the product is listed twice`, { field: `items.${position}.variantId` });
      seen.add(item.variantId);
      if (!ctx.db.prepare('SELECT 1 FROM variants WHERE id = ?').get(item.variantId)) fail('not_found', `items.${position}.variantId: product ${item.variantId} does not exist`, { field: `items.${position}.variantId` });
      ctx.db.prepare('INSERT INTO live_items (live_id, variant_id, live_price, position) VALUES (?, ?, ?, ?)').run(id, item.variantId, item.livePrice, position);
    }
    const first = ctx.db.prepare<[number], number>('SELECT id FROM live_items WHERE live_id = ? ORDER BY position LIMIT 1').pluck().get(id);
    ctx.db.prepare('UPDATE lives SET on_air_item_id = ? WHERE id = ?').run(first ?? null, id);
    return changed(ctx, id);
  },

  'live.current': (ctx) => {
    const id = repo.currentLiveId(ctx.db);
    return { live: id === undefined ? null : liveView(ctx, id) };
  },
  'live.get': (ctx, args) => liveView(ctx, args.liveId),
  'live.list': (ctx, args) => ({
    items: ctx.db.prepare<[number], number>('SELECT id FROM lives ORDER BY id DESC LIMIT ?').pluck().all(args.limit).map((id) => liveView(ctx, id)),
  }),

  'live.setOnAir': (ctx, args) => {
    const live = liveOf(ctx, args.liveId);
    if (live.status !== 'live') fail('conflict', 'This live has ended', { field: 'liveId' });
    if (!ctx.db.prepare('SELECT 1 FROM live_items WHERE id = ? AND live_id = ?').get(args.itemId, live.id)) fail('not_found', `itemId: product ${args.itemId} is not in this live`, { field: 'itemId' });
    ctx.db.prepare('UPDATE lives SET on_air_item_id = ? WHERE id = ?').run(args.itemId, live.id);
    return changed(ctx, live.id);
  },

  'live.addClaim': (ctx, args) => addClaim(ctx, { ...args, itemId: args.itemId, name: args.handle.replace(/^@/, '') }),

  'live.ingestComment': (ctx, args) => {
    const live = liveOf(ctx, args.liveId);
    const inserted = ctx.db
      .prepare('INSERT OR IGNORE INTO live_comments (live_id, external_id, channel, handle, name, text, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(live.id, args.externalId, args.channel, args.handle, args.name, args.text, args.at);
    if (inserted.changes === 0) return { isNew: false, claim: null };
    ctx.db.prepare('UPDATE lives SET last_comment_at = max(last_comment_at, ?) WHERE id = ?').run(args.at, live.id);
    const parsed = parseClaim(args.text);
    if (!parsed.isClaim || live.status !== 'live' || live.on_air_item_id === null) return { isNew: true, claim: null };
    const claim = addClaim(ctx, { liveId: live.id, itemId: undefined, channel: args.channel, handle: args.handle, name: args.name, quantity: parsed.quantity, comment: args.text });
    ctx.db.prepare('UPDATE live_comments SET claim_id = ? WHERE channel = ? AND external_id = ?').run(claim.id, args.channel, args.externalId);
    return { isNew: true, claim };
  },

  'live.claims': (ctx, args) => {
    liveOf(ctx, args.liveId);
    return {
      items: repo.claimsOf(ctx.db, args.liveId, args.itemId).map(repo.toClaim),
      recentCommenters: ctx.db
        .prepare<[number], { handle: string; name: string; channel: 'instagram' | 'facebook' }>(
          'SELECT handle, max(name) AS name, channel FROM live_comments WHERE live_id = ? GROUP BY channel, handle ORDER BY max(created_at) DESC LIMIT 30',
        )
        .all(args.liveId),
    };
  },

  'live.reservations': (ctx) => ({ items: repo.openReservations(ctx.db).map(repo.toClaim) }),

  'live.markPaid': (ctx, args) => {
    expireDue(ctx);
    const claim = claimOf(ctx, args.claimId);
    if (claim.status !== 'reserved') fail('conflict', `This claim is ${claim.status}; only a reservation can be paid`, { details: { status: claim.status } });
    const live = liveOf(ctx, claim.live_id);
    const price = Number(ctx.db.prepare('SELECT live_price FROM live_items WHERE id = ?').pluck().get(claim.live_item_id) ?? 0);
    // The hold ends and the order takes the same units, in this one transaction.
    repo.setClaimStatus(ctx.db, claim.id, 'paid', ctx.now());
    const channel = live.channel === 'other' ? 'other' : live.channel;
    const created = orderHandlers['orders.create'](
      ctx,
      contract['orders.create'].args.parse({
        channel,
        customer: { id: claim.customer_id },
        items: [{ variantId: claim.variant_id, quantity: claim.quantity, unitPrice: price }],
        note: `Live: ${live.title}`,
        sourceText: claim.comment,
      }),
    );
    ctx.db.prepare('UPDATE orders SET live_id = ? WHERE id = ?').run(live.id, created.id);
    orderHandlers['orders.setStatus'](ctx, contract['orders.setStatus'].args.parse({ id: created.id, status: 'confirmed', note: 'Pagado en el live' }));
    if (created.total > 0) orderHandlers['orders.addPayment'](ctx, contract['orders.addPayment'].args.parse({ id: created.id, amount: created.total, method: args.method }));
    repo.setClaimStatus(ctx.db, claim.id, 'paid', ctx.now(), { orderId: created.id });
    ctx.emit('live.claim', { liveId: live.id, claimId: claim.id });
    return repo.toClaim(claimOf(ctx, claim.id));
  },

  'live.cancelClaim': (ctx, args) => {
    const claim = claimOf(ctx, args.claimId);
    if (claim.status !== 'reserved' && claim.status !== 'waitlist') fail('conflict', `This claim is already ${claim.status}`, { details: { status: claim.status } });
    repo.setClaimStatus(ctx.db, claim.id, 'cancelled', ctx.now());
    promoteWaitlist(ctx, claim.live_item_id);
    ctx.emit('live.claim', { liveId: claim.live_id, claimId: claim.id });
    return repo.toClaim(claimOf(ctx, claim.id));
  },

  'live.stop': (ctx, args) => {
    const live = liveOf(ctx, args.liveId);
    if (live.status === 'live') ctx.db.prepare("UPDATE lives SET status = 'ended', ended_at = ? WHERE id = ?").run(ctx.now(), live.id);
    return changed(ctx, live.id);
  },

  'live.summary': (ctx, args) => summaryOf(ctx, args.liveId),

  'live.expireDue': (ctx) => ({ expired: expireDue(ctx) }),

  'live.sendMessages': (ctx, args) => {
    const live = liveOf(ctx, args.liveId);
    if (live.messages_queued_at !== null) fail('conflict', 'The messages of this live were already sent', { details: { at: live.messages_queued_at } });
    expireDue(ctx);
    const buyers = new Map<number, repo.ClaimRow[]>();
    for (const claim of repo.claimsOf(ctx.db, live.id).filter((c) => c.status === 'reserved' || c.status === 'paid')) {
      buyers.set(claim.customer_id, [...(buyers.get(claim.customer_id) ?? []), claim]);
    }
    let queued = 0;
    const withoutChat: { customerId: number; customerName: string; text: string }[] = [];
    for (const [customerId, claims] of buyers) {
      const items = claims.map((c) => ({ name: c.item_name, quantity: c.quantity, price: Number(ctx.db.prepare('SELECT live_price FROM live_items WHERE id = ?').pluck().get(c.live_item_id) ?? 0) }));
      const expiresAt = claims.reduce<number | null>((soonest, c) => (c.expires_at !== null && c.status === 'reserved' && (soonest === null || c.expires_at < soonest) ? c.expires_at : soonest), null);
      const name = claims[0]?.customer_name ?? '';
      const text = claimText(ctx, items, expiresAt, name);
      if (queueMessage(ctx, customerId, text, `live-${live.id}-customer-${customerId}`, claims[0]?.channel)) queued += 1;
      else withoutChat.push({ customerId, customerName: name, text });
    }
    ctx.db.prepare('UPDATE lives SET messages_queued_at = ? WHERE id = ?').run(ctx.now(), live.id);
    ctx.emit('live.changed', { liveId: live.id });
    return { queued, withoutChat };
  },
} satisfies Partial<Handlers>;
