import { useState } from 'react';
import { api } from '../../api';
import { useT } from '../../i18n';
import { useFollowUpsReload } from './useFollowUpsReload';

/**
 * The number beside "Pendientes" in the navigation, kept fresh by the events that can change it.
 * Counted a moment after the app opens: the core answers one call at a time, and on a large shop the
 * whole list of reminders would make the screen she opened wait for its own first answer.
 */
export const NavCount = () => {
  const t = useT();
  const [count, setCount] = useState(0);
  useFollowUpsReload(() => void api.call('followUps.list', { limit: 1 }).then((r) => setCount(r.total)).catch(() => undefined), 2000, 1000);
  return count > 0 ? <span className="nav-count" aria-label={t('followUps.count', { count })}>{count}</span> : null;
};
