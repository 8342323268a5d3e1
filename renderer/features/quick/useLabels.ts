import { useEffect, useState } from 'react';
import type { Label } from '../../../shared/domain/quick';
import { api } from '../../api';

/** Her labels, fetched once per screen; `reload` after she changes them. */
export const useLabels = (): { labels: Label[]; reload: () => void } => {
  const [labels, setLabels] = useState<Label[]>([]);
  const reload = () => void api.call('labels.list', {}).then((r) => setLabels(r.items));
  useEffect(reload, []);
  return { labels, reload };
};

/** Which labels each listed chat or order has, refreshed when the list (or `stamp`, a fresh load) changes. */
export const useAssigned = (target: 'conversation' | 'order', ids: number[], stamp?: unknown): { assigned: Map<number, number[]>; reload: () => void } => {
  const [assigned, setAssigned] = useState(new Map<number, number[]>());
  const key = ids.join(',');
  const reload = () => {
    if (ids.length === 0) return setAssigned(new Map());
    void api.call('labels.assigned', { target, ids: ids.slice(0, 500) }).then((r) => setAssigned(new Map(r.items.map((i) => [i.id, i.labelIds]))));
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(reload, [target, key, stamp]);
  return { assigned, reload };
};
