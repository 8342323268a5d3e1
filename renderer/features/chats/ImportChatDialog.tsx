import { useState } from 'react';
import type { MethodResult } from '../../../shared/api/contract';
import { ChasquiError } from '../../../shared/api/errors';
import { messageChannels, type DateOrder, type MessageChannel } from '../../../shared/domain/inbox';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { toFormError } from '../../components/errors';
import { fileToBase64 } from '../../components/files';
import { useT, type Translate } from '../../i18n';
import { useSettings } from '../../store/settings';

/** The core's words for a file it cannot read are English; say it in hers, naming the file's channel. */
const importError = (error: unknown, t: Translate): string => {
  const channel = error instanceof ChasquiError && error.details?.reason === 'no_readable_messages' ? messageChannels.find((c) => c === error.details?.channel) : undefined;
  return channel ? t(`chatImport.unreadable.${channel}`) : toFormError(error, t).message;
};

export const ImportChatDialog = ({ onClose }: { onClose(): void }) => {
  const t = useT();
  const { locale, timeZone } = useSettings((s) => s.settings);
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const [channel, setChannel] = useState<MessageChannel>('whatsapp');
  const [file, setFile] = useState<{ name: string; data: string } | null>(null);
  const [preview, setPreview] = useState<MethodResult<'inbox.importChatExport'> | null>(null);
  const [seller, setSeller] = useState('');
  const [message, setMessage] = useState('');
  const read = async (chosen: { name: string; data: string }, dateOrder?: DateOrder) => {
    setMessage('');
    try {
      const result = await api.call('inbox.importChatExport', { channel, fileName: chosen.name, dataBase64: chosen.data, mode: 'preview', ...(dateOrder ? { dateOrder } : {}) });
      setPreview(result);
      setSeller((current) => (result.authors.includes(current) ? current : result.authors.at(-1) ?? ''));
    } catch (e) {
      setPreview(null);
      setMessage(importError(e, t));
    }
  };
  const choose = async (chosen: File | undefined) => {
    if (!chosen) return;
    const picked = { name: chosen.name, data: await fileToBase64(chosen) };
    setFile(picked);
    await read(picked);
  };
  const commit = async () => {
    if (!file) return;
    try {
      const dateOrder = preview?.dateOrder?.order;
      const result = await api.call('inbox.importChatExport', { channel, fileName: file.name, dataBase64: file.data, sellerName: seller, mode: 'commit', ...(dateOrder ? { dateOrder } : {}) });
      setMessage(t('chats.imported', { messages: result.messages, duplicates: result.duplicates }));
      setPreview(null);
    } catch (e) {
      setMessage(importError(e, t));
    }
  };
  const mine = preview?.messagesByAuthor.find((a) => a.author === seller)?.messages ?? 0;
  const theirs = (preview?.messages ?? 0) - mine;
  const used = preview?.dateOrder ?? null;
  // Year-first files are unambiguous; the switch flips day and month.
  const flipped: DateOrder | null = used?.order === 'dmy' ? 'mdy' : used?.order === 'mdy' ? 'dmy' : null;
  return (
    <Dialog title={t('chats.import')} onClose={onClose}
      footer={<><span className="spacer" /><button type="button" className="button" onClick={onClose}>{t('common.close')}</button><button type="button" className="button button-primary" disabled={!preview || !seller} onClick={() => void commit()}>{t('chats.importButton')}</button></>}>
      <p className="muted">{t('chats.importHelp')}</p>
 <label className="field">
        <span>{t('orders.channel')}</span>
        <select value={channel} onChange={(e) => setChannel(messageChannels.find((c) => c === e.target.value) ?? 'whatsapp')}>
          {messageChannels.map((c) => <option key={c} value={c}>{t(`channel.${c}`)}</option>)}
        </select>
      </label>
      <input type="file" accept=".txt,.zip,.json,text/plain,application/zip,application/json" aria-label={t('chats.import')} onChange={(e) => void choose(e.target.files?.[0])} />
      {preview ? (
        <>
          <p data-testid="import-summary">
            {preview.conversations > 1
              ? t('chatImport.customerMessagesMany', { count: theirs, conversations: preview.conversations })
              : t('chatImport.customerMessages', { count: theirs, name: preview.authors.filter((a) => a !== seller).join(', ') || preview.title })}
            {mine > 0 ? ` · ${t('chatImport.yours', { count: mine })}` : null}
          </p>
          {preview.firstAt !== null && preview.lastAt !== null ? (
            <p className="muted" data-testid="import-period">{t('chatImport.period', { from: day.format(preview.firstAt), to: day.format(preview.lastAt) })}</p>
          ) : null}
          {used ? (
            <p className="date-order" data-testid="import-date-order">
              {t(`chatImport.orderFrom.${used.source}`, { order: t(`chatImport.order.${used.order}`) })}{' '}
              {flipped && file ? (
                <button type="button" className="button button-quiet" onClick={() => void read(file, flipped)}>
                  {t('chatImport.flip', { order: t(`chatImport.order.${flipped}`) })}
                </button>
              ) : null}
            </p>
          ) : null}
          <fieldset>
            <legend>{t('chats.whoAreYou')}</legend>
            {preview.authors.map((a) => (
              <label key={a} className="check"><input type="radio" name="seller" checked={seller === a} onChange={() => setSeller(a)} /> {a}</label>
            ))}
          </fieldset>
        </>
      ) : null}
      {message ? <p className="notice" role="status">{message}</p> : null}
    </Dialog>
  );
};
