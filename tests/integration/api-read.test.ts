import { beforeEach, describe, expect, test } from 'vitest'
import { createInitiative } from '~/models/initiatives.server'
import { loader as agendaLoader } from '~/routes/api.v1.agendas.$slug/route'
import { loader as agendasLoader } from '~/routes/api.v1.agendas._index/route'
import { loader as callLoader } from '~/routes/api.v1.calls.$callId/route'
import { loader as callsLoader } from '~/routes/api.v1.calls._index/route'
import { loader as initiativeLoader } from '~/routes/api.v1.initiatives.$initiativeId/route'
import { loader as initiativesLoader } from '~/routes/api.v1.initiatives._index/route'
import { loader as organisationLoader } from '~/routes/api.v1.organisations.$slug/route'
import { loader as organisationsLoader } from '~/routes/api.v1.organisations._index/route'
import { loader as referenceLoader } from '~/routes/api.v1.references.$referenceId/route'
import { loader as referencesLoader } from '~/routes/api.v1.references._index/route'
import { loader as testBedLoader } from '~/routes/api.v1.test-beds.$offerId/route'
import { loader as testBedsLoader } from '~/routes/api.v1.test-beds._index/route'
import { apiLimits, resetApiLimiter } from '~/utils/api.server'
import { getDb } from '~/utils/db.server'
import { createAgenda } from '../helpers/agenda-factories'
import { apiGet, type ListBody, walkPages } from '../helpers/api-requests'
import { createCall } from '../helpers/call-factories'
import { createOrganisation } from '../helpers/factories'
import { INPUT } from '../helpers/initiative-factories'
import { createReference } from '../helpers/reference-factories'
import { createHost, createOffer } from '../helpers/test-bed-factories'

// The read API (issue 17 part 5, decision record 041): shapes, cursor paging without gaps or
// duplicates, ETag and 304, CORS, problems (400, 404, 429) and the visibility of the pages.

const db = getDb()

beforeEach(() => resetApiLimiter())

async function json<T = { data: Record<string, unknown> }>(res: Response): Promise<T> {
  expect(res.headers.get('Content-Type')).toMatch(/^application\/(problem\+)?json/)
  return (await res.json()) as T
}

describe('test beds', () => {
  test('the list pages newest first with no gaps or duplicates; drafts never appear', async () => {
    const host = await createHost(db)
    const ids: number[] = []
    for (let i = 0; i < 5; i++)
      ids.push((await createOffer(db, host, { title: `API-testbädd ${i}` })).id)
    const draft = await createOffer(db, host, { status: 'draft', title: 'Utkast' })

    const { items, pages } = await walkPages<{ id: number }>(
      testBedsLoader,
      '/api/v1/test-beds?limit=2',
    )
    const seen = items.map((i) => i.id)
    expect(new Set(seen).size).toBe(seen.length)
    expect(pages).toBeGreaterThanOrEqual(3)
    for (const id of ids) expect(seen).toContain(id)
    expect(seen).not.toContain(draft.id)
    // Newest first: our five, created in order, come in reverse.
    const ours = seen.filter((id) => ids.includes(id))
    expect(ours).toEqual([...ids].reverse())

    const first = await apiGet(testBedsLoader, '/api/v1/test-beds?limit=2')
    expect(first.headers.get('Link')).toMatch(
      /^<http:\/\/localhost:3000\/api\/v1\/test-beds\?limit=2&cursor=[\w-]+>; rel="next"$/,
    )
    expect(first.headers.get('Access-Control-Allow-Origin')).toBe('*')
  })

  test('one offer in the documented shape with the catalogue fields; a draft is a 404', async () => {
    const host = await createHost(db)
    const offer = await createOffer(db, host, {
      intake: 'round',
      accessModel: 'cost_sharing',
      trl: [5, 7],
      themes: ['active_healthy_ageing'],
    })
    const res = await apiGet(testBedLoader, `/api/v1/test-beds/${offer.id}`, {
      offerId: String(offer.id),
    })
    expect(res.status).toBe(200)
    const { data } = await json(res)
    expect(data).toMatchObject({
      id: offer.id,
      url: `http://localhost:3000/test-beds/${offer.id}`,
      apiUrl: `http://localhost:3000/api/v1/test-beds/${offer.id}`,
      accessMode: 'rounds',
      pricingModel: 'subsidised',
      trl: { min: 5, max: 7 },
      contactPoint: { role: 'Innovationssamordnare', email: 'testbadd@example.test' },
      location: { county: { code: '25' }, municipality: { code: '2580' } },
      provider: { slug: host.org.slug },
      price: { amount: 10000, currency: 'SEK' },
    })
    expect(data.intakeRounds).toHaveLength(1)
    expect(data.themes).toEqual([expect.objectContaining({ code: 'active_healthy_ageing' })])

    const draft = await createOffer(db, host, { status: 'draft' })
    for (const id of [String(draft.id), '999999999', 'abc']) {
      const missing = await apiGet(testBedLoader, `/api/v1/test-beds/${id}`, { offerId: id })
      expect(missing.status).toBe(404)
      const problem = await json<Record<string, unknown>>(missing)
      expect(problem).toMatchObject({
        status: 404,
        type: 'http://localhost:3000/api/v1/docs#problem-not-found',
      })
    }
  })

  test('ETag and 304; bad filters, limit and cursor are 400 problems naming the parameter', async () => {
    const path = '/api/v1/test-beds?limit=3'
    const res = await apiGet(testBedsLoader, path)
    const etag = res.headers.get('ETag') ?? ''
    expect(etag).toMatch(/^"/)
    const again = await apiGet(testBedsLoader, path, {}, { headers: { 'If-None-Match': etag } })
    expect(again.status).toBe(304)

    for (const [query, parameter] of [
      ['status=draft', 'status'],
      ['county=99', 'county'],
      ['theme=no_such_theme', 'theme'],
      ['trl=12', 'trl'],
      ['limit=0', 'limit'],
      ['cursor=bogus!', 'cursor'],
      ['colour=red', 'colour'],
    ] as const) {
      const bad = await apiGet(testBedsLoader, `/api/v1/test-beds?${query}`)
      expect(bad.status, query).toBe(400)
      const problem = await json<{ errors: { parameter: string }[]; type: string }>(bad)
      expect(problem.type).toBe('http://localhost:3000/api/v1/docs#problem-bad-request')
      expect(problem.errors.map((e) => e.parameter)).toEqual([parameter])
    }
  })

  test('filters: pricing model, county and theme', async () => {
    const host = await createHost(db)
    const paid = await createOffer(db, host, { accessModel: 'paid', themes: ['mobility'] })
    const body = await json<ListBody<{ id: number; pricingModel: string }>>(
      await apiGet(testBedsLoader, '/api/v1/test-beds?pricingModel=paid&county=25&theme=mobility'),
    )
    expect(body.data.map((d) => d.id)).toContain(paid.id)
    expect(body.data.every((d) => d.pricingModel === 'paid')).toBe(true)
  })

  test('429 with Retry-After after the burst', async () => {
    // A cheap request (refused before any query); the bucket refills a little while we ask.
    let last: Response | undefined
    for (let i = 0; i < apiLimits().burst + 50 && last?.status !== 429; i++)
      last = await apiGet(
        testBedLoader,
        '/api/v1/test-beds/x',
        { offerId: 'x' },
        { ip: '198.51.100.7' },
      )
    expect(last?.status).toBe(429)
    expect(Number(last?.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1)
    const problem = await json<{ type: string }>(last as Response)
    expect(problem.type).toBe('http://localhost:3000/api/v1/docs#problem-too-many-requests')
  })
})

describe('calls', () => {
  test('public calls only, with the OCDS record link; a draft is a 404', async () => {
    const buyer = await createHost(db)
    const { call } = await createCall(db, buyer, {
      title: 'API-upphandling',
      estimatedValue: 900000,
    })
    const { call: draft } = await createCall(db, buyer, { status: 'draft', title: 'Utkast' })
    const { items } = await walkPages<{ id: number }>(
      callsLoader,
      '/api/v1/calls?limit=100&status=open',
    )
    expect(items.map((i) => i.id)).toContain(call.id)
    expect(items.map((i) => i.id)).not.toContain(draft.id)

    const { data } = await json(
      await apiGet(callLoader, `/api/v1/calls/${call.id}`, { callId: String(call.id) }),
    )
    expect(data).toMatchObject({
      id: call.id,
      title: 'API-upphandling',
      status: 'open',
      estimatedValue: { amount: 900000, currency: 'SEK' },
      ocds: {
        ocid: `ocds-tstrna-${call.id}`,
        recordUrl: `http://localhost:3000/api/v1/ocds/records/ocds-tstrna-${call.id}`,
      },
    })
    expect(JSON.stringify(data)).not.toMatch(/bid/i)
    const missing = await apiGet(callLoader, `/api/v1/calls/${draft.id}`, {
      callId: String(draft.id),
    })
    expect(missing.status).toBe(404)
    const bad = await apiGet(callsLoader, '/api/v1/calls?procedure=negotiated')
    expect(bad.status).toBe(400)
  })
})

describe('since and the list envelope', () => {
  test('since keeps only what was published at or after it; a list carries self and next', async () => {
    const buyer = await createHost(db)
    const { call } = await createCall(db, buyer)
    const now = await json<ListBody<{ id: number }>>(
      await apiGet(callsLoader, '/api/v1/calls?since=2000-01-01&limit=100'),
    )
    expect(now.data.map((c) => c.id)).toContain(call.id)
    expect(now.links.self).toBe('http://localhost:3000/api/v1/calls?since=2000-01-01&limit=100')
    const future = await json<ListBody>(
      await apiGet(callsLoader, '/api/v1/calls?since=2999-01-01T00:00:00Z'),
    )
    expect(future).toEqual({
      data: [],
      links: { self: 'http://localhost:3000/api/v1/calls?since=2999-01-01T00:00:00Z', next: null },
    })
    const twice = await apiGet(callsLoader, '/api/v1/calls?limit=1&limit=2')
    expect(twice.status).toBe(400)
    const badSince = await apiGet(callsLoader, '/api/v1/calls?since=yesterday')
    expect(badSince.status).toBe(400)
  })
})

describe('references, organisations, initiatives and agendas', () => {
  test('a published reference appears; a draft one is a 404', async () => {
    const { reference } = await createReference(db, { status: 'published' })
    const { reference: draft } = await createReference(db)
    const { items } = await walkPages<{ id: number }>(
      referencesLoader,
      '/api/v1/references?limit=1',
    )
    expect(items.map((i) => i.id)).toContain(reference.id)
    expect(items.map((i) => i.id)).not.toContain(draft.id)
    const ok = await apiGet(referenceLoader, `/api/v1/references/${reference.id}`, {
      referenceId: String(reference.id),
    })
    expect((await json(ok)).data).toMatchObject({ id: reference.id, source: { type: 'pilot' } })
    const missing = await apiGet(referenceLoader, `/api/v1/references/${draft.id}`, {
      referenceId: String(draft.id),
    })
    expect(missing.status).toBe(404)
  })

  test('an unverified public body is a 404; profiles carry no members or people', async () => {
    const pending = await createOrganisation(db, { kind: 'public_body' })
    const host = await createHost(db)
    const { items } = await walkPages<{ id: string }>(
      organisationsLoader,
      '/api/v1/organisations?limit=100&kind=public_body',
    )
    expect(items.map((i) => i.id)).toContain(host.org.slug)
    expect(items.map((i) => i.id)).not.toContain(pending.slug)
    const missing = await apiGet(organisationLoader, `/api/v1/organisations/${pending.slug}`, {
      slug: pending.slug,
    })
    expect(missing.status).toBe(404)
    const { data } = await json(
      await apiGet(organisationLoader, `/api/v1/organisations/${host.org.slug}`, {
        slug: host.org.slug,
      }),
    )
    expect(data).toMatchObject({ id: host.org.slug, kind: 'public_body' })
    expect(JSON.stringify(data)).not.toMatch(/member|@/)
  })

  test('initiatives: the register, filtered by status', async () => {
    const host = await createHost(db)
    const row = await createInitiative(db, {
      organisation: { id: host.org.id, kind: 'public_body', verification_status: 'verified' },
      userId: host.user.id,
      input: INPUT,
    })
    const list = await json<ListBody<{ id: number }>>(
      await apiGet(initiativesLoader, '/api/v1/initiatives?status=idea&kind=programme'),
    )
    expect(list.data.map((i) => i.id)).toContain(row.id)
    const { data } = await json(
      await apiGet(initiativeLoader, `/api/v1/initiatives/${row.id}`, {
        initiativeId: String(row.id),
      }),
    )
    expect(data).toMatchObject({ id: row.id, owners: [{ slug: host.org.slug }] })
    expect((await apiGet(initiativesLoader, '/api/v1/initiatives?status=done')).status).toBe(400)
  })

  test('agendas: published ones with goals and indicators; a draft agenda is a 404', async () => {
    const published = await createAgenda(db, { publish: true })
    const draft = await createAgenda(db)
    const { items } = await walkPages<{ id: string }>(agendasLoader, '/api/v1/agendas?limit=1')
    expect(items.map((i) => i.id)).toContain(published.region.org.slug)
    expect(items.map((i) => i.id)).not.toContain(draft.region.org.slug)
    const { data } = await json<{ data: { goals: { indicators: unknown[] }[] } }>(
      await apiGet(agendaLoader, `/api/v1/agendas/${published.region.org.slug}`, {
        slug: published.region.org.slug,
      }),
    )
    expect(data.goals).toHaveLength(1)
    expect(data.goals[0]?.indicators).toHaveLength(2)
    const missing = await apiGet(agendaLoader, `/api/v1/agendas/${draft.region.org.slug}`, {
      slug: draft.region.org.slug,
    })
    expect(missing.status).toBe(404)
  })
})
