import type { Label } from '../../../shared/domain/quick';
import './quick.css';

/** Small coloured chips for the labels on a chat or an order. */
export const LabelChips = ({ labels, ids }: { labels: Label[]; ids: number[] | undefined }) => {
  const shown = labels.filter((l) => ids?.includes(l.id));
  if (shown.length === 0) return null;
  return (
    <span className="label-chips">
      {shown.map((l) => (
        <span key={l.id} className="label-chip" style={{ backgroundColor: l.color }}>
          <bdi>{l.name}</bdi>
        </span>
      ))}
    </span>
  );
};
