// Client-safe: what a visitor types into the search box, made safe for SQLite FTS5 (decision
// record 036). User text is never FTS5 syntax: operators (AND, OR, NOT, NEAR), quotes, `*`, `^`,
// `:` column filters and brackets are separators or plain text inside a quoted string.

/** Longer input is cut here, and the page says so. */
export const SEARCH_MAX_LENGTH = 200
/** At most this many words count; the rest are ignored. */
export const SEARCH_MAX_TERMS = 8
/** The trigram index matches three characters or more; shorter words are matched another way. */
export const TRIGRAM_LENGTH = 3

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

/** Marks in highlighted text from SQLite: start and end of a match. */
export const MARK_START = '\u0002'
export const MARK_END = '\u0003'

export interface Segment {
  text: string
  mark: boolean
}

/** Text with MARK_START/MARK_END around matches, as segments to render as text nodes. */
export function segmentsOf(marked: string): Segment[] {
  const out: Segment[] = []
  let mark = false
  let text = ''
  for (const ch of marked) {
    if (ch === MARK_START || ch === MARK_END) {
      if (text) out.push({ text, mark })
      text = ''
      mark = ch === MARK_START
    } else text += ch
  }
  if (text) out.push({ text, mark })
  return out
}

/** Marks every occurrence of `words` in `text` (case-insensitively, Swedish), for short words. */
export function markWords(text: string, words: readonly string[]): Segment[] {
  const lower = text.toLocaleLowerCase('sv')
  const needles = words.map((w) => w.toLocaleLowerCase('sv')).filter(Boolean)
  const out: Segment[] = []
  let plain = ''
  let i = 0
  while (i < text.length) {
    const hit = needles.find((n) => lower.startsWith(n, i))
    if (hit && lower.length === text.length) {
      if (plain) out.push({ text: plain, mark: false })
      plain = ''
      out.push({ text: text.slice(i, i + hit.length), mark: true })
      i += hit.length
    } else {
      plain += text[i]
      i += 1
    }
  }
  if (plain) out.push({ text: plain, mark: false })
  return out
}
