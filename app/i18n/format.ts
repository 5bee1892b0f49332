import { INTL_LOCALE, type Locale, TIME_ZONE } from './locales'

/** A date (unix seconds) in Europe/Stockholm, e.g. "25 november 2026". */
export function formatDate(seconds: number, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    dateStyle: 'long',
    timeZone: TIME_ZONE,
  }).format(seconds * 1000)
}

/**
 * An instant with its time zone, e.g. "25 november 2026 kl. 23:59 CET". Deadlines are always
 * shown this way so nobody has to guess which 23:59 is meant.
 */
export function formatDateTime(seconds: number, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  })
    .format(seconds * 1000)
    .concat(' ', timeZoneName(seconds, locale))
}

function timeZoneName(seconds: number, locale: Locale): string {
  const parts = new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone: TIME_ZONE,
    timeZoneName: 'short',
  }).formatToParts(seconds * 1000)
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? TIME_ZONE
}

/** Swedish kronor the Swedish way: "1 250 000 kr" (sv) or "SEK 1,250,000" (en). */
export function formatMoney(amountSek: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], {
    style: 'currency',
    currency: 'SEK',
    maximumFractionDigits: 0,
  }).format(amountSek)
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale]).format(value)
}

/** Organisation number as written in Sweden: NNNNNN-NNNN. */
export function formatOrgNumber(digits: string): string {
  return digits.length === 10 ? `${digits.slice(0, 6)}-${digits.slice(6)}` : digits
}
