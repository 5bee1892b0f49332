import { afterEach, describe, expect, test } from 'vitest'
import { cancelEvent } from '~/models/events.server'
import { action as languageAction } from '~/routes/language/route'
import * as callPage from '~/routes/calls.$callId._index/route'
import * as callsList from '~/routes/calls._index/route'
import * as eventPage from '~/routes/events.$eventId._index/route'
import * as home from '~/routes/_index/route'
import { setClockOffset } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { createBuyer, createCall } from '../helpers/call-factories'
import { DAY, createTestEvent } from '../helpers/event-factories'
import { sessionCookieFor } from '../helpers/factories'
import { pageRenderer } from '../helpers/render-page'
import { actionArgs, formRequest, run } from '../helpers/requests'
import { headerOf } from '../helpers/responses'

// Sharing and findability on rendered pages (decision 039): `?lang=` decides the language, every
// page names its canonical address and its language versions, link previews get Open Graph tags,
// and calls and events carry schema.org JSON-LD that no title can break out of.

const db = getDb()
const ORIGIN = 'http://localhost:3000'
afterEach(() => setClockOffset(0))

const render = pageRenderer({
  'routes/_index': { path: '/', module: home },
  'routes/calls._index': { path: 'calls', module: callsList },
  'routes/calls.$callId._index': { path: 'calls/:callId', module: callPage },
  'routes/events.$eventId._index': { path: 'events/:eventId', module: eventPage },
})

const decode = (text: string) => text.replace(/&amp;/g, '&')

/** The tags of the <head> (and the page's JSON-LD) as plain values. */
function head(html: string) {
  const tag = (re: RegExp) => [...html.matchAll(re)].map((m) => decode(m[1]!))
  const meta = (name: string) => {
    const found = new RegExp(`<meta (?:property|name)="${name}" content="([^"]*)"`).exec(html)
    return found ? decode(found[1]!) : undefined
  }
  return {
    lang: /<html lang="([^"]+)"/.exec(html)?.[1],
    canonical: tag(/<link rel="canonical" href="([^"]+)"/g),
    alternates: Object.fromEntries(
      [...html.matchAll(/<link rel="alternate" hrefLang="([^"]+)" href="([^"]+)"/gi)].map((m) => [
        m[1]!,
        decode(m[2]!),
      ]),
    ),
    meta,
    jsonLd: [
      ...html.matchAll(/<script type="application\/ld\+json" nonce="([^"]*)">(.*?)<\/script>/g),
    ].map((m) => ({
      nonce: m[1],
      text: m[2]!,
      data: JSON.parse(m[2]!) as Record<string, unknown>,
    })),
  }
}

describe('language addresses', () => {
  test('?lang=en gives English above the cookie and the browser; an unknown lang is ignored', async () => {
    const sv = { Cookie: 'testarena_lang=sv', 'Accept-Language': 'sv-SE,sv;q=0.9' }
    expect(head((await render('/?lang=en', sv)).html).lang).toBe('en')
    expect(head((await render('/?lang=sv', { 'Accept-Language': 'en' })).html).lang).toBe('sv')
    expect(head((await render('/?lang=de', { 'Accept-Language': 'en' })).html).lang).toBe('en')
    expect(head((await render('/?lang=de', sv)).html).lang).toBe('sv')
    const english = await render('/?lang=en')
    expect(english.html).toContain('Skip to content')
  })

  test('every page names its canonical address, its languages and x-default', async () => {
    const page = head((await render('/?lang=en')).html)
    expect(page.canonical).toEqual([`${ORIGIN}/?lang=en`])
    expect(page.alternates).toEqual({
      sv: `${ORIGIN}/?lang=sv`,
      en: `${ORIGIN}/?lang=en`,
      'x-default': `${ORIGIN}/`,
    })
    // Without ?lang= the page is in the negotiated language, and says which address that is.
    const negotiated = head((await render('/', { 'Accept-Language': 'sv' })).html)
    expect(negotiated.lang).toBe('sv')
    expect(negotiated.canonical).toEqual([`${ORIGIN}/?lang=sv`])
  })

  test('the canonical keeps page and filters, sorted, and drops tracking and empty filters', async () => {
    const path =
      '/calls?utm_source=nyhetsbrev&theme=&q=sensor&status=open&page=2&fbclid=x&procedure='
    const page = head((await render(path, { 'Accept-Language': 'en' })).html)
    expect(page.canonical).toEqual([`${ORIGIN}/calls?lang=en&page=2&q=sensor&status=open`])
    expect(page.alternates.sv).toBe(`${ORIGIN}/calls?lang=sv&page=2&q=sensor&status=open`)
    expect(page.alternates['x-default']).toBe(`${ORIGIN}/calls?page=2&q=sensor&status=open`)
    const first = head((await render('/calls?page=1&status=open')).html)
    expect(first.canonical).toEqual([`${ORIGIN}/calls?lang=sv&status=open`])
  })

  test('a page that is not found has no canonical address', async () => {
    const page = await render('/calls/999999?lang=en')
    expect(page.status).toBe(404)
    expect(head(page.html).canonical).toEqual([])
    expect(head(page.html).lang).toBe('en')
  })

  test('the language switch goes back to the page without ?lang=, which would outrank it', async () => {
    const request = formRequest('/language', { locale: 'sv', redirectTo: '/calls?lang=en&q=x' })
    const answer = await run(() => languageAction(actionArgs(request)))
    expect(headerOf(answer, 'Location')).toBe('/calls?q=x')
    expect(headerOf(answer, 'Set-Cookie')).toContain('testarena_lang=sv')
  })
})

describe('link previews', () => {
  test('Open Graph and Twitter tags on a list, in the page language', async () => {
    const page = head((await render('/calls?lang=en')).html)
    expect(page.meta('og:site_name')).toBe('Testarena')
    expect(page.meta('og:type')).toBe('website')
    expect(page.meta('og:url')).toBe(`${ORIGIN}/calls?lang=en`)
    expect(page.meta('og:locale')).toBe('en_GB')
    expect(page.meta('og:locale:alternate')).toBe('sv_SE')
    expect(page.meta('twitter:card')).toBe('summary')
    expect(page.meta('og:title')).toBeTruthy()
    expect(page.meta('og:description')).toContain('marketplace')
    expect(page.meta('description')).toBe(page.meta('og:description'))
  })

  test("a call's page gives its own title and description", async () => {
    const buyer = await createBuyer(db)
    const { call } = await createCall(db, buyer, {
      title: 'Digitalt läkemedelsstöd',
      summary: 'Påminnelser och signering av läkemedel i ordinärt boende.',
    })
    const page = head((await render(`/calls/${call.id}`)).html)
    expect(page.meta('og:title')).toBe('Digitalt läkemedelsstöd')
    expect(page.meta('og:description')).toBe(
      'Påminnelser och signering av läkemedel i ordinärt boende.',
    )
    expect(page.meta('og:locale')).toBe('sv_SE')
  })
})

describe('schema.org JSON-LD', () => {
  test('a call is a Demand with its buyer, deadline in Stockholm time, area and address', async () => {
    const buyer = await createBuyer(db)
    const { call } = await createCall(db, buyer)
    const [ld] = head((await render(`/calls/${call.id}`)).html).jsonLd
    expect(ld?.nonce).toBe('test')
    expect(ld?.data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Demand',
      url: `${ORIGIN}/calls/${call.id}`,
      name: call.title,
      description: call.summary,
      areaServed: { '@type': 'AdministrativeArea', name: 'Norrbottens län' },
      '@reverse': {
        seeks: { '@type': 'Organization', url: `${ORIGIN}/organisations/${buyer.org.slug}` },
      },
    })
    const deadline = String(ld?.data.validThrough)
    expect(deadline).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/)
    expect(Date.parse(deadline) / 1000).toBe(call.tender_deadline)
  })

  test('a title with </script> stays inside the script and parses back whole', async () => {
    const buyer = await createBuyer(db)
    const title = 'Larm </script><script>alert(1)</script> & <!-- mer'
    const { call } = await createCall(db, buyer, { title })
    const { html } = await render(`/calls/${call.id}`)
    expect(html).not.toContain('<script>alert(1)')
    const [ld] = head(html).jsonLd
    expect(ld?.text).not.toMatch(/[<>&]/)
    expect(ld?.data.name).toBe(title)
  })

  test('a draft call, which only its buyer sees, has none', async () => {
    const buyer = await createBuyer(db)
    const { call } = await createCall(db, buyer, { status: 'draft' })
    const cookie = await sessionCookieFor(db, buyer.user.id)
    const page = await render(`/calls/${call.id}`, { Cookie: cookie })
    expect(page.status).toBe(200)
    expect(head(page.html).jsonLd).toEqual([])
  })

  test('an event: times with their offset, place and online, organiser; cancelled once cancelled', async () => {
    const organiser = await createBuyer(db)
    const event = await createTestEvent(db, organiser, {
      title: 'Demodag </script> för välfärdsteknik',
      online: true,
    })
    const id = event.id
    const before = head((await render(`/events/${id}?lang=en`)).html).jsonLd[0]
    expect(before?.data).toMatchObject({
      '@type': 'Event',
      name: 'Demodag </script> för välfärdsteknik',
      url: `${ORIGIN}/events/${id}`,
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/MixedEventAttendanceMode',
      location: [
        { '@type': 'Place', name: 'Kulturens hus, Luleå' },
        { '@type': 'VirtualLocation', url: `${ORIGIN}/events/${id}` },
      ],
      organizer: { '@type': 'Organization', name: organiser.org.name },
    })
    expect(String(before?.data.startDate)).toMatch(/T\d{2}:\d{2}:\d{2}\+0[12]:00$/)
    expect(Date.parse(String(before?.data.endDate))).toBeGreaterThan(
      Date.parse(String(before?.data.startDate)),
    )
    await cancelEvent(db, {
      eventId: id,
      userId: organiser.user.id,
      reason: 'Lokalen är inte tillgänglig.',
    })
    setClockOffset(DAY)
    const after = head((await render(`/events/${id}`)).html).jsonLd[0]
    expect(after?.data.eventStatus).toBe('https://schema.org/EventCancelled')
  })
})
