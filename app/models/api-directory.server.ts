import { outerLoop } from './catalogue-query.server'
import { sql, type SqlBool } from 'kysely'
import type { DB } from '#db/connection'
import type { InitiativeKind, InitiativeStatus, OrganisationKind } from '#db/schema'
import type { Cursor } from '~/utils/api.server'
import { afterCursor, apiUrl, dateOf, instantOrNull, pageUrl } from './api-shared.server'
import { getAgendaPage } from './agenda-reads.server'
import { DomainError } from './errors.server'
import { ownersOf } from './initiative-reads.server'
import { parseResults } from './reference-cases.server'

// References, organisations, initiatives and regional agendas in the read API (issue 17 part 5,
// decision record 041), with the visibility of their pages: published reference cases only,
// organisations anyone may see (PUBLICLY_VISIBLE; never members or people's e-mails), every
// initiative (the register is public, decision record 027), published agendas with their
// published goals only.

interface Page {
  limit: number
  cursor: Cursor | null
  since: number | null
}

const orgLink = (name: string, slug: string) => ({
  name,
  slug,
  url: pageUrl(`/organisations/${slug}`),
  apiUrl: apiUrl(`/organisations/${slug}`),
})

// ── References ──────────────────────────────────────────────────────────────────────────────────

function referenceQuery(db: DB) {
  return (
    db
      .selectFrom('reference_cases as r')
      .innerJoin('organisations as pb', 'pb.id', 'r.public_body_id')
      .innerJoin('organisations as co', 'co.id', 'r.company_id')
      .leftJoin('pilots as p', 'p.id', 'r.pilot_id')
      .select([
        'r.id',
        'r.title_sv',
        'r.title_en',
        'r.summary_sv',
        'r.summary_en',
        'r.started_on',
        'r.ended_on',
        'r.first_published_at',
        'r.published_at',
        'r.call_id',
        'p.offer_id',
        'pb.name as public_body_name',
        'pb.slug as public_body_slug',
        'co.name as company_name',
        'co.slug as company_slug',
        'co.size_class as company_size_class',
      ])
      // Literal, not bound: the partial index reference_cases_first_published names it.
      .where(sql<SqlBool>`r.status = 'published'`)
  )
}
type ReferenceRow = Awaited<ReturnType<ReturnType<typeof referenceQuery>['execute']>>[number]

function referenceSummary(r: ReferenceRow) {
  return {
    id: r.id,
    url: pageUrl(`/references/${r.id}`),
    apiUrl: apiUrl(`/references/${r.id}`),
    title: { sv: r.title_sv, en: r.title_en },
    summary: { sv: r.summary_sv, en: r.summary_en },
    publicBody: orgLink(r.public_body_name, r.public_body_slug),
    company: { ...orgLink(r.company_name, r.company_slug), sizeClass: r.company_size_class },
    source:
      r.call_id !== null
        ? { type: 'call' as const, apiUrl: apiUrl(`/calls/${r.call_id}`) }
        : { type: 'pilot' as const, apiUrl: apiUrl(`/test-beds/${r.offer_id ?? 0}`) },
    startedOn: dateOf(r.started_on),
    endedOn: dateOf(r.ended_on),
    publishedAt: instantOrNull(r.first_published_at),
    updatedAt: instantOrNull(r.published_at),
  }
}

export async function listApiReferences(db: DB, page: Page) {
  let query = referenceQuery(db)
    .where('r.first_published_at', 'is not', null)
    .where(afterCursor(page.cursor, 'r.first_published_at', 'r.id'))
  if (page.since !== null) query = query.where('r.first_published_at', '>=', page.since)
  const rows = await query
    .orderBy('r.first_published_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(page.limit + 1)
    .execute()
  return rows.map((r) => ({
    ...referenceSummary(r),
    cursor: { at: r.first_published_at ?? 0, id: r.id } satisfies Cursor,
  }))
}

export async function getApiReference(db: DB, id: number) {
  const row = await referenceQuery(db)
    .select([
      'r.challenge_sv',
      'r.challenge_en',
      'r.solution_sv',
      'r.solution_en',
      'r.deployment_sv',
      'r.deployment_en',
      'r.participants_sv',
      'r.participants_en',
      'r.quote_sv',
      'r.quote_en',
      'r.quote_by_role',
      'r.place',
      'r.results_json',
      'r.would_use_again',
    ])
    .where('r.id', '=', id)
    .executeTakeFirst()
  if (!row) return null
  const text = (sv: string, en: string | null) => ({ sv, en })
  return {
    ...referenceSummary(row),
    challenge: text(row.challenge_sv, row.challenge_en),
    solution: text(row.solution_sv, row.solution_en),
    deployment: text(row.deployment_sv, row.deployment_en),
    participants: text(row.participants_sv, row.participants_en),
    quote: row.quote_sv ? { ...text(row.quote_sv, row.quote_en), byRole: row.quote_by_role } : null,
    place: row.place,
    results: parseResults(row.results_json).map((r) => ({
      label: { sv: r.label_sv, en: r.label_en },
      value: r.value,
      unit: r.unit,
      baseline: r.baseline,
    })),
    wouldUseAgain: row.would_use_again === 1,
  }
}

// ── Organisations ───────────────────────────────────────────────────────────────────────────────

export interface OrganisationFilters {
  kind?: OrganisationKind | undefined
  county?: string | undefined
}

function organisationQuery(db: DB) {
  return (
    db
      .selectFrom('organisations as o')
      .innerJoin('counties', (join) => join.on('counties.code', '=', outerLoop('o.county_code')))
      .leftJoin('municipalities', 'municipalities.code', 'o.municipality_code')
      .select([
        'o.id',
        'o.slug',
        'o.name',
        'o.kind',
        'o.public_body_type',
        'o.intermediary_type',
        'o.size_class',
        'o.org_number',
        'o.website',
        'o.description',
        'o.county_code',
        'o.municipality_code',
        'o.created_at',
        'counties.name as county_name',
        'municipalities.name as municipality_name',
      ])
      // Literal, not bound: the partial index organisations_visible_newest names these statuses.
      .where(sql<SqlBool>`o.verification_status IN ('verified', 'not_required')`)
  )
}
type OrganisationRow = Awaited<ReturnType<ReturnType<typeof organisationQuery>['execute']>>[number]

function organisationOf(o: OrganisationRow) {
  return {
    id: o.slug,
    url: pageUrl(`/organisations/${o.slug}`),
    apiUrl: apiUrl(`/organisations/${o.slug}`),
    name: o.name,
    kind: o.kind,
    publicBodyType: o.public_body_type,
    intermediaryType: o.intermediary_type,
    sizeClass: o.size_class,
    organisationNumber: o.org_number,
    website: o.website,
    description: o.description,
    county: { code: o.county_code, name: o.county_name },
    municipality:
      o.municipality_code && o.municipality_name
        ? { code: o.municipality_code, name: o.municipality_name }
        : null,
    registeredAt: instantOrNull(o.created_at),
  }
}

export async function listApiOrganisations(db: DB, filters: OrganisationFilters, page: Page) {
  let query = organisationQuery(db).where(afterCursor(page.cursor, 'o.created_at', 'o.id'))
  if (page.since !== null) query = query.where('o.created_at', '>=', page.since)
  if (filters.kind) query = query.where('o.kind', '=', filters.kind)
  if (filters.county) query = query.where('o.county_code', '=', filters.county)
  const rows = await query
    .orderBy('o.created_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(page.limit + 1)
    .execute()
  return rows.map((o) => ({
    ...organisationOf(o),
    cursor: { at: o.created_at, id: o.id } satisfies Cursor,
  }))
}

export async function getApiOrganisation(db: DB, slug: string) {
  const row = await organisationQuery(db).where('o.slug', '=', slug).executeTakeFirst()
  if (!row) return null
  const sectors = await db
    .selectFrom('organisation_sectors')
    .innerJoin('sectors', 'sectors.code', 'organisation_sectors.sector_code')
    .select(['sectors.code', 'sectors.name_sv', 'sectors.name_en'])
    .where('organisation_sectors.organisation_id', '=', row.id)
    .orderBy('sectors.code')
    .execute()
  return {
    ...organisationOf(row),
    sectors: sectors.map((s) => ({ code: s.code, nameSv: s.name_sv, nameEn: s.name_en })),
  }
}

// ── Initiatives ─────────────────────────────────────────────────────────────────────────────────

export interface InitiativeFilters {
  status?: InitiativeStatus | undefined
  kind?: InitiativeKind | undefined
}

function initiativeQuery(db: DB) {
  return db
    .selectFrom('initiatives as i')
    .select([
      'i.id',
      'i.kind',
      'i.title',
      'i.summary',
      'i.status',
      'i.starts_on',
      'i.ends_on',
      'i.created_at',
      'i.updated_at',
    ])
}
type InitiativeRow = Awaited<ReturnType<ReturnType<typeof initiativeQuery>['execute']>>[number]

function initiativeOf(i: InitiativeRow, owners: { slug: string; name: string }[]) {
  return {
    id: i.id,
    url: pageUrl(`/initiatives/${i.id}`),
    apiUrl: apiUrl(`/initiatives/${i.id}`),
    kind: i.kind,
    title: i.title,
    summary: i.summary,
    status: i.status,
    startsOn: i.starts_on,
    endsOn: i.ends_on,
    owners: owners.map((o) => orgLink(o.name, o.slug)),
    createdAt: instantOrNull(i.created_at),
    updatedAt: instantOrNull(i.updated_at),
  }
}

export async function listApiInitiatives(db: DB, filters: InitiativeFilters, page: Page) {
  let query = initiativeQuery(db).where(afterCursor(page.cursor, 'i.created_at', 'i.id'))
  if (page.since !== null) query = query.where('i.created_at', '>=', page.since)
  if (filters.status) query = query.where('i.status', '=', filters.status)
  if (filters.kind) query = query.where('i.kind', '=', filters.kind)
  const rows = await query
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(page.limit + 1)
    .execute()
  const owners = await ownersOf(
    db,
    rows.map((r) => r.id),
  )
  return rows.map((i) => ({
    ...initiativeOf(i, owners.get(i.id) ?? []),
    cursor: { at: i.created_at, id: i.id } satisfies Cursor,
  }))
}

export async function getApiInitiative(db: DB, id: number) {
  const row = await initiativeQuery(db)
    .select(['i.description', 'i.budget_band', 'i.contact_role', 'i.contact_email'])
    .where('i.id', '=', id)
    .executeTakeFirst()
  if (!row) return null
  const owners = await ownersOf(db, [row.id])
  return {
    ...initiativeOf(row, owners.get(row.id) ?? []),
    description: row.description,
    budgetBand: row.budget_band,
    // The initiative's functional address, shown on its page (never a person's own).
    contactPoint: { role: row.contact_role, email: row.contact_email },
  }
}

// ── Regional agendas ────────────────────────────────────────────────────────────────────────────

export async function listApiAgendas(db: DB, page: Page) {
  let query = db
    .selectFrom('agendas as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .select(['a.id', 'a.title', 'a.summary', 'a.starts_on', 'a.published_at', 'o.slug', 'o.name'])
    .where('a.status', '=', 'published')
    .where('a.published_at', 'is not', null)
    .where(afterCursor(page.cursor, 'a.published_at', 'a.id'))
  if (page.since !== null) query = query.where('a.published_at', '>=', page.since)
  const rows = await query
    .orderBy('a.published_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(page.limit + 1)
    .execute()
  return rows.map((a) => ({
    ...agendaHead(a),
    cursor: { at: a.published_at ?? 0, id: a.id } satisfies Cursor,
  }))
}

function agendaHead(a: {
  title: string
  summary: string
  starts_on: string
  published_at: number | null
  slug: string
  name: string
}) {
  return {
    id: a.slug,
    url: pageUrl(`/organisations/${a.slug}/agenda`),
    apiUrl: apiUrl(`/agendas/${a.slug}`),
    region: orgLink(a.name, a.slug),
    title: a.title,
    summary: a.summary,
    startsOn: a.starts_on,
    publishedAt: instantOrNull(a.published_at),
  }
}

/** A published agenda with its published goals and their indicators; null otherwise. */
export async function getApiAgenda(db: DB, slug: string) {
  let page
  try {
    page = await getAgendaPage(db, slug, null, 'en')
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found') return null
    throw error
  }
  if (page.agenda.status !== 'published') return null
  return {
    ...agendaHead({ ...page.agenda, slug: page.region.slug, name: page.region.name }),
    coOwners: page.coOwners.map((o) => orgLink(o.name, o.slug)),
    goals: page.goals.map((g) => ({
      title: g.title,
      description: g.description,
      indicators: g.indicators.map((i) => ({
        label: i.label,
        source: i.source_kind,
        metric: i.metric,
        unit: i.unit,
        target: { value: i.target_value, date: i.target_date },
        values:
          i.source_kind === 'live'
            ? i.quarters.map((q) => ({ period: q.quarter, value: q.value }))
            : i.measurements.map((m) => ({ period: m.measured_on, value: m.value })),
      })),
      initiatives: g.initiatives.map((x) => ({
        id: x.id,
        title: x.title,
        apiUrl: apiUrl(`/initiatives/${x.id}`),
      })),
    })),
  }
}
