import type { Message } from '../../../shared/domain/inbox';

/** The most messages one draft reads; the core refuses more. */
export const MAX_PICKED = 30;

/**
 * Ticks or unticks one message, or with Shift every customer message between the last one
 * clicked and this one, as a file list does. Only the customer's messages can be picked.
 */
export const togglePicked = (
  picked: ReadonlySet<number>,
  messages: readonly Message[],
  id: number,
  isChecked: boolean,
  anchor: number | null,
  isRange: boolean,
): Set<number> => {
  const next = new Set(picked);
  const inbound = messages.filter((m) => m.direction === 'in');
  const to = inbound.findIndex((m) => m.id === id);
  const from = isRange && anchor !== null ? inbound.findIndex((m) => m.id === anchor) : -1;
  const range = from >= 0 && to >= 0 ? inbound.slice(Math.min(from, to), Math.max(from, to) + 1) : inbound.filter((m) => m.id === id);
  for (const m of range) {
    if (isChecked) next.add(m.id);
    else next.delete(m.id);
  }
  return next;
};

/** The picked messages' text in time order, as the order's source text (the core keeps at most 4000 characters). */
export const pickedText = (picked: ReadonlySet<number>, messages: readonly Message[]): string =>
  messages
    .filter((m) => picked.has(m.id) && m.direction === 'in')
    .map((m) => m.text)
    .join('\n')
    .slice(0, 4000);
