import { useEffect, useState, type KeyboardEvent, type ReactNode } from 'react';
import { foldText } from '../../../shared/domain/catalog';
import type { FilledReply, QuickReply } from '../../../shared/domain/quick';
import { api } from '../../api';
import { toFormError } from '../../components/errors';
import { useT } from '../../i18n';
import '../quick/quick.css';

interface Picker {
  /** The list (while she types "/…") or the preview of the chosen reply. */
  node: ReactNode;
  /** Arrows, Enter and Esc belong to the picker while it is open; true when it took the key. */
  handleKey: (event: KeyboardEvent<HTMLTextAreaElement>) => boolean;
}

/**
 * "/" at the start of the reply box opens her saved replies: typing filters them, arrows move,
 * Enter shows the reply filled in for this customer, Esc closes. The preview can be edited and
 * goes out with its photos through the customer's channel.
 */
export const useQuickReplyPicker = ({ text, conversationId, onCancel, onSent }: { text: string; conversationId: number; onCancel: () => void; onSent: () => void }): Picker => {
  const t = useT();
  const [replies, setReplies] = useState<QuickReply[] | null>(null);
  const [index, setIndex] = useState(0);
  const [chosen, setChosen] = useState<{ reply: QuickReply; filled: FilledReply; text: string } | null>(null);
  const [error, setError] = useState('');
  const [isSending, setSending] = useState(false);
  const isOpen = chosen === null && /^\/[^\n]*$/.test(text);
  const query = foldText(text.slice(1).trim());
  useEffect(() => {
    if (isOpen && replies === null) void api.call('quickReplies.list', {}).then((r) => setReplies(r.items));
  }, [isOpen, replies]);
  useEffect(() => setIndex(0), [query]);
  useEffect(() => setChosen(null), [conversationId]);
  // Names she types are what she means: a name that starts with it first, then names, then texts.
  const rank = (r: QuickReply): number => (foldText(r.name).startsWith(query) ? 0 : foldText(r.name).includes(query) ? 1 : foldText(r.text).includes(query) ? 2 : 3);
  const matches = (replies ?? [])
    .map((r) => ({ r, rank: rank(r) }))
    .filter((m) => m.rank < 3)
    .sort((a, b) => a.rank - b.rank)
    .map((m) => m.r)
    .slice(0, 8);

  const choose = async (reply: QuickReply | undefined) => {
    if (!reply) return;
    setError('');
    try {
      const filled = await api.call('quickReplies.preview', { id: reply.id, conversationId });
      setChosen({ reply, filled, text: filled.text });
    } catch (caught) {
      setError(toFormError(caught, t).message);
    }
  };
  const close = () => {
    setChosen(null);
    setError('');
    onCancel();
  };
  const send = async () => {
    if (!chosen) return;
    setSending(true);
    setError('');
    try {
      await api.call('quickReplies.send', { id: chosen.reply.id, conversationId, text: chosen.text });
      setChosen(null);
      onSent();
    } catch (caught) {
      setError(toFormError(caught, t).message);
    } finally {
      setSending(false);
    }
  };

  const handleKey = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!isOpen) return false;
    const moves: Record<string, () => void> = {
      ArrowDown: () => setIndex((i) => Math.min(i + 1, Math.max(matches.length - 1, 0))),
      ArrowUp: () => setIndex((i) => Math.max(i - 1, 0)),
      Enter: () => void choose(matches[index]),
      Escape: close,
    };
    const move = moves[event.key];
    if (!move || event.shiftKey) return false;
    event.preventDefault();
    move();
    return true;
  };

  if (chosen) {
    return {
      handleKey,
      node: (
        <div
          className="quick-preview"
          role="dialog"
          aria-label={t('quick.previewOf', { name: chosen.reply.name })}
          onKeyDown={(e) => {
            if (e.key === 'Escape') (e.preventDefault(), close());
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) (e.preventDefault(), void send());
          }}
        >
          <strong>/{chosen.reply.name}</strong>
          {chosen.filled.photos.length > 0 ? (
            <div className="quick-photos">
              {chosen.filled.photos.map((p) => <img key={p.id} src={p.thumbUrl} alt={t('quick.attachedPhoto')} />)}
            </div>
          ) : null}
          <label className="visually-hidden" htmlFor="quick-text">{t('quick.previewText')}</label>
          <textarea id="quick-text" rows={4} maxLength={4000} value={chosen.text} onChange={(e) => setChosen({ ...chosen, text: e.target.value })} />
          {chosen.filled.missing.length > 0 ? (
            <p className="warning-box" role="note">{t('quick.missing', { fields: chosen.filled.missing.map((f) => `{${f}}`).join(', ') })}</p>
          ) : null}
          <div className="actions">
            <button type="button" className="button" onClick={close}>{t('common.cancel')}</button>
            {/* Focused on open: Enter sends what she sees. */}
            <button type="button" className="button button-primary" autoFocus disabled={isSending || !chosen.text.trim()} onClick={() => void send()}>
              {chosen.filled.photos.length > 0 ? t('quick.sendWithPhotos', { count: chosen.filled.photos.length }) : t('chats.send')}
            </button>
          </div>
          {error ? <p className="form-error" role="alert">{error}</p> : null}
        </div>
      ),
    };
  }
  if (!isOpen) return { handleKey, node: error ? <p className="form-error" role="alert">{error}</p> : null };
  return {
    handleKey,
    node: (
      <div className="quick-list">
        <p className="muted small">{t('quick.pickerHelp')}</p>
        {replies !== null && matches.length === 0 ? <p className="muted">{t('quick.noMatch')}</p> : null}
        <ul role="listbox" id="quick-replies" aria-label={t('quick.replies')}>
          {matches.map((r, i) => (
            <li key={r.id} role="option" aria-selected={i === index} className={i === index ? 'is-active' : ''} onMouseDown={(e) => (e.preventDefault(), void choose(r))}>
              <strong>/{r.name}</strong> <span className="muted clip-line">{r.text}</span>
              {r.photos.length > 0 || r.productId !== null ? <span aria-label={t('quick.hasPhoto')}> 📷</span> : null}
            </li>
          ))}
        </ul>
      </div>
    ),
  };
};
