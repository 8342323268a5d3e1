import { useEffect, useState } from 'react';
import { CustomerFields } from './CustomerFields';
import type { CustomerProfile } from '../../../shared/api/methods/customers';
import type { OrderSummary } from '../../../shared/api/methods/orders';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { useDateTime, useMoney } from '../../format';
import { useT } from '../../i18n';
import { usePhone } from '../../phone';
import { ShownOf } from '../../components/ShownOf';

/** One customer, every channel: orders and conversations together, what she has bought in all. */
export const CustomerDialog = ({ customerId, onClose }: { customerId: number; onClose(): void }) => {
  const t = useT();
  const money = useMoney();
  const dateTime = useDateTime();
  const phone = usePhone();
  const [profile, setProfile] = useState<CustomerProfile | null>(null);
  const [files, setFiles] = useState<{ url: string; fileName: string }[]>([]);
  const [isErasing, setErasing] = useState(false);
  const [confirmWord, setConfirmWord] = useState('');
  const [message, setMessage] = useState('');
  // Older orders than the profile's first page, added as she asks for them.
  const [olderOrders, setOlderOrders] = useState<OrderSummary[]>([]);
  const load = () =>
    void api.call('customers.get', { id: customerId }).then((next) => {
      setProfile(next);
      setOlderOrders([]);
    });
  useEffect(load, [customerId]);
  if (!profile) return null;
  const seen = new Set(profile.orderHistory.map((o) => o.id));
  const orders = [...profile.orderHistory, ...olderOrders.filter((o) => !seen.has(o.id))];
  const loadOlderOrders = () =>
    void api.call('orders.list', { customerId, limit: 50, offset: orders.length }).then((page) => setOlderOrders((shown) => [...shown, ...page.items]));
  const erase = async () => {
    await api.call('customers.erase', { id: customerId, confirm: 'BORRAR' });
    setErasing(false);
    setMessage(t('customers.erased'));
    load();
  };
  return (
    <Dialog title={profile.name} onClose={onClose} size="large"
      footer={
        <>
          <button type="button" className="button button-quiet" onClick={() => setErasing(true)}>{t('customers.erase')}</button>
          <span className="spacer" />
          {files.map((f) => <a key={f.fileName} className="notice" href={f.url} download={f.fileName}>{f.fileName}</a>)}
          <button type="button" className="button" onClick={() => void api.call('customers.exportData', { id: customerId }).then((r) => setFiles([r.json, r.text]))}>{t('customers.export')}</button>
        </>
      }>
      {message ? <p className="notice" role="status">{message}</p> : null}
      {isErasing ? (
        <div className="card danger-zone">
          <p>{t('customers.eraseHelp')}</p>
          <div className="actions">
            <input aria-label={t('customers.erase')} value={confirmWord} onChange={(e) => setConfirmWord(e.target.value)} placeholder="BORRAR" />
            <button type="button" className="button button-primary" disabled={confirmWord.trim().toUpperCase() !== 'BORRAR'} onClick={() => void erase()}>{t('customers.erase')}</button>
            <button type="button" className="button" onClick={() => setErasing(false)}>{t('common.cancel')}</button>
          </div>
        </div>
      ) : null}
      <p className="order-head">
        {profile.phone ? <a href={phone.whatsapp(profile.phone) ?? undefined} target="_blank" rel="noreferrer">{phone.format(profile.phone)}</a> : null}
        {profile.identities.map((i) => (
          <span key={`${i.channel}-${i.externalId}`} className={`channel channel-${i.channel}`}>
            {t(`channel.${i.channel}`)}: {i.displayName || i.externalId}
            {profile.identities.length > 1 ? (
              <button type="button" className="link-button" onClick={() => void api.call('customers.unlink', { id: customerId, channel: i.channel, externalId: i.externalId }).then(setProfile)}> {t('customers.unlink')}</button>
            ) : null}
          </span>
        ))}
      </p>
      <CustomerFields profile={profile} onSaved={setProfile} />
      <div className="kpis">
        <div className="kpi"><span>{t('customers.lifetime')}</span><strong data-testid="lifetime-value">{money(profile.lifetimeValue)}</strong></div>
        <div className="kpi"><span>{t('reports.orders')}</span><strong>{profile.orders}</strong></div>
        <div className="kpi"><span>{t('customers.lastPurchase')}</span><strong>{profile.lastPurchaseAt ? dateTime(profile.lastPurchaseAt) : '—'}</strong></div>
      </div>
      <h3>{t('orders.title')}</h3>
      <table className="table customer-orders">
        <tbody>
          {orders.map((o) => (
            <tr key={o.id}><td className="nowrap">{o.number}</td><td>{t(`channel.${o.channel}`)}</td><td className="clip">{o.itemsText}</td><td><span className={`status status-${o.status}`}>{t(`orders.status.${o.status}`)}</span></td><td className="num">{money(o.total)}</td></tr>
          ))}
        </tbody>
      </table>
      <ShownOf shown={orders.length} total={profile.orderHistoryTotal} more={t('speedRest.ordersMore')} onMore={loadOlderOrders} />
      <h3>{t('chats.title')}</h3>
      <ul className="plain-list">
        {profile.conversations.map((c) => <li key={c.id}><span className={`channel channel-${c.channel}`}>{t(`channel.${c.channel}`)}</span> {c.lastMessageText} <span className="muted">· {dateTime(c.lastMessageAt)}</span></li>)}
      </ul>
    </Dialog>
  );
};
