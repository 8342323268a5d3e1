import { useEffect, useState } from 'react';
import { ChasquiError } from '../../../shared/api/errors';
import { ALIAS_MAX_LENGTH, type ProductAlias } from '../../../shared/domain/drafts';
import type { Product } from '../../../shared/domain/catalog';
import { api } from '../../api';
import { toFormError } from '../../components/errors';
import { useT } from '../../i18n';

/** The shop's words for a product (learned from corrected drafts or typed here), each removable. */
export const AliasList = ({ product }: { product: Product }) => {
  const t = useT();
  const [aliases, setAliases] = useState<ProductAlias[]>([]);
  const [phrase, setPhrase] = useState('');
  const [error, setError] = useState('');
  useEffect(() => void api.call('catalog.listAliases', { productId: product.id }).then((r) => setAliases(r.items), () => undefined), [product.id]);

  const add = async () => {
    setError('');
    try {
      const added = await api.call('catalog.addAlias', { productId: product.id, phrase });
      setAliases([...aliases, added]);
      setPhrase('');
    } catch (e) {
      // The core's messages are for developers; the seller reads these, in her language.
      const name = e instanceof ChasquiError && e.code === 'conflict' ? e.details?.['productName'] : undefined;
      if (typeof name === 'string') setError(name === product.name ? t('aliases.already') : t('aliases.taken', { product: name }));
      else if (e instanceof ChasquiError && e.code === 'invalid_input' && e.field === 'phrase') setError(t('aliases.invalid'));
      else setError(toFormError(e, t).message);
    }
  };
  const remove = async (alias: ProductAlias) => setAliases((await api.call('catalog.removeAlias', { id: alias.id })).items);

  return (
    <section className="alias-section" aria-labelledby="alias-title">
      <h3 id="alias-title">{t('aliases.title')}</h3>
      <p className="muted">{t('aliases.help')}</p>
      {aliases.length === 0 ? <p className="muted">{t('aliases.empty')}</p> : null}
      <ul className="alias-list">
        {aliases.map((a) => (
          <li key={a.id} className="alias-chip" title={t(a.source === 'learned' ? 'aliases.learned' : 'aliases.manual')}>
            <span>«{a.phrase}»{a.variantName ? <small className="muted"> · {a.variantName}</small> : null}</span>
            <button type="button" className="icon-button" aria-label={t('aliases.remove', { phrase: a.phrase })} onClick={() => void remove(a)}>×</button>
          </li>
        ))}
      </ul>
      <div className="alias-add">
        <label className="field">
          <span>{t('aliases.phrase')}</span>
          <input
            value={phrase}
            maxLength={ALIAS_MAX_LENGTH}
            placeholder={t('aliases.placeholder')}
            aria-invalid={error !== ''}
            onChange={(e) => setPhrase(e.target.value)}
            onKeyDown={(e) => {
              // Enter adds the words here instead of saving the whole product form.
              if (e.key === 'Enter') {
                e.preventDefault();
                if (phrase.trim()) void add();
              }
            }}
          />
        </label>
        <button type="button" className="button" disabled={phrase.trim() === ''} onClick={() => void add()}>{t('aliases.add')}</button>
      </div>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
    </section>
  );
};
