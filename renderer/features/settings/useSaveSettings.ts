import { useState, type FormEvent } from 'react';
import type { MethodArgs } from '../../../shared/api/contract';
import { toFormError } from '../../components/errors';
import { useT } from '../../i18n';
import { useSettings } from '../../store/settings';

/** A settings form's submit: saves what `changes()` returns and says "saved" or what went wrong. */
export const useSaveSettings = (changes: () => MethodArgs<'settings.update'>): { message: string; onSubmit(event: FormEvent): void } => {
  const t = useT();
  const update = useSettings((s) => s.update);
  const [message, setMessage] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void update(changes()).then(
      () => setMessage(t('settings.saved')),
      (e: unknown) => setMessage(toFormError(e, t).message),
    );
  };
  return { message, onSubmit };
};
