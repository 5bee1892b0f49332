import { sql } from 'kysely'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { beforeAll, describe, expect, test } from 'vitest'
import { decideCoOwnership, requestCoOwnership } from '~/models/initiative-owners.server'
import { OVERVIEW_COUNT_CAP } from '~/models/initiative-overview.server'
import { createInitiative, type InitiativeInput } from '~/models/initiatives.server'
import { loader } from '~/routes/initiatives._index/route'
import { overviewFiltersSchema, overviewHref } from '~/routes/initiatives._index/schema'
import { TimelineChart } from '~/routes/initiatives._index/timeline-view'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { createOrganisation, createUser } from '../helpers/factories'
import { INPUT } from '../helpers/initiative-factories'
import { getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, statusOf } from '../helpers/responses'
import { createHost } from '../helpers/test-bed-factories'

// The public overview of initiatives (issue 15, part 3; migration 2026-12-07-11): each filter,
// filters combined, the county view, stable addresses, bad values and the capped count.

const db = getDb()
const TAG = 'Kvastfening'
const ids: Record<'care' | 'umea' | 'idea', number> = { care: 0, umea: 0, idea: 0 }

async function verifiedIntermediary() {
  const user = await createUser(db)
  const admin = await createUser(db, { isPlatformAdmin: true })
  const org = await createOrganisation(db, { kind: 'intermediary', adminUserId: user.id })
  await db
    .updateTable('organisations')
    .set({ verification_status: 'verified', verified_by: admin.id, verified_at: now() })
    .where('id', '=', org.id)
    .execute()
  return { org, user }
}

async function create(
  owner: { org: { id: number; kind: string }; user: { id: number } },
  input: Partial<InitiativeInput>,
  status: 'idea' | 'planned' | 'active' | 'finished',
) {
  const row = await createInitiative(db, {
    organisation: { id: owner.org.id, kind: owner.org.kind, verification_status: 'verified' },
    userId: owner.user.id,
    input: { ...INPUT, ...input },
    status,
  })
  return row.id
}

beforeAll(async () => {
  const region = await createHost(db)
  const cluster = await verifiedIntermediary()
  ids.care = await create(
    region,
    {
      title: `${TAG} trygg äldreomsorg i Luleå`,
      cpv_codes: ['85100000'],
      themes: ['active_healthy_ageing'],
      counties: ['25'],
      municipalities: ['2580'],
      starts_on: '2027-01-01',
      ends_on: '2028-06-30',
    },
    'active',
  )
  ids.umea = await create(
    cluster,
    {
      title: `${TAG} energilager i Umeå`,
      cpv_codes: ['09300000'],
      themes: ['energy'],
      counties: [],
      municipalities: ['2480'],
      starts_on: '2028-01-01',
      ends_on: '2030-12-31',
    },
    'planned',
  )
  ids.idea = await create(
    region,
    {
      title: `${TAG} en idé utan plats`,
      cpv_codes: [],
      themes: ['energy'],
      counties: [],
      municipalities: [],
      starts_on: null,
      ends_on: null,
    },
    'idea',
  )
  // The cluster co-owns the care programme (accepted), so it counts for "intermediary" too.
  await requestCoOwnership(db, {
    initiativeId: ids.care,
    organisationId: cluster.org.id,
    userId: cluster.user.id,
  })
  await decideCoOwnership(db, {
    initiativeId: ids.care,
    organisationId: cluster.org.id,
    userId: region.user.id,
    accept: true,
    reason: null,
  })
})

async function overview(query: string) {
  return dataOf(await run(() => loader(loaderArgs(getRequest(`/initiatives?${query}`)))))
}

async function found(query: string) {
  const data = await overview(`q=${TAG}&${query}`)
  return (data.result.items as { id: number }[]).map((i) => i.id).sort((a, b) => a - b)
}

const sorted = (...list: number[]) => [...list].sort((a, b) => a - b)

describe('the list view', () => {
  test('the search finds every initiative by its words, newest first', async () => {
    const data = await overview(`q=${TAG}`)
    expect(data.result.items.map((i: { id: number }) => i.id)).toEqual([
      ids.idea,
      ids.umea,
      ids.care,
    ])
    expect(
      (await overview('q=energilager%20Umeå')).result.items.map((i: { id: number }) => i.id),
    ).toEqual([ids.umea])
  })

  test('each filter narrows the list', async () => {
    expect(await found('theme=energy')).toEqual(sorted(ids.umea, ids.idea))
    expect(await found('cpv=85')).toEqual([ids.care])
    expect(await found('cpv=85100000-2')).toEqual([ids.care])
    expect(await found('cpv=09')).toEqual([ids.umea])
    // A county matches the initiatives that name it or one of its municipalities.
    expect(await found('county=25')).toEqual([ids.care])
    expect(await found('county=24')).toEqual([ids.umea])
    expect(await found('county=12')).toEqual([])
    expect(await found('municipality=2480')).toEqual([ids.umea])
    expect(await found('status=idea')).toEqual([ids.idea])
    expect(await found('owner=intermediary')).toEqual(sorted(ids.care, ids.umea))
    expect(await found('owner=public_body')).toEqual(sorted(ids.care, ids.idea))
    // A period: overlapping initiatives; one without any date is left out.
    expect(await found('from=2029-01-01')).toEqual([ids.umea])
    expect(await found('to=2027-06-30')).toEqual([ids.care])
    expect(await found('from=2028-03-01&to=2028-04-01')).toEqual(sorted(ids.care, ids.umea))
  })

  test('filters combine', async () => {
    expect(await found('theme=energy&county=24')).toEqual([ids.umea])
    expect(await found('theme=energy&status=planned&owner=intermediary')).toEqual([ids.umea])
    expect(await found('theme=active_healthy_ageing&county=24')).toEqual([])
  })

  test('bad values are ignored, never a server error', async () => {
    const bad = [
      'status=deleted&owner=company&view=map&page=-3',
      'from=2027-02-30&to=31-12-2027&cpv=abc&county=ABC&municipality=12',
      `q=${encodeURIComponent('"NEAR( * ^title: \u0000')}`,
      `q=${'x'.repeat(5000)}`,
      'page=999999&theme=../../etc',
    ]
    for (const query of bad) {
      const outcome = await run(() => loader(loaderArgs(getRequest(`/initiatives?${query}`))))
      expect(statusOf(outcome)).toBe(200)
    }
    const data = await overview('status=deleted&from=2027-02-30&cpv=abc&view=map')
    expect(data.filters).toEqual({})
    expect(data.result.total).toBeGreaterThanOrEqual(3)
  })
})

describe('stable addresses', () => {
  test('an address carries every filter and the view, and reads back the same', () => {
    const filters = overviewFiltersSchema.parse({
      q: 'energi',
      theme: 'energy',
      cpv: '09',
      county: '24',
      municipality: '2480',
      status: 'planned',
      owner: 'intermediary',
      from: '2028-01-01',
      to: '2028-12-31',
      view: 'counties',
    })
    const href = overviewHref(filters)
    expect(href).toBe(
      '/initiatives?view=counties&q=energi&theme=energy&cpv=09&county=24&municipality=2480&status=planned&owner=intermediary&from=2028-01-01&to=2028-12-31',
    )
    const back = overviewFiltersSchema.parse(
      Object.fromEntries(new URL(href, 'http://x').searchParams),
    )
    expect(back).toEqual(filters)
    expect(overviewHref({ view: 'list' })).toBe('/initiatives')
    expect(overviewHref({ county: '24' }, 2)).toBe('/initiatives?county=24&page=2')
  })
})

describe('the county view', () => {
  test('every county with its count, zeros included, for the same filters', async () => {
    const data = await overview(`view=counties&q=${TAG}`)
    expect(data.result).toBeNull()
    expect(data.counties.counties).toHaveLength(21)
    const count = (code: string) =>
      data.counties.counties.find((c: { code: string }) => c.code === code).count
    expect([count('25'), count('24'), count('12')]).toEqual([1, 1, 0])
    expect(data.counties.total).toBe(3)
    expect(data.counties.withoutArea).toBe(1)
    const energy = await overview(`view=counties&q=${TAG}&theme=energy`)
    expect(energy.counties.counties.filter((c: { count: number }) => c.count > 0)).toEqual([
      { code: '24', name: 'Västerbottens län', count: 1 },
    ])
  })
})

describe('the timeline view', () => {
  test('the matching initiatives with a period, in the order they start', async () => {
    const data = await overview(`view=timeline&q=${TAG}`)
    expect(data.result).toBeNull()
    expect(data.timeline.items.map((i: { id: number }) => i.id)).toEqual([ids.care, ids.umea])
    expect(data.timeline.more).toBe(false)
    const planned = await overview(`view=timeline&q=${TAG}&status=planned`)
    expect(planned.timeline.items).toEqual([
      {
        id: ids.umea,
        title: `${TAG} energilager i Umeå`,
        status: 'planned',
        starts_on: '2028-01-01',
        ends_on: '2030-12-31',
      },
    ])
  })

  test('the chart is an image with a title and a description, scaled by its viewBox', () => {
    const html = renderToStaticMarkup(
      createElement(TimelineChart, {
        items: [
          { id: 1, title: 'Ett', status: 'active', starts_on: '2027-01-01', ends_on: '2028-06-30' },
          { id: 2, title: 'Två', status: 'planned', starts_on: '2028-01-01', ends_on: null },
        ],
        title: 'Tidslinje',
        desc: 'Två initiativ.',
        tickLabel: (d: Date) => String(d.getUTCFullYear()),
      }),
    )
    expect(html).toMatch(/<svg[^>]* viewBox="0 0 640 72"/)
    expect(html).toMatch(/<svg[^>]* role="img"/)
    expect(html).toMatch(/aria-labelledby="timeline-chart-title timeline-chart-desc"/)
    expect(html).toContain('<title id="timeline-chart-title">Tidslinje</title>')
    expect(html).toContain('<desc id="timeline-chart-desc">Två initiativ.</desc>')
    expect(html).toContain('>2027<')
    expect(html.match(/<rect /g)).toHaveLength(2)
    expect(html).toContain('chart-bar--open')
  })
})

describe('the count is capped', () => {
  test(`more than ${OVERVIEW_COUNT_CAP} matches count as the cap, and the page says so`, async () => {
    const region = await createHost(db)
    const at = now()
    await sql`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${OVERVIEW_COUNT_CAP + 5})
      INSERT INTO initiatives (organisation_id, kind, title, summary, status, contact_role,
        contact_email, created_at, created_by, updated_at, updated_by)
      SELECT ${region.org.id}, 'project', 'Massprojekt Blåbärsskog ' || i,
        'En sammanfattning om projektet.', 'idea', 'Projektledare', 'projekt@example.test',
        ${at}, ${region.user.id}, ${at}, ${region.user.id} FROM n`.execute(db)
    const data = await overview('q=Blåbärsskog')
    expect(data.result.total).toBe(OVERVIEW_COUNT_CAP)
    expect(data.result.capped).toBe(true)
    expect(data.result.items).toHaveLength(20)
    // The index keeps up with an edit: the new title is found, the old one is not.
    const last = data.result.items[0].id as number
    await sql`UPDATE initiatives SET title = 'Omdöpt Hjortronmyr' WHERE id = ${last}`.execute(db)
    expect((await overview('q=Hjortronmyr')).result.items.map((i: { id: number }) => i.id)).toEqual(
      [last],
    )
  })
})
