import { useEffect, useState } from 'react';
import type { CustomerProfile } from '../../../shared/api/methods/customers';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { useDateTime, useMoney } from '../../format';
import { useT } from '../../i18n';

/** One customer, every channel: orders and conversations together, what she has bought in all. */
export const CustomerDialog = ({ customerId, onClose }: { customerId: number; onClose(): void }) => {
  const t = useT();
  const money = useMoney();
  const dateTime = useDateTime();
  const [profile, setProfile] = useState<CustomerProfile | null>(null);
  useEffect(() => void api.call('customers.get', { id: customerId }).then(setProfile), [customerId]);
  if (!profile) return null;
  return (
    <Dialog title={profile.name} onClose={onClose} size="large">
      <p className="order-head">
        {profile.phone ? <a href={`https://wa.me/${profile.phone.replace(/\D/g, '')}`} target="_blank" rel="noreferrer">{profile.phone}</a> : null}
        {profile.identities.map((i) => <span key={`${i.channel}-${i.externalId}`} className={`channel channel-${i.channel}`}>{t(`channel.${i.channel}`)}: {i.displayName || i.externalId}</span>)}
      </p>
      <div className="kpis">
        <div className="kpi"><span>{t('customers.lifetime')}</span><strong data-testid="lifetime-value">{money(profile.lifetimeValue)}</strong></div>
        <div className="kpi"><span>{t('reports.orders')}</span><strong>{profile.orders}</strong></div>
        <div className="kpi"><span>{t('customers.lastPurchase')}</span><strong>{profile.lastPurchaseAt ? dateTime(profile.lastPurchaseAt) : '—'}</strong></div>
      </div>
      <h3>{t('orders.title')}</h3>
      <table className="table">
        <tbody>
          {profile.orderHistory.map((o) => (
            <tr key={o.id}><td>{o.number}</td><td>{t(`channel.${o.channel}`)}</td><td className="clip">{o.itemsText}</td><td><span className={`status status-${o.status}`}>{t(`orders.status.${o.status}`)}</span></td><td className="num">{money(o.total)}</td></tr>
          ))}
        </tbody>
      </table>
      <h3>{t('chats.title')}</h3>
      <ul className="plain-list">
        {profile.conversations.map((c) => <li key={c.id}><span className={`channel channel-${c.channel}`}>{t(`channel.${c.channel}`)}</span> {c.lastMessageText} <span className="muted">· {dateTime(c.lastMessageAt)}</span></li>)}
      </ul>
    </Dialog>
  );
};
