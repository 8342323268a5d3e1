import { useCallback, useEffect, useState } from 'react';
import type { MethodResult } from '../../../shared/api/contract';
import { toCsv } from '../../../shared/csv';
import { formatMoney, minorToDecimal } from '../../../shared/domain/money';
import { api } from '../../api';
import { downloadText } from '../../components/files';
import { useT } from '../../i18n';
import { useSettings } from '../../store/settings';
import { SalesChart } from './SalesChart';
import { shopDay } from '../../clock';
import { CONVERSION_DAYS } from '../../../shared/domain/reports';
import { WhereSold } from './WhereSold';
import './reports.css';
import { useLocale } from '../../format';

interface Reports {
  sales: MethodResult<'reports.sales'>;
  channels: MethodResult<'reports.channels'>;
  products: MethodResult<'reports.products'>;
  customers: MethodResult<'reports.customers'>;
}



export const ReportsPage = () => {
  const t = useT();
  const { currency, timeZone } = useSettings((s) => s.settings);
  // The screen's locale: the language's, unless she chose a format in Ajustes.
  const locale = useLocale();
  const money = useCallback((minor: number) => formatMoney(minor, currency, locale), [currency, locale]);
  const [from, setFrom] = useState(() => shopDay(timeZone, -29));
  const [to, setTo] = useState(() => shopDay(timeZone));
  const [groupBy, setGroupBy] = useState<'day' | 'week' | 'month'>('day');
  const [reports, setReports] = useState<Reports | null>(null);

  useEffect(() => {
    if (!from || !to || from > to) return;
    void Promise.all([
      api.call('reports.sales', { from, to, groupBy }),
      api.call('reports.channels', { from, to }),
      api.call('reports.products', { from, to }),
      api.call('reports.customers', { from, to }),
    ]).then(([sales, channels, products, customers]) => setReports({ sales, channels, products, customers }));
  }, [from, to, groupBy]);

  const exportCsv = () => {
    if (!reports) return;
    downloadText(
      toCsv(
        [t('reports.period'), t('reports.orders'), t('reports.units'), `${t('reports.revenue')} (${currency})`],
        reports.sales.buckets.map((b) => [b.period, b.orders, b.units, minorToDecimal(b.revenue, currency)]),
      ),
      `ventas-${from}-${to}.csv`,
    );
  };

  return (
    <section className="page" aria-labelledby="reports-title">
      <header className="page-header">
        <h1 id="reports-title">{t('reports.title')}</h1>
        <button type="button" className="button" onClick={exportCsv} disabled={!reports}>{t('reports.exportCsv')}</button>
      </header>
      <div className="toolbar">
        <label className="field-inline"><span>{t('reports.from')}</span><input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label className="field-inline"><span>{t('reports.to')}</span><input type="date" value={to} onChange={(e) => setTo(e.target.value)} /></label>
        <label className="field-inline">
          <span>{t('reports.groupBy')}</span>
          <select value={groupBy} onChange={(e) => setGroupBy(e.target.value === 'week' ? 'week' : e.target.value === 'month' ? 'month' : 'day')}>
            <option value="day">{t('reports.day')}</option>
            <option value="week">{t('reports.week')}</option>
            <option value="month">{t('reports.month')}</option>
          </select>
        </label>
      </div>
      {reports ? (
        <>
          <div className="kpis">
            <div className="kpi"><span>{t('reports.revenue')}</span><strong data-testid="kpi-revenue">{money(reports.sales.totals.revenue)}</strong></div>
            <div className="kpi"><span>{t('reports.orders')}</span><strong>{reports.sales.totals.orders}</strong></div>
            <div className="kpi"><span>{t('reports.averageTicket')}</span><strong>{money(reports.sales.totals.averageTicket)}</strong></div>
            <div className="kpi"><span>{t('reports.stockValue')}</span><strong>{money(reports.products.stockValue.atCost)}</strong><small>{t('reports.atCost')} · {money(reports.products.stockValue.atPrice)} {t('reports.atPrice')}</small></div>
          </div>
          <div className="card wide"><h2>{t('reports.sales')}</h2><SalesChart buckets={reports.sales.buckets} money={money} label={t('reports.sales')} groupBy={groupBy} locale={locale} /></div>
          <div className="report-grid">
            <div className="card wide">
              <h2>{t('reports.byChannel')}</h2>
              <table className="table">
                <thead><tr><th scope="col">{t('orders.channel')}</th><th scope="col" className="num">{t('reports.orders')}</th><th scope="col" className="num">{t('reports.revenue')}</th><th scope="col" className="num">{t('reports.conversion')}</th></tr></thead>
                <tbody>
                  {reports.channels.items.map((c) => (
                    <tr key={c.channel}>
                      <td>{t(`channel.${c.channel}`)}</td>
                      <td className="num">{c.orders}</td>
                      <td className="num">{money(c.revenue)}</td>
                      <td className="num" data-testid={`conversion-${c.channel}`}>
                        {c.conversion === null ? '—' : <>{`${Math.round(c.conversion * 100)}%`} <small className="muted">({t('reports.conversionCell', { converted: c.converted, conversations: c.conversations })})</small></>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="muted small">{t('speedRest.conversionHelp', { days: CONVERSION_DAYS })}</p>
            </div>
            <div className="card wide">
              <h2>{t('reports.topProducts')}</h2>
              <table className="table">
                <thead><tr><th scope="col">{t('orders.items')}</th><th scope="col" className="num">{t('reports.units')}</th><th scope="col" className="num">{t('reports.revenue')}</th></tr></thead>
                <tbody>{reports.products.top.slice(0, 10).map((p) => <tr key={p.variantId}><td>{p.name}</td><td className="num">{p.units}</td><td className="num">{money(p.revenue)}</td></tr>)}</tbody>
              </table>
            </div>
            <WhereSold rows={reports.products.whereSold} />
            <div className="card wide">
              <h2>{t('reports.customers')}</h2>
              <p data-testid="customers-summary">
                {t('reports.buyers')}: <strong>{reports.customers.buyers}</strong> · {t('reports.newBuyers')}: <strong>{reports.customers.newCustomers}</strong> · {t('reports.returningBuyers')}:{' '}
                <strong>{reports.customers.returningCustomers} ({Math.round(reports.customers.repeatRate * 100)}%)</strong>
              </p>
              <p className="muted small">{t('reports.customersHelp')}</p>
              <p>{t('reports.lifetime')}: <strong>{money(reports.customers.averageLifetimeValue)}</strong></p>
              <table className="table">
                <tbody>{reports.customers.top.slice(0, 8).map((c) => <tr key={c.customerId}><td>{c.name}</td><td className="num">{c.orders}</td><td className="num">{money(c.lifetimeValue)}</td></tr>)}</tbody>
              </table>
            </div>
            <div className="card wide">
              <h2>{t('reports.lowStock')}</h2>
              <table className="table">
                <tbody>{reports.products.lowStock.map((v) => <tr key={v.variantId}><td>{v.name}</td><td className="num">{v.stock}</td></tr>)}</tbody>
              </table>
            </div>
          </div>
        </>
      ) : (
        <p className="muted">{t('common.loading')}</p>
      )}
    </section>
  );
};
