import type { ParsedArgs } from '../../../shared/api/contract';
import { consentWordOf } from '../../../shared/domain/broadcasts';
import { fillTemplate } from '../../../shared/domain/orderMessages';
import { insertOutboxRow } from '../broadcast/repo';
import type { CoreContext } from '../context';
import { setConsent } from '../customers/consent';
import { readSettings } from '../settings/repo';

/**
 * "BAJA", "STOP", "no quiero más mensajes": the customer is opted out in the same transaction that
 * stores their message, so no promotion can go to them after it; one confirmation goes back through
 * the outbox when the message came in live. "ALTA" opts them back in.
 */
export const handleConsentWords = (
  ctx: CoreContext,
  message: ParsedArgs<'inbox.ingestMessage'> & { customerId: number; conversationId: number },
): void => {
  const source = `message:${message.channel}`;
  const word = consentWordOf(message.text);
  if (word === 'opt_in') {
    setConsent(ctx.db, message.customerId, 'opted_in', source, ctx.now());
    return;
  }
  if (word !== 'opt_out') return;
  const isChanged = setConsent(ctx.db, message.customerId, 'opted_out', source, ctx.now());
  if (!isChanged || message.via === undefined) return;
  const settings = readSettings(ctx.db);
  const name = ctx.db.prepare<[number], string>('SELECT name FROM customers WHERE id = ?').pluck().get(message.customerId) ?? '';
  const text = fillTemplate(settings.optOutReply, { cliente: name.split(/\s+/)[0] ?? '', tienda: settings.shopName });
  insertOutboxRow(
    ctx.db,
    { broadcastId: null, target: 'reply', via: message.via, customerId: message.customerId, conversationId: message.conversationId, address: message.conversationExternalId, text, key: `optout-${message.channel}-${message.messageExternalId}` },
    ctx.now(),
  );
  ctx.outbox.wake();
};
