import { sql } from 'kysely'
import { describe, expect, test } from 'vitest'
import { xml2js, type Element } from 'xml-js'
import { createInitiative } from '~/models/initiatives.server'
import { listSitemapParts, PART_SIZE } from '~/models/sitemap.server'
import { loader as robotsLoader } from '~/routes/robots[.txt]/route'
import { loader as indexLoader } from '~/routes/sitemap[.xml]/route'
import { loader as partLoader } from '~/routes/sitemaps.$part/route'
import { getDb } from '~/utils/db.server'
import { createAgenda } from '../helpers/agenda-factories'
import { createBuyer, createCall } from '../helpers/call-factories'
import { createTestEvent } from '../helpers/event-factories'
import { createOrganisation } from '../helpers/factories'
import { INPUT } from '../helpers/initiative-factories'
import { createReference } from '../helpers/reference-factories'
import { createOffer } from '../helpers/test-bed-factories'
import { loaderArgs, getRequest, run } from '../helpers/requests'

// The sitemap and robots.txt (decision 039): valid XML, every public page in both languages with
// its hreflang alternates, never a draft or a private organisation, parts by ranges of ids.

const db = getDb()
const ORIGIN = 'http://localhost:3000'

/** Parses strictly (sax in strict mode throws on anything that is not well-formed XML). */
function parse(text: string): Element {
  const doc = xml2js(text, { compact: false }) as Element
  const root = doc.elements?.[0]
  if (!root) throw new Error('no root element')
  return root
}
const children = (el: Element, name: string) => (el.elements ?? []).filter((e) => e.name === name)
const textOf = (el: Element, name: string) =>
  String(children(el, name)[0]?.elements?.[0]?.text ?? '')

async function fetchXml(response: Promise<Response> | Response) {
  const answer = await response
  expect(answer.status).toBe(200)
  expect(answer.headers.get('Content-Type')).toBe('application/xml; charset=utf-8')
  return parse(await answer.text())
}

async function part(name: string) {
  return run(() => partLoader(loaderArgs(getRequest(`/sitemaps/${name}`), { part: name })))
}

/** Every <url> of every part the index lists: its loc, lastmod and alternates. */
async function wholeSitemap() {
  const index = await fetchXml(indexLoader())
  expect(index.name).toBe('sitemapindex')
  expect(index.attributes?.xmlns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
  const urls: { loc: string; lastmod: string; alternates: Record<string, string> }[] = []
  for (const entry of children(index, 'sitemap')) {
    const loc = textOf(entry, 'loc')
    expect(loc.startsWith(`${ORIGIN}/sitemaps/`)).toBe(true)
    const set = await fetchXml(part(loc.slice(`${ORIGIN}/sitemaps/`.length)) as Promise<Response>)
    expect(set.name).toBe('urlset')
    expect(set.attributes?.['xmlns:xhtml']).toBe('http://www.w3.org/1999/xhtml')
    const urlEntries = children(set, 'url')
    expect(urlEntries.length).toBeLessThanOrEqual(50_000)
    for (const url of urlEntries) {
      urls.push({
        loc: textOf(url, 'loc'),
        lastmod: textOf(url, 'lastmod'),
        alternates: Object.fromEntries(
          children(url, 'xhtml:link').map((l) => [
            String(l.attributes?.hreflang),
            String(l.attributes?.href),
          ]),
        ),
      })
    }
  }
  return urls
}

describe('the sitemap', () => {
  test('lists public pages in both languages with alternates, and no draft or private item', async () => {
    const buyer = await createBuyer(db)
    const pending = await createOrganisation(db, { kind: 'public_body' })
    const { call } = await createCall(db, buyer, { title: 'Öppen upphandling' })
    const { call: draftCall } = await createCall(db, buyer, { status: 'draft' })
    const offer = await createOffer(db, buyer)
    const draftOffer = await createOffer(db, buyer, { status: 'draft' })
    const { reference } = await createReference(db, { status: 'published' })
    const { reference: draftReference } = await createReference(db)
    const event = await createTestEvent(db, buyer)
    const initiative = await createInitiative(db, {
      organisation: { id: buyer.org.id, kind: 'public_body', verification_status: 'verified' },
      userId: buyer.user.id,
      input: INPUT,
    })
    const published = await createAgenda(db, { publish: true })
    const unpublished = await createAgenda(db)

    const urls = await wholeSitemap()
    const locs = new Set(urls.map((u) => u.loc))
    const listed = (path: string) => locs.has(`${ORIGIN}${path}?lang=sv`)
    for (const path of [
      '/',
      '/calls',
      '/test-beds',
      `/calls/${call.id}`,
      `/test-beds/${offer.id}`,
      `/references/${reference.id}`,
      `/events/${event.id}`,
      `/initiatives/${initiative.id}`,
      `/organisations/${buyer.org.slug}`,
      `/organisations/${published.region.org.slug}/agenda`,
    ]) {
      expect(listed(path), path).toBe(true)
      expect(locs.has(`${ORIGIN}${path}?lang=en`), path).toBe(true)
    }
    for (const path of [
      `/calls/${draftCall.id}`,
      `/test-beds/${draftOffer.id}`,
      `/references/${draftReference.id}`,
      `/organisations/${pending.slug}`,
      `/organisations/${unpublished.region.org.slug}/agenda`,
    ]) {
      expect(listed(path), path).toBe(false)
    }
    expect([...locs].some((l) => l.includes(`/calls/${draftCall.id}?`))).toBe(false)

    const entry = urls.find((u) => u.loc === `${ORIGIN}/calls/${call.id}?lang=en`)!
    expect(entry.alternates).toEqual({
      sv: `${ORIGIN}/calls/${call.id}?lang=sv`,
      en: `${ORIGIN}/calls/${call.id}?lang=en`,
      'x-default': `${ORIGIN}/calls/${call.id}`,
    })
    expect(entry.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/)
    expect(urls.every((u) => u.loc.startsWith(`${ORIGIN}/`))).toBe(true)
    expect(new Set(urls.map((u) => u.loc)).size).toBe(urls.length)
  })

  test('a part is a range of ids: an id two PART_SIZEs on is in part 2, and the index lists it', async () => {
    const org = await createOrganisation(db, { name: 'Norrskensbolaget AB' })
    const far = 2 * PART_SIZE + 7
    await sql`UPDATE organisations SET id = ${far} WHERE id = ${org.id}`.execute(db)
    const parts = await listSitemapParts(db)
    expect(parts.filter((p) => p.kind === 'organisations').map((p) => p.part)).toContain(2)
    const set = await fetchXml(part('organisations-2.xml') as Promise<Response>)
    const locs = children(set, 'url').map((u) => textOf(u, 'loc'))
    expect(locs).toEqual([
      `${ORIGIN}/organisations/${org.slug}?lang=sv`,
      `${ORIGIN}/organisations/${org.slug}?lang=en`,
    ])
  })

  test('an unknown kind, a malformed name or an empty part is a 404, never a 500', async () => {
    for (const name of [
      'members-0.xml',
      'calls-0',
      'calls-x.xml',
      '../calls-0.xml',
      'calls-99999.xml',
      'pages-1.xml',
      `calls-${'9'.repeat(40)}.xml`,
      "calls-0.xml' OR 1=1",
    ]) {
      const answer = await part(name)
      expect(answer instanceof Response ? answer.status : 200, name).toBe(404)
    }
  })
})

describe('robots.txt', () => {
  test('allows the public pages, keeps crawlers out of private areas and names the sitemap', async () => {
    const answer = robotsLoader()
    expect(answer.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
    const text = await answer.text()
    const lines = text.split('\n')
    expect(lines[0]).toBe('User-agent: *')
    expect(lines).toContain('Allow: /')
    for (const path of [
      '/account',
      '/admin/',
      '/dev/',
      '/my/',
      '/language',
      '/logout',
      '/calls/*/bid',
      '/calls/*/evaluation',
      '/pilots/',
      '/organisations/*/settings',
      '/organisations/*/members',
    ]) {
      expect(lines, path).toContain(`Disallow: ${path}`)
    }
    for (const open of ['/calls', '/test-beds', '/events', '/organisations', '/references']) {
      expect(lines).not.toContain(`Disallow: ${open}`)
    }
    expect(lines).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`)
  })
})
