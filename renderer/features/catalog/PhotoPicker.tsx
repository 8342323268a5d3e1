import { useState } from 'react';
import type { Photo } from '../../../shared/domain/catalog';
import { api } from '../../api';
import { useT } from '../../i18n';
import { toFormError } from '../../components/errors';
import { fileToBase64 } from '../../components/files';

interface PhotoPickerProps {
  photos: Photo[];
  onChange(photos: Photo[]): void;
}

export const PhotoPicker = ({ photos, onChange }: PhotoPickerProps) => {
  const t = useT();
  const [isUploading, setUploading] = useState(false);
  const [error, setError] = useState('');
  const upload = async (files: FileList | null) => {
    if (!files?.length) return;
    setUploading(true);
    setError('');
    try {
      const added: Photo[] = [];
      for (const file of Array.from(files)) {
        added.push(await api.call('media.upload', { fileName: file.name, dataBase64: await fileToBase64(file) }));
      }
      onChange([...photos, ...added.filter((p) => !photos.some((q) => q.id === p.id))]);
    } catch (e) {
      setError(toFormError(e).message);
    } finally {
      setUploading(false);
    }
  };
  return (
    <fieldset className="photos">
      <legend>{t('editor.photos')}</legend>
      <ul className="photo-grid">
        {photos.map((photo, index) => (
          <li key={photo.id} className="photo-tile">
            <img src={photo.thumbUrl} alt="" />
            <div className="photo-actions">
              {index > 0 ? (
                <button type="button" className="icon-button" aria-label={t('editor.movePhoto')} title={t('editor.movePhoto')}
                  onClick={() => onChange(photos.map((p, i) => (i === index - 1 ? photo : i === index ? (photos[index - 1] ?? p) : p)))}>
                  ←
                </button>
              ) : null}
              <button type="button" className="icon-button" aria-label={t('editor.removePhoto')} title={t('editor.removePhoto')}
                onClick={() => onChange(photos.filter((p) => p.id !== photo.id))}>
                ×
              </button>
            </div>
          </li>
        ))}
        <li>
          <label className="photo-add">
            <input type="file" accept="image/jpeg,image/png,image/webp" multiple className="visually-hidden" onChange={(e) => void upload(e.target.files)} data-testid="photo-input" />
            <span>{isUploading ? t('editor.uploading') : `+ ${t('editor.addPhoto')}`}</span>
          </label>
        </li>
      </ul>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
    </fieldset>
  );
};
