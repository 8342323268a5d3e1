import { useEffect, useState } from 'react';
import { api } from '../../api';
import { useT } from '../../i18n';

/** The number beside "Pendientes" in the navigation, kept fresh by the events that can change it. */
export const NavCount = () => {
  const t = useT();
  const [count, setCount] = useState(0);
  useEffect(() => {
    const load = () => void api.call('followUps.list', {}).then((r) => setCount(r.items.length)).catch(() => undefined);
    load();
    const stop = api.onEvent((event) => (['orders.changed', 'inbox.message', 'stock.changed', 'followUps.changed', 'settings.changed'].includes(event.type) ? load() : undefined));
    return stop;
  }, []);
  return count > 0 ? <span className="nav-count" aria-label={t('followUps.count', { count })}>{count}</span> : null;
};
