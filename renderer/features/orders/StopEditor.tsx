import { useEffect, useImperativeHandle, useRef, useState, type FormEvent, type Ref } from 'react';
import type { MethodResult } from '../../../shared/api/contract';
import { api } from '../../api';
import { toFormError } from '../../components/errors';
import { PhoneInput } from '../../components/PhoneInput';
import { useDate, useMoney } from '../../format';
import { useT } from '../../i18n';
import { useSettings } from '../../store/settings';

type Stop = MethodResult<'deliveries.getStop'>;
type SaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'error';

/** What the order dialog asks before any action or closing: save what was typed; false when it could not. */
export interface StopEditorHandle {
  flush(): Promise<boolean>;
}

/** Typing pauses this long before the delivery saves itself. */
const AUTOSAVE_MS = 700;

/**
 * Where and when an order goes: home delivery (suggesting the next delivery day) or pick-up at the stall.
 * It saves itself as she types, and the order dialog flushes it before Confirmar, a payment or closing,
 * so an address is never lost to a button that is not "Guardar entrega".
 */
export const StopEditor = ({ orderId, onSaved, ref }: { orderId: number; onSaved(): void; ref?: Ref<StopEditorHandle> }) => {
  const t = useT();
  const money = useMoney();
  const date = useDate();
  const { deliveryZones, couriers } = useSettings((s) => s.settings);
  const [stop, setStop] = useState<Stop | null>(null);
  const [day, setDay] = useState('');
  const [state, setState] = useState<SaveState>('idle');
  const [message, setMessage] = useState('');
  // The newest values and edit count live in refs, so a save started before a keystroke never marks it saved.
  const latest = useRef<{ stop: Stop | null; day: string }>({ stop: null, day: '' });
  const edits = useRef(0);
  const savedEdits = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<boolean> | null>(null);

  useEffect(() => {
    void api.call('deliveries.getStop', { orderId }).then((s) => {
      setStop(s);
      setDay(s.deliveryDate ?? s.suggestedDate);
      latest.current = { stop: s, day: s.deliveryDate ?? s.suggestedDate };
    });
  }, [orderId]);

  const saveNow = async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current) await inFlight.current;
    const { stop: current, day: currentDay } = latest.current;
    if (!current || edits.current === savedEdits.current) return true;
    const upTo = edits.current;
    setState('saving');
    const run = (async () => {
      try {
        await api.call('deliveries.assign', {
          orderId,
          date: currentDay || undefined,
          method: current.method,
          address: current.address,
          reference: current.reference,
          zone: current.zone,
          contactPhone: current.phone,
          timeWindow: current.timeWindow,
          assignee: current.assignee,
          notes: current.notes,
        });
        savedEdits.current = upTo;
        setState(edits.current === upTo ? 'saved' : 'dirty');
        setMessage('');
        onSaved();
        return true;
      } catch (e) {
        setState('error');
        setMessage(toFormError(e, t).message);
        return false;
      }
    })();
    inFlight.current = run;
    const isSaved = await run;
    inFlight.current = null;
    return isSaved;
  };

  useImperativeHandle(ref, () => ({ flush: saveNow }));

  // Closing the order by any way that skips flush (navigation, a reload of the list) still saves.
  useEffect(
    () => () => {
      if (edits.current !== savedEdits.current) void saveNow();
    },
    // saveNow reads refs only; the cleanup must run once, on unmount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  if (!stop) return null;
  const touched = (next: { stop: Stop; day: string }) => {
    latest.current = next;
    edits.current += 1;
    setState('dirty');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), AUTOSAVE_MS);
  };
  const edit = (changes: Partial<Stop>) => {
    const next = { ...stop, ...changes };
    setStop(next);
    touched({ stop: next, day });
  };
  const editDay = (value: string) => {
    setDay(value);
    touched({ stop, day: value });
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    // "Guardar entrega" saves even with nothing typed, as it always did (it sets the suggested day).
    if (edits.current === savedEdits.current) edits.current += 1;
    void saveNow();
  };
  const stateText =
    state === 'saving' ? t('ordersTrust.saving') : state === 'saved' ? t('ordersTrust.saved') : state === 'dirty' ? t('ordersTrust.unsaved') : '';
  return (
    <details className="confirmation">
      <summary>
        {t('stop.title')}{stop.deliveryDate ? ` · ${date(stop.deliveryDate)}` : ''}
        {stateText ? <span className="muted" data-testid="stop-state"> · {stateText}</span> : null}
      </summary>
      <form className="form" onSubmit={save}>
        <div className="actions">
          <label className="check"><input type="radio" name="method" checked={stop.method === 'delivery'} onChange={() => edit({ method: 'delivery' })} /> {t('stop.delivery')}</label>
          <label className="check"><input type="radio" name="method" checked={stop.method === 'pickup'} onChange={() => edit({ method: 'pickup' })} /> {t('stop.pickup')}</label>
        </div>
        <div className="form-grid">
          <label className="field"><span>{t('orders.deliveryDate')}</span><input type="date" value={day} onChange={(e) => editDay(e.target.value)} /><small className="muted">{t('stop.suggested', { date: date(stop.suggestedDate) })}</small></label>
          <label className="field"><span>{t('stop.window')}</span><input value={stop.timeWindow} placeholder="3 - 6 pm" onChange={(e) => edit({ timeWindow: e.target.value })} /></label>
          {stop.method === 'delivery' ? (
            <>
              <label className="field field-wide"><span>{t('stop.address')}</span><input value={stop.address} onChange={(e) => edit({ address: e.target.value })} /></label>
              <label className="field"><span>{t('stop.reference')}</span><input value={stop.reference} onChange={(e) => edit({ reference: e.target.value })} /></label>
              <label className="field">
                <span>{t('stop.zone')}</span>
                <input value={stop.zone} list="zone-options" onChange={(e) => edit({ zone: e.target.value })} />
                <datalist id="zone-options">{deliveryZones.map((z) => <option key={z.name} value={z.name}>{money(z.fee)}</option>)}</datalist>
              </label>
            </>
          ) : null}
          <label className="field"><span>{t('stop.phone')}</span><PhoneInput value={stop.phone} onChange={(phone) => edit({ phone })} /></label>
          <label className="field">
            <span>{t('stop.assignee')}</span>
            <input value={stop.assignee} list="courier-options" onChange={(e) => edit({ assignee: e.target.value })} />
            <datalist id="courier-options">{couriers.map((c) => <option key={c.name} value={c.name} />)}</datalist>
          </label>
          <label className="field field-wide"><span>{t('stop.notes')}</span><input value={stop.notes} onChange={(e) => edit({ notes: e.target.value })} /></label>
        </div>
        <div className="actions">
          <button type="submit" className="button">{t('stop.save')}</button>
          {state === 'saved' ? <span className="notice" role="status">{t('stop.saved')}</span> : null}
          {state === 'error' ? <span className="form-error" role="alert">{t('ordersTrust.stopNotSaved', { error: message })}</span> : null}
        </div>
      </form>
    </details>
  );
};
