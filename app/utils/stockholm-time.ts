import { TZDate } from '@date-fns/tz'
import { TIME_ZONE } from '~/i18n/locales'

// Form fields carry local Swedish dates and times; the database stores UTC unix seconds.
// Client-safe: used by route schemas on both sides.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/

function toSeconds(y: number, mo: number, d: number, h: number, mi: number): number | null {
  const date = new TZDate(y, mo - 1, d, h, mi, 0, TIME_ZONE)
  // Reject dates that roll over (31 February) and times that do not exist (spring forward).
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null
  if (date.getHours() !== h || date.getMinutes() !== mi) return null
  return Math.floor(date.getTime() / 1000)
}

/** "2026-12-01" → unix seconds of midnight that day in Europe/Stockholm, or null if not a date. */
export function parseStockholmDate(value: string): number | null {
  const m = DATE.exec(value.trim())
  if (!m) return null
  return toSeconds(Number(m[1]), Number(m[2]), Number(m[3]), 0, 0)
}

/** "2026-12-01T23:59" (an `<input type="datetime-local">` value) read as Stockholm time. */
export function parseStockholmDateTime(value: string): number | null {
  const m = DATE_TIME.exec(value.trim())
  if (!m) return null
  return toSeconds(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]))
}

const pad = (n: number) => String(n).padStart(2, '0')

/** Unix seconds → "2026-12-01" in Stockholm, for a date input's value. */
export function toStockholmDateInput(seconds: number): string {
  const d = new TZDate(seconds * 1000, TIME_ZONE)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** Unix seconds → "2026-12-01T23:59" in Stockholm, for a datetime-local input's value. */
export function toStockholmDateTimeInput(seconds: number): string {
  const d = new TZDate(seconds * 1000, TIME_ZONE)
  return `${toStockholmDateInput(seconds)}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}
