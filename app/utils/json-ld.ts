import { TZDate } from '@date-fns/tz'
import { TIME_ZONE } from '~/i18n/locales'

// schema.org JSON-LD (decision 039): the data of a call or an event for search engines, in a
// <script type="application/ld+json">. Client-safe: the page renders it on both sides.

export type JsonLdObject = { [key: string]: JsonLdValue }
export type JsonLdValue = string | number | boolean | null | JsonLdObject | JsonLdValue[]

/**
 * JSON for inside a <script> element: `<`, `>` and `&` (and the JavaScript line separators) as
 * \u escapes, so no text in the data (a title "</script><script>…") can end the element or
 * open a comment. JSON.parse reads the escapes back as the same characters.
 */
export function serializeJsonLd(data: JsonLdObject): string {
  return JSON.stringify(data).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

const pad = (n: number) => String(Math.abs(n)).padStart(2, '0')

/** Unix seconds → ISO 8601 in Stockholm time with its offset: "2027-01-15T12:00:00+01:00". */
export function stockholmIso(seconds: number): string {
  const d = new TZDate(seconds * 1000, TIME_ZONE)
  const offset = -d.getTimezoneOffset()
  const sign = offset >= 0 ? '+' : '-'
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` +
    `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
  )
}
