import { lazy, Suspense, useEffect, useState } from 'react';
import { api, isUnauthorized } from './api';
import { CatalogPage } from './features/catalog/CatalogPage';
import { ChatsPage } from './features/chats/ChatsPage';
import { DeliveriesPage } from './features/deliveries/DeliveriesPage';
import { OrdersPage } from './features/orders/OrdersPage';
import { FollowUpsPage } from './features/board/FollowUpsPage';
import { NavCount } from './features/board/NavCount';
import { CommandPalette } from './features/palette/CommandPalette';
import { PromotionsPage } from './features/promotions/PromotionsPage';
import { ChannelsPage } from './features/channels/ChannelsPage';
import { LivePage } from './features/live/LivePage';
import { SettingsPage } from './features/settings/SettingsPage';
import { WelcomePage } from './features/welcome/WelcomePage';
import { FeriaPage } from './features/stall/FeriaPage';
import { ConflictCount } from './features/stall/ConflictCount';
import { bootFromDevice } from './features/stall/offlineBoot';
import { DemoBanner } from './features/welcome/DemoBanner';
import { useT } from './i18n';
import { areaFromHash, areaIcon, areaLabel, areasForRole, type Area } from './routes';
import type { TeamRole } from '../shared/api/methods/team';
import { useSettings } from './store/settings';
import { now, syncClock } from './clock';
import { LogoImage } from './components/LogoImage';

// Reportes alone draws charts: chart.js (a fifth of the app) loads when she opens it, not at start.
const ReportsPage = lazy(() => import('./features/reports/ReportsPage').then((m) => ({ default: m.ReportsPage })));

const Loading = () => {
  const t = useT();
  return <p className="muted">{t('common.loading')}</p>;
};

const Page = ({ area, role }: { area: Area; role: TeamRole }) => {
  switch (area) {
    case 'catalogo':
      return <CatalogPage />;
    case 'pedidos':
      return <OrdersPage />;
    case 'pendientes':
      return <FollowUpsPage />;
    case 'ajustes':
      return <SettingsPage />;
    case 'promociones':
      return <PromotionsPage />;
    case 'chats':
      return <ChatsPage />;
    case 'repartos':
      return <DeliveriesPage />;
    case 'reportes':
      return (
        <Suspense fallback={<Loading />}>
          <ReportsPage />
        </Suspense>
      );
    case 'envivo':
      return <LivePage />;
    case 'canales':
      return <ChannelsPage />;
    case 'feria':
      return <FeriaPage role={role} />;
  }
};

export const App = () => {
  const t = useT();
  const { settings, isLoaded, load, apply } = useSettings();
  // The whole hash, not just the area: #/catalogo → #/catalogo/importar must remount the page so it opens the importer.
  const [hash, setHash] = useState(window.location.hash);
  const [hasFailed, setFailed] = useState(false);
  const [isPaletteOpen, setPaletteOpen] = useState(false);

  // Keyboard shortcuts: Ctrl/Cmd+K search, Ctrl/Cmd+Shift+O new order, Ctrl/Cmd+Shift+P new product.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 'k' && !event.shiftKey) {
        event.preventDefault();
        setPaletteOpen(true);
      } else if (event.shiftKey && key === 'o') {
        event.preventDefault();
        window.location.hash = `#/pedidos/nuevo-${now()}`;
      } else if (event.shiftKey && key === 'p') {
        event.preventDefault();
        window.location.hash = `#/catalogo/nuevo-${now()}`;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const [isDemo, setDemo] = useState(false);
  const [role, setRole] = useState<TeamRole>('owner');
  // A helper's phone that opens a page outside its role lands on its first page instead.
  const hashArea: Area = areaFromHash(hash);
  const area: Area = areasForRole[role].includes(hashArea) ? hashArea : (areasForRole[role][0] ?? hashArea);
  useEffect(() => {
    const askInfo = () =>
      void api.call('app.info', {}).then((info) => {
        syncClock(info.now);
        setDemo(info.isDemo);
        setRole(info.role);
      }, () => undefined);
    askInfo();
    // A phone that opened offline (the stall) learns the rest when the connection comes back.
    window.addEventListener('online', askInfo);
    // The desktop menu and notifications ask for the same things as the shortcuts.
    const stopCommands = api.onEvent((event) => {
      if (event.type !== 'app.command') return;
      const { command, hash } = event.payload;
      if (command === 'search') setPaletteOpen(true);
      else if (command === 'new-order') window.location.hash = `#/pedidos/nuevo-${now()}`;
      else if (command === 'new-product') window.location.hash = `#/catalogo/nuevo-${now()}`;
      else if (hash?.startsWith('#/')) window.location.hash = hash;
    });
    return () => {
      window.removeEventListener('online', askInfo);
      stopCommands();
    };
  }, []);

  useEffect(() => {
    load().catch(async () => {
      // No connection at the market: a stall phone opens from what it keeps on the device.
      const boot = isUnauthorized.current ? null : await bootFromDevice();
      if (!boot) return setFailed(true);
      setRole(boot.role);
      useSettings.setState({ settings: boot.settings, isLoaded: true });
    });
    const onHash = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onHash);
    const reloadSettings = () => void load().catch(() => undefined);
    window.addEventListener('online', reloadSettings);
    const stop = api.onEvent((event) => (event.type === 'settings.changed' ? apply(event.payload) : undefined));
    return () => {
      window.removeEventListener('hashchange', onHash);
      window.removeEventListener('online', reloadSettings);
      stop();
    };
  }, [load, apply]);

  useEffect(() => {
    document.documentElement.lang = settings.language;
    document.title = `${settings.shopName} · Chasqui`;
  }, [settings.language, settings.shopName]);

  if (hasFailed && isUnauthorized.current) {
    return (
      <main className="auth-page">
        <h1>{t('auth.title')}</h1>
        <p>{t('auth.body')}</p>
      </main>
    );
  }
  if (!isLoaded) return <p className="loading">{t('common.loading')}</p>;
  if (!settings.isOnboarded) return <WelcomePage />;
  return (
    <div className="frame">
      <nav className="sidebar" aria-label={t('nav.main')}>
        <div className="brand">
          {settings.logoMediaId ? <LogoImage className="brand-mark" mediaId={settings.logoMediaId} /> : <span className="brand-mark" aria-hidden="true">{settings.shopName.slice(0, 1).toUpperCase()}</span>}
          <span className="brand-text">
            <strong>{settings.shopName}</strong>
            <small>Chasqui</small>
          </span>
        </div>
        <ul>
          {areasForRole[role].map((a) => (
            <li key={a}>
              <a href={`#/${a}`} aria-current={a === area ? 'page' : undefined} className={a === area ? 'is-active' : ''}>
                <span aria-hidden="true">{areaIcon[a]}</span> {t(areaLabel[a])}
                {a === 'pendientes' ? <NavCount /> : null}
                {a === 'feria' && role === 'owner' ? <ConflictCount /> : null}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        {isDemo ? <DemoBanner /> : null}
        <Page key={hash} area={area} role={role} />
      </main>
      {isPaletteOpen ? <CommandPalette onClose={() => setPaletteOpen(false)} /> : null}
    </div>
  );
};
