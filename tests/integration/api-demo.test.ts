import type { LoaderFunctionArgs } from '@remix-run/node'
import { expect, test } from 'vitest'
import { openApiDocument } from '~/api-docs/openapi.server'
import { seed } from '~/seed'
import { resetApiLimiter } from '~/utils/api.server'
import { getDb } from '~/utils/db.server'
import { apiGet, API_ORIGIN, type ListBody, schemaValidator } from '../helpers/api-requests'

// The read API serves the demo data (decision record 041): every list, walked to its end, and
// every item's own address answer 200 with bodies valid against the OpenAPI document's schemas.

type Loader = (args: LoaderFunctionArgs) => Promise<Response>

const RESOURCES = [
  ['test-beds', 'TestBed', 'offerId'],
  ['calls', 'Call', 'callId'],
  ['references', 'Reference', 'referenceId'],
  ['organisations', 'Organisation', 'slug'],
  ['initiatives', 'Initiative', 'initiativeId'],
  ['agendas', 'Agenda', 'slug'],
] as const

test('every list and every item of the demo data validates against the document', async () => {
  const db = getDb()
  await seed(db)
  const doc = openApiDocument(API_ORIGIN)
  const errorsOf = await schemaValidator(doc)
  for (const [resource, schema, param] of RESOURCES) {
    const list = (
      (await import(`~/routes/api.v1.${resource}._index/route.ts`)) as { loader: Loader }
    ).loader
    const one = (
      (await import(`~/routes/api.v1.${resource}.$${param}/route.ts`)) as {
        loader: Loader
      }
    ).loader
    let url: string | null = `${API_ORIGIN}/api/v1/${resource}?limit=100`
    let count = 0
    while (url) {
      resetApiLimiter()
      const res = await apiGet(list, url.slice(API_ORIGIN.length))
      expect(res.status, url).toBe(200)
      const body = (await res.json()) as ListBody<{ id: number | string; apiUrl: string }>
      expect(errorsOf(`${schema}List`, body), url).toEqual([])
      for (const item of body.data) {
        resetApiLimiter()
        const id = String(item.id)
        const detail = await apiGet(one, new URL(item.apiUrl).pathname, { [param]: id })
        expect(detail.status, item.apiUrl).toBe(200)
        const responseSchema = `${schema}Response`
        expect(errorsOf(responseSchema, await detail.json()), item.apiUrl).toEqual([])
      }
      count += body.data.length
      url = body.links.next
    }
    expect(count, resource).toBeGreaterThan(0)
  }
}, 120_000)
