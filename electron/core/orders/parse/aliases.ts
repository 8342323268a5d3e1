import { contentWords } from './match';
import { tokensOf } from './normalize';
import { findQuantity, isQuantityWord } from './quantities';

/** A phrase the shop taught the draft, already reduced to its key's words. */
export interface AliasRule {
  words: string[];
  productId: number;
  /** null: the alias names the product; the variant is read from the other words or guessed. */
  variantId: number | null;
}

/**
 * The comparable form of a phrase: folded, slang expanded, the count and filler words taken out,
 * each word stemmed. "3 Jaboncitos de AVENA xfa" and "jaboncito de avena" have the same key.
 */
export const aliasKey = (phrase: string): string => {
  const tokens = tokensOf(phrase);
  const quantity = findQuantity(tokens);
  const rest = quantity ? [...tokens.slice(0, quantity.start), ...tokens.slice(quantity.end)] : tokens;
  return contentWords(rest).join(' ');
};

export const toAliasRule = (alias: { phraseKey: string; productId: number; variantId: number | null }): AliasRule => ({
  words: alias.phraseKey.split(' ').filter(Boolean),
  productId: alias.productId,
  variantId: alias.variantId,
});

const occursIn = (needle: string[], words: string[]): boolean => {
  for (let start = 0; start + needle.length <= words.length; start += 1) {
    if (needle.every((w, i) => words[start + i] === w)) return true;
  }
  return false;
};

/** The longest alias whose words appear, in order and together, among the phrase's words. */
export const findAlias = (rules: readonly AliasRule[], words: string[]): AliasRule | null => {
  let best: AliasRule | null = null;
  for (const rule of rules) {
    if (rule.words.length === 0 || rule.words.length > words.length) continue;
    if ((!best || rule.words.length > best.words.length) && occursIn(rule.words, words)) best = rule;
  }
  return best;
};

/** The words without the count before them, as the seller will see them: "2 Jaboncitos de avena" → "Jaboncitos de avena". */
export const aliasPhraseOf = (words: string): string => {
  const parts = words.replace(/\s+/g, ' ').trim().split(' ');
  const isCountWord = (part: string) => {
    const tokens = tokensOf(part);
    return tokens.length > 0 && tokens.every((t) => isQuantityWord(t) || /^(par|pares|docena|docenas|media|de)$/.test(t));
  };
  while (parts.length > 1 && isCountWord(parts[0] ?? '')) parts.shift();
  return parts.join(' ');
};
