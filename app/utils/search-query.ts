// Client-safe: what a visitor types into the search box, made safe for SQLite FTS5 (decision
// record 036). User text is never FTS5 syntax: operators (AND, OR, NOT, NEAR), quotes, `*`, `^`,
// `:` column filters and brackets are separators or plain text inside a quoted string.

/** Longer input is cut here, and the page says so. */
export const SEARCH_MAX_LENGTH = 200
/** At most this many words count; the rest are ignored. */
export const SEARCH_MAX_TERMS = 8
/** The trigram index matches three characters or more; shorter words are matched another way. */
export const TRIGRAM_LENGTH = 3
/** Matches read per kind, newest first; a kind with more is counted as "500+". */
export const SEARCH_WINDOW = 500
export const SEARCH_PAGE_SIZE = 20

export interface SearchQuery {
  /** The text searched for, as shown back (cleaned, at most SEARCH_MAX_LENGTH characters). */
  text: string
  /** Whether the input was longer than SEARCH_MAX_LENGTH and was cut. */
  truncated: boolean
  /** Words of three characters or more: each one an FTS5 string, ANDed. */
  long: string[]
  /** Words of one or two characters ("AI", "5G"), matched in titles only. */
  short: string[]
}

// FTS5's syntax characters and other punctuation that only separates words.
const SEPARATORS = /["*^(){}[\]:+,;!?<>|\\]/gu

/** Parses what was typed: control characters dropped, syntax split off, words capped. */
export function parseSearchQuery(input: string | null | undefined): SearchQuery {
  const cleaned = (input ?? '')
    .normalize('NFC')
    // Control characters (NUL cuts an FTS5 query short) and the zero-width ones.
    .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
  const chars = [...cleaned]
  const truncated = chars.length > SEARCH_MAX_LENGTH
  const text = truncated ? chars.slice(0, SEARCH_MAX_LENGTH).join('').trim() : cleaned
  const words = [
    ...new Set(
      text
        .replace(SEPARATORS, ' ')
        .split(' ')
        // A word that is only hyphens, dots or apostrophes finds nothing useful.
        .map((word) => word.replace(/^[-.'’]+|[-.'’]+$/gu, ''))
        .filter(Boolean),
    ),
  ].slice(0, SEARCH_MAX_TERMS)
  return {
    text,
    truncated,
    long: words.filter((w) => [...w].length >= TRIGRAM_LENGTH),
    short: words.filter((w) => [...w].length < TRIGRAM_LENGTH),
  }
}

/** The FTS5 MATCH expression: each word a quoted string (inner quotes doubled), ANDed. */
export function ftsExpression(words: readonly string[]): string | null {
  if (words.length === 0) return null
  return words.map((w) => `"${w.replaceAll('"', '""')}"`).join(' AND ')
}

export interface Segment {
  text: string
  mark: boolean
}

/** Case and diacritics folded, as the index folds them: "Luleå" → "lulea". */
export function fold(text: string): string {
  const lower = text.toLowerCase()
  // Most text is plain ASCII, which has nothing more to fold.
  return /^[\p{ASCII}]*$/u.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}/gu, '')
}

/** The folded text and, for each folded character, the index of the character it came from. */
function foldWithMap(text: string): { folded: string; from: number[] } {
  let folded = ''
  const from: number[] = []
  let index = 0
  for (const ch of text) {
    const f = fold(ch)
    folded += f
    for (let i = 0; i < f.length; i++) from.push(index)
    index += ch.length
  }
  from.push(index)
  return { folded, from }
}

/** The ranges of `text` (start, end) where any of `words` occurs, folded, merged and sorted. */
function matchRanges(text: string, words: readonly string[]): [number, number][] {
  const { folded, from } = foldWithMap(text)
  const ranges: [number, number][] = []
  for (const word of new Set(words.map(fold).filter(Boolean))) {
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + word.length)) {
      ranges.push([from[at]!, from[at + word.length]!])
    }
  }
  ranges.sort((a, b) => a[0] - b[0])
  const merged: [number, number][] = []
  for (const r of ranges) {
    const last = merged[merged.length - 1]
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1])
    else merged.push([r[0], r[1]])
  }
  return merged
}

/** Whether every (already folded) word occurs in the text, folded: a title holding the search. */
export function holdsAll(text: string, foldedWords: readonly string[]): boolean {
  const folded = fold(text)
  return foldedWords.length > 0 && foldedWords.every((w) => folded.includes(w))
}

/**
 * Text as segments with every occurrence of `words` marked, folded as the index folds ("lulea"
 * marks "Luleå"). Rendered as text nodes and <mark> elements, never as markup.
 */
export function markWords(text: string, words: readonly string[]): Segment[] {
  const out: Segment[] = []
  let at = 0
  for (const [start, end] of matchRanges(text, words)) {
    if (start > at) out.push({ text: text.slice(at, start), mark: false })
    out.push({ text: text.slice(start, end), mark: true })
    at = end
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false })
  return out
}

/** About `length` characters of `text` around its first match, with "…" where it was cut. */
export function snippetOf(text: string, words: readonly string[], length = 220): Segment[] {
  const flat = text.replace(/\s+/gu, ' ').trim()
  const first = matchRanges(flat, words)[0]
  let start = first ? Math.max(0, first[0] - Math.floor(length / 3)) : 0
  // Start and end at a word boundary where one is near.
  if (start > 0) {
    const space = flat.indexOf(' ', start)
    start = space !== -1 && space < start + 20 ? space + 1 : start
  }
  let end = Math.min(flat.length, start + length)
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end)
    end = space > start + length / 2 ? space : end
  }
  const cut = `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`
  return markWords(cut, words)
}
