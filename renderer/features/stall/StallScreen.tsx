import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { StallSnapshot } from '../../../shared/api/methods/stall';
import { foldText } from '../../../shared/domain/catalog';
import { now, shopDay } from '../../clock';
import { useDateTime, useMoney } from '../../format';
import { useT } from '../../i18n';
import { useSettings } from '../../store/settings';
import { changeCart, itemsOf, priceOf, summaryOf, unitsLeft, variantName, type CartLine, type StallItem, type StallSale } from './ledger';
import { newSaleId } from './saleId';
import { addSale, allSales, loadSnapshot } from './stallDb';
import { prepareStall, syncNow } from './sync';
import { CartPanel, ProductTile, SalesList } from './StallParts';
import { usePhotoUrls } from './usePhotoUrls';
import './stall.css';

/** While there is something to send and a connection, it tries this often (and at once when the wifi comes back). */
const RETRY_MS = 20_000;

type Notice = { kind: 'ok' | 'error'; text: string } | null;

const useIsOnline = (): boolean => {
  const [isOnline, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return isOnline;
};

/**
 * The stall phone: sells from the snapshot kept in IndexedDB, with or without a connection. A sale is
 * on the phone's disk before the screen says it is done; sending it to Chasqui happens whenever there
 * is a connection, and each sale shows whether it got there.
 */
export const StallScreen = () => {
  const t = useT();
  const money = useMoney();
  const dateTime = useDateTime();
  const timeZone = useSettings((s) => s.settings.timeZone);
  const isOnline = useIsOnline();
  const [snapshot, setSnapshot] = useState<StallSnapshot | null | undefined>(undefined);
  const [sales, setSales] = useState<StallSale[]>([]);
  const [cart, setCart] = useState<CartLine[]>([]);
  const [payment, setPayment] = useState('');
  const [phone, setPhone] = useState('');
  const [query, setQuery] = useState('');
  const [isSaving, setSaving] = useState(false);
  const [isSyncing, setSyncing] = useState(false);
  const [isPreparing, setPreparing] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const photos = usePhotoUrls(snapshot);

  const reload = useCallback(async () => {
    const [kept, list] = await Promise.all([loadSnapshot(), allSales()]);
    setSnapshot(kept);
    setSales(list);
  }, []);
  useEffect(() => {
    reload().catch(() => setSnapshot(null));
  }, [reload]);

  const sync = useCallback(
    async (isQuiet: boolean) => {
      setSyncing(true);
      try {
        const outcome = await syncNow();
        if (outcome.acknowledged > 0) await reload();
        if (outcome.error && !isQuiet) setNotice({ kind: 'error', text: t('stall.syncFailed') });
        else if (!isQuiet || outcome.acknowledged > 0) {
          setNotice({ kind: 'ok', text: outcome.acknowledged === 0 && outcome.left === 0 ? t('stall.syncNothing') : t('stall.synced', { count: outcome.acknowledged }) });
        }
      } finally {
        setSyncing(false);
      }
    },
    [reload, t],
  );
  // Back on the wifi, or every little while with a connection: sales leave the phone without her asking.
  const syncRef = useRef(sync);
  syncRef.current = sync;
  useEffect(() => {
    const tryNow = () => (navigator.onLine ? void syncRef.current(true).catch(() => undefined) : undefined);
    tryNow();
    window.addEventListener('online', tryNow);
    const timer = window.setInterval(tryNow, RETRY_MS);
    return () => {
      window.removeEventListener('online', tryNow);
      window.clearInterval(timer);
    };
  }, []);

  const prepare = async () => {
    setPreparing(true);
    setNotice(null);
    try {
      await prepareStall();
      await reload();
      setNotice({ kind: 'ok', text: t('stall.prepared') });
    } catch {
      setNotice({ kind: 'error', text: t('stall.prepareFailed') });
    } finally {
      setPreparing(false);
    }
  };

  const items = useMemo(() => (snapshot ? itemsOf(snapshot) : []), [snapshot]);
  const byVariant = useMemo(() => new Map(items.map((item) => [item.variant.variantId, item])), [items]);
  const left = useMemo(() => (snapshot ? unitsLeft(snapshot, sales) : new Map<number, number>()), [snapshot, sales]);
  const today = shopDay(timeZone);
  const summary = summaryOf(sales, today);
  const shown = sales.filter((sale) => sale.day === today || sale.state !== 'synced');
  const methods = snapshot?.paymentMethods ?? [];
  const chosenPayment = methods.includes(payment) ? payment : (methods[0] ?? '');
  const words = foldText(query.trim());
  const visible = words ? items.filter((item) => foldText(variantName(item.productName, item.variant.label)).includes(words)) : items;
  // What she carried comes first; the rest of the shop's stock is there for the day she took extra.
  const atStall = visible.filter((item) => item.variant.stallUnits > 0);
  const fromShop = visible.filter((item) => item.variant.stallUnits === 0);
  const tile = (item: StallItem) => (
    <ProductTile
      key={item.variant.variantId}
      item={item}
      left={left.get(item.variant.variantId) ?? 0}
      inCart={cart.find((line) => line.variantId === item.variant.variantId)?.quantity ?? 0}
      photoUrl={item.photoId ? photos.get(item.photoId) : undefined}
      onTap={() => setCart((c) => changeCart(c, item.variant.variantId, 1))}
    />
  );

  const charge = async () => {
    if (!snapshot || cart.length === 0 || isSaving) return;
    const lines = cart.flatMap((line) => {
      const item = byVariant.get(line.variantId);
      return item ? [{ variantId: line.variantId, quantity: line.quantity, unitPrice: priceOf(item.variant), name: variantName(item.productName, item.variant.label) }] : [];
    });
    const sale: StallSale = {
      id: newSaleId(),
      soldAt: now(),
      day: today,
      snapshotAt: snapshot.takenAt,
      lines,
      paymentMethod: chosenPayment,
      customerPhone: phone.trim() || null,
      total: lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0),
      state: 'pending',
      orderId: null,
      conflictId: null,
    };
    setSaving(true);
    try {
      // On disk first: only then is the sale done on screen.
      await addSale(sale);
    } catch {
      setNotice({ kind: 'error', text: t('stall.saveFailed') });
      return;
    } finally {
      setSaving(false);
    }
    setSales((list) => [sale, ...list]);
    setCart([]);
    setPhone('');
    setNotice({ kind: 'ok', text: t('stall.saved', { total: money(sale.total) }) });
    if (navigator.onLine) void sync(true).catch(() => undefined);
  };

  if (snapshot === undefined) return <p className="loading">{t('common.loading')}</p>;
  return (
    <div className={`page stall-page${cart.length > 0 ? ' has-cart' : ''}`}>
      <header className="stall-header">
        <h1>{t('stall.title')}</h1>
        <span className={`stall-net${isOnline ? ' is-online' : ''}`} role="status">{isOnline ? t('stall.online') : t('stall.offline')}</span>
      </header>
      {notice ? (
        <p className={notice.kind === 'ok' ? 'stall-notice' : 'stall-notice is-error'} role={notice.kind === 'ok' ? 'status' : 'alert'} data-testid="stall-notice">
          {notice.text}
        </p>
      ) : null}
      {snapshot === null ? (
        <section className="stall-prepare card">
          <h2>{t('stall.prepareTitle')}</h2>
          <p>{t('stall.prepareHelp')}</p>
          {isOnline ? null : <p className="stall-over">{t('stall.prepareOffline')}</p>}
          <button type="button" className="button button-primary stall-big" disabled={isPreparing || !isOnline} onClick={() => void prepare()}>
            {isPreparing ? t('stall.preparing') : t('stall.prepare')}
          </button>
        </section>
      ) : (
        <>
          <section className="stall-summary" aria-label={t('stall.today')}>
            <div>
              <span className="muted">{t('stall.today')}</span>
              <strong data-testid="stall-total">{money(summary.total)}</strong>
              <span data-testid="stall-count">{t('stall.salesCount', { count: summary.count })}</span>
            </div>
            <button type="button" className="button stall-sync" disabled={isSyncing || !isOnline} onClick={() => void sync(false)}>
              {isSyncing ? t('stall.syncing') : t('stall.sync')}
              {summary.pending > 0 ? <span className="stall-badge" aria-label={t('stall.pendingCount', { count: summary.pending })}>{summary.pending}</span> : null}
            </button>
          </section>
          <p className="muted stall-stamp">{t('stall.dataFrom', { when: dateTime(snapshot.takenAt) })}</p>
          {items.length > 6 ? (
            <input className="search stall-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('stall.search')} aria-label={t('stall.search')} />
          ) : null}
          {atStall.length === 0 && !words ? <p className="empty-results">{t('stall.noProducts')}</p> : null}
          <ul className="stall-tiles" aria-label={t('stall.products')}>
            {atStall.map(tile)}
          </ul>
          {fromShop.length > 0 ? (
            <details className="stall-more" open={words !== '' || atStall.length === 0}>
              <summary>{t('stall.fromShop', { count: fromShop.length })}</summary>
              <ul className="stall-tiles" aria-label={t('stall.fromShopList')}>
                {fromShop.map(tile)}
              </ul>
            </details>
          ) : null}
          <section className="stall-day" aria-label={t('stall.salesToday')}>
            <h2>{t('stall.salesToday')}</h2>
            <SalesList sales={shown} />
          </section>
          <button type="button" className="button stall-refresh" disabled={isPreparing || !isOnline} onClick={() => void prepare()}>
            {isPreparing ? t('stall.preparing') : t('stall.refresh')}
          </button>
          {cart.length > 0 ? (
            <CartPanel
              snapshot={snapshot}
              cart={cart}
              items={byVariant}
              left={left}
              payment={chosenPayment}
              phone={phone}
              isSaving={isSaving}
              onChange={(variantId, delta) => setCart((c) => changeCart(c, variantId, delta))}
              onPayment={setPayment}
              onPhone={setPhone}
              onCharge={() => void charge()}
              onClear={() => setCart([])}
            />
          ) : null}
        </>
      )}
    </div>
  );
};
