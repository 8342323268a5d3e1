import { useState, type FormEvent } from 'react';
import type { Photo, Product } from '../../../shared/domain/catalog';
import { api } from '../../api';
import { Dialog } from '../../components/Dialog';
import { toFormError, type FormError } from '../../components/errors';
import { useT } from '../../i18n';
import { useCatalog } from '../../store/catalog';
import { useSettings } from '../../store/settings';
import { AliasList } from './AliasList';
import { PhotoPicker } from './PhotoPicker';
import { StockDialog } from './StockDialog';
import { VariantRows } from './VariantRows';
import { draftsOf, newVariantDraft, toVariantArgs, type VariantDraft } from './variantForm';

interface ProductEditorProps {
  product: Product | null;
  onClose(): void;
}

export const ProductEditor = ({ product, onClose }: ProductEditorProps) => {
  const t = useT();
  const settings = useSettings((s) => s.settings);
  const categories = useCatalog((s) => s.categories);
  const [name, setName] = useState(product?.name ?? '');
  const [description, setDescription] = useState(product?.description ?? '');
  const [category, setCategory] = useState(product?.category ?? '');
  const [tags, setTags] = useState(product?.tags.join(', ') ?? '');
  const [lowStock, setLowStock] = useState(String(product?.lowStockThreshold ?? settings.defaultLowStockThreshold));
  const [photos, setPhotos] = useState<Photo[]>(product?.photos ?? []);
  const [variants, setVariants] = useState<VariantDraft[]>(product ? draftsOf(product, settings.currency) : [newVariantDraft()]);
  const [error, setError] = useState<FormError | null>(null);
  const [isSaving, setSaving] = useState(false);
  const [isStockOpen, setStockOpen] = useState(false);
  const closeStock = () => {
    setStockOpen(false);
    // Show the counts the Stock dialog just changed, keeping whatever else she was editing.
    if (product) {
      void api.call('catalog.getProduct', { id: product.id }).then((fresh) =>
        setVariants((drafts) => drafts.map((d) => ({ ...d, stock: fresh.variants.find((v) => v.id === d.id)?.stock ?? d.stock }))),
      );
    }
  };

  const fieldError = (field: string) => (error?.field === field ? <p className="field-error" role="alert">{error.message}</p> : null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const variantArgs = toVariantArgs(variants, settings.currency, name);
    if ('index' in variantArgs) {
      setError({ field: `variants.${variantArgs.index}.${variantArgs.field}`, message: t('editor.badPrice') });
      return;
    }
    const fields = {
      name,
      description,
      category,
      tags: tags.split(',').map((tag) => tag.trim()).filter(Boolean),
      lowStockThreshold: Math.max(0, Number.parseInt(lowStock, 10) || 0),
      photoIds: photos.map((p) => p.id),
      variants: variantArgs,
    };
    setSaving(true);
    try {
      if (product) await api.call('catalog.updateProduct', { id: product.id, ...fields });
      else await api.call('catalog.createProduct', fields);
      onClose();
    } catch (e) {
      setError(toFormError(e, t));
    } finally {
      setSaving(false);
    }
  };

  const toggleArchive = async () => {
    if (!product) return;
    await api.call('catalog.archiveProduct', { id: product.id, isArchived: !product.isArchived });
    onClose();
  };

  return (
    <Dialog
      title={product ? t('editor.editTitle') : t('editor.newTitle')}
      onClose={onClose}
      size="large"
      footer={
        <>
          {product ? (
            <button type="button" className="button button-quiet" onClick={() => void toggleArchive()}>
              {product.isArchived ? t('editor.unarchive') : t('editor.archive')}
            </button>
          ) : null}
          <span className="spacer" />
          <button type="button" className="button" onClick={onClose}>{t('common.cancel')}</button>
          <button type="submit" form="product-form" className="button button-primary" disabled={isSaving}>{t('common.save')}</button>
        </>
      }
    >
      <form id="product-form" className="form" onSubmit={(e) => void save(e)} noValidate>
        <div className="form-grid">
          <label className="field field-wide">
            <span>{t('editor.name')}</span>
            <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} data-autofocus aria-invalid={error?.field === 'name'} />
            {fieldError('name')}
          </label>
          <label className="field">
            <span>{t('editor.category')}</span>
            <input value={category} onChange={(e) => setCategory(e.target.value)} list="category-options" maxLength={60} />
            <datalist id="category-options">{categories.map((c) => <option key={c} value={c} />)}</datalist>
          </label>
          <label className="field">
            <span>{t('editor.lowStock')}</span>
            <input type="number" min={0} value={lowStock} onChange={(e) => setLowStock(e.target.value)} />
          </label>
          <label className="field field-wide">
            <span>{t('editor.description')}</span>
            <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={2} maxLength={4000} />
          </label>
          <label className="field field-wide">
            <span>{t('editor.tags')}</span>
            <input value={tags} onChange={(e) => setTags(e.target.value)} />
            {fieldError('tags')}
          </label>
        </div>
        <PhotoPicker photos={photos} onChange={setPhotos} />
        <VariantRows variants={variants} productName={name} onChange={setVariants} error={error} onStock={product ? () => setStockOpen(true) : undefined} />
        {product ? <AliasList product={product} /> : null}
        {error && !error.field?.startsWith('variants') && error.field !== 'name' ? <p className="form-error" role="alert">{error.message}</p> : null}
      </form>
      {isStockOpen && product ? <StockDialog product={product} onClose={closeStock} /> : null}
    </Dialog>
  );
};
