import type { AppEvent, EventMap } from '../../shared/api/contract';
import type { Conversation } from '../../shared/domain/inbox';
import type { Order } from '../../shared/domain/orders';
import type { Core } from '../core';

export interface NoticeDeps {
  isWindowFocused(): boolean;
  show(notice: { title: string; body: string; onClick(): void }): void;
  focusWindow(): void;
  send(command: EventMap['app.command']): void;
  now(): number;
}

const isConversation = (value: unknown): value is Conversation => typeof value === 'object' && value !== null && 'messages' in value;
const isOrder = (value: unknown): value is Order => typeof value === 'object' && value !== null && 'number' in value && 'createdAt' in value;

/**
 * A system notification for a customer's new message or a new order while the window is in the
 * background; clicking it brings the window forward on that conversation or order.
 */
export const followNotifications = (core: Core, deps: NoticeDeps): (() => void) => {
  const open = (hash: string) => () => {
    deps.focusWindow();
    deps.send({ command: 'open', hash });
  };
  const onEvent = async (event: AppEvent): Promise<void> => {
    if (deps.isWindowFocused()) return;
    if (event.type === 'inbox.message') {
      const result = await core.dispatch('inbox.getConversation', { id: event.payload.conversationId });
      if (!result.ok || !isConversation(result.value)) return;
      const message = result.value.messages.find((m) => m.id === event.payload.messageId);
      if (!message || message.direction !== 'in') return;
      deps.show({ title: result.value.customerName || result.value.title || message.author, body: message.text.slice(0, 140) || '📷', onClick: open(`#/chats/${result.value.id}`) });
    }
    if (event.type === 'orders.changed') {
      for (const id of event.payload.orderIds) {
        const result = await core.dispatch('orders.get', { id });
        if (!result.ok || !isOrder(result.value) || deps.now() - result.value.createdAt > 60_000) continue;
        deps.show({ title: `Pedido ${result.value.number}`, body: result.value.customer?.name ?? '', onClick: open(`#/pedidos/${id}`) });
      }
    }
  };
  return core.events.subscribe((event) => void onEvent(event).catch(() => undefined));
};
