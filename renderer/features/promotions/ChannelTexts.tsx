import { checkChannelText } from '../../../shared/domain/promoTexts';
import type { ChannelTexts as Texts, Promotion } from '../../../shared/domain/promotions';
import { useT } from '../../i18n';

const channels = ['whatsapp', 'instagram', 'facebook'] as const;

interface ChannelTextsProps {
  promotion: Promotion;
  drafts: Partial<Texts>;
  onChange(channel: keyof Texts, text: string | null): void;
}

/** The three texts side by side, editable, with their limits checked on every keystroke. */
export const ChannelTexts = ({ promotion, drafts, onChange }: ChannelTextsProps) => {
  const t = useT();
  return (
    <div className="channel-texts">
      {channels.map((channel) => {
        const text = drafts[channel] ?? promotion.texts[channel];
        const check = checkChannelText(channel, text);
        const isCustom = drafts[channel] !== undefined ? drafts[channel] !== null : promotion.customTexts[channel] !== null;
        return (
          <section key={channel} className={`channel-card channel-card-${channel}`} aria-labelledby={`text-${channel}`}>
            <header>
              <h3 id={`text-${channel}`}>{t(`channel.${channel}`)}</h3>
              {isCustom ? <button type="button" className="button button-quiet" onClick={() => onChange(channel, null)}>{t('promo.reset')}</button> : null}
            </header>
            <textarea aria-labelledby={`text-${channel}`} value={text} rows={14} onChange={(e) => onChange(channel, e.target.value)} data-testid={`text-${channel}`} />
            <p className={check.problems.length > 0 ? 'field-error' : 'muted'} aria-live="polite">
              {t('promo.chars', { count: check.length, limit: check.limit })}
              {check.problems.map((problem) => ` · ${t(`promo.problem.${problem}`)}`)}
            </p>
          </section>
        );
      })}
    </div>
  );
};
