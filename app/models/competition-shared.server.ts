import type { DB } from '#db/connection'
import type { MessageKey } from '~/i18n/messages'
import { getEnv } from '~/utils/env.server'
import { DomainError } from './errors.server'

// The yearly good-examples competition (issue 5): a platform administrator opens a year with
// categories, anyone logged in nominates published references, a jury declares conflicts and
// scores, and the administrator records and publishes the results. The database enforces every
// rule (migration 2026-11-26-04); the checks here only give friendlier messages first.
//
// This module holds what several competition modules share: the input error, the actor, the
// year guard and the lookups of a year's categories and nominations. The rest lives in
// competitions-admin, competitions-admin-view, competition-nominations, competition-jury and
// competition-public (*.server.ts).

export const MAX_CATEGORIES = 20

/**
 * A problem with what was entered that is not one of the database's rule codes (a close date in
 * the past, an e-mail address nobody has): the route shows it next to `field`, or above the form.
 */
export class CompetitionInputError extends Error {
  readonly messageKey: MessageKey
  readonly field: string | null
  constructor(messageKey: MessageKey, field: string | null = null) {
    super(messageKey)
    this.name = 'CompetitionInputError'
    this.messageKey = messageKey
    this.field = field
  }
}

/** What a form shows for a refused action: a field's message, or one above the form. */
export function inputProblem(
  error: unknown,
): { field: string | null; messageKey: MessageKey } | null {
  if (error instanceof CompetitionInputError) {
    return { field: error.field, messageKey: error.messageKey }
  }
  if (error instanceof DomainError && error.code !== 'not_found') {
    return { field: null, messageKey: error.messageKey }
  }
  return null
}

export interface Actor {
  userId: number
  ip?: string | null
}

export function link(path: string): string {
  return `${getEnv().APP_ORIGIN}${path}`
}

/** Administrators only; the database checks the same on every administrative write. */
export async function assertAdmin(db: DB, userId: number): Promise<void> {
  const admin = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('is_platform_admin', '=', 1)
    .executeTakeFirst()
  if (!admin) throw new DomainError('admin_only')
}

export async function competitionByYear(db: DB, year: number) {
  const competition = await db
    .selectFrom('competitions')
    .selectAll()
    .where('year', '=', year)
    .executeTakeFirst()
  if (!competition) throw new DomainError('not_found')
  return competition
}

export async function categoryOf(db: DB, year: number, categoryId: number) {
  const category = await db
    .selectFrom('competition_categories as c')
    .innerJoin('competitions as k', 'k.id', 'c.competition_id')
    .selectAll('c')
    .select(['k.status', 'k.nominations_close_at', 'k.year'])
    .where('c.id', '=', categoryId)
    .where('k.year', '=', year)
    .executeTakeFirst()
  if (!category) throw new DomainError('not_found')
  return category
}

export async function nominationOf(db: DB, year: number, nominationId: number) {
  const nomination = await db
    .selectFrom('competition_nominations as n')
    .innerJoin('competition_categories as c', 'c.id', 'n.category_id')
    .innerJoin('competitions as k', 'k.id', 'c.competition_id')
    .select([
      'n.id',
      'n.category_id',
      'n.reference_id',
      'n.nominated_by',
      'k.id as competition_id',
      'k.status',
    ])
    .where('n.id', '=', nominationId)
    .where('k.year', '=', year)
    .executeTakeFirst()
  if (!nomination) throw new DomainError('not_found')
  return nomination
}

/** Everyone who can act for either party to a reference, in their own language. */
export async function partyMembers(db: DB, referenceId: number) {
  return db
    .selectFrom('reference_cases as r')
    .innerJoin('memberships as m', (join) =>
      join.on((eb) =>
        eb.or([
          eb('m.organisation_id', '=', eb.ref('r.public_body_id')),
          eb('m.organisation_id', '=', eb.ref('r.company_id')),
        ]),
      ),
    )
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.email', 'u.locale'])
    .distinct()
    .where('r.id', '=', referenceId)
    .orderBy('u.id')
    .execute()
}

export async function assertJuror(db: DB, competitionId: number, userId: number): Promise<void> {
  const juror = await db
    .selectFrom('competition_jurors')
    .select('user_id')
    .where('competition_id', '=', competitionId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (!juror) throw new DomainError('not_found')
}

export async function categoriesOf(db: DB, competitionId: number) {
  return db
    .selectFrom('competition_categories')
    .select(['id', 'position', 'name_sv', 'name_en', 'description_sv', 'description_en'])
    .where('competition_id', '=', competitionId)
    .orderBy('position')
    .execute()
}

/** Nominations with what a list shows of their reference, in category order. */
export async function nominationsOf(db: DB, competitionId: number) {
  return db
    .selectFrom('competition_nominations as n')
    .innerJoin('competition_categories as c', 'c.id', 'n.category_id')
    .innerJoin('reference_cases as r', 'r.id', 'n.reference_id')
    .innerJoin('organisations as pb', 'pb.id', 'r.public_body_id')
    .innerJoin('organisations as co', 'co.id', 'r.company_id')
    .innerJoin('users as u', 'u.id', 'n.nominated_by')
    .select([
      'n.id',
      'n.category_id',
      'n.reference_id',
      'n.motivation',
      'n.nominated_at',
      'n.nominated_by',
      'u.name as nominated_by_name',
      'r.title_sv',
      'r.title_en',
      'r.status as reference_status',
      'pb.name as public_body_name',
      'co.name as company_name',
    ])
    .where('c.competition_id', '=', competitionId)
    .orderBy('c.position')
    .orderBy('n.nominated_at')
    .orderBy('n.id')
    .execute()
}
