import { useState } from 'react';
import type { ChannelKind, ChannelPrompt } from '../../../shared/domain/channels';
import { useT } from '../../i18n';

/** What a channel asks for while linking: a QR to scan, a code to type on the phone, a 2FA code, a Page to pick. */
export const PromptForm = ({ kind, prompt, isBusy, onAnswer }: { kind: ChannelKind; prompt: ChannelPrompt; isBusy: boolean; onAnswer: (answer: string) => void }) => {
  const t = useT();
  const [code, setCode] = useState('');
  const [page, setPage] = useState(prompt.kind === 'pick_page' ? (prompt.options[0]?.id ?? '') : '');

  if (prompt.kind === 'qr') {
    return (
      <div className="pairing">
        <p>{t('channels.whatsapp.scan')}</p>
        <img className="qr" src={prompt.data} alt="QR" width={264} height={264} />
      </div>
    );
  }
  if (prompt.kind === 'pairing_code') {
    return (
      <div className="pairing">
        <p>{t('channels.whatsapp.code')}</p>
        <p className="pairing-code" aria-live="polite">{prompt.data}</p>
      </div>
    );
  }
  if (prompt.kind === 'pick_page') {
    return (
      <form className="form" onSubmit={(e) => (e.preventDefault(), onAnswer(page))}>
        <label className="field">
          <span>{t('channels.facebook.pickPage')}</span>
          <select value={page} onChange={(e) => setPage(e.target.value)}>
            {prompt.options.map((option) => (
              <option key={option.id} value={option.id}>{option.name}</option>
            ))}
          </select>
        </label>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={isBusy || !page}>{t('channels.facebook.choose')}</button>
        </div>
      </form>
    );
  }
  const where =
    prompt.kind === 'two_factor'
      ? prompt.data === 'app'
        ? t('channels.instagram.twoFactorApp')
        : t('channels.instagram.twoFactorSms', { digits: prompt.data.replace(/^sms:/, '') })
      : '';
  return (
    <form className="form" onSubmit={(e) => (e.preventDefault(), onAnswer(code.trim()))}>
      <p>{prompt.kind === 'two_factor' ? t('channels.instagram.twoFactor', { where }) : t('channels.instagram.challenge')}</p>
      <label className="field">
        <span>{t('channels.instagram.code')}</span>
        <input id={`${kind}-code`} value={code} onChange={(e) => setCode(e.target.value)} inputMode="numeric" autoComplete="one-time-code" required maxLength={12} />
      </label>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={isBusy || !code.trim()}>{t('channels.send')}</button>
      </div>
    </form>
  );
};
