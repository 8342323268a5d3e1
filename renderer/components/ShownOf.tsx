import type { Ref } from 'react';
import { useT } from '../i18n';

/**
 * The foot of a list that comes a page at a time: "Mostrando 50 de 427" and the button for more.
 * Nothing once everything is shown.
 */
export const ShownOf = ({ shown, total, more, onMore, label, sentinel }: { shown: number; total: number; more: string; onMore(): void; label?: string; sentinel?: Ref<HTMLDivElement> }) => {
  const t = useT();
  if (shown >= total) return null;
  return (
    <div ref={sentinel} className="more-stops">
      <span className="muted">{label ?? t('pages.shownOf', { shown, total })}</span>
      <button type="button" className="button" onClick={onMore}>{more}</button>
    </div>
  );
};
