import type { Label } from '../../../shared/domain/quick';
import { useT } from '../../i18n';

/** "Etiqueta: Todas" and one option per label, for Chats and Pedidos. */
export const LabelFilter = ({ labels, value, onChange }: { labels: Label[]; value: number | null; onChange: (id: number | null) => void }) => {
  const t = useT();
  return (
    <select aria-label={t('quick.labelFilter')} value={value ?? ''} onChange={(e) => onChange(Number(e.target.value) || null)}>
      <option value="">{t('quick.allLabels')}</option>
      {labels.map((l) => (
        <option key={l.id} value={l.id}>
          ● {l.name}
        </option>
      ))}
    </select>
  );
};
