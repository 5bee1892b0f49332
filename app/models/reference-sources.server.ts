import { sql } from 'kysely'
import type { DB } from '#db/connection'
import type { ReferenceResult } from '#db/schema'
import type { ReferenceSource } from '~/utils/reference-schema'
import { DomainError } from './errors.server'
import { memberFlag } from './memberships.server'
import type { ReferenceSide } from './reference-cases.server'

// Reference cases (issue 5): what a case can be written from, and the draft's prefill.

// ---------------------------------------------------------------------------------------------
// Sources: completed pilots with a report, and won awards, that have no case yet.

export interface ReferenceSourceItem {
  kind: 'pilot' | 'call'
  pilotId: number | null
  callId: number | null
  companyId: number
  title: string
  counterpartName: string
  /** When the pilot was completed, or the award decided. */
  at: number | null
}

/**
 * What the organisation could write a reference from: for a public body its completed pilots as
 * host and its awarded calls' winners; for a company its completed pilots and its won awards.
 * Only for a member of the organisation (else nothing).
 */
export async function listSources(
  db: DB,
  input: { organisationId: number; userId: number },
): Promise<ReferenceSourceItem[]> {
  // Only a member of the organisation sees what it could write about.
  const isMember = sql<boolean>`EXISTS (SELECT 1 FROM memberships
    WHERE organisation_id = ${input.organisationId} AND user_id = ${input.userId})`
  const pilots = await db
    .selectFrom('pilots as p')
    .innerJoin('pilot_reports as rep', 'rep.pilot_id', 'p.id')
    .innerJoin('test_bed_offers as o', 'o.id', 'p.offer_id')
    .innerJoin('organisations as h', 'h.id', 'p.host_id')
    .innerJoin('organisations as c', 'c.id', 'p.company_id')
    .leftJoin('reference_cases as r', 'r.pilot_id', 'p.id')
    .select([
      'p.id',
      'p.host_id',
      'p.company_id',
      'p.completed_at',
      'o.title',
      'h.name as host_name',
      'c.name as company_name',
    ])
    .where('p.status', '=', 'completed')
    .where('r.id', 'is', null)
    .where((eb) =>
      eb.or([
        eb('p.host_id', '=', input.organisationId),
        eb('p.company_id', '=', input.organisationId),
      ]),
    )
    .where(isMember)
    .orderBy('p.completed_at', 'desc')
    .orderBy('p.id', 'desc')
    .execute()
  const awards = await db
    .selectFrom('call_awards as a')
    .innerJoin('calls as ca', 'ca.id', 'a.call_id')
    .innerJoin('bids as b', 'b.id', 'a.bid_id')
    .innerJoin('organisations as buyer', 'buyer.id', 'ca.organisation_id')
    .innerJoin('organisations as c', 'c.id', 'b.company_id')
    .leftJoin('reference_cases as r', (join) =>
      join.onRef('r.call_id', '=', 'ca.id').onRef('r.company_id', '=', 'b.company_id'),
    )
    .select([
      'ca.id as call_id',
      'ca.organisation_id',
      'b.company_id',
      'ca.title',
      'ca.decided_at',
      'buyer.name as buyer_name',
      'c.name as company_name',
    ])
    .where('ca.status', '=', 'awarded')
    .where('r.id', 'is', null)
    .where((eb) =>
      eb.or([
        eb('ca.organisation_id', '=', input.organisationId),
        eb('b.company_id', '=', input.organisationId),
      ]),
    )
    .where(isMember)
    .orderBy('ca.decided_at', 'desc')
    .orderBy('ca.id', 'desc')
    .execute()
  return [
    ...pilots.map((p): ReferenceSourceItem => ({
      kind: 'pilot',
      pilotId: p.id,
      callId: null,
      companyId: p.company_id,
      title: p.title,
      counterpartName: p.host_id === input.organisationId ? p.company_name : p.host_name,
      at: p.completed_at,
    })),
    ...awards.map((a): ReferenceSourceItem => ({
      kind: 'call',
      pilotId: null,
      callId: a.call_id,
      companyId: a.company_id,
      title: a.title,
      counterpartName: a.organisation_id === input.organisationId ? a.company_name : a.buyer_name,
      at: a.decided_at,
    })),
  ]
}

/** What a draft starts from, shaped like the stored text (empty where the source says nothing). */
export interface ReferencePrefill {
  title_sv: string
  summary_sv: string
  challenge_sv: string
  solution_sv: string
  deployment_sv: string
  participants_sv: string
  quote_sv: string
  quote_by_role: string
  title_en: null
  summary_en: null
  challenge_en: null
  solution_en: null
  deployment_en: null
  participants_en: null
  quote_en: null
  place: string
  started_on: number | null
  ended_on: number | null
  results: ReferenceResult[]
  would_use_again: null
  takes_reference_calls: boolean
  contact_role: string
}

function emptyPrefill(): ReferencePrefill {
  return {
    title_sv: '',
    summary_sv: '',
    challenge_sv: '',
    solution_sv: '',
    deployment_sv: '',
    participants_sv: '',
    quote_sv: '',
    quote_by_role: '',
    title_en: null,
    summary_en: null,
    challenge_en: null,
    solution_en: null,
    deployment_en: null,
    participants_en: null,
    quote_en: null,
    place: '',
    started_on: null,
    ended_on: null,
    results: [],
    would_use_again: null,
    takes_reference_calls: false,
    contact_role: '',
  }
}

const clip = (value: string, max: number) => (value.length > max ? value.slice(0, max) : value)

export interface DraftSource {
  source:
    | { kind: 'pilot'; pilotId: number; offerId: number; title: string }
    | { kind: 'call'; callId: number; title: string }
  publicBody: { id: number; name: string; slug: string }
  company: { id: number; name: string; slug: string }
  side: ReferenceSide
  /** The case already written from this source, if any (one per source). */
  existingId: number | null
  prefill: ReferencePrefill
}

/**
 * The source of a new draft, for one of its parties: a completed pilot with its test report, or
 * an award the company won. Anything else, or anyone else, gets 'not_found'.
 */
export async function getSourceForDraft(
  db: DB,
  source: ReferenceSource,
  userId: number,
): Promise<DraftSource> {
  return 'pilotId' in source
    ? pilotSource(db, source.pilotId, userId)
    : callSource(db, source.callId, source.companyId, userId)
}

async function pilotSource(db: DB, pilotId: number, userId: number): Promise<DraftSource> {
  const row = await db
    .selectFrom('pilots as p')
    .innerJoin('pilot_reports as rep', 'rep.pilot_id', 'p.id')
    .innerJoin('pilot_applications as app', 'app.id', 'p.application_id')
    .innerJoin('test_bed_offers as o', 'o.id', 'p.offer_id')
    .innerJoin('organisations as h', 'h.id', 'p.host_id')
    .innerJoin('organisations as c', 'c.id', 'p.company_id')
    .innerJoin('counties as county', 'county.code', 'o.county_code')
    .leftJoin('municipalities as m', 'm.code', 'o.municipality_code')
    .leftJoin('reference_cases as r', 'r.pilot_id', 'p.id')
    .select([
      'p.id',
      'p.starts_on',
      'p.ends_on',
      'p.completed_at',
      'o.id as offer_id',
      'o.title',
      'o.summary',
      'o.places',
      'app.product_name',
      'app.product_description',
      'rep.what_tested',
      'rep.with_whom',
      'rep.results',
      'h.id as host_id',
      'h.name as host_name',
      'h.slug as host_slug',
      'c.id as company_id',
      'c.name as company_name',
      'c.slug as company_slug',
      'county.name as county_name',
      'm.name as municipality_name',
      'r.id as reference_id',
      memberFlag('p.host_id', userId).as('is_host'),
      memberFlag('p.company_id', userId).as('is_company'),
    ])
    .where('p.id', '=', pilotId)
    .where('p.status', '=', 'completed')
    .executeTakeFirst()
  if (!row || (!row.is_host && !row.is_company)) throw new DomainError('not_found')
  const solution = [row.product_name, row.product_description].filter(Boolean).join('\n\n')
  return {
    source: { kind: 'pilot', pilotId: row.id, offerId: row.offer_id, title: row.title },
    publicBody: { id: row.host_id, name: row.host_name, slug: row.host_slug },
    company: { id: row.company_id, name: row.company_name, slug: row.company_slug },
    side: row.is_host ? 'public_body' : 'company',
    existingId: row.reference_id,
    prefill: {
      ...emptyPrefill(),
      title_sv: clip(row.title, 200),
      summary_sv: clip(row.results, 600),
      challenge_sv: row.summary,
      solution_sv: clip(solution, 8000),
      deployment_sv: clip(row.what_tested, 8000),
      participants_sv: clip(row.with_whom, 4000),
      place: clip(
        row.places.trim() ||
          (row.municipality_name
            ? `${row.municipality_name}, ${row.county_name}`
            : row.county_name),
        300,
      ),
      started_on: row.starts_on,
      // A pilot completed early (its report filed) ended then.
      ended_on:
        row.completed_at !== null && row.completed_at < row.ends_on
          ? Math.max(row.completed_at, row.starts_on)
          : row.ends_on,
    },
  }
}

async function callSource(
  db: DB,
  callId: number,
  companyId: number,
  userId: number,
): Promise<DraftSource> {
  const row = await db
    .selectFrom('calls as ca')
    .innerJoin('call_awards as a', 'a.call_id', 'ca.id')
    .innerJoin('bids as b', 'b.id', 'a.bid_id')
    .innerJoin('organisations as buyer', 'buyer.id', 'ca.organisation_id')
    .innerJoin('organisations as c', 'c.id', 'b.company_id')
    .innerJoin('counties as county', 'county.code', 'ca.county_code')
    .leftJoin('municipalities as m', 'm.code', 'ca.municipality_code')
    .leftJoin('reference_cases as r', (join) =>
      join.onRef('r.call_id', '=', 'ca.id').onRef('r.company_id', '=', 'b.company_id'),
    )
    .select([
      'ca.id',
      'ca.title',
      'ca.summary',
      'ca.need',
      'ca.decided_at',
      'ca.contract_signed_at',
      'buyer.id as buyer_id',
      'buyer.name as buyer_name',
      'buyer.slug as buyer_slug',
      'c.id as company_id',
      'c.name as company_name',
      'c.slug as company_slug',
      'county.name as county_name',
      'm.name as municipality_name',
      'r.id as reference_id',
      memberFlag('ca.organisation_id', userId).as('is_buyer'),
      memberFlag('b.company_id', userId).as('is_company'),
    ])
    .where('ca.id', '=', callId)
    .where('ca.status', '=', 'awarded')
    .where('b.company_id', '=', companyId)
    .executeTakeFirst()
  if (!row || (!row.is_buyer && !row.is_company)) throw new DomainError('not_found')
  return {
    source: { kind: 'call', callId: row.id, title: row.title },
    publicBody: { id: row.buyer_id, name: row.buyer_name, slug: row.buyer_slug },
    company: { id: row.company_id, name: row.company_name, slug: row.company_slug },
    side: row.is_buyer ? 'public_body' : 'company',
    existingId: row.reference_id,
    prefill: {
      ...emptyPrefill(),
      title_sv: clip(row.title, 200),
      summary_sv: clip(row.summary, 600),
      challenge_sv: clip(row.need, 8000),
      participants_sv: clip(`${row.buyer_name}, ${row.company_name}`, 4000),
      place: clip(
        row.municipality_name ? `${row.municipality_name}, ${row.county_name}` : row.county_name,
        300,
      ),
      started_on: row.contract_signed_at ?? row.decided_at,
    },
  }
}
