import type { Language } from '../../shared/domain/settings';

export type Values = Record<string, string | number>;

/** A key whose wording depends on a number has variants `key_one`, `key_other` (and `key_many`, … where the language has them). */
export type PluralBase<K extends string> = K extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? Base : K;

const pluralRules = new Map<string, Intl.PluralRules>();
const rulesFor = (language: string): Intl.PluralRules => {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  return rules;
};

/**
 * The variant of `key` for `values.count` (Intl.PluralRules of the language: "1 entrega", "2 entregas");
 * a category the dictionary does not spell out falls back to `_other`, a key without variants is itself.
 */
export const pickVariant = (dictionary: Readonly<Record<string, string>>, language: Language, key: string, values: Values): string | undefined => {
  const count = values['count'];
  if (typeof count === 'number' && `${key}_other` in dictionary) {
    return dictionary[`${key}_${rulesFor(language).select(count)}`] ?? dictionary[`${key}_other`];
  }
  return dictionary[key] ?? dictionary[`${key}_other`];
};

const pluralBlock = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const pluralCase = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

/**
 * A sentence with several numbers cannot pick one key variant, so it words each number in place,
 * ICU style: `{stops, plural, one {# entrega} other {# entregas}}` (`#` is the number).
 */
const expandPlurals = (text: string, language: Language, values: Values): string =>
  text.replace(pluralBlock, (whole, name: string, body: string) => {
    const count = values[name];
    if (typeof count !== 'number') return whole;
    const cases = new Map([...body.matchAll(pluralCase)].map((m) => [m[1] ?? '', m[2] ?? '']));
    const chosen = cases.get(`=${count}`) ?? cases.get(rulesFor(language).select(count)) ?? cases.get('other') ?? '';
    return chosen.replace(/#/g, String(count));
  });

/**
 * Fills `{name}` from values. A value that ends in a period ("3:24 a. m.") swallows the period the
 * sentence puts right after it, so the text never shows "a. m..".
 */
export const fill = (text: string, values: Values): string =>
  text.replace(/\{(\w+)\}(\.?)/g, (whole, name: string, period: string) => {
    if (!(name in values)) return whole;
    const value = String(values[name]);
    return period && value.endsWith('.') ? value : `${value}${period}`;
  });

export const translateWith = (dictionary: Readonly<Record<string, string>>, language: Language, key: string, values: Values = {}): string =>
  fill(expandPlurals(pickVariant(dictionary, language, key, values) ?? key, language, values), values);
