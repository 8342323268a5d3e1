import { useEffect, useState } from 'react';
import type { Label } from '../../../shared/domain/quick';
import { api } from '../../api';
import { toFormError } from '../../components/errors';
import { useT } from '../../i18n';
import './quick.css';

/** Toggles her labels on one chat or order; saved at each click (and on her phone for WhatsApp labels). */
export const LabelPicker = ({ target, id, labels, onChanged }: { target: 'conversation' | 'order'; id: number; labels: Label[]; onChanged?: () => void }) => {
  const t = useT();
  const [on, setOn] = useState<number[]>([]);
  const [note, setNote] = useState('');
  useEffect(() => {
    setNote('');
    const read = () => void api.call('labels.assigned', { target, ids: [id] }).then((r) => setOn(r.items[0]?.labelIds ?? []));
    read();
    // A label put on or taken off this chat on her phone shows here without reopening it.
    return api.onEvent((event) => (event.type === 'labels.changed' && target === 'conversation' && event.payload.conversationIds.includes(id) ? read() : undefined));
  }, [target, id]);
  const toggle = async (labelId: number) => {
    const next = on.includes(labelId) ? on.filter((l) => l !== labelId) : [...on, labelId];
    try {
      const result = await api.call('labels.set', { target, id, labelIds: next });
      setOn(result.labelIds);
      setNote(result.phone === 'failed' ? t('quick.phoneSyncFailed') : '');
      onChanged?.();
    } catch (caught) {
      setNote(toFormError(caught, t).message);
    }
  };
  return (
    <div className="label-picker" role="group" aria-label={t('quick.labels')}>
      {labels.map((l) => (
        <button
          key={l.id}
          type="button"
          className={`label-toggle ${on.includes(l.id) ? 'is-on' : ''}`}
          style={on.includes(l.id) ? { backgroundColor: l.color, borderColor: l.color } : { borderColor: l.color }}
          aria-pressed={on.includes(l.id)}
          onClick={() => void toggle(l.id)}
        >
          <bdi>{l.name}</bdi>
        </button>
      ))}
      {note ? <span className="muted small" role="status">{note}</span> : null}
    </div>
  );
};
