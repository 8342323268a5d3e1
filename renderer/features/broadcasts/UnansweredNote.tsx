import { useEffect, useState } from 'react';
import type { UnansweredCount } from '../../../shared/domain/quick';
import { api } from '../../api';
import { useT } from '../../i18n';
import '../quick/quick.css';

/**
 * Next to the planner: her messages this month that got no reply, per channel (WhatsApp is trying a
 * monthly cap on these), and the toggle that lets people who did not answer into a promotion.
 */
export const UnansweredNote = ({ left, isIncluded, onInclude }: { left: number; isIncluded: boolean; onInclude: (isIncluded: boolean) => void }) => {
  const t = useT();
  const [counts, setCounts] = useState<UnansweredCount[]>([]);
  useEffect(() => void api.call('autoReplies.unanswered', {}).then((r) => setCounts(r.items)), []);
  return (
    <div className="unanswered-note" data-testid="unanswered-note">
      <p className="muted small">
        {counts.length === 0
          ? t('quick.unansweredNone')
          : counts.map((c) => t('quick.unansweredCount', { count: c.count, channel: t(`channel.${c.channel}`) })).join(' · ')}
      </p>
      <label className="check">
        <input type="checkbox" checked={isIncluded} onChange={(e) => onInclude(e.target.checked)} />
        {isIncluded ? t('quick.includeUnanswered') : t('quick.leftOutUnanswered', { count: left })}
      </label>
    </div>
  );
};
