import { describe, expect, test } from 'vitest'
import { getLocale, localeOfUrl } from '~/i18n/locale.server'
import { contentQuery, pageAddresses, summary, withoutLang } from '~/utils/canonical'
import { serializeJsonLd, stockholmIso } from '~/utils/json-ld'
import { escapeXml } from '~/utils/sitemap-xml'

// Canonical and language addresses, and the serialisers of decision 039.

const ORIGIN = 'https://testarena.se'

describe('contentQuery', () => {
  test('drops tracking, empty filters, lang, redirectTo and page=1; keeps the rest, sorted', () => {
    const query = contentQuery(
      '?utm_source=nyhetsbrev&utm_medium=mail&theme=&q=+sensor+&status=open&lang=en&gclid=1&fbclid=2&page=1&county=25&redirectTo=%2F',
    )
    expect(query.toString()).toBe('county=25&q=sensor&status=open')
  })

  test('keeps page 2 and repeated filters, in a stable order whatever order they came in', () => {
    const a = contentQuery('?theme=welfare&page=2&theme=energy&cpv=72000000')
    const b = contentQuery('?cpv=72000000&theme=energy&page=2&theme=welfare')
    expect(a.toString()).toBe('cpv=72000000&page=2&theme=energy&theme=welfare')
    expect(b.toString()).toBe(a.toString())
  })

  test('Swedish letters survive, percent-encoded', () => {
    expect(contentQuery('?q=Lule%C3%A5').get('q')).toBe('Luleå')
  })
})

describe('pageAddresses', () => {
  test('the canonical is the page in its language; alternates name both languages and x-default', () => {
    const addresses = pageAddresses(ORIGIN, '/calls', '?status=open&utm_campaign=x', 'en')
    expect(addresses.canonical).toBe(`${ORIGIN}/calls?lang=en&status=open`)
    expect(addresses.alternates).toEqual([
      { hreflang: 'sv', href: `${ORIGIN}/calls?lang=sv&status=open` },
      { hreflang: 'en', href: `${ORIGIN}/calls?lang=en&status=open` },
      { hreflang: 'x-default', href: `${ORIGIN}/calls?status=open` },
    ])
  })

  test('a page without a query; lang given twice counts once', () => {
    const addresses = pageAddresses(ORIGIN, '/', '?lang=sv&lang=en', 'sv')
    expect(addresses.canonical).toBe(`${ORIGIN}/?lang=sv`)
    expect(addresses.alternates[2]).toEqual({ hreflang: 'x-default', href: `${ORIGIN}/` })
  })
})

describe('?lang= in the address', () => {
  const request = (url: string, headers: Record<string, string> = {}) =>
    new Request(`${ORIGIN}${url}`, { headers })

  test('outranks the cookie and Accept-Language; an unknown value is ignored', () => {
    const cookie = { Cookie: 'testarena_lang=sv', 'Accept-Language': 'sv' }
    expect(getLocale(request('/calls?lang=en', cookie))).toBe('en')
    expect(getLocale(request('/calls?lang=sv', { 'Accept-Language': 'en' }))).toBe('sv')
    expect(getLocale(request('/calls?lang=EN', cookie))).toBe('sv')
    expect(getLocale(request('/calls?lang=de', { 'Accept-Language': 'en' }))).toBe('en')
    expect(localeOfUrl(`${ORIGIN}/?lang=`)).toBeNull()
  })

  test('the language switch returns to the address without it', () => {
    expect(withoutLang('/calls?lang=en&q=x#top')).toBe('/calls?q=x#top')
    expect(withoutLang('/calls?lang=en')).toBe('/calls')
    expect(withoutLang('/calls?q=x')).toBe('/calls?q=x')
  })
})

describe('summary', () => {
  test('short text whole, long text cut at a word with an ellipsis', () => {
    expect(summary('  Trygg   nattillsyn\n i hemmet ')).toBe('Trygg nattillsyn i hemmet')
    expect(summary('')).toBeUndefined()
    const long = summary('ord '.repeat(100), 50)!
    expect(long.length).toBeLessThanOrEqual(50)
    expect(long.endsWith('ord…')).toBe(true)
  })
})

describe('serializers', () => {
  test('JSON-LD cannot close its script element and parses back the same', () => {
    const data = { name: '</script><script>alert(1)</script> <!-- & \u2028' }
    const text = serializeJsonLd(data)
    expect(text).not.toMatch(/[<>&\u2028]/)
    expect(JSON.parse(text)).toEqual(data)
  })

  test('Stockholm time with its offset, winter and summer', () => {
    expect(stockholmIso(Date.UTC(2027, 0, 15, 11, 0) / 1000)).toBe('2027-01-15T12:00:00+01:00')
    expect(stockholmIso(Date.UTC(2027, 5, 15, 10, 30) / 1000)).toBe('2027-06-15T12:30:00+02:00')
  })

  test('XML text escapes', () => {
    expect(escapeXml(`a&b<c>"d"'e'`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;')
  })
})
