import { INTL_LOCALE, type Locale, TIME_ZONE } from './locales'

// Building an Intl formatter costs far more than using one: keep one per locale and style.
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>()
function dateFormat(locale: Locale, key: string, options: Intl.DateTimeFormatOptions) {
  const id = `d:${locale}:${key}`
  let f = cache.get(id) as Intl.DateTimeFormat | undefined
  if (!f) cache.set(id, (f = new Intl.DateTimeFormat(INTL_LOCALE[locale], options)))
  return f
}
function numberFormat(locale: Locale, key: string, options: Intl.NumberFormatOptions) {
  const id = `n:${locale}:${key}`
  let f = cache.get(id) as Intl.NumberFormat | undefined
  if (!f) cache.set(id, (f = new Intl.NumberFormat(INTL_LOCALE[locale], options)))
  return f
}

const swedishOrder = new Intl.Collator('sv')
/**
 * Swedish alphabetical order (å, ä, ö after z) through one shared collator: `localeCompare(b, 'sv')`
 * may build a collator for every comparison.
 */
export function compareSv(a: string, b: string): number {
  return swedishOrder.compare(a, b)
}

/** A date (unix seconds) in Europe/Stockholm, e.g. "25 november 2026". */
export function formatDate(seconds: number, locale: Locale): string {
  return dateFormat(locale, 'date', { dateStyle: 'long', timeZone: TIME_ZONE }).format(
    seconds * 1000,
  )
}

/**
 * An instant with its time zone, e.g. "25 november 2026 kl. 23:59 CET". Deadlines are always
 * shown this way so nobody has to guess which 23:59 is meant.
 */
export function formatDateTime(seconds: number, locale: Locale): string {
  return dateFormat(locale, 'datetime', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  })
    .format(seconds * 1000)
    .concat(' ', timeZoneName(seconds, locale))
}

function timeZoneName(seconds: number, locale: Locale): string {
  const parts = dateFormat(locale, 'zone', {
    timeZone: TIME_ZONE,
    timeZoneName: 'short',
  }).formatToParts(seconds * 1000)
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? TIME_ZONE
}

/** Swedish kronor the Swedish way: "1 250 000 kr" (sv) or "SEK 1,250,000" (en). */
export function formatMoney(amountSek: number, locale: Locale): string {
  return numberFormat(locale, 'sek', {
    style: 'currency',
    currency: 'SEK',
    maximumFractionDigits: 0,
  }).format(amountSek)
}

export function formatNumber(value: number, locale: Locale): string {
  return numberFormat(locale, 'number', {}).format(value)
}

/**
 * A list's count as the list shows it (decision record 045): a capped count is the cap with a
 * plus, "1 000+" (sv) or "1,000+" (en); `count` is what countRows / paged return.
 */
export function formatCount(count: { total: number; capped: boolean }, locale: Locale): string {
  const figure = formatNumber(count.total, locale)
  return count.capped ? `${figure}+` : figure
}

/** A number with at most `digits` decimals (a score, a number of days), e.g. "4,75". */
export function formatDecimal(value: number, locale: Locale, digits: 1 | 2): string {
  return numberFormat(locale, `decimal${digits}`, { maximumFractionDigits: digits }).format(value)
}

/** Organisation number as written in Sweden: NNNNNN-NNNN. */
export function formatOrgNumber(digits: string): string {
  return digits.length === 10 ? `${digits.slice(0, 6)}-${digits.slice(6)}` : digits
}

/** A share as a percentage, e.g. "42 %" (sv) or "42%" (en); `share` is 0–1. */
export function formatPercent(share: number, locale: Locale): string {
  return numberFormat(locale, 'percent', { style: 'percent', maximumFractionDigits: 0 }).format(
    share,
  )
}

/**
 * A chart's date tick (d3-scale's UTC ticks): the year alone on 1 January, else the short month
 * and year, e.g. "2027" or "apr. 2027".
 */
export function formatDateTick(tick: Date, locale: Locale): string {
  if (tick.getUTCMonth() === 0 && tick.getUTCDate() === 1) return String(tick.getUTCFullYear())
  return dateFormat(locale, 'tick', { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    tick,
  )
}
