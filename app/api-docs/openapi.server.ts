import { CALL_API_STATUSES, PROCEDURES } from '~/models/api-calls.server'
import { OFFER_STATUS_FILTERS, PRICING_MODELS } from '~/models/api-test-beds.server'
import { ORGANISATION_KINDS } from '~/domain/vocabularies'
import { API_BASE, API_PAGE_DEFAULT, API_PAGE_MAX, apiLimits } from '~/utils/api.server'
import { INITIATIVE_KINDS, INITIATIVE_STATUSES } from '~/utils/initiative-schema'
import { int, oneOf, type Schema, str } from './json-schema'
import { schemas } from './schemas.server'

// The OpenAPI 3.1 document of /api/v1 (issue 17 part 5, decision record 041), served at
// /api/v1/openapi.json and rendered as the documentation page /api/v1/docs, so the two cannot
// diverge. tests/integration/api-openapi.test.ts walks it: every route is in it, every path has
// a route, and every answer validates against the schema given here.

export interface Parameter {
  name: string
  in: 'query' | 'path'
  required: boolean
  description: string
  schema: Schema
  example: string
}

export interface Operation {
  operationId: string
  summary: string
  description: string
  tags: string[]
  parameters: Parameter[]
  /** The 200 answer: a schema in components, or another media type described in words. */
  ok: { schema: string } | { mediaType: string; description: string; externalDocs: string }
}

const query = (name: string, description: string, schema: Schema, example: string) =>
  ({ name, in: 'query', required: false, description, schema, example }) satisfies Parameter
const path = (name: string, description: string, example: string) =>
  ({ name, in: 'path', required: true, description, schema: str, example }) satisfies Parameter

const paging = [
  query('limit', `Items a page, 1–${API_PAGE_MAX} (default ${API_PAGE_DEFAULT}).`, int, '10'),
  query('cursor', 'The `next` value of a previous page; opaque.', str, ''),
  query(
    'since',
    'Only items published at or after this ISO 8601 date or date-time.',
    str,
    '2026-12-01',
  ),
]
const county = query('county', 'A county code (SCB), e.g. 25 for Norrbotten.', str, '25')
const theme = query(
  'theme',
  'A theme code, e.g. active_healthy_ageing.',
  str,
  'active_healthy_ageing',
)

const OCDS_SCHEMA = 'https://standard.open-contracting.org/schema/1__1__5'
const ocid = path(
  'ocid',
  'The Open Contracting identifier of a call: prefix, a dash and its id.',
  'ocds-tstrna-1',
)

/** Every path of /api/v1 with its one GET operation. */
export const API_PATHS: Record<string, Operation> = {
  [`${API_BASE}/test-beds`]: {
    operationId: 'listTestBeds',
    summary: 'Test-bed offers',
    description:
      'Offers anyone may open (published, paused, closed, archived), newest published first.',
    tags: ['test beds'],
    parameters: [
      ...paging,
      county,
      theme,
      query('status', 'The offer status.', oneOf(OFFER_STATUS_FILTERS), 'published'),
      query('pricingModel', 'What a company pays.', oneOf(PRICING_MODELS), 'free'),
      query('trl', 'Only offers serving this technology readiness level (1–9).', str, '6'),
    ],
    ok: { schema: 'TestBedList' },
  },
  [`${API_BASE}/test-beds/{id}`]: {
    operationId: 'getTestBed',
    summary: 'One test-bed offer',
    description:
      'The documented test-bed shape, with the fields service catalogues such as the EOSC service profile use: provider, accessMode, trl, pricingModel and contactPoint.',
    tags: ['test beds'],
    parameters: [path('id', 'The offer id.', '1')],
    ok: { schema: 'TestBedResponse' },
  },
  [`${API_BASE}/calls`]: {
    operationId: 'listCalls',
    summary: 'Procurement calls',
    description: 'Every call that is not a draft, newest published first. Nothing from a bid.',
    tags: ['calls'],
    parameters: [
      ...paging,
      county,
      theme,
      query('status', 'As the public list filters.', oneOf(CALL_API_STATUSES), 'open'),
      query('procedure', 'The procedure.', oneOf(PROCEDURES), 'innovation_partnership'),
    ],
    ok: { schema: 'CallList' },
  },
  [`${API_BASE}/calls/{id}`]: {
    operationId: 'getCall',
    summary: 'One call',
    description: 'What any visitor sees on the call page; its OCDS record is linked by ocid.',
    tags: ['calls'],
    parameters: [path('id', 'The call id.', '1')],
    ok: { schema: 'CallResponse' },
  },
  [`${API_BASE}/references`]: {
    operationId: 'listReferences',
    summary: 'Reference cases',
    description: 'Published reference cases, newest first published first.',
    tags: ['references'],
    parameters: paging,
    ok: { schema: 'ReferenceList' },
  },
  [`${API_BASE}/references/{id}`]: {
    operationId: 'getReference',
    summary: 'One reference case',
    description: 'A published reference case with its results.',
    tags: ['references'],
    parameters: [path('id', 'The reference case id.', '1')],
    ok: { schema: 'ReferenceResponse' },
  },
  [`${API_BASE}/organisations`]: {
    operationId: 'listOrganisations',
    summary: 'Organisations',
    description: 'Companies, and public bodies and intermediaries once verified, newest first.',
    tags: ['organisations'],
    parameters: [
      ...paging,
      query('kind', 'The kind.', oneOf(ORGANISATION_KINDS), 'company'),
      county,
    ],
    ok: { schema: 'OrganisationList' },
  },
  [`${API_BASE}/organisations/{slug}`]: {
    operationId: 'getOrganisation',
    summary: 'One organisation',
    description: 'The public profile: no members and no e-mail addresses of people.',
    tags: ['organisations'],
    parameters: [path('slug', 'The slug in the profile address.', 'region-norrbotten')],
    ok: { schema: 'OrganisationResponse' },
  },
  [`${API_BASE}/initiatives`]: {
    operationId: 'listInitiatives',
    summary: 'Initiatives',
    description: 'The public register of initiatives, newest first.',
    tags: ['initiatives'],
    parameters: [
      ...paging,
      query('status', 'The status.', oneOf(INITIATIVE_STATUSES), 'active'),
      query('kind', 'The kind.', oneOf(INITIATIVE_KINDS), 'programme'),
    ],
    ok: { schema: 'InitiativeList' },
  },
  [`${API_BASE}/initiatives/{id}`]: {
    operationId: 'getInitiative',
    summary: 'One initiative',
    description: 'An initiative with its owners and its functional contact address.',
    tags: ['initiatives'],
    parameters: [path('id', 'The initiative id.', '1')],
    ok: { schema: 'InitiativeResponse' },
  },
  [`${API_BASE}/agendas`]: {
    operationId: 'listAgendas',
    summary: 'Regional agendas',
    description: 'Published regional innovation agendas, newest published first.',
    tags: ['agendas'],
    parameters: paging,
    ok: { schema: 'AgendaList' },
  },
  [`${API_BASE}/agendas/{slug}`]: {
    operationId: 'getAgenda',
    summary: "One region's agenda",
    description: 'Its published goals, each with its indicators, targets and values.',
    tags: ['agendas'],
    parameters: [path('slug', "The region's slug.", 'region-norrbotten')],
    ok: { schema: 'AgendaResponse' },
  },
  [`${API_BASE}/ocds/releases`]: {
    operationId: 'listOcdsReleases',
    summary: 'OCDS releases',
    description: 'Every OCDS release of every call, newest first, as a release package.',
    tags: ['OCDS'],
    parameters: paging,
    ok: {
      mediaType: 'application/json',
      description: 'An OCDS 1.1.5 release package.',
      externalDocs: `${OCDS_SCHEMA}/release-package-schema.json`,
    },
  },
  [`${API_BASE}/ocds/releases/{ocid}`]: {
    operationId: 'getOcdsReleases',
    summary: "One call's OCDS releases",
    description: 'Every release of one call, as a release package.',
    tags: ['OCDS'],
    parameters: [ocid],
    ok: {
      mediaType: 'application/json',
      description: 'An OCDS 1.1.5 release package.',
      externalDocs: `${OCDS_SCHEMA}/release-package-schema.json`,
    },
  },
  [`${API_BASE}/ocds/records/{ocid}`]: {
    operationId: 'getOcdsRecord',
    summary: "One call's OCDS record",
    description: 'The record of one call: its compiled release and links to each release.',
    tags: ['OCDS'],
    parameters: [ocid],
    ok: {
      mediaType: 'application/json',
      description: 'An OCDS 1.1.5 record package.',
      externalDocs: `${OCDS_SCHEMA}/record-package-schema.json`,
    },
  },
  [`${API_BASE}/ocds/releases.jsonl.gz`]: {
    operationId: 'downloadOcdsReleases',
    summary: 'Every OCDS release (bulk)',
    description: 'Every public release, one JSON object a line, gzip-compressed.',
    tags: ['OCDS'],
    parameters: [],
    ok: {
      mediaType: 'application/gzip',
      description: 'JSON Lines of OCDS 1.1.5 releases, gzip-compressed.',
      externalDocs: `${OCDS_SCHEMA}/release-schema.json`,
    },
  },
}

const problem = (description: string, headers?: Record<string, unknown>) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
})

function operationObject(op: Operation) {
  const ok =
    'schema' in op.ok
      ? {
          description: 'OK',
          headers: { ETag: { $ref: '#/components/headers/ETag' } },
          content: {
            'application/json': { schema: { $ref: `#/components/schemas/${op.ok.schema}` } },
          },
        }
      : {
          description: op.ok.description,
          content: { [op.ok.mediaType]: { schema: {} } },
        }
  return {
    operationId: op.operationId,
    summary: op.summary,
    description: op.description,
    tags: op.tags,
    parameters: op.parameters.map(({ example, ...p }) => (example ? { ...p, example } : p)),
    ...('externalDocs' in op.ok
      ? { externalDocs: { description: 'OCDS 1.1.5 schema', url: op.ok.externalDocs } }
      : {}),
    responses: {
      '200': ok,
      '304': { description: 'Not Modified: the If-None-Match ETag is current.' },
      '400': { $ref: '#/components/responses/BadRequest' },
      '404': { $ref: '#/components/responses/NotFound' },
      '429': { $ref: '#/components/responses/TooManyRequests' },
    },
  }
}

/** The OpenAPI 3.1 document, with the server at `origin`. */
export function openApiDocument(origin: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Testarena read API',
      version: '1.0.0',
      summary:
        'Open data from Testarena: test beds, calls, references, organisations, initiatives, agendas and OCDS.',
      description: `Read-only JSON under ${API_BASE}: lists newest first, paged with cursors, ETag and 304, CORS open for GET, at most ${apiLimits().burst} requests in a burst per IP, refilled at ${apiLimits().perMinute} a minute. The HTML documentation is at ${origin}${API_BASE}/docs.`,
      license: { name: 'Open data: see the license field of each OCDS package' },
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: origin }],
    externalDocs: { description: 'Documentation', url: `${origin}${API_BASE}/docs` },
    paths: Object.fromEntries(
      Object.entries(API_PATHS).map(([p, op]) => [p, { get: operationObject(op) }]),
    ),
    components: {
      schemas,
      headers: {
        ETag: {
          description: 'A strong validator of the body; send it as If-None-Match.',
          schema: str,
        },
        RetryAfter: { description: 'Seconds to wait before the next request.', schema: int },
      },
      responses: {
        BadRequest: problem('A query parameter is unknown, given twice or has a bad value.'),
        NotFound: problem('No public resource has this identifier.'),
        TooManyRequests: problem('Too many requests from this IP.', {
          'Retry-After': { $ref: '#/components/headers/RetryAfter' },
        }),
      },
    },
  }
}
export type OpenApiDocument = ReturnType<typeof openApiDocument>
