import { type Expression, type SqlBool, sql } from 'kysely'
import type { DB } from '#db/connection'
import type {
  IntermediaryType,
  MemberRole,
  OrganisationKind,
  PublicBodyType,
  SizeClass,
  VerificationStatus,
} from '#db/schema'
import { VERIFIED_KINDS } from '~/domain/vocabularies'
import type { Locale } from '~/i18n/locales'
import { now } from '~/utils/clock.server'
import { audit } from './audit.server'
import { escapeLike, paged, outerLoop } from './catalogue-query.server'
import { DomainError, withRules } from './errors.server'
import { uniqueSlug } from './organisation-slugs.server'
import { isMunicipalityInCounty } from './reference.server'

/** Statuses anyone may see: companies, and public bodies once a platform administrator verified them. */
export const PUBLICLY_VISIBLE: VerificationStatus[] = ['verified', 'not_required']

/** Public figures for the home page: only verified public bodies count as public bodies. */
export async function getMarketplaceStats(db: DB) {
  // One row per county, kept by triggers on organisations (migration 2026-12-07-28, decision 045).
  const row = await db
    .selectFrom('marketplace_counts')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>('public_bodies'), eb.lit(0)).as('publicBodies'),
      eb.fn.coalesce(eb.fn.sum<number>('companies'), eb.lit(0)).as('companies'),
      eb.fn.countAll<number>().filterWhere('visible', '>', 0).as('counties'),
    ])
    .executeTakeFirstOrThrow()
  return {
    publicBodies: Number(row.publicBodies),
    companies: Number(row.companies),
    counties: Number(row.counties),
  }
}

/** What an organisation's card shows (with its county's name): one list for every card query. */
export const ORGANISATION_CARD_COLUMNS = [
  'organisations.slug',
  'organisations.name',
  'organisations.kind',
  'organisations.public_body_type',
  'organisations.intermediary_type',
  'organisations.size_class',
] as const

/** The newest organisations anyone can see (companies, and public bodies once verified). */
export async function listRecentOrganisations(db: DB, limit = 6) {
  return (
    db
      .selectFrom('organisations')
      .innerJoin('counties', (join) =>
        join.on('counties.code', '=', outerLoop('organisations.county_code')),
      )
      .select([...ORGANISATION_CARD_COLUMNS, 'counties.name as county_name'])
      // Literal, not bound: the partial index organisations_visible_newest names these statuses.
      .where(sql<SqlBool>`organisations.verification_status IN ('verified', 'not_required')`)
      .orderBy('organisations.created_at', 'desc')
      .orderBy('organisations.id', 'desc')
      .limit(limit)
      .execute()
  )
}

// ---------------------------------------------------------------------------------------------
// Registration and changes

interface CommonDetails {
  name: string
  county_code: string
  municipality_code: string
  website?: string | undefined
  description?: string | undefined
}
export type OrganisationDetails = CommonDetails &
  (
    | { kind: 'company'; size_class: SizeClass; sectors: string[] }
    | { kind: 'public_body'; public_body_type: PublicBodyType }
    | { kind: 'intermediary'; intermediary_type: IntermediaryType }
  )
export type RegistrationInput = OrganisationDetails & { org_number: string }

function detailColumns(input: OrganisationDetails) {
  return {
    name: input.name.trim(),
    county_code: input.county_code,
    municipality_code: input.municipality_code,
    website: input.website?.trim() ? input.website.trim() : null,
    description: input.description?.trim() ?? '',
    public_body_type: input.kind === 'public_body' ? input.public_body_type : null,
    intermediary_type: input.kind === 'intermediary' ? input.intermediary_type : null,
    size_class: input.kind === 'company' ? input.size_class : null,
  }
}

async function replaceSectors(db: DB, organisationId: number, sectors: string[]) {
  await db
    .deleteFrom('organisation_sectors')
    .where('organisation_id', '=', organisationId)
    .execute()
  const unique = [...new Set(sectors)]
  if (unique.length === 0) return
  await db
    .insertInto('organisation_sectors')
    .values(unique.map((sector_code) => ({ organisation_id: organisationId, sector_code })))
    .execute()
}

async function sectorCodes(db: DB, organisationId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('organisation_sectors')
    .select('sector_code')
    .where('organisation_id', '=', organisationId)
    .orderBy('sector_code')
    .execute()
  return rows.map((r) => r.sector_code)
}

/** Kinds that wait for a platform administrator's verification (decision 026). */
export function needsVerification(kind: OrganisationKind): boolean {
  return (VERIFIED_KINDS as readonly OrganisationKind[]).includes(kind)
}

/**
 * Registers an organisation with the user as its administrator. Companies are listed at once;
 * public bodies and intermediaries wait for a platform administrator's verification. Throws DomainError
 * 'org_number_taken' or 'municipality_not_in_county'.
 */
export async function registerOrganisation(
  db: DB,
  userId: number,
  input: RegistrationInput,
  ip: string | null = null,
): Promise<{ id: number; slug: string }> {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      if (!(await isMunicipalityInCounty(tx, input.municipality_code, input.county_code))) {
        throw new DomainError('municipality_not_in_county')
      }
      const taken = await tx
        .selectFrom('organisations')
        .select('id')
        .where('org_number', '=', input.org_number)
        .executeTakeFirst()
      if (taken) throw new DomainError('org_number_taken')
      const at = now()
      const values = {
        slug: await uniqueSlug(tx, input.name),
        kind: input.kind,
        org_number: input.org_number,
        ...detailColumns(input),
        verification_status: (needsVerification(input.kind)
          ? 'pending'
          : 'not_required') as VerificationStatus,
        verification_note: null,
        verified_at: null,
        verified_by: null,
        created_at: at,
        updated_at: at,
      }
      const org = await tx
        .insertInto('organisations')
        .values(values)
        .returning(['id', 'slug'])
        .executeTakeFirstOrThrow()
      const sectors = input.kind === 'company' ? [...new Set(input.sectors)].sort() : []
      await replaceSectors(tx, org.id, sectors)
      await tx
        .insertInto('memberships')
        .values({ organisation_id: org.id, user_id: userId, role: 'admin', created_at: at })
        .execute()
      await audit(tx, {
        actorUserId: userId,
        organisationId: org.id,
        action: 'organisation.register',
        entityType: 'organisation',
        entityId: org.id,
        after: { ...values, sectors },
        ip,
      })
      return org
    }),
  )
}

/**
 * Changes an organisation's details; only its administrators may (anyone else gets 'not_found').
 * Kind and organisation number stay as they are. A rejected public body may ask for a new review,
 * which puts it back in the verification queue.
 */
export async function updateOrganisation(
  db: DB,
  options: {
    organisationId: number
    userId: number
    input: OrganisationDetails
    requestReview?: boolean
    ip?: string | null
  },
): Promise<{ slug: string; verification_status: VerificationStatus }> {
  const { organisationId, userId, input } = options
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const org = await tx
        .selectFrom('organisations')
        .innerJoin('memberships', 'memberships.organisation_id', 'organisations.id')
        .selectAll('organisations')
        .where('organisations.id', '=', organisationId)
        .where('memberships.user_id', '=', userId)
        .where('memberships.role', '=', 'admin')
        .executeTakeFirst()
      if (!org) throw new DomainError('not_found')
      if (org.kind !== input.kind) throw new DomainError('organisation_identity_fixed')
      if (!(await isMunicipalityInCounty(tx, input.municipality_code, input.county_code))) {
        throw new DomainError('municipality_not_in_county')
      }
      const beforeSectors = await sectorCodes(tx, org.id)
      const changes = detailColumns(input)
      const reviewRequested =
        options.requestReview === true && org.verification_status === 'rejected'
      // A verified public body or intermediary that takes a new name is checked again (the
      // database insists).
      const renamed =
        needsVerification(org.kind) &&
        org.verification_status === 'verified' &&
        changes.name !== org.name
      const status: VerificationStatus =
        reviewRequested || renamed ? 'pending' : org.verification_status
      await tx
        .updateTable('organisations')
        .set({ ...changes, verification_status: status, updated_at: now() })
        .where('id', '=', org.id)
        .execute()
      const afterSectors = input.kind === 'company' ? [...new Set(input.sectors)].sort() : []
      if (input.kind === 'company') await replaceSectors(tx, org.id, afterSectors)
      const pick = (o: Record<string, unknown>) => ({
        name: o.name,
        county_code: o.county_code,
        municipality_code: o.municipality_code,
        website: o.website,
        description: o.description,
        public_body_type: o.public_body_type,
        intermediary_type: o.intermediary_type,
        size_class: o.size_class,
        verification_status: o.verification_status,
      })
      await audit(tx, {
        actorUserId: userId,
        organisationId: org.id,
        action: reviewRequested
          ? 'organisation.review_requested'
          : renamed
            ? 'organisation.renamed'
            : 'organisation.update',
        entityType: 'organisation',
        entityId: org.id,
        before: { ...pick(org), sectors: beforeSectors },
        after: { ...pick({ ...changes, verification_status: status }), sectors: afterSectors },
        ip: options.ip ?? null,
      })
      return { slug: org.slug, verification_status: status }
    }),
  )
}

// ---------------------------------------------------------------------------------------------
// Reading

export interface Viewer {
  id: number
  isPlatformAdmin: boolean
}

/**
 * An organisation's public profile. Companies and verified public bodies are public; a public
 * body awaiting or refused verification is shown only to its members and platform
 * administrators (null for everyone else, so the page answers 404).
 */
export async function getOrganisationProfile(
  db: DB,
  slug: string,
  viewer: Viewer | null,
  locale: Locale,
) {
  const org = await db
    .selectFrom('organisations')
    .innerJoin('counties', (join) =>
      join.on('counties.code', '=', outerLoop('organisations.county_code')),
    )
    .leftJoin('municipalities', 'municipalities.code', 'organisations.municipality_code')
    .leftJoin('memberships as mine', (join) =>
      join
        .onRef('mine.organisation_id', '=', 'organisations.id')
        .on('mine.user_id', '=', viewer?.id ?? -1),
    )
    .select((eb) => [
      'organisations.id',
      ...ORGANISATION_CARD_COLUMNS,
      'organisations.org_number',
      'organisations.website',
      'organisations.description',
      'organisations.verification_status',
      'organisations.verification_note',
      'organisations.created_at',
      'counties.name as county_name',
      'municipalities.name as municipality_name',
      'mine.role as viewer_role',
      eb
        .selectFrom('memberships')
        .select((m) => m.fn.countAll<number>().as('n'))
        .whereRef('memberships.organisation_id', '=', 'organisations.id')
        .as('member_count'),
    ])
    .where('organisations.slug', '=', slug)
    .where((eb) => {
      const visible: Expression<SqlBool>[] = [
        eb('organisations.verification_status', 'in', PUBLICLY_VISIBLE),
        eb('mine.role', 'is not', null),
      ]
      if (viewer?.isPlatformAdmin) visible.push(sql<SqlBool>`1`)
      return eb.or(visible)
    })
    .executeTakeFirst()
  if (!org) return null
  const sectors = await db
    .selectFrom('organisation_sectors')
    .innerJoin('sectors', 'sectors.code', 'organisation_sectors.sector_code')
    .select(['sectors.code', 'sectors.name_sv', 'sectors.name_en'])
    .where('organisation_sectors.organisation_id', '=', org.id)
    .orderBy('sectors.code')
    .execute()
  const insider = org.viewer_role !== null || viewer?.isPlatformAdmin === true
  return {
    ...org,
    // Why a verification was refused is for the organisation and the platform, not the public.
    verification_note: insider ? org.verification_note : null,
    member_count: Number(org.member_count ?? 0),
    viewer_role: (org.viewer_role ?? null) as MemberRole | null,
    sectors: sectors.map((s) => ({ code: s.code, name: locale === 'en' ? s.name_en : s.name_sv })),
  }
}

export const DIRECTORY_PAGE_SIZE = 20

export interface DirectoryFilters {
  kind?: OrganisationKind | undefined
  county?: string | undefined
  q?: string | undefined
  page?: number | undefined
}

/** The directory's rows before order and paging: who is public, and the filters (also the CSV). */
export function directoryQuery(db: DB, filters: DirectoryFilters) {
  let query = db
    .selectFrom('organisations')
    .innerJoin('counties', (join) =>
      join.on('counties.code', '=', outerLoop('organisations.county_code')),
    )
    .leftJoin('municipalities', 'municipalities.code', 'organisations.municipality_code')
    .where('organisations.verification_status', 'in', PUBLICLY_VISIBLE)
  if (filters.kind) query = query.where('organisations.kind', '=', filters.kind)
  if (filters.county) query = query.where('organisations.county_code', '=', filters.county)
  const q = filters.q?.trim()
  if (q)
    query = query.where(sql<SqlBool>`organisations.name like ${`%${escapeLike(q)}%`} escape '\\'`)
  return query
}

/** The public directory: companies and verified public bodies, by name, 20 a page. */
export async function listDirectory(db: DB, filters: DirectoryFilters) {
  const query = directoryQuery(db, filters)
  const { total, capped, page, pages, limit, offset } = await paged(
    db,
    query,
    filters.page,
    DIRECTORY_PAGE_SIZE,
  )
  const items = await query
    .select([
      ...ORGANISATION_CARD_COLUMNS,
      'organisations.verification_status',
      'counties.name as county_name',
      'municipalities.name as municipality_name',
    ])
    .orderBy('organisations.name')
    .orderBy('organisations.id')
    .limit(limit)
    .offset(offset)
    .execute()
  return { items, total, capped, page, pages }
}

/**
 * The organisation behind a slug as one of its members sees it, with the member's role;
 * undefined for anyone who is not a member (the pages answer 404).
 */
export async function getOrganisationForMember(db: DB, slug: string, userId: number) {
  const org = await db
    .selectFrom('organisations')
    .innerJoin('memberships', 'memberships.organisation_id', 'organisations.id')
    .select([
      'organisations.id',
      ...ORGANISATION_CARD_COLUMNS,
      'organisations.org_number',
      'organisations.county_code',
      'organisations.municipality_code',
      'organisations.website',
      'organisations.description',
      'organisations.verification_status',
      'organisations.verification_note',
      'memberships.role',
    ])
    .where('organisations.slug', '=', slug)
    .where('memberships.user_id', '=', userId)
    .executeTakeFirst()
  if (!org) return undefined
  return { ...org, sectors: await sectorCodes(db, org.id) }
}

/** The organisations a user belongs to, with their role, by name. */
export async function listMyOrganisations(db: DB, userId: number) {
  return db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .innerJoin('counties', (join) =>
      join.on('counties.code', '=', outerLoop('organisations.county_code')),
    )
    .select([
      'organisations.id',
      ...ORGANISATION_CARD_COLUMNS,
      'organisations.verification_status',
      'counties.name as county_name',
      'memberships.role',
    ])
    .where('memberships.user_id', '=', userId)
    .orderBy('organisations.name')
    .execute()
}
