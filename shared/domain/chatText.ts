/** A chat line reduced to plain words: no accents, no capitals, no punctuation or emoji. "¡Mío!! 😍" → "mio". */
export const plainWords = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
