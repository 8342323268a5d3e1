import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/api/contract';
import type { PrintResult } from '../../../shared/api/methods/print';
import { minorToDecimal, parseMoney } from '../../../shared/domain/money';
import { api } from '../../api';
import { useT } from '../../i18n';
import { phoneTools } from '../../phone';
import { useSettings } from '../../store/settings';
import { useSaveSettings } from './useSaveSettings';

const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

/** The settings other areas read: payment methods, delivery days, zones, couriers and the confirmation text. */
export const SellingSection = () => {
  const t = useT();
  const { settings, update } = useSettings();
  const [methods, setMethods] = useState(settings.paymentMethods.join(', '));
  const [days, setDays] = useState<number[]>(settings.deliveryDays);
  const [zones, setZones] = useState(settings.deliveryZones.map((z) => `${z.name} = ${minorToDecimal(z.fee, settings.currency)}`).join('\n'));
  const [couriers, setCouriers] = useState(settings.couriers.map((c) => `${c.name} = ${phoneTools(settings.locale).format(c.phone)}`).join('\n'));
  const [template, setTemplate] = useState(settings.orderConfirmationTemplate);
  const [onTheWay, setOnTheWay] = useState(settings.onTheWayTemplate);
  const [delivered, setDelivered] = useState(settings.deliveredTemplate);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [log, setLog] = useState<PrintResult | null>(null);
  useEffect(() => void api.call('app.info', {}).then(setInfo), []);

  const pairs = (text: string) =>
    text
      .split('\n')
      .map((line) => line.split('='))
      .filter(([name]) => name?.trim())
      .map(([name = '', value = '']) => ({ name: name.trim(), value: value.trim() }));

  const { message, onSubmit } = useSaveSettings(() => ({
    paymentMethods: methods.split(',').map((m) => m.trim()).filter(Boolean),
    deliveryDays: [...days].sort(),
    deliveryZones: pairs(zones).map((z) => ({ name: z.name, fee: parseMoney(z.value || '0', settings.currency) ?? 0 })),
    couriers: pairs(couriers).map((c) => ({ name: c.name, phone: c.value })),
    orderConfirmationTemplate: template,
    onTheWayTemplate: onTheWay,
    deliveredTemplate: delivered,
  }));

  return (
    <>
      <form className="form card" onSubmit={onSubmit} aria-labelledby="selling-title">
        <h2 id="selling-title">{t('settings.selling')}</h2>
        <label className="field"><span>{t('settings.paymentMethods')}</span><input value={methods} onChange={(e) => setMethods(e.target.value)} /></label>
        <fieldset>
          <legend>{t('settings.deliveryDays')}</legend>
          <div className="actions">
            {weekdays.map((d) => (
              <label key={d} className="check">
                <input type="checkbox" checked={days.includes(d)} onChange={(e) => setDays(e.target.checked ? [...days, d] : days.filter((x) => x !== d))} /> {t(`weekday.${d}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="field"><span>{t('settings.zones')}</span><textarea rows={3} value={zones} onChange={(e) => setZones(e.target.value)} placeholder="San Isidro = 8.00" /></label>
        <label className="field"><span>{t('settings.couriers')}</span><textarea rows={2} value={couriers} onChange={(e) => setCouriers(e.target.value)} placeholder="Diego = 912 345 678" /></label>
        <label className="field"><span>{t('settings.template')}</span><textarea rows={5} value={template} onChange={(e) => setTemplate(e.target.value)} /><small className="muted">{t('settings.templateHelp')}</small></label>
        <label className="field"><span>{t('settings.onTheWay')}</span><input value={onTheWay} onChange={(e) => setOnTheWay(e.target.value)} /></label>
        <label className="field"><span>{t('settings.delivered')}</span><input value={delivered} onChange={(e) => setDelivered(e.target.value)} /></label>
        <div className="actions">
          <button type="submit" className="button button-primary">{t('common.save')}</button>
          {message ? <span className="notice" role="status">{message}</span> : null}
        </div>
      </form>
      <section className="card" aria-labelledby="about-title">
        <h2 id="about-title">{t('settings.about')}</h2>
        {info ? <p>{t('settings.version', { version: info.version, schema: info.schemaVersion })}</p> : null}
        <p className="muted">{t('settings.licenses')}</p>
        <label className="check">
          <input type="checkbox" checked={settings.isAutoUpdateEnabled} onChange={(e) => void update({ isAutoUpdateEnabled: e.target.checked })} /> {t('settings.autoUpdate')}
        </label>
        <h3>{t('settings.log')}</h3>
        <p className="muted">{t('settings.logHelp')}</p>
        <div className="actions">
          <button type="button" className="button" onClick={() => void api.call('app.exportLog', {}).then(setLog)}>{t('settings.logExport')}</button>
          {log ? <a href={log.url} download={log.fileName}>{t('promo.ready', { name: log.fileName })}</a> : null}
        </div>
      </section>
    </>
  );
};
