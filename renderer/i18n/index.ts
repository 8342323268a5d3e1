import type { Language } from '../../shared/domain/settings';
import { useSettings } from '../store/settings';
import { en } from './en';
import { es, type MessageKey } from './es';

const dictionaries: Record<Language, Record<MessageKey, string>> = { es, en };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export const translate = (language: Language, key: MessageKey, values: Record<string, string | number> = {}): string =>
  dictionaries[language][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));

export const useT = (): Translate => {
  const language = useSettings((s) => s.settings.language);
  return (key, values) => translate(language, key, values);
};

export type { MessageKey };
