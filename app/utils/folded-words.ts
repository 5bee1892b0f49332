// Words folded for saved-search matching (decision record 037). Client-safe: the form checks the
// words' length with the same split. Folding lower-cases with Swedish rules and drops diacritics,
// so "Luleå", "LULEÅ" and "lulea" are one word; a word is a run of letters and digits, so quotes,
// asterisks and FTS operators' punctuation are separators, and AND/OR/NOT are only words.

/** How many words a saved search's free text may hold, and how long each may be. */
export const MAX_SEARCH_WORDS = 10
export const MAX_WORD_LENGTH = 40

export function foldText(text: string): string {
  return text
    .toLocaleLowerCase('sv')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
}

/** The folded words of `text`, in order, each once. */
export function foldedWords(text: string): string[] {
  return [
    ...new Set(
      foldText(text)
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean),
    ),
  ]
}
