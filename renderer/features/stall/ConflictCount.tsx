import { useEffect, useState } from 'react';
import { api } from '../../api';
import { useT } from '../../i18n';

/** The number of stall sales waiting for the owner, beside "Feria" in the navigation. */
export const ConflictCount = () => {
  const t = useT();
  const [count, setCount] = useState(0);
  useEffect(() => {
    api.call('stall.conflicts', { isOpenOnly: true }).then((r) => setCount(r.items.length), () => undefined);
    return api.onEvent((event) => (event.type === 'stall.changed' ? setCount(event.payload.openConflicts) : undefined));
  }, []);
  return count > 0 ? <span className="nav-count" aria-label={t('stallOwner.toReview', { count })}>{count}</span> : null;
};
