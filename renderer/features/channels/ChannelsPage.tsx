import { useEffect, useState } from 'react';
import type { ChannelList } from '../../../shared/api/methods/channels';
import type { ChannelKind, ChannelState } from '../../../shared/domain/channels';
import { api } from '../../api';
import { useT } from '../../i18n';
import { ChannelCard } from './ChannelCard';

const order: ChannelKind[] = ['whatsapp', 'instagram', 'facebook', 'demo'];

/** One card per channel with its live status; connecting, codes and logging out happen here. */
export const ChannelsPage = () => {
  const t = useT();
  const [list, setList] = useState<ChannelList | null>(null);
  const load = () => void api.call('channels.list', {}).then(setList);
  useEffect(() => {
    load();
    return api.onEvent((event) => {
      if (event.type !== 'channels.status') return;
      const next = event.payload;
      setList((current) => (current ? { ...current, items: current.items.map((c) => (c.kind === next.kind ? next : c)) } : current));
    });
  }, []);
  const byKind = new Map<ChannelKind, ChannelState>((list?.items ?? []).map((c) => [c.kind, c]));

  return (
    <section className="page" aria-labelledby="channels-title">
      <header className="page-header">
        <h1 id="channels-title">{t('nav.channels')}</h1>
      </header>
      <p className="muted">{t('channels.intro')}</p>
      {list && !list.isSecretStorageSecure ? (
        <p className="card wide warning-box" role="note">
          {t('channels.keyWarning')}
        </p>
      ) : null}
      <div className="channel-grid">
        {order.map((kind) => {
          const state = byKind.get(kind);
          return state ? <ChannelCard key={kind} state={state} onChanged={load} /> : null;
        })}
      </div>
    </section>
  );
};
