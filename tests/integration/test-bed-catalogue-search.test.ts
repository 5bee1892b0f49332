import { sql } from 'kysely'
import { beforeAll, describe, expect, test } from 'vitest'
import { COUNT_CAP } from '~/models/test-bed-catalogue.server'
import { loader as homeLoader } from '~/routes/_index/route'
import { getDb } from '~/utils/db.server'
import { unique } from '../helpers/factories'
import { getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, statusOf } from '../helpers/responses'
import { catalogue, ids, type Party, results, setStatus } from '../helpers/test-bed-catalogue-setup'
import { createHost, createOffer } from '../helpers/test-bed-factories'

// Nothing here is timed: the catalogue's speed is measured by `npm run bench`, not by tests.
// This file: full-text search, pagination and the home page.

let host: Party

beforeAll(async () => {
  host = await createHost(getDb())
})

describe('full-text search', () => {
  let care: { id: number }
  let sensors: { id: number }
  let marker: string

  beforeAll(async () => {
    // No "a" or "i" in the marker: the short-word search below looks for "AI".
    marker = unique('mk').toLowerCase().replace(/[ai]/g, 'x')
    care = await createOffer(getDb(), host, {
      title: `Äldreomsorg i hemmet ${marker}`,
      summary: 'Prova trygghetslarm och tillsyn med brukare i Luleå och Boden.',
      description: 'Hemtjänst, särskilt boende och korttidsboende.',
    })
    sensors = await createOffer(getDb(), host, {
      title: `AI-stöd för vinterväghållning ${marker}`,
      summary: 'Sensorer längs kommunens vägar i Kiruna under vintern.',
      description: 'Halka, snödjup och temperatur mäts dygnet runt.',
    })
  })

  test('folds case, including å, ä and ö', async () => {
    expect(await ids('q=äldreomsorg')).toContain(care.id)
    expect(await ids('q=ÄLDREOMSORG')).toContain(care.id)
    expect(await ids('q=LULEÅ')).toContain(care.id)
    expect(await ids('q=luleå')).toContain(care.id)
    expect(await ids('q=SNÖDJUP')).toContain(sensors.id)
  })

  test('finds parts of compound words', async () => {
    const found = await ids(`q=omsorg+${marker}`)
    expect(found).toEqual([care.id])
    expect(await ids(`q=hållning+${marker}`)).toEqual([sensors.id])
    expect(await ids(`q=boende+${marker}`)).toEqual([care.id])
  })

  test('every word must match', async () => {
    expect(await ids(`q=omsorg+boden+${marker}`)).toEqual([care.id])
    expect(await ids(`q=omsorg+kiruna+${marker}`)).toEqual([])
  })

  test('words shorter than three letters are dropped, or searched with LIKE when all are short', async () => {
    // "i" and "AI" cannot be trigram terms: the search uses the longer words only.
    expect(await ids(`q=i+AI+${marker}`)).toEqual(expect.arrayContaining([care.id, sensors.id]))
    // Only short words: a plain substring search on title and summary.
    const short = await ids('q=AI')
    expect(short).toContain(sensors.id)
    expect(short).not.toContain(care.id)
  })

  test('quotes, FTS5 operators and LIKE wildcards in the query are plain text, never errors', async () => {
    for (const q of [
      '"',
      '"äldreomsorg',
      'äldre"omsorg',
      '""""',
      'NEAR(omsorg boden)',
      'title:omsorg',
      'omsorg*',
      '^omsorg',
      'omsorg OR kiruna',
      'AND OR NOT',
      '-omsorg',
      '(',
      "'; DROP TABLE test_bed_offers; --",
      '\u0000omsorg',
      '%',
      '_',
      '\\',
      'x'.repeat(500),
    ]) {
      const outcome = await catalogue(`q=${encodeURIComponent(q)}`)
      expect(statusOf(outcome), q).toBe(200)
    }
    // A query's wildcards match only themselves.
    expect((await results('q=%25')).result.total).toBe(0)
    expect((await results('q=_')).result.total).toBe(0)
    // "OR" is no operator (and too short to search for): omsorg and kiruna never meet.
    expect(await ids(`q=omsorg+OR+kiruna+${marker}`)).toEqual([])
    // The table still exists.
    expect(await ids(`q=${marker}`)).toHaveLength(2)
  })

  test('a search ranks by relevance, otherwise the newest first', async () => {
    const word = unique('rk').toLowerCase()
    const strong = await createOffer(getDb(), host, {
      title: `Fjärrvärme ${word}`,
      summary: `Mätning av ${word} i fjärrvärmenätet med ${word}.`,
      description: `${word} ${word} ${word}`,
    })
    const weak = await createOffer(getDb(), host, {
      title: 'Solceller på skolor',
      summary: 'Solceller på kommunens skoltak och lärande om energi.',
      description: `Lång text om solceller, elnät och lagring, och en gång ${word}.`,
    })
    const searched = await results(`q=${word}`)
    expect(searched.result.order).toBe('relevance')
    expect(searched.result.items.map((i) => i.id)).toEqual([strong.id, weak.id])
    // Both published in the same second: without a search, the newer (higher id) comes first.
    const list = await ids('')
    expect(list.indexOf(weak.id)).toBeLessThan(list.indexOf(strong.id))
  })

  test('a very common term is counted up to a cap and lists the newest first, unranked', async () => {
    const word = unique('cm').toLowerCase()
    const n = COUNT_CAP + 1
    await sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${n})
      INSERT INTO test_bed_offers (organisation_id, title, summary, description, county_code,
        trl_min, trl_max, capacity, available_from, intake, access_model, market_value_sek,
        price_sek, contact_role, contact_email, created_by, updated_by, created_at, updated_at)
      SELECT ${host.org.id}, 'Testbädd ' || i || ' ' || ${word}, 'En sammanfattning av testbädden',
        'Text', '25', 1, 9, 1, 1, 'rolling', 'free', 1000, 0, 'Samordnare', 'a@example.test',
        ${host.user.id}, ${host.user.id}, i, i FROM n`.execute(getDb())
    await sql`INSERT INTO test_bed_criteria (offer_id, position, title, kind)
      SELECT id, 1, 'Nytta', 'score' FROM test_bed_offers WHERE title LIKE ${`% ${word}`}`.execute(
      getDb(),
    )
    await sql`UPDATE test_bed_offers SET status = 'published', published_at = created_at
      WHERE title LIKE ${`% ${word}`}`.execute(getDb())
    const found = await results(`q=${word}`)
    expect(found.result.total).toBe(COUNT_CAP)
    expect(found.result.capped).toBe(true)
    expect(found.result.pages).toBe(COUNT_CAP / 20)
    expect(found.result.order).toBe('added')
    expect(found.result.items[0]?.title).toBe(`Testbädd ${n} ${word}`)
  })

  test('the index follows changes to the offer (database triggers)', async () => {
    const word = unique('ix').toLowerCase()
    const offer = await createOffer(getDb(), host, { title: `Gammal rubrik ${word}` })
    expect(await ids(`q=${word}`)).toEqual([offer.id])
    await sql`UPDATE test_bed_offers SET title = ${'Ny rubrik utan ordet'}, updated_by = ${host.user.id}
      WHERE id = ${offer.id}`.execute(getDb())
    expect(await ids(`q=${word}`)).toEqual([])
    const draft = await createOffer(getDb(), host, { title: `Utkast ${word}`, status: 'draft' })
    await sql`DELETE FROM test_bed_offers WHERE id = ${draft.id}`.execute(getDb())
    const rows = await sql<{ rowid: number }>`SELECT rowid FROM test_bed_offers_fts
      WHERE test_bed_offers_fts MATCH ${`"${word}"`}`.execute(getDb())
    expect(rows.rows).toEqual([])
  })
})

describe('pagination', () => {
  test('20 a page, with the total, and a page beyond the last shows the last', async () => {
    const marker = unique('pg').toLowerCase()
    const created: number[] = []
    for (let i = 0; i < 23; i++) {
      created.push((await createOffer(getDb(), host, { title: `Sida ${i} ${marker}` })).id)
    }
    const first = await results(`q=${marker}`)
    expect(first.result).toMatchObject({ total: 23, page: 1, pages: 2 })
    expect(first.result.items).toHaveLength(20)
    const second = await results(`q=${marker}&page=2`)
    expect(second.result.items).toHaveLength(3)
    const all = [...first.result.items, ...second.result.items].map((i) => i.id)
    expect(new Set(all).size).toBe(23)
    expect(all.sort()).toEqual(created.sort())
    const beyond = await results(`q=${marker}&page=40`)
    expect(beyond.result.page).toBe(2)
  })
})

describe('home page', () => {
  test('shows the newest offers that are open now', async () => {
    const fresh = await createOffer(getDb(), host, { title: `Nyast ${unique('hm')}` })
    const pausedOne = await createOffer(getDb(), host, { title: `Pausad ${unique('hm')}` })
    await setStatus(pausedOne.id, host, 'paused')
    const data = dataOf<Awaited<ReturnType<typeof homeLoader>>>(
      await run(() => homeLoader(loaderArgs(getRequest('/')))),
    )
    expect(data.offers.length).toBeLessThanOrEqual(3)
    expect(data.offers[0]?.id).toBe(fresh.id)
    expect(data.offers.map((o) => o.id)).not.toContain(pausedOne.id)
    expect(data.offers.every((o) => o.open_now)).toBe(true)
  })
})
