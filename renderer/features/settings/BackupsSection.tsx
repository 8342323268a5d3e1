import { useEffect, useState } from 'react';
import type { BackupInfo } from '../../../shared/api/methods/backup';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { toFormError } from '../../components/errors';
import { fileToBase64 } from '../../components/files';
import { useDateTime } from '../../format';
import { useT } from '../../i18n';

export const BackupsSection = () => {
  const t = useT();
  const dateTime = useDateTime();
  const [items, setItems] = useState<BackupInfo[]>([]);
  const [dataDir, setDataDir] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  const [message, setMessage] = useState('');
  const [shopFile, setShopFile] = useState<{ url: string; fileName: string } | null>(null);
  const [folder, setFolder] = useState('');
  const importShop = async (file: File | undefined) => {
    if (!file) return;
    try {
      const result = await api.call('shop.import', { dataBase64: await fileToBase64(file) });
      setMessage(t('shop.imported', result));
    } catch (e) {
      setMessage(toFormError(e, t).message);
    }
  };
  const load = () => void api.call('backup.list', {}).then((r) => setItems(r.items));
  useEffect(() => {
    load();
    void api.call('app.info', {}).then((info) => setDataDir(info.dataDir));
    return api.onEvent((event) => (event.type === 'backup.progress' ? setProgress(event.payload.percent) : undefined));
  }, []);

  const create = async () => {
    setProgress(0);
    try {
      await api.call('backup.create', {});
      load();
    } catch (e) {
      setMessage(toFormError(e, t).message);
    } finally {
      setProgress(null);
    }
  };

  const restore = async (backup: BackupInfo) => {
    try {
      await api.call('backup.restore', { id: backup.id, mode: 'restore' });
      setMessage(t('backup.restored'));
      load();
    } catch (e) {
      setMessage(toFormError(e, t).message);
    }
    setConfirming(null);
  };

  return (
    <section className="card" aria-labelledby="backups-title">
      <h2 id="backups-title">{t('backup.title')}</h2>
      <p className="muted">{t('backup.help')}</p>
      {dataDir ? <p>{t('settings.dataDir')}: <code>{dataDir}</code></p> : null}
      <div className="actions">
        <button type="button" className="button" disabled={progress !== null} onClick={() => void create()}>{t('backup.create')}</button>
        {progress !== null ? <span role="status">{t('backup.progress', { percent: progress })}</span> : null}
      </div>
      <p className="muted">{t('shop.help')}</p>
      <div className="actions">
        <button type="button" className="button" onClick={() => void api.call('shop.export', {}).then((r) => setShopFile(r))}>{t('shop.export')}</button>
        {shopFile ? <a className="notice" href={shopFile.url} download={shopFile.fileName}>{t('promo.ready', { name: shopFile.fileName })}</a> : null}
        <label className="button">
          {t('shop.import')}
          <input type="file" accept=".zip,application/zip" className="visually-hidden" onChange={(e) => void importShop(e.target.files?.[0])} />
        </label>
      </div>
      <div className="actions">
        <label className="field-inline">
          <span>{t('backup.elsewhere')}</span>
          <input value={folder} placeholder="/media/usb o E:\Copias" onChange={(e) => setFolder(e.target.value)} />
        </label>
        <button type="button" className="button" disabled={folder.trim() === ''}
          onClick={() => void api.call('backup.create', { destination: folder.trim() }).then((b) => setMessage(t('backup.copiedTo', { path: b.path })), (e: unknown) => setMessage(toFormError(e, t).message))}>
          {t('backup.elsewhereButton')}
        </button>
      </div>
      {message ? <p className="notice" role="status">{message}</p> : null}
      {items.length === 0 ? <p className="muted">{t('backup.empty')}</p> : (
        <table className="table">
          <tbody>
            {items.map((b) => (
              <tr key={b.id}>
                <td>{dateTime(b.createdAt)}</td>
                <td>{t(`backup.kind.${b.kind}`)}</td>
                <td className="muted">{t('backup.counts', b.counts)}</td>
                <td className="num">{(b.bytes / 1_048_576).toFixed(1)} MB</td>
                <td><button type="button" className="button button-quiet" onClick={() => setConfirming(b)}>{t('backup.restore')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirming ? (
        <Dialog title={t('backup.preview', { date: dateTime(confirming.createdAt) })} onClose={() => setConfirming(null)}
          footer={<><span className="spacer" /><button type="button" className="button" onClick={() => setConfirming(null)}>{t('common.cancel')}</button><button type="button" className="button button-primary" onClick={() => void restore(confirming)}>{t('backup.confirm')}</button></>}>
          <p>{t('backup.previewBody', confirming.counts)}</p>
        </Dialog>
      ) : null}
    </section>
  );
};
