import { useT, type MessageKey } from '../../i18n';

export const ComingSoon = ({ title, description }: { title: MessageKey; description: MessageKey }) => {
  const t = useT();
  return (
    <section className="page" aria-labelledby="soon-title">
      <header className="page-header">
        <h1 id="soon-title">{t(title)}</h1>
      </header>
      <div className="empty-state">
        <h2>{t('soon.title')}</h2>
        <p>{t(description)}</p>
        <p className="muted">{t('soon.meanwhile')}</p>
        <a className="button" href="#/catalogo">{t('nav.catalog')}</a>
      </div>
    </section>
  );
};
