import { describe, expect, it } from 'vitest';
import type { Message } from '../../shared/domain/inbox';
import { pickedText, togglePicked } from '../../renderer/features/chats/pick';

const message = (id: number, direction: 'in' | 'out', text = `m${id}`): Message => ({ id, conversationId: 1, channel: 'whatsapp', direction, author: '', text, sentAt: id, photos: [] });
const timeline = [message(1, 'in'), message(2, 'out'), message(3, 'in'), message(4, 'in'), message(5, 'out'), message(6, 'in')];

describe('ticking a customer’s messages for one order', () => {
  it('ticks one, then with Shift every customer message up to the one clicked before, never the seller’s', () => {
    const one = togglePicked(new Set(), timeline, 1, true, null, false);
    expect([...one]).toEqual([1]);
    const range = togglePicked(one, timeline, 4, true, 1, true);
    expect([...range].sort()).toEqual([1, 3, 4]);
    // Shift the other way unticks the range back to where it started.
    expect([...togglePicked(range, timeline, 3, false, 4, true)]).toEqual([1]);
  });

  it('without Shift, or with no message clicked before, changes only the one', () => {
    expect([...togglePicked(new Set([1]), timeline, 6, true, 1, false)].sort()).toEqual([1, 6]);
    expect([...togglePicked(new Set(), timeline, 6, true, null, true)]).toEqual([6]);
  });

  it('joins the picked customer messages in time order as the source text', () => {
    expect(pickedText(new Set([6, 2, 1]), [...timeline.slice(0, 5), message(6, 'in', 'dame 2')])).toBe('m1\ndame 2');
  });
});
