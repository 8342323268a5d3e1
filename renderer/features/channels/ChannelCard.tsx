import { useState, type FormEvent } from 'react';
import type { MethodArgs } from '../../../shared/api/contract';
import type { ChannelState } from '../../../shared/domain/channels';
import { isSendingStatus } from '../../../shared/domain/channels';
import { api } from '../../api';
import { toFormError } from '../../components/errors';
import { useT, type MessageKey } from '../../i18n';
import { PromptForm } from './PromptForm';
import { useSettings } from '../../store/settings';

// Only the desktop app can open Facebook's own login window.
const isDesktop = typeof window !== 'undefined' && window.chasqui !== undefined;

const titleKey: Record<ChannelState['kind'], MessageKey> = {
  whatsapp: 'channel.whatsapp',
  instagram: 'channel.instagram',
  facebook: 'channel.facebook',
  demo: 'channels.demo.title',
};
const helpKey: Record<ChannelState['kind'], MessageKey> = {
  whatsapp: 'channels.whatsapp.help',
  instagram: 'channels.instagram.help',
  facebook: 'channels.facebook.help',
  demo: 'channels.demo.help',
};
const explainable = ['rate_limited', 'blocked', 'offline', 'needs_auth', 'degraded'] as const;
const isExplainable = (status: string): status is (typeof explainable)[number] => explainable.some((s) => s === status);

export const ChannelCard = ({ state, onChanged }: { state: ChannelState; onChanged: () => void }) => {
  const t = useT();
  const [error, setError] = useState('');
  const [isBusy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [waMethod, setWaMethod] = useState<'qr' | 'phone'>('qr');
  const [phone, setPhone] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [token, setToken] = useState('');
  const facebookAppId = useSettings((store) => store.settings.facebookAppId);
  const loginWithFacebook = () =>
    void run(async () => {
      const login = await api.call('desktop.facebookLogin', {});
      if (login.token) await api.call('channels.connect', { kind: 'facebook', pageToken: login.token });
    });

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError('');
    setNotice('');
    try {
      await work();
    } catch (caught) {
      setError(toFormError(caught, t).message);
    } finally {
      setBusy(false);
      onChanged();
    }
  };

  const connectArgs = (): MethodArgs<'channels.connect'> => {
    switch (state.kind) {
      case 'whatsapp':
        return { kind: 'whatsapp', method: waMethod, phone };
      case 'instagram':
        return { kind: 'instagram', username, password };
      case 'facebook':
        return { kind: 'facebook', pageToken: token };
      case 'demo':
        return { kind: 'demo' };
    }
  };
  const connect = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await api.call('channels.connect', connectArgs());
      setPassword('');
      setToken('');
    });
  };
  const isConnected = isSendingStatus(state.status);
  const isLinking = state.status === 'connecting' || state.prompt !== null;
  const title = t(titleKey[state.kind]);
  const headingId = `channel-${state.kind}-title`;

  return (
    <article className={`card channel-card channel-card-${state.kind}`} aria-labelledby={headingId}>
      <header className="channel-head">
        <h2 id={headingId}>{title}</h2>
        <span className={`badge status-${state.status}`} role="status">{t(`channels.status.${state.status}`)}</span>
      </header>
      {state.account ? <p className="muted">{t('channels.account', { account: state.account })}</p> : null}
      {isExplainable(state.status) ? <p className="channel-explain">{t(`channels.explain.${state.status}`)}</p> : null}
      {state.detail && !isConnected ? <p className="muted small">{t('channels.detail', { detail: state.detail })}</p> : null}

      {state.prompt ? <PromptForm kind={state.kind} prompt={state.prompt} isBusy={isBusy} onAnswer={(answer) => void run(() => api.call('channels.answerPrompt', { kind: state.kind, answer }))} /> : null}

      {!isConnected && !isLinking ? (
        <form className="form channel-form" onSubmit={connect}>
          <p className="muted">{t(helpKey[state.kind])}</p>
          {state.kind === 'whatsapp' ? (
            <>
              <div className="segmented" role="radiogroup" aria-label={t('channels.connect')}>
                {(['qr', 'phone'] as const).map((method) => (
                  <label key={method} className={waMethod === method ? 'is-active' : ''}>
                    <input type="radio" name="wa-method" className="visually-hidden" checked={waMethod === method} onChange={() => setWaMethod(method)} />
                    {t(method === 'qr' ? 'channels.whatsapp.qr' : 'channels.whatsapp.phone')}
                  </label>
                ))}
              </div>
              {waMethod === 'phone' ? (
                <label className="field">
                  <span>{t('channels.whatsapp.number')}</span>
                  <input type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} placeholder="+51 987 654 321" autoComplete="tel" required />
                </label>
              ) : null}
            </>
          ) : null}
          {state.kind === 'instagram' ? (
            <>
              <label className="field">
                <span>{t('channels.instagram.username')}</span>
                <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" required />
              </label>
              <label className="field">
                <span>{t('channels.instagram.password')}</span>
                <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required />
              </label>
            </>
          ) : null}
          {state.kind === 'facebook' && isDesktop && facebookAppId ? (
            <button type="button" className="button button-primary" disabled={isBusy} onClick={loginWithFacebook}>{t('channels.facebook.login')}</button>
          ) : null}
          {state.kind === 'facebook' ? (
            <>
              <label className="field">
                <span>{t('channels.facebook.token')}</span>
                <textarea value={token} onChange={(e) => setToken(e.target.value)} rows={3} spellCheck={false} autoComplete="off" required />
              </label>
              <details className="tech-details">
                <summary>{t('channels.facebook.techSummary')}</summary>
                <p className="muted">{t('channels.facebook.techSteps')}</p>
              </details>
            </>
          ) : null}
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={isBusy}>
              {state.status === 'not_connected' ? t('channels.connect') : t('channels.reconnect')}
            </button>
          </div>
        </form>
      ) : null}

      {isConnected || isLinking || state.status !== 'not_connected' ? (
        <div className="actions channel-actions">
          {isConnected && (state.kind === 'instagram' || state.kind === 'facebook') ? (
            <button
              type="button"
              className="button"
              disabled={isBusy}
              onClick={() => void run(async () => setNotice(t('channels.synced', { count: (await api.call('channels.sync', { kind: state.kind })).messages })))}
            >
              {t('channels.sync')}
            </button>
          ) : null}
          {isConnected || isLinking ? (
            <button type="button" className="button" disabled={isBusy} onClick={() => void run(() => api.call('channels.disconnect', { kind: state.kind }))}>
              {t('channels.disconnect')}
            </button>
          ) : null}
          {state.kind !== 'demo' ? (
            <button
              type="button"
              className="button button-quiet danger"
              disabled={isBusy}
              onClick={() => (window.confirm(t('channels.wipeConfirm', { channel: title })) ? void run(() => api.call('channels.disconnect', { kind: state.kind, isWipe: true })) : undefined)}
            >
              {t('channels.wipe')}
            </button>
          ) : null}
        </div>
      ) : null}
      {notice ? <p className="notice" role="status">{notice}</p> : null}
      {error ? <p className="form-error" role="alert">{error}</p> : null}
    </article>
  );
};
