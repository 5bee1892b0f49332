import { readdirSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { join } from 'node:path'
import type { LoaderFunctionArgs } from '@remix-run/node'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { beforeAll, describe, expect, test } from 'vitest'
import { API_PATHS, type OpenApiDocument } from '~/api-docs/openapi.server'
import { createInitiative } from '~/models/initiatives.server'
import { ocidOf } from '~/models/ocds-build.server'
import { loader as docsLoader } from '~/routes/api.v1.docs/route'
import { loader as openApiLoader } from '~/routes/api.v1.openapi[.json]/route'
import { resetApiLimiter } from '~/utils/api.server'
import { getDb } from '~/utils/db.server'
import { createAgenda } from '../helpers/agenda-factories'
import { apiGet } from '../helpers/api-requests'
import { createCall } from '../helpers/call-factories'
import { INPUT } from '../helpers/initiative-factories'
import { recordPackageErrors, releasePackageErrors } from '../helpers/ocds-validate'
import { createReference } from '../helpers/reference-factories'
import { createOffer } from '../helpers/test-bed-factories'

// Walks the OpenAPI document (decision record 041): (a) every /api/v1 route folder is in it and
// every path in it has a route, (b) every path answers 200 with a body valid against the schema
// the document gives (ajv, JSON Schema 2020-12), (c) the document is OpenAPI 3.1 and every $ref
// resolves.

/** Paths another branch of issue 17 serves (OCDS). Empty this set when that branch is merged. */
/** The OCDS paths: their bodies follow the OCDS 1.1.5 schemas, checked with those (draft 4). */
const OCDS_VALIDATORS: Record<string, ((data: unknown) => unknown[]) | 'gzip'> = {
  '/api/v1/ocds/releases': releasePackageErrors,
  '/api/v1/ocds/releases/{}': releasePackageErrors,
  '/api/v1/ocds/records/{}': recordPackageErrors,
  '/api/v1/ocds/releases.jsonl.gz': 'gzip',
}
/** Route folders under /api/v1 that are not API resources: the document itself and its page. */
const NOT_RESOURCES = new Set(['/api/v1/openapi.json', '/api/v1/docs'])

const db = getDb()
const routesDir = join(process.cwd(), 'app/routes')

/** `api.v1.test-beds.$offerId` → `/api/v1/test-beds/{}`; `[.json]` is a literal dot. */
function pathOfFolder(folder: string): string {
  const segments: string[] = []
  for (const part of folder.match(/(?:\[[^\]]*\]|[^.])+/g) ?? []) {
    if (part === '_index') continue
    const literal = part.replace(/\[([^\]]*)\]/g, '$1')
    segments.push(literal.startsWith('$') ? '{}' : literal)
  }
  // A bracketed suffix belongs to the segment before it: `openapi[.json]` is one segment.
  return `/${segments.join('/')}`.replace(/\/(\.[^/]+)$/, '$1')
}
const normalise = (p: string) => p.replace(/\{[^}]+\}/g, '{}')

let doc: OpenApiDocument

beforeAll(async () => {
  resetApiLimiter()
  const res = await apiGet(openApiLoader, '/api/v1/openapi.json')
  expect(res.status).toBe(200)
  doc = (await res.json()) as OpenApiDocument
})

describe('the OpenAPI document', () => {
  test('(c) is OpenAPI 3.1 and every $ref resolves', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/)
    expect(doc.servers[0]?.url).toBe('http://localhost:3000')
    const refs: string[] = []
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect)
      else if (value && typeof value === 'object')
        for (const [key, v] of Object.entries(value)) {
          if (key === '$ref' && typeof v === 'string') refs.push(v)
          else collect(v)
        }
    }
    collect(doc)
    expect(refs.length).toBeGreaterThan(20)
    for (const ref of refs) {
      expect(ref, ref).toMatch(/^#\//)
      let node: unknown = doc
      for (const key of ref.slice(2).split('/')) node = (node as Record<string, unknown>)?.[key]
      expect(node, ref).toBeTruthy()
    }
    for (const [p, item] of Object.entries(doc.paths)) {
      expect(Object.keys(item)).toEqual(['get'])
      for (const param of item.get.parameters)
        if (param.in === 'path') expect(p).toContain(`{${param.name}}`)
    }
  })

  test('(a) every /api/v1 route folder is documented and every documented path has a route', () => {
    const routed = new Set(
      readdirSync(routesDir)
        .filter((f) => f.startsWith('api.v1.'))
        .map(pathOfFolder)
        .filter((p) => !NOT_RESOURCES.has(p)),
    )
    const documented = new Set(Object.keys(doc.paths).map(normalise))
    expect(routed.size).toBeGreaterThanOrEqual(12)
    for (const p of routed) expect(documented, `route ${p} not documented`).toContain(p)
    for (const p of documented) expect(routed, `documented ${p} has no route`).toContain(p)
  })

  test('(b) every path answers 200 with a body valid against its schema', async () => {
    const host = await import('../helpers/test-bed-factories').then((m) => m.createHost(db))
    const offer = await createOffer(db, host)
    const { call } = await createCall(db, host, { estimatedValue: 500000 })
    const { reference } = await createReference(db, { status: 'published' })
    const initiative = await createInitiative(db, {
      organisation: { id: host.org.id, kind: 'public_body', verification_status: 'verified' },
      userId: host.user.id,
      input: INPUT,
    })
    const agenda = await createAgenda(db, { publish: true })
    const ids: Record<string, string> = {
      'test-beds': String(offer.id),
      calls: String(call.id),
      references: String(reference.id),
      organisations: host.org.slug,
      initiatives: String(initiative.id),
      agendas: agenda.region.org.slug,
      ocds: ocidOf(call.id),
    }

    const ajv = new Ajv2020({ strict: false, allErrors: true })
    addFormats(ajv)
    ajv.addSchema({ $id: 'urn:testarena:openapi', components: doc.components })
    // The schemas are strict: a missing or an extra field fails.
    const strict = ajv.getSchema('urn:testarena:openapi#/components/schemas/TestBedResponse')
    expect(strict?.({ data: { id: 1 } })).toBe(false)

    const folders = new Map(
      readdirSync(routesDir)
        .filter((f) => f.startsWith('api.v1.'))
        .map((f) => [pathOfFolder(f), f]),
    )
    let checked = 0
    for (const [p, item] of Object.entries(doc.paths)) {
      const key = normalise(p)
      const folder = folders.get(key)
      if (!folder) throw new Error(`no route for ${p}`)
      const { loader } = (await import(`~/routes/${folder}/route.ts`)) as {
        loader: (args: LoaderFunctionArgs) => Promise<Response>
      }
      const resource = p.split('/')[3] ?? ''
      const param = item.get.parameters.find((x) => x.in === 'path')
      const params: Record<string, string> = {}
      let url = p
      if (param) {
        const routeParam = folder.split('$')[1] ?? ''
        params[routeParam] = ids[resource] ?? ''
        url = p.replace(`{${param.name}}`, params[routeParam] ?? '')
      }
      resetApiLimiter()
      const res = await apiGet(loader, url, params)
      expect(res.status, url).toBe(200)
      const ocds = OCDS_VALIDATORS[key]
      if (ocds === 'gzip') {
        expect(res.headers.get('Content-Type'), url).toBe('application/gzip')
        const lines = gunzipSync(Buffer.from(await res.arrayBuffer()))
          .toString()
          .trim()
          .split('\n')
        expect(lines.length, url).toBeGreaterThan(0)
        checked++
        continue
      }
      if (ocds) {
        expect(ocds(await res.json()), url).toEqual([])
        checked++
        continue
      }
      const ok = item.get.responses['200']
      const ref = ok.content?.['application/json']?.schema?.$ref ?? ''
      const validate = ajv.getSchema(`urn:testarena:openapi${ref}`)
      if (!validate) throw new Error(`no schema for ${p}: ${ref}`)
      const body = (await res.json()) as unknown
      const valid = validate(body)
      expect(valid ? [] : validate.errors, url).toEqual([])
      checked++
    }
    expect(checked).toBe(Object.keys(API_PATHS).length)
  })

  test('the documentation page is rendered from it: every path, with an example request', () => {
    const page = docsLoader()
    expect(page.paths.map((p) => p.path)).toEqual(Object.keys(doc.paths))
    for (const p of page.paths) {
      expect(p.example).toMatch(/^http:\/\/localhost:3000\/api\/v1\//)
      expect(p.example).not.toContain('{')
    }
    expect(page.openApiUrl).toBe('/api/v1/openapi.json')
  })
})
