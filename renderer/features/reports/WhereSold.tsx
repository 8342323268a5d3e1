import type { ChannelRow, ProductChannelsRow } from '../../../shared/api/methods/reports';
import { useT } from '../../i18n';
import './reports.css';

/** What sells where: the best sellers as rows, the channels that sold any of them as columns, units in the cells. */
export const WhereSold = ({ rows }: { rows: ProductChannelsRow[] }) => {
  const t = useT();
  const shown = rows.slice(0, 10);
  const channels: ChannelRow['channel'][] = [...new Set(shown.flatMap((r) => r.byChannel.map((c) => c.channel)))];
  return (
    <div className="card wide report-span">
      <h2>{t('reports.whereSold')}</h2>
      <p className="muted small">{t('reports.whereSoldHelp')}</p>
      <div className="where-sold">
        <table className="table" aria-label={t('reports.whereSold')}>
          <thead>
            <tr>
              <th scope="col">{t('reports.product')}</th>
              {channels.map((c) => <th key={c} scope="col" className="num">{t(`channel.${c}`)}</th>)}
              <th scope="col" className="num">{t('reports.units')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.variantId}>
                <td>{row.name}</td>
                {channels.map((c) => <td key={c} className="num">{row.byChannel.find((b) => b.channel === c)?.units ?? '—'}</td>)}
                <td className="num"><strong>{row.units}</strong></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
};
