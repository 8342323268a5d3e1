import { useState } from 'react';
import type { MethodResult } from '../../../shared/api/contract';
import { messageChannels, type MessageChannel } from '../../../shared/domain/inbox';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { toFormError } from '../../components/errors';
import { fileToBase64 } from '../../components/files';
import { useT } from '../../i18n';

export const ImportChatDialog = ({ onClose }: { onClose(): void }) => {
  const t = useT();
  const [channel, setChannel] = useState<MessageChannel>('whatsapp');
  const [file, setFile] = useState<{ name: string; data: string } | null>(null);
  const [preview, setPreview] = useState<MethodResult<'inbox.importChatExport'> | null>(null);
  const [seller, setSeller] = useState('');
  const [message, setMessage] = useState('');
  const choose = async (chosen: File | undefined) => {
    if (!chosen) return;
    setMessage('');
    const data = await fileToBase64(chosen);
    setFile({ name: chosen.name, data });
    try {
      const result = await api.call('inbox.importChatExport', { channel, fileName: chosen.name, dataBase64: data, mode: 'preview' });
      setPreview(result);
      setSeller(result.authors.at(-1) ?? '');
    } catch (e) {
      setPreview(null);
      setMessage(toFormError(e, t).message);
    }
  };
  const commit = async () => {
    if (!file) return;
    try {
      const result = await api.call('inbox.importChatExport', { channel, fileName: file.name, dataBase64: file.data, sellerName: seller, mode: 'commit' });
      setMessage(t('chats.imported', { messages: result.messages, duplicates: result.duplicates }));
      setPreview(null);
    } catch (e) {
      setMessage(toFormError(e, t).message);
    }
  };
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
        <fieldset>
          <legend>{t('chats.whoAreYou')}</legend>
          <p>{t('chats.importSummary', { messages: preview.messages, title: preview.title })}</p>
          {preview.authors.map((a) => (
            <label key={a} className="check"><input type="radio" name="seller" checked={seller === a} onChange={() => setSeller(a)} /> {a}</label>
          ))}
        </fieldset>
      ) : null}
      {message ? <p className="notice" role="status">{message}</p> : null}
    </Dialog>
  );
};
