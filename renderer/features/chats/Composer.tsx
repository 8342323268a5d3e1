import { useEffect, useState, type FormEvent } from 'react';
import type { ChannelState } from '../../../shared/domain/channels';
import { isSendingStatus } from '../../../shared/domain/channels';
import type { Conversation } from '../../../shared/domain/inbox';
import { api } from '../../api';
import { toFormError } from '../../components/errors';
import { useDateTime } from '../../format';
import { useT } from '../../i18n';
import { useQuickReplyPicker } from './QuickReplyPicker';
import { ProductCardPicker } from './ProductCardPicker';
import { usePaymentDetails } from './PaymentDetailsButton';

/** The reply box: goes out on the channel the customer used last, or another of theirs the seller picks. */
export const Composer = ({ conversation, channels, now, onSent }: { conversation: Conversation; channels: ChannelState[]; now: number; onSent: () => void }) => {
  const t = useT();
  const dateTime = useDateTime();
  const targets = conversation.replyTargets;
  const [targetId, setTargetId] = useState(targets[0]?.conversationId ?? conversation.id);
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [isSending, setSending] = useState(false);
  useEffect(() => {
    setTargetId(conversation.replyTargets[0]?.conversationId ?? conversation.id);
    setError('');
  }, [conversation.id]);

  const target = targets.find((c) => c.conversationId === targetId) ?? targets[0];
  const picker = useQuickReplyPicker({ text, conversationId: target?.conversationId ?? conversation.id, onCancel: () => setText(''), onSent: () => (setText(''), onSent()) });
  const adapter = channels.find((c) => c.kind === target?.via);
  const isChannelOn = target !== undefined && target.isLive && adapter !== undefined && isSendingStatus(adapter.status);
  const isWindowClosed = target !== undefined && target.windowClosesAt !== null && target.windowClosesAt < now;
  const payment = usePaymentDetails({
    conversationId: target?.conversationId ?? conversation.id,
    text,
    isDisabled: isWindowClosed || !isChannelOn,
    onInsert: (details) => setText(text.trim() ? `${text.trim()}\n\n${details}` : details),
  });
  if (!target) return null;
  const channelName = t(`channel.${target.channel}`);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setSending(true);
    setError('');
    try {
      if (payment.isAttached) await payment.send(target.conversationId, text, channelName);
      else await api.call('inbox.sendMessage', { conversationId: target.conversationId, text });
      setText('');
      onSent();
    } catch (caught) {
      setError(toFormError(caught, t).message);
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="composer" onSubmit={(e) => void send(e)} aria-label={t('chats.reply')}>
      {targets.length > 1 ? (
        <label className="field-inline">
          {t('chats.replyVia')}
          <select value={target.conversationId} onChange={(e) => setTargetId(Number(e.target.value))}>
            {targets.map((c) => (
              <option key={c.conversationId} value={c.conversationId}>
                {t(`channel.${c.channel}`)} · {c.title}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {isWindowClosed ? <p className="warning-box" role="note">{t('chats.windowClosed', { channel: channelName })}</p> : null}
      {!isWindowClosed && target.windowClosesAt !== null ? <p className="muted small">{t('chats.windowCloses', { channel: channelName, when: dateTime(target.windowClosesAt) })}</p> : null}
      {!target.isLive ? <p className="muted" role="note">{t('chats.importedOnly')}</p> : null}
      {target.isLive && !isChannelOn ? (
        <p className="warning-box" role="note">
          {t('chats.channelOff', { channel: channelName })} <a href="#canales">{t('chats.openChannels')}</a>
        </p>
      ) : null}
      {/* History imported from a file has no chat behind it: the notice alone, no box to type in vain. */}
      {target.isLive ? picker.node : null}
      {target.isLive ? payment.chip : null}
      {target.isLive ? <div className="composer-row">
        <label className="visually-hidden" htmlFor="reply-text">{t('chats.reply')}</label>
        <textarea
          id="reply-text"
          value={text}
          placeholder={t('quick.replyPlaceholder')}
          rows={2}
          maxLength={4000}
          onChange={(e) => setText(e.target.value)}
          aria-controls="quick-replies"
          onKeyDown={(e) => {
            if (picker.handleKey(e)) return;
            if (e.key === 'Enter' && !e.shiftKey && text.trim()) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
          disabled={isWindowClosed || !isChannelOn}
        />
        <button type="submit" className="button button-primary" disabled={isSending || !text.trim() || isWindowClosed || !isChannelOn}>
          {t('chats.send')}
        </button>
      </div> : null}
      {target.isLive ? <ProductCardPicker conversationId={target.conversationId} isDisabled={isWindowClosed || !isChannelOn} onSent={onSent} /> : null}
      {target.isLive ? payment.button : null}
      {payment.notice}
      {error ? <p className="form-error" role="alert">{error}</p> : null}
    </form>
  );
};
