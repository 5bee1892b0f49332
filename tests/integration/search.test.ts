import Database from 'better-sqlite3'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seed } from '~/seed'
import { MarkedText } from '~/components/marked-text'
import { search, type SearchFilters } from '~/models/search.server'
import { SEARCH_PAGE_SIZE } from '~/utils/search-query'
import { loader } from '~/routes/search/route'
import { searchHref } from '~/routes/search/schema'
import { getDb } from '~/utils/db.server'
import { getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, statusOf } from '../helpers/responses'

// One search over everything (issue 16 part 5, decision record 036; migration
// 2026-12-07-22-search) on the demo data: folding, every kind, nothing private, facets, paging,
// hostile input, escaped snippets, and the triggers under raw SQL from a plain connection.

const db = getDb()
let plain: Database.Database

const find = (filters: SearchFilters) => search(db, filters, 'sv')
const titles = async (filters: SearchFilters) =>
  (await find(filters)).hits.map((h) => `${h.kind}: ${h.title.map((s) => s.text).join('')}`)
const kinds = async (q: string) => (await find({ q })).facets?.kind.map((k) => k.value) ?? []
const indexed = (kind: string, id: number) =>
  plain.prepare('SELECT 1 FROM search_documents WHERE kind = ? AND source_id = ?').get(kind, id) !==
  undefined

beforeAll(async () => {
  await seed(db)
  plain = new Database(process.env.DATABASE_PATH!)
  plain.pragma('busy_timeout = 5000')
})
afterAll(() => plain.close())

describe('folding: case and Swedish diacritics', () => {
  test.each(['lulea', 'Luleå', 'LULEÅ', 'luleå', 'LULEA'])('%s finds Luleå', async (q) => {
    const found = await titles({ q })
    expect(found).toContain('organisation: Luleå kommun')
    expect(found).toContain('test_bed: Smart hemtjänst i Luleå')
  })

  test('"äldre" and "aldre" find the same items, and a substring finds a compound', async () => {
    const withRings = await titles({ q: 'äldre' })
    expect(withRings.length).toBeGreaterThan(1)
    expect(await titles({ q: 'aldre' })).toEqual(withRings)
    expect(await titles({ q: 'tjänst' })).toContain('test_bed: Smart hemtjänst i Luleå')
  })

  test('the demo searches show a mix of kinds', async () => {
    expect(await kinds('lulea')).toEqual([
      'test_bed',
      'call',
      'reference',
      'organisation',
      'initiative',
    ])
    expect((await kinds('äldre')).length).toBeGreaterThanOrEqual(3)
    expect(await kinds('drönare')).toEqual(['organisation', 'initiative'])
  })
})

describe('every kind, and nothing that is not public', () => {
  test('each public kind is found by its own title and links to its page', async () => {
    const samples = {
      test_bed: plain
        .prepare(`SELECT id, title FROM test_bed_offers WHERE status = 'published' LIMIT 1`)
        .get(),
      call: plain.prepare(`SELECT id, title FROM calls WHERE status <> 'draft' LIMIT 1`).get(),
      reference: plain
        .prepare(`SELECT id, title_sv AS title FROM reference_cases WHERE status = 'published'`)
        .get(),
      organisation: plain
        .prepare(
          `SELECT slug AS id, name AS title FROM organisations
          WHERE verification_status = 'verified' LIMIT 1`,
        )
        .get(),
      initiative: plain.prepare(`SELECT id, title FROM initiatives LIMIT 1`).get(),
    } as Record<string, { id: number | string; title: string }>
    const paths = {
      test_bed: '/test-beds/',
      call: '/calls/',
      reference: '/references/',
      organisation: '/organisations/',
      initiative: '/initiatives/',
    } as Record<string, string>
    for (const [kind, row] of Object.entries(samples)) {
      const page = await find({ q: row.title, kind: kind as SearchFilters['kind'] })
      expect(
        page.hits.map((h) => h.href),
        kind,
      ).toContain(`${paths[kind]}${row.id}`)
    }
  })

  test('drafts, archived offers, unpublished references and unverified organisations are not indexed', () => {
    const hidden = [
      ...plain
        .prepare(
          `SELECT 'test_bed' AS kind, id FROM test_bed_offers
          WHERE status IN ('draft', 'archived')`,
        )
        .all(),
      ...plain.prepare(`SELECT 'call' AS kind, id FROM calls WHERE status = 'draft'`).all(),
      ...plain
        .prepare(`SELECT 'reference' AS kind, id FROM reference_cases WHERE status <> 'published'`)
        .all(),
      ...plain
        .prepare(
          `SELECT 'organisation' AS kind, id FROM organisations
          WHERE verification_status IN ('pending', 'rejected')`,
        )
        .all(),
    ] as { kind: string; id: number }[]
    // The demo has each: a Norrbotten draft offer, Skellefteå's draft calls, the road-sensor case
    // awaiting approval, Piteå kommun and the cluster awaiting verification.
    expect(new Set(hidden.map((h) => h.kind)).size).toBe(4)
    for (const h of hidden) expect(indexed(h.kind, h.id), `${h.kind} ${h.id}`).toBe(false)
  })

  test('a draft is not found by its own title', async () => {
    const draft = plain.prepare(`SELECT title FROM calls WHERE status = 'draft' LIMIT 1`).get() as {
      title: string
    }
    const found = await find({ q: draft.title, kind: 'call' })
    expect(found.hits.map((h) => h.title.map((s) => s.text).join(''))).not.toContain(draft.title)
  })
})

describe('facets, counts and paging', () => {
  test('a kind filter keeps the other kinds’ counts and shows only its kind', async () => {
    const all = await find({ q: 'lulea' })
    const calls = await find({ q: 'lulea', kind: 'call' })
    expect(calls.hits.every((h) => h.kind === 'call')).toBe(true)
    expect(calls.total).toBe(all.facets!.kind.find((k) => k.value === 'call')!.count)
    expect(calls.facets!.kind).toEqual(all.facets!.kind)
    const total = all.facets!.kind.reduce((n, k) => n + k.count, 0)
    expect(total).toBe(all.total)
  })

  test('theme, county, status and procedure narrow the hits to what they count', async () => {
    const all = await find({ q: 'lulea' })
    for (const name of ['theme', 'county', 'status', 'procedure'] as const) {
      const first = all.facets![name][0]
      if (!first) continue
      const narrowed = await find({ q: 'lulea', [name]: first.value })
      expect(narrowed.total, name).toBe(first.count)
    }
    const procedure = all.facets!.procedure[0]!
    const onlyCalls = await find({ q: 'lulea', procedure: procedure.value })
    expect(onlyCalls.hits.every((h) => h.kind === 'call' && h.procedure === procedure.value)).toBe(
      true,
    )
  })

  test('pages are disjoint, stable and in relevance order', async () => {
    const q = 'och'
    const first = await find({ q })
    expect(first.total).toBeGreaterThan(SEARCH_PAGE_SIZE)
    const second = await find({ q, page: 2 })
    expect(second.page).toBe(2)
    const ids = (p: typeof first) => p.hits.map((h) => `${h.kind}${h.id}`)
    expect(ids(first)).toHaveLength(SEARCH_PAGE_SIZE)
    expect(ids(second).filter((id) => ids(first).includes(id))).toEqual([])
    expect(ids(await find({ q, page: 2 }))).toEqual(ids(second))
    // A page past the end shows the last one.
    expect((await find({ q, page: 9999 })).page).toBe(first.pages)
  })

  test('the address of a search is stable: filters in a fixed order, page 1 left out', () => {
    expect(searchHref({ page: 3, kind: 'call', q: 'lulea', county: '25' }, 1)).toBe(
      '/search?q=lulea&kind=call&county=25',
    )
    expect(searchHref({ q: 'å ä' }, 2)).toBe('/search?q=%C3%A5+%C3%A4&page=2')
  })

  test('highlights mark what matched, found without the rings', async () => {
    const page = await find({ q: 'lulea', kind: 'organisation' })
    const hit = page.hits.find((h) => h.title.map((s) => s.text).join('') === 'Luleå kommun')!
    expect(hit.title).toEqual([
      { text: 'Luleå', mark: true },
      { text: ' kommun', mark: false },
    ])
  })
})

describe('what a visitor types never breaks the page', () => {
  const hostile = [
    '"unbalanced',
    'NEAR(luleå hemtjänst',
    'NEAR(a b, 2)',
    '*',
    'lul*',
    '^luleå',
    'luleå OR NOT hemtjänst',
    'title:luleå',
    '{title body}: luleå',
    'a AND',
    '( ) " \' ; -- /*',
    'luleå\u0000hemtjänst',
    '\u0001\u0002\u0003',
    '%_\\',
    'x'.repeat(5000),
    'ä'.repeat(300),
    'a',
    'AI',
    '5G',
    '   ',
  ]
  test.each(hostile.map((q) => [q.slice(0, 40), q]))('%j answers 200', async (_label, q) => {
    const outcome = await run(() =>
      loader(loaderArgs(getRequest(`/search?${new URLSearchParams({ q })}`))),
    )
    expect(statusOf(outcome)).toBe(200)
  })

  test('a very long search is cut and says so; an address too long for the field is ignored', async () => {
    const long = await find({ q: `luleå ${'x'.repeat(400)}` })
    expect(long.query.truncated).toBe(true)
    expect([...long.query.text].length).toBeLessThanOrEqual(200)
    const data = dataOf<{ result: { query: { text: string } } }>(
      await run(() => loader(loaderArgs(getRequest(`/search?q=${'y'.repeat(3000)}`)))),
    )
    expect(data.result.query.text).toBe('')
  })

  test('operators are plain words: "NOT" and "OR" are searched for, not obeyed', async () => {
    const page = await find({ q: 'luleå OR hemtjänst' })
    // "OR" is a two-letter word, so it narrows by title rather than widening the search.
    expect(page.query.long).toEqual(['luleå', 'hemtjänst'])
    expect(page.query.short).toEqual(['OR'])
  })

  test('one- and two-letter words search titles, folding case', async () => {
    const page = await find({ q: 'ai' })
    expect(page.query.long).toEqual([])
    for (const hit of page.hits) {
      expect(
        hit.title
          .map((s) => s.text)
          .join('')
          .toLowerCase(),
      ).toContain('ai')
    }
  })

  test('unknown filter values are ignored, not refused', async () => {
    const outcome = await run(() =>
      loader(
        loaderArgs(
          getRequest('/search?q=lulea&kind=bids&status=draft&county=x&theme=%3Cx%3E&page=-3'),
        ),
      ),
    )
    expect(statusOf(outcome)).toBe(200)
    const data = dataOf<{ filters: Record<string, unknown> }>(outcome)
    expect(data.filters).toEqual({ q: 'lulea' })
  })
})

describe('content is text, never markup', () => {
  test('a <script> in an organisation’s description is found and rendered escaped', async () => {
    const org = plain.prepare(`SELECT id FROM organisations WHERE slug = 'polarsensor'`).get() as {
      id: number
    }
    plain
      .prepare(`UPDATE organisations SET description = ? WHERE id = ?`)
      .run('Vi mäter <script>alert("xss")</script> vägbanor i Piteå.', org.id)
    const page = await find({ q: 'script', kind: 'organisation' })
    const hit = page.hits.find((h) => h.id === org.id)!
    const html = renderToStaticMarkup(createElement(MarkedText, { segments: hit.snippet }))
    expect(html).toContain('&lt;<mark>script</mark>&gt;alert')
    expect(html).not.toContain('<script')
  })
})

describe('the triggers keep the index in step, whatever writes (a plain connection)', () => {
  test('a changed title is found by the new words only', async () => {
    const initiative = plain.prepare(`SELECT id FROM initiatives LIMIT 1`).get() as { id: number }
    plain
      .prepare(`UPDATE initiatives SET title = 'Snöskoterlogistik i fjällen' WHERE id = ?`)
      .run(initiative.id)
    expect((await find({ q: 'snoskoter' })).hits.map((h) => h.id)).toEqual([initiative.id])
  })

  test('an offer that is archived leaves the index; one that is paused stays', async () => {
    const offer = plain
      .prepare(`SELECT id FROM test_bed_offers WHERE status = 'published' ORDER BY id DESC LIMIT 1`)
      .get() as { id: number }
    plain.prepare(`UPDATE test_bed_offers SET status = 'paused' WHERE id = ?`).run(offer.id)
    expect(indexed('test_bed', offer.id)).toBe(true)
    plain
      .prepare(`UPDATE test_bed_offers SET status = 'closed', closed_at = unixepoch() WHERE id = ?`)
      .run(offer.id)
    expect(indexed('test_bed', offer.id)).toBe(true)
    plain.prepare(`UPDATE test_bed_offers SET status = 'archived' WHERE id = ?`).run(offer.id)
    expect(indexed('test_bed', offer.id)).toBe(false)
  })

  test('an organisation sent back for review leaves the index, and its rename reaches its items', async () => {
    const iuc = plain.prepare(`SELECT id FROM organisations WHERE slug = 'iucnorrbotten'`).get() as
      { id: number } | undefined
    const org =
      iuc ??
      (plain
        .prepare(
          `SELECT id FROM organisations WHERE kind = 'intermediary'
          AND verification_status = 'verified' LIMIT 1`,
        )
        .get() as { id: number })
    plain
      .prepare(`UPDATE organisations SET verification_status = 'pending' WHERE id = ?`)
      .run(org.id)
    expect(indexed('organisation', org.id)).toBe(false)

    // A company renames freely: its profile and the references that name it follow.
    const company = plain
      .prepare(`SELECT id FROM organisations WHERE slug = 'polarsensor'`)
      .get() as { id: number }
    plain
      .prepare(`UPDATE organisations SET name = 'Kvastfening Sensor AB' WHERE id = ?`)
      .run(company.id)
    const page = await find({ q: 'kvastfening' })
    expect(new Set(page.hits.map((h) => h.kind))).toEqual(new Set(['organisation', 'reference']))
  })

  test('themes follow their join table; a deleted idea leaves the index', async () => {
    const initiative = plain
      .prepare(
        `SELECT id FROM initiatives WHERE status = 'idea'
        AND id NOT IN (SELECT initiative_id FROM initiative_co_owners)
        AND id NOT IN (SELECT initiative_id FROM calls WHERE initiative_id IS NOT NULL)
        AND id NOT IN (SELECT initiative_id FROM test_bed_offers WHERE initiative_id IS NOT NULL)
        LIMIT 1`,
      )
      .get() as { id: number } | undefined
    const target =
      initiative ?? (plain.prepare(`SELECT id FROM initiatives LIMIT 1`).get() as { id: number })
    plain
      .prepare(
        `INSERT OR IGNORE INTO initiative_themes (initiative_id, theme_code) VALUES (?, 'energy')`,
      )
      .run(target.id)
    const themes = plain
      .prepare(`SELECT themes FROM search_documents WHERE kind = 'initiative' AND source_id = ?`)
      .get(target.id) as { themes: string }
    expect(JSON.parse(themes.themes)).toContain('energy')
    if (initiative) {
      plain.prepare(`DELETE FROM initiatives WHERE id = ?`).run(initiative.id)
      expect(indexed('initiative', initiative.id)).toBe(false)
    }
  })

  test('REPLACE and UPSERT on what a document is made of keep it in step', () => {
    const initiative = plain
      .prepare(`SELECT id FROM initiatives ORDER BY id DESC LIMIT 1`)
      .get() as {
      id: number
    }
    const countiesOf = () =>
      JSON.parse(
        (
          plain
            .prepare(
              `SELECT counties FROM search_documents WHERE kind = 'initiative' AND source_id = ?`,
            )
            .get(initiative.id) as { counties: string }
        ).counties,
      ) as string[]
    plain
      .prepare(`REPLACE INTO initiative_counties (initiative_id, county_code) VALUES (?, '01')`)
      .run(initiative.id)
    expect(countiesOf()).toContain('01')
    plain
      .prepare(
        `INSERT INTO initiative_counties (initiative_id, county_code) VALUES (?, '01')
        ON CONFLICT DO NOTHING`,
      )
      .run(initiative.id)
    plain
      .prepare(`DELETE FROM initiative_counties WHERE initiative_id = ? AND county_code = '01'`)
      .run(initiative.id)
    expect(countiesOf()).not.toContain('01')
  })

  test('a document written by hand must name its kind’s id range', () => {
    expect(() =>
      plain
        .prepare(
          `INSERT INTO search_documents (id, kind, source_id, organisation_id, title, body,
          context, themes, counties) VALUES (7, 'call', 7, 1, 't', 'b', 'c', '[]', '[]')`,
        )
        .run(),
    ).toThrow(/CHECK constraint failed/)
  })
})
