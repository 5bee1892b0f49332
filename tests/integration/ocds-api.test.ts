import { gunzipSync } from 'node:zlib'
import { beforeEach, describe, expect, test } from 'vitest'
import { publishAnswer } from '~/models/call-questions.server'
import { ocidOf } from '~/models/ocds-build.server'
import { loader as recordLoader } from '~/routes/api.v1.ocds.records.$ocid/route'
import { loader as callReleasesLoader } from '~/routes/api.v1.ocds.releases.$ocid/route'
import { loader as listLoader } from '~/routes/api.v1.ocds.releases._index/route'
import { loader as bulkLoader } from '~/routes/api.v1.ocds.releases[.jsonl.gz]/route'
import { resetApiLimiter } from '~/utils/api.server'
import { getDb } from '~/utils/db.server'
import { createBuyer, createCall } from '../helpers/call-factories'
import { recordPackageErrors, releasePackageErrors } from '../helpers/ocds-validate'
import { run } from '../helpers/requests'

// Issue 17 part 2: the OCDS endpoints, called as loaders: packages that validate, newest first
// with cursor paging and `since`, 404 problems for unknown or draft ocids, 400 for bad paging,
// ETag/304, and the gzip bulk export.

const context = { clientIp: '203.0.113.7', cspNonce: 'x' }
type Loader = typeof listLoader

async function get(
  loader: Loader,
  path: string,
  params: Record<string, string> = {},
  headers = {},
) {
  const request = new Request(`http://localhost${path}`, { headers })
  return (await run(() => loader({ request, params, context }))) as Response
}

beforeEach(() => resetApiLimiter())

async function calls() {
  const db = getDb()
  const buyer = await createBuyer(db)
  const { call: first } = await createCall(db, buyer, { title: 'Digitala trygghetslarm i Umeå' })
  await publishAnswer(db, {
    callId: first.id,
    userId: buyer.user.id,
    entry: { kind: 'clarification', body: 'Förtydligande: larmen ska klara 4G och LTE-M.' },
  })
  const { call: draft } = await createCall(db, buyer, {
    status: 'draft',
    title: 'Hemlig utkastannons om städrobotar',
  })
  return { first, draft }
}

describe('GET /api/v1/ocds/releases', () => {
  test('a valid release package, newest first, paged by cursor and since; drafts never', async () => {
    const { first, draft } = await calls()
    const response = await get(listLoader, '/api/v1/ocds/releases?limit=100')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toMatch(/application\/json/)
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*')
    const text = await response.text()
    expect(text).not.toContain(draft.title)
    const pkg = JSON.parse(text)
    expect(releasePackageErrors(pkg)).toEqual([])
    const ours = pkg.releases.filter((r: { ocid: string }) => r.ocid === ocidOf(first.id))
    expect(ours.map((r: { tag: string[] }) => r.tag[0])).toEqual(['tenderUpdate', 'tender'])
    const dates = pkg.releases.map((r: { date: string }) => r.date)
    expect([...dates].sort().reverse()).toEqual(dates)

    // Page by page with limit=1: the same releases, in the same order.
    const seen: string[] = []
    let path: string | null = '/api/v1/ocds/releases?limit=1'
    while (path && seen.length < pkg.releases.length + 1) {
      const page = await get(listLoader, path)
      const body = JSON.parse(await page.text())
      seen.push(...body.releases.map((r: { id: string }) => r.id))
      path = body.links?.next
        ? new URL(body.links.next).pathname + new URL(body.links.next).search
        : null
      if (path) expect(page.headers.get('Link')).toContain('rel="next"')
    }
    expect(seen).toEqual(pkg.releases.map((r: { id: string }) => r.id))

    // 304 on a matching If-None-Match.
    const etag = response.headers.get('ETag')!
    const again = await get(
      listLoader,
      '/api/v1/ocds/releases?limit=100',
      {},
      {
        'If-None-Match': etag,
      },
    )
    expect(again.status).toBe(304)

    // since: nothing from the future.
    const future = await get(listLoader, '/api/v1/ocds/releases?since=2999-01-01')
    expect(JSON.parse(await future.text()).releases).toEqual([])
  })

  test('bad cursor, since or unknown parameter: 400 problem', async () => {
    for (const query of ['cursor=nonsense', 'since=igår', 'limit=0', 'page=2']) {
      const response = await get(listLoader, `/api/v1/ocds/releases?${query}`)
      expect(response.status, query).toBe(400)
      expect(response.headers.get('Content-Type')).toMatch(/application\/problem\+json/)
    }
  })
})

describe('GET /api/v1/ocds/releases/{ocid} and /records/{ocid}', () => {
  test('a call’s releases and record validate; unknown and draft ocids are 404', async () => {
    const { first, draft } = await calls()
    const ocid = ocidOf(first.id)
    const releases = await get(callReleasesLoader, `/api/v1/ocds/releases/${ocid}`, { ocid })
    expect(releases.status).toBe(200)
    const pkg = JSON.parse(await releases.text())
    expect(releasePackageErrors(pkg)).toEqual([])
    expect(pkg.releases.map((r: { tag: string[] }) => r.tag[0])).toEqual(['tender', 'tenderUpdate'])

    const record = await get(recordLoader, `/api/v1/ocds/records/${ocid}`, { ocid })
    expect(record.status).toBe(200)
    const rp = JSON.parse(await record.text())
    expect(recordPackageErrors(rp)).toEqual([])
    expect(rp.records[0].compiledRelease.tag).toEqual(['compiled'])
    expect(rp.records[0].releases).toHaveLength(2)

    for (const bad of [ocidOf(draft.id), ocidOf(999_999), 'ocds-annan-1', 'x']) {
      for (const loader of [callReleasesLoader, recordLoader]) {
        const response = await get(loader, `/api/v1/ocds/records/${bad}`, { ocid: bad })
        expect(response.status, bad).toBe(404)
        expect(await response.text()).not.toContain(draft.title)
      }
    }
  })
})

describe('GET /api/v1/ocds/releases.jsonl.gz', () => {
  test('every public release, one JSON a line, gzip', async () => {
    const { first, draft } = await calls()
    const response = await get(bulkLoader, '/api/v1/ocds/releases.jsonl.gz')
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('application/gzip')
    expect(response.headers.get('Content-Disposition')).toMatch(/attachment/)
    const text = gunzipSync(Buffer.from(await response.arrayBuffer())).toString('utf8')
    const lines = text.trimEnd().split('\n')
    const built = await getDb()
      .selectFrom('ocds_releases')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('body', 'is not', null)
      .executeTakeFirstOrThrow()
    expect(lines).toHaveLength(Number(built.n))
    const releases = lines.map((l) => JSON.parse(l) as { ocid: string })
    expect(releases.filter((r) => r.ocid === ocidOf(first.id))).toHaveLength(2)
    expect(text).not.toContain(draft.title)
  })
})

describe('the feed query', () => {
  test('walks the feed index: cost follows the page size, no sort of every row', async () => {
    const { sql } = await import('kysely')
    const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN
      SELECT id, call_id, tag, occurred_at, body FROM ocds_releases
      WHERE body IS NOT NULL AND (occurred_at, id) < (${2_000_000_000}, ${5})
        AND occurred_at >= ${0}
      ORDER BY occurred_at DESC, id DESC LIMIT 21`.execute(getDb())
    const details = plan.rows.map((r) => r.detail).join('\n')
    expect(details).toContain('ocds_releases_feed')
    expect(details).not.toContain('TEMP B-TREE')
  })
})

describe('the public call page', () => {
  test('links a published call to its OCDS record; the record answers there', async () => {
    const { loader: callPage } = await import('~/routes/calls.$callId._index/route')
    const { first } = await calls()
    const request = new Request(`http://localhost/calls/${first.id}`)
    const page = (await callPage({ request, params: { callId: String(first.id) }, context })) as {
      ocdsRecordHref: string | null
    }
    const ocid = ocidOf(first.id)
    expect(page.ocdsRecordHref).toBe(`/api/v1/ocds/records/${ocid}`)
    const record = await get(recordLoader, page.ocdsRecordHref!, { ocid })
    expect(record.status).toBe(200)
  })
})
