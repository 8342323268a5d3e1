import type { Language } from '../../shared/domain/settings';
import { useSettings } from '../store/settings';
import { en } from './en';
import { es, type MessageKey } from './es';
import { translateWith, type PluralBase, type Values } from './translate';

const dictionaries: Record<Language, Record<MessageKey, string>> = { es, en };

/** What callers name: a plain key, or the base of a plural key (`catalog.count` for `catalog.count_one`/`_other`). */
export type TextKey = MessageKey | PluralBase<MessageKey>;

export type Translate = (key: TextKey, values?: Values) => string;

export const translate = (language: Language, key: TextKey, values: Values = {}): string => translateWith(dictionaries[language], language, key, values);

export const useT = (): Translate => {
  const language = useSettings((s) => s.settings.language);
  return (key, values) => translate(language, key, values);
};

export type { MessageKey };
