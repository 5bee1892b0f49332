import type { DB } from '#db/connection'
import type { CompetitionPlacement, Locale } from '#db/schema'
import { getTranslator, type MessageKey } from '~/i18n/messages'
import { now } from '~/utils/clock.server'
import { getEnv } from '~/utils/env.server'
import { audit } from './audit.server'
import { DomainError, withRules } from './errors.server'
import { queueMail } from './outbox.server'

// The yearly good-examples competition (issue 5): a platform administrator opens a year with
// categories, anyone logged in nominates published references, a jury declares conflicts and
// scores, and the administrator records and publishes the results. The database enforces every
// rule (migration 2026-11-26-04); the checks here only give friendlier messages first.

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

interface Actor {
  userId: number
  ip?: string | null
}

function link(path: string): string {
  return `${getEnv().APP_ORIGIN}${path}`
}

/** Administrators only; the database checks the same on every administrative write. */
async function assertAdmin(db: DB, userId: number): Promise<void> {
  const admin = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('is_platform_admin', '=', 1)
    .executeTakeFirst()
  if (!admin) throw new DomainError('admin_only')
}

async function competitionByYear(db: DB, year: number) {
  const competition = await db
    .selectFrom('competitions')
    .selectAll()
    .where('year', '=', year)
    .executeTakeFirst()
  if (!competition) throw new DomainError('not_found')
  return competition
}

// --- Administration -------------------------------------------------------------------------

export interface CompetitionInput {
  introSv: string
  introEn: string
  nominationsCloseAt: number
}

/** A platform administrator opens a year's competition; nominations open at once. */
export async function createCompetition(
  db: DB,
  input: Actor & CompetitionInput & { year: number },
): Promise<number> {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      await assertAdmin(tx, input.userId)
      const at = now()
      if (input.nominationsCloseAt <= at) {
        throw new CompetitionInputError('competition.error.closeInPast', 'nominations_close')
      }
      const taken = await tx
        .selectFrom('competitions')
        .select('id')
        .where('year', '=', input.year)
        .executeTakeFirst()
      if (taken) throw new DomainError('competition_exists')
      const row = await tx
        .insertInto('competitions')
        .values({
          year: input.year,
          intro_sv: input.introSv.trim(),
          intro_en: input.introEn.trim(),
          nominations_close_at: input.nominationsCloseAt,
          created_by: input.userId,
          created_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await audit(tx, {
        actorUserId: input.userId,
        action: 'competition.created',
        entityType: 'competition',
        entityId: row.id,
        after: { year: input.year, nominations_close_at: input.nominationsCloseAt },
        ip: input.ip ?? null,
      })
      return row.id
    }),
  )
}

/**
 * The introduction can change until the results are published; the close of nominations only
 * moves later, and only while nominations are still open (the database refuses anything else).
 */
export async function updateCompetition(
  db: DB,
  input: Actor & CompetitionInput & { year: number },
): Promise<void> {
  await withRules(() =>
    db.transaction().execute(async (tx) => {
      await assertAdmin(tx, input.userId)
      const competition = await competitionByYear(tx, input.year)
      if (competition.status === 'published') throw new DomainError('competition_published')
      const closeChanged = input.nominationsCloseAt !== competition.nominations_close_at
      if (closeChanged) {
        if (competition.status !== 'nominating' || competition.nominations_close_at <= now()) {
          throw new CompetitionInputError('competition.error.closeFrozen', 'nominations_close')
        }
        if (input.nominationsCloseAt < competition.nominations_close_at) {
          throw new CompetitionInputError('competition.error.closeEarlier', 'nominations_close')
        }
      }
      const after = {
        intro_sv: input.introSv.trim(),
        intro_en: input.introEn.trim(),
        ...(closeChanged ? { nominations_close_at: input.nominationsCloseAt } : {}),
      }
      await tx.updateTable('competitions').set(after).where('id', '=', competition.id).execute()
      await audit(tx, {
        actorUserId: input.userId,
        action: 'competition.updated',
        entityType: 'competition',
        entityId: competition.id,
        before: { nominations_close_at: competition.nominations_close_at },
        after: { nominations_close_at: input.nominationsCloseAt },
        ip: input.ip ?? null,
      })
    }),
  )
}

export interface CategoryInput {
  nameSv: string
  nameEn: string
  descriptionSv: string
  descriptionEn: string
}

function categoryColumns(input: CategoryInput) {
  return {
    name_sv: input.nameSv.trim(),
    name_en: input.nameEn.trim(),
    description_sv: input.descriptionSv.trim(),
    description_en: input.descriptionEn.trim(),
  }
}

/** A new category, placed last. Only while nominations are open (the database checks). */
export async function addCategory(
  db: DB,
  input: Actor & CategoryInput & { year: number },
): Promise<number> {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      await assertAdmin(tx, input.userId)
      const competition = await competitionByYear(tx, input.year)
      const last = await tx
        .selectFrom('competition_categories')
        .select((eb) => eb.fn.max('position').as('position'))
        .where('competition_id', '=', competition.id)
        .executeTakeFirst()
      const position = (last?.position ?? 0) + 1
      if (position > MAX_CATEGORIES) {
        throw new CompetitionInputError('competition.error.tooManyCategories')
      }
      const row = await tx
        .insertInto('competition_categories')
        .values({ competition_id: competition.id, position, ...categoryColumns(input) })
        .returning('id')
        .executeTakeFirstOrThrow()
      await audit(tx, {
        actorUserId: input.userId,
        action: 'competition.category_added',
        entityType: 'competition_category',
        entityId: row.id,
        after: { competition_id: competition.id, position, ...categoryColumns(input) },
        ip: input.ip ?? null,
      })
      return row.id
    }),
  )
}

async function categoryOf(db: DB, year: number, categoryId: number) {
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

/** A category's texts change until something is nominated in it (the database checks). */
export async function updateCategory(
  db: DB,
  input: Actor & CategoryInput & { year: number; categoryId: number },
): Promise<void> {
  await withRules(() =>
    db.transaction().execute(async (tx) => {
      await assertAdmin(tx, input.userId)
      const category = await categoryOf(tx, input.year, input.categoryId)
      await tx
        .updateTable('competition_categories')
        .set(categoryColumns(input))
        .where('id', '=', category.id)
        .execute()
      await audit(tx, {
        actorUserId: input.userId,
        action: 'competition.category_updated',
        entityType: 'competition_category',
        entityId: category.id,
        before: {
          name_sv: category.name_sv,
          name_en: category.name_en,
          description_sv: category.description_sv,
          description_en: category.description_en,
        },
        after: categoryColumns(input),
        ip: input.ip ?? null,
      })
    }),
  )
}

export async function deleteCategory(
  db: DB,
  input: Actor & { year: number; categoryId: number },
): Promise<void> {
  await withRules(() =>
    db.transaction().execute(async (tx) => {
      await assertAdmin(tx, input.userId)
      const category = await categoryOf(tx, input.year, input.categoryId)
      await tx.deleteFrom('competition_categories').where('id', '=', category.id).execute()
      await audit(tx, {
        actorUserId: input.userId,
        action: 'competition.category_deleted',
        entityType: 'competition_category',
        entityId: category.id,
        before: { competition_id: category.competition_id, name_sv: category.name_sv },
        ip: input.ip ?? null,
      })
    }),
  )
}

/** Appoints an existing user (by e-mail) to the jury and tells them. */
export async function appointJuror(
  db: DB,
  input: Actor & { year: number; email: string },
): Promise<void> {
  await withRules(() =>
    db.transaction().execute(async (tx) => {
      await assertAdmin(tx, input.userId)
      const competition = await competitionByYear(tx, input.year)
      const juror = await tx
        .selectFrom('users')
        .select(['id', 'email', 'name', 'locale'])
        .where('email', '=', input.email.trim().toLowerCase())
        .executeTakeFirst()
      if (!juror) throw new CompetitionInputError('competition.error.unknownUser', 'email')
      const already = await tx
        .selectFrom('competition_jurors')
        .select('user_id')
        .where('competition_id', '=', competition.id)
        .where('user_id', '=', juror.id)
        .executeTakeFirst()
      if (already) throw new CompetitionInputError('competition.error.alreadyJuror', 'email')
      await tx
        .insertInto('competition_jurors')
        .values({
          competition_id: competition.id,
          user_id: juror.id,
          appointed_by: input.userId,
          appointed_at: now(),
        })
        .execute()
      await audit(tx, {
        actorUserId: input.userId,
        action: 'competition.juror_appointed',
        entityType: 'competition',
        entityId: competition.id,
        after: { user_id: juror.id },
        ip: input.ip ?? null,
      })
      await queueMail(tx, {
        to: juror.email,
        locale: juror.locale,
        template: 'competition_juror_appointed',
        params: {
          name: juror.name,
          year: competition.year,
          link: link(`/competitions/${competition.year}/jury`),
        },
      })
    }),
  )
}

/** Removes a juror who has not declared on anything yet (the database checks). */
export async function removeJuror(
  db: DB,
  input: Actor & { year: number; jurorId: number },
): Promise<void> {
  await withRules(() =>
    db.transaction().execute(async (tx) => {
      await assertAdmin(tx, input.userId)
      const competition = await competitionByYear(tx, input.year)
      const result = await tx
        .deleteFrom('competition_jurors')
        .where('competition_id', '=', competition.id)
        .where('user_id', '=', input.jurorId)
        .executeTakeFirst()
      if (Number(result.numDeletedRows) === 0) throw new DomainError('not_found')
      await audit(tx, {
        actorUserId: input.userId,
        action: 'competition.juror_removed',
        entityType: 'competition',
        entityId: competition.id,
        before: { user_id: input.jurorId },
        ip: input.ip ?? null,
      })
    }),
  )
}

/** Nominations closed: the jury starts. Possible only after the announced close. */
export async function startJudging(db: DB, input: Actor & { year: number }): Promise<void> {
  await withRules(() =>
    db.transaction().execute(async (tx) => {
      await assertAdmin(tx, input.userId)
      const competition = await competitionByYear(tx, input.year)
      if (competition.status !== 'nominating') throw new DomainError('invalid_transition')
      const at = now()
      if (competition.nominations_close_at > at) {
        throw new CompetitionInputError('competition.error.judgingBeforeClose')
      }
      await tx
        .updateTable('competitions')
        .set({ status: 'judging', judging_started_at: at })
        .where('id', '=', competition.id)
        .where('status', '=', 'nominating')
        .execute()
      await audit(tx, {
        actorUserId: input.userId,
        action: 'competition.judging_started',
        entityType: 'competition',
        entityId: competition.id,
        before: { status: 'nominating' },
        after: { status: 'judging' },
        ip: input.ip ?? null,
      })
    }),
  )
}

export interface ResultInput {
  nominationId: number
  placement: CompetitionPlacement
  motivationSv: string
  motivationEn: string
}

async function nominationOf(db: DB, year: number, nominationId: number) {
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

/**
 * A winner or an honourable mention with the jury's motivation. The database refuses it until
 * the jury is complete in the category, and a winner without the highest average.
 */
export async function recordResult(
  db: DB,
  input: Actor & ResultInput & { year: number },
): Promise<void> {
  await withRules(() =>
    db.transaction().execute(async (tx) => {
      await assertAdmin(tx, input.userId)
      const nomination = await nominationOf(tx, input.year, input.nominationId)
      const existing = await tx
        .selectFrom('competition_results')
        .select('nomination_id')
        .where('nomination_id', '=', nomination.id)
        .executeTakeFirst()
      if (existing) throw new CompetitionInputError('competition.error.resultExists')
      const values = {
        nomination_id: nomination.id,
        category_id: nomination.category_id,
        placement: input.placement,
        motivation_sv: input.motivationSv.trim(),
        motivation_en: input.motivationEn.trim(),
      }
      await tx
        .insertInto('competition_results')
        .values({ ...values, decided_by: input.userId, decided_at: now() })
        .execute()
      await audit(tx, {
        actorUserId: input.userId,
        action: 'competition.result_recorded',
        entityType: 'competition_nomination',
        entityId: nomination.id,
        after: values,
        ip: input.ip ?? null,
      })
    }),
  )
}

/** Takes a result back while the jury is still at work (the database refuses it afterwards). */
export async function removeResult(
  db: DB,
  input: Actor & { year: number; nominationId: number },
): Promise<void> {
  await withRules(() =>
    db.transaction().execute(async (tx) => {
      await assertAdmin(tx, input.userId)
      const nomination = await nominationOf(tx, input.year, input.nominationId)
      const result = await tx
        .deleteFrom('competition_results')
        .where('nomination_id', '=', nomination.id)
        .executeTakeFirst()
      if (Number(result.numDeletedRows) === 0) throw new DomainError('not_found')
      await audit(tx, {
        actorUserId: input.userId,
        action: 'competition.result_removed',
        entityType: 'competition_nomination',
        entityId: nomination.id,
        ip: input.ip ?? null,
      })
    }),
  )
}

/** Everyone who can act for either party to a reference, in their own language. */
async function partyMembers(db: DB, referenceId: number) {
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

/**
 * Publishes the year's results (a winner in every category, the database insists); from then on
 * everything is fixed. The parties of every placed reference are told.
 */
export async function publishCompetition(db: DB, input: Actor & { year: number }): Promise<void> {
  await withRules(() =>
    db.transaction().execute(async (tx) => {
      await assertAdmin(tx, input.userId)
      const competition = await competitionByYear(tx, input.year)
      if (competition.status !== 'judging') throw new DomainError('invalid_transition')
      const at = now()
      await tx
        .updateTable('competitions')
        .set({ status: 'published', published_at: at, published_by: input.userId })
        .where('id', '=', competition.id)
        .where('status', '=', 'judging')
        .execute()
      await audit(tx, {
        actorUserId: input.userId,
        action: 'competition.published',
        entityType: 'competition',
        entityId: competition.id,
        before: { status: 'judging' },
        after: { status: 'published' },
        ip: input.ip ?? null,
      })
      const placed = await tx
        .selectFrom('competition_results as res')
        .innerJoin('competition_nominations as n', 'n.id', 'res.nomination_id')
        .innerJoin('competition_categories as c', 'c.id', 'res.category_id')
        .innerJoin('reference_cases as r', 'r.id', 'n.reference_id')
        .select([
          'res.placement',
          'c.name_sv',
          'c.name_en',
          'r.id as reference_id',
          'r.title_sv',
          'r.title_en',
        ])
        .where('c.competition_id', '=', competition.id)
        .orderBy('c.position')
        .orderBy('res.nomination_id')
        .execute()
      for (const p of placed) {
        for (const member of await partyMembers(tx, p.reference_id)) {
          const t = getTranslator(member.locale)
          await queueMail(tx, {
            to: member.email,
            locale: member.locale,
            template: 'competition_results_published',
            params: {
              year: competition.year,
              placement: t(`competition.mailPlacement.${p.placement}`),
              category: member.locale === 'en' ? p.name_en : p.name_sv,
              reference: member.locale === 'en' ? (p.title_en ?? p.title_sv) : p.title_sv,
              link: link(`/competitions/${competition.year}`),
            },
          })
        }
      }
    }),
  )
}

// --- Nominations ------------------------------------------------------------------------------

/** Any logged-in user nominates a published reference in a category while nominations are open. */
export async function nominate(
  db: DB,
  input: Actor & { year: number; categoryId: number; referenceId: number; motivation: string },
): Promise<number> {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const category = await categoryOf(tx, input.year, input.categoryId)
      const reference = await tx
        .selectFrom('reference_cases')
        .select(['id', 'title_sv', 'title_en', 'status'])
        .where('id', '=', input.referenceId)
        .executeTakeFirst()
      if (!reference || reference.status !== 'published') {
        throw new DomainError('reference_not_published')
      }
      const row = await tx
        .insertInto('competition_nominations')
        .values({
          category_id: category.id,
          reference_id: reference.id,
          nominated_by: input.userId,
          motivation: input.motivation.trim(),
          nominated_at: now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await audit(tx, {
        actorUserId: input.userId,
        action: 'competition.nominated',
        entityType: 'competition_nomination',
        entityId: row.id,
        after: { category_id: category.id, reference_id: reference.id },
        ip: input.ip ?? null,
      })
      for (const member of await partyMembers(tx, reference.id)) {
        await queueMail(tx, {
          to: member.email,
          locale: member.locale,
          template: 'competition_nominated',
          params: {
            year: category.year,
            category: member.locale === 'en' ? category.name_en : category.name_sv,
            reference:
              member.locale === 'en'
                ? (reference.title_en ?? reference.title_sv)
                : reference.title_sv,
            link: link(`/competitions/${category.year}`),
          },
        })
      }
      return row.id
    }),
  )
}

/** The nominator takes their own nomination back while nominations are open. */
export async function withdrawNomination(
  db: DB,
  input: Actor & { year: number; nominationId: number },
): Promise<void> {
  await withRules(() =>
    db.transaction().execute(async (tx) => {
      const nomination = await nominationOf(tx, input.year, input.nominationId)
      if (nomination.nominated_by !== input.userId) throw new DomainError('not_found')
      if (nomination.status !== 'nominating') throw new DomainError('nominations_closed')
      await tx
        .deleteFrom('competition_nominations')
        .where('id', '=', nomination.id)
        .where('nominated_by', '=', input.userId)
        .execute()
      await audit(tx, {
        actorUserId: input.userId,
        action: 'competition.nomination_withdrawn',
        entityType: 'competition_nomination',
        entityId: nomination.id,
        before: { category_id: nomination.category_id, reference_id: nomination.reference_id },
        ip: input.ip ?? null,
      })
    }),
  )
}

// --- The jury --------------------------------------------------------------------------------

/** Whether the user is on the year's jury (for a link to the jury page). */
export async function isJuror(db: DB, year: number, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('competition_jurors as j')
    .innerJoin('competitions as k', 'k.id', 'j.competition_id')
    .select('j.user_id')
    .where('k.year', '=', year)
    .where('j.user_id', '=', userId)
    .executeTakeFirst()
  return Boolean(row)
}

async function assertJuror(db: DB, competitionId: number, userId: number): Promise<void> {
  const juror = await db
    .selectFrom('competition_jurors')
    .select('user_id')
    .where('competition_id', '=', competitionId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (!juror) throw new DomainError('not_found')
}

/**
 * A juror declares, once per nomination, whether they have a conflict of interest. A member of
 * either party cannot declare none (the database raises 'juror_is_party').
 */
export async function declareInterest(
  db: DB,
  input: Actor & { year: number; nominationId: number; hasConflict: boolean; note: string },
): Promise<void> {
  await withRules(() =>
    db.transaction().execute(async (tx) => {
      const nomination = await nominationOf(tx, input.year, input.nominationId)
      await assertJuror(tx, nomination.competition_id, input.userId)
      const declared = await tx
        .selectFrom('competition_declarations')
        .select('juror_id')
        .where('nomination_id', '=', nomination.id)
        .where('juror_id', '=', input.userId)
        .executeTakeFirst()
      if (declared) throw new DomainError('declaration_fixed')
      await tx
        .insertInto('competition_declarations')
        .values({
          nomination_id: nomination.id,
          juror_id: input.userId,
          has_conflict: input.hasConflict ? 1 : 0,
          note: input.note.trim(),
          declared_at: now(),
        })
        .execute()
      await audit(tx, {
        actorUserId: input.userId,
        action: 'competition.interest_declared',
        entityType: 'competition_nomination',
        entityId: nomination.id,
        after: { has_conflict: input.hasConflict },
        ip: input.ip ?? null,
      })
    }),
  )
}

/** A cleared juror scores a nomination 1–10 with a comment; a score changes until results exist. */
export async function scoreNomination(
  db: DB,
  input: Actor & { year: number; nominationId: number; score: number; comment: string },
): Promise<void> {
  await withRules(() =>
    db.transaction().execute(async (tx) => {
      const nomination = await nominationOf(tx, input.year, input.nominationId)
      await assertJuror(tx, nomination.competition_id, input.userId)
      const before = await tx
        .selectFrom('competition_scores')
        .select(['score'])
        .where('nomination_id', '=', nomination.id)
        .where('juror_id', '=', input.userId)
        .executeTakeFirst()
      const values = { score: input.score, comment: input.comment.trim(), scored_at: now() }
      if (before) {
        await tx
          .updateTable('competition_scores')
          .set(values)
          .where('nomination_id', '=', nomination.id)
          .where('juror_id', '=', input.userId)
          .execute()
      } else {
        await tx
          .insertInto('competition_scores')
          .values({ nomination_id: nomination.id, juror_id: input.userId, ...values })
          .execute()
      }
      await audit(tx, {
        actorUserId: input.userId,
        action: before ? 'competition.score_changed' : 'competition.scored',
        entityType: 'competition_nomination',
        entityId: nomination.id,
        before: before ? { score: before.score } : undefined,
        after: { score: input.score },
        ip: input.ip ?? null,
      })
    }),
  )
}

// --- Reading ---------------------------------------------------------------------------------

/** Every year, newest first, with its status (public). */
export async function listCompetitions(db: DB) {
  return db
    .selectFrom('competitions')
    .select(['year', 'status', 'nominations_close_at', 'published_at'])
    .orderBy('year', 'desc')
    .execute()
}

async function categoriesOf(db: DB, competitionId: number) {
  return db
    .selectFrom('competition_categories')
    .select(['id', 'position', 'name_sv', 'name_en', 'description_sv', 'description_en'])
    .where('competition_id', '=', competitionId)
    .orderBy('position')
    .execute()
}

/** Nominations with what a list shows of their reference, in category order. */
async function nominationsOf(db: DB, competitionId: number) {
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

async function juryNames(db: DB, competitionId: number) {
  const rows = await db
    .selectFrom('competition_jurors as j')
    .innerJoin('users as u', 'u.id', 'j.user_id')
    .select(['u.name'])
    .where('j.competition_id', '=', competitionId)
    .orderBy('u.name')
    .execute()
  return rows.map((r) => r.name)
}

export interface PublicPlacement {
  nominationId: number
  referenceId: number
  placement: CompetitionPlacement
  motivation: string
  titleSv: string
  titleEn: string | null
  companyName: string
  publicBodyName: string
}

/**
 * The public page of a year: its introduction and categories in the viewer's language; while
 * nominating the nominations, while judging nothing but the jury, once published the winners and
 * honourable mentions with the jury's motivation.
 */
export async function getPublicCompetition(db: DB, year: number, locale: Locale) {
  const competition = await competitionByYear(db, year)
  const [categories, jury] = await Promise.all([
    categoriesOf(db, competition.id),
    juryNames(db, competition.id),
  ])
  const nominations =
    competition.status === 'nominating' ? await nominationsOf(db, competition.id) : []
  const results =
    competition.status === 'published'
      ? await db
          .selectFrom('competition_results as res')
          .innerJoin('competition_nominations as n', 'n.id', 'res.nomination_id')
          .innerJoin('competition_categories as c', 'c.id', 'res.category_id')
          .innerJoin('reference_cases as r', 'r.id', 'n.reference_id')
          .innerJoin('organisations as pb', 'pb.id', 'r.public_body_id')
          .innerJoin('organisations as co', 'co.id', 'r.company_id')
          .select([
            'res.nomination_id',
            'res.category_id',
            'res.placement',
            'res.motivation_sv',
            'res.motivation_en',
            'r.id as reference_id',
            'r.title_sv',
            'r.title_en',
            'pb.name as public_body_name',
            'co.name as company_name',
          ])
          .where('c.competition_id', '=', competition.id)
          // The winner first, then the honourable mentions.
          .orderBy((eb) => eb.case().when('res.placement', '=', 'winner').then(0).else(1).end())
          .orderBy('res.nomination_id')
          .execute()
      : []
  return {
    year: competition.year,
    status: competition.status,
    intro: locale === 'en' ? competition.intro_en : competition.intro_sv,
    nominationsCloseAt: competition.nominations_close_at,
    publishedAt: competition.published_at,
    jury,
    categories: categories.map((c) => ({
      id: c.id,
      name: locale === 'en' ? c.name_en : c.name_sv,
      description: locale === 'en' ? c.description_en : c.description_sv,
      nominations: nominations
        .filter((n) => n.category_id === c.id && n.reference_status === 'published')
        .map((n) => ({
          id: n.id,
          referenceId: n.reference_id,
          titleSv: n.title_sv,
          titleEn: n.title_en,
          companyName: n.company_name,
          publicBodyName: n.public_body_name,
        })),
      placements: results
        .filter((r) => r.category_id === c.id)
        .map((r): PublicPlacement => ({
          nominationId: r.nomination_id,
          referenceId: r.reference_id,
          placement: r.placement,
          motivation: locale === 'en' ? r.motivation_en : r.motivation_sv,
          titleSv: r.title_sv,
          titleEn: r.title_en,
          companyName: r.company_name,
          publicBodyName: r.public_body_name,
        })),
    })),
  }
}
export type PublicCompetition = Awaited<ReturnType<typeof getPublicCompetition>>

/** Published references to choose from when nominating, by title. */
async function nominatableReferences(db: DB, locale: Locale) {
  const rows = await db
    .selectFrom('reference_cases as r')
    .innerJoin('organisations as pb', 'pb.id', 'r.public_body_id')
    .innerJoin('organisations as co', 'co.id', 'r.company_id')
    .select([
      'r.id',
      'r.title_sv',
      'r.title_en',
      'pb.name as public_body_name',
      'co.name as company_name',
    ])
    .where('r.status', '=', 'published')
    .orderBy('r.title_sv')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    title: locale === 'en' ? (r.title_en ?? r.title_sv) : r.title_sv,
    companyName: r.company_name,
    publicBodyName: r.public_body_name,
  }))
}

/** The nomination page: categories, published references and the user's own nominations. */
export async function getNominationPage(db: DB, year: number, userId: number, locale: Locale) {
  const competition = await competitionByYear(db, year)
  const open = competition.status === 'nominating' && competition.nominations_close_at > now()
  const [categories, references, nominations] = await Promise.all([
    categoriesOf(db, competition.id),
    open ? nominatableReferences(db, locale) : Promise.resolve([]),
    nominationsOf(db, competition.id),
  ])
  return {
    year: competition.year,
    status: competition.status,
    open,
    nominationsCloseAt: competition.nominations_close_at,
    categories: categories.map((c) => ({
      id: c.id,
      name: locale === 'en' ? c.name_en : c.name_sv,
      description: locale === 'en' ? c.description_en : c.description_sv,
    })),
    references,
    mine: nominations
      .filter((n) => n.nominated_by === userId)
      .map((n) => ({
        id: n.id,
        categoryId: n.category_id,
        referenceId: n.reference_id,
        titleSv: n.title_sv,
        titleEn: n.title_en,
        motivation: n.motivation,
        nominatedAt: n.nominated_at,
      })),
  }
}

/**
 * The jury page of one juror: every nomination with the juror's declaration and score, and their
 * progress. Anyone not on the jury gets 'not_found'.
 */
export async function getJuryPage(db: DB, year: number, userId: number, locale: Locale) {
  const competition = await competitionByYear(db, year)
  await assertJuror(db, competition.id, userId)
  const [categories, nominations, declarations, scores, results] = await Promise.all([
    categoriesOf(db, competition.id),
    competition.status === 'nominating' ? Promise.resolve([]) : nominationsOf(db, competition.id),
    db
      .selectFrom('competition_declarations')
      .select(['nomination_id', 'has_conflict', 'note', 'declared_at'])
      .where('juror_id', '=', userId)
      .execute(),
    db
      .selectFrom('competition_scores')
      .select(['nomination_id', 'score', 'comment', 'scored_at'])
      .where('juror_id', '=', userId)
      .execute(),
    db
      .selectFrom('competition_results as res')
      .innerJoin('competition_categories as c', 'c.id', 'res.category_id')
      .select('res.category_id')
      .distinct()
      .where('c.competition_id', '=', competition.id)
      .execute(),
  ])
  const decided = new Set(results.map((r) => r.category_id))
  const items = nominations.map((n) => {
    const declaration = declarations.find((d) => d.nomination_id === n.id)
    const score = scores.find((s) => s.nomination_id === n.id)
    return {
      id: n.id,
      categoryId: n.category_id,
      referenceId: n.reference_id,
      titleSv: n.title_sv,
      titleEn: n.title_en,
      companyName: n.company_name,
      publicBodyName: n.public_body_name,
      motivation: n.motivation,
      declaration: declaration
        ? { hasConflict: declaration.has_conflict === 1, note: declaration.note }
        : null,
      score: score ? { score: score.score, comment: score.comment } : null,
      // A score changes only while judging and before results exist in the category.
      scoreOpen: competition.status === 'judging' && !decided.has(n.category_id),
    }
  })
  const done = items.filter(
    (i) => i.declaration && (i.declaration.hasConflict || i.score !== null),
  ).length
  return {
    year: competition.year,
    status: competition.status,
    nominationsCloseAt: competition.nominations_close_at,
    categories: categories.map((c) => ({
      id: c.id,
      name: locale === 'en' ? c.name_en : c.name_sv,
    })),
    nominations: items,
    progress: { done, total: items.length },
  }
}

export interface StandingRow {
  nominationId: number
  referenceId: number
  titleSv: string
  titleEn: string | null
  companyName: string
  publicBodyName: string
  averageScore: number | null
  scoreCount: number
  clearedJurors: number
  declarations: number
  result: { placement: CompetitionPlacement; motivationSv: string; motivationEn: string } | null
}

/**
 * Per category, the nominations by average score (highest first) with how many cleared jurors
 * scored each, and whether the jury is complete there (every juror declared on every nomination
 * and every cleared juror scored).
 */
export async function standings(db: DB, competitionId: number, jurorCount: number) {
  const [rows, declarations, results] = await Promise.all([
    db
      .selectFrom('competition_standings as s')
      .innerJoin('competition_categories as c', 'c.id', 's.category_id')
      .innerJoin('reference_cases as r', 'r.id', 's.reference_id')
      .innerJoin('organisations as pb', 'pb.id', 'r.public_body_id')
      .innerJoin('organisations as co', 'co.id', 'r.company_id')
      .select([
        's.nomination_id',
        's.category_id',
        's.reference_id',
        's.score_count',
        's.average_score',
        'r.title_sv',
        'r.title_en',
        'pb.name as public_body_name',
        'co.name as company_name',
      ])
      .where('c.competition_id', '=', competitionId)
      .orderBy('s.average_score', 'desc')
      .orderBy('s.nomination_id')
      .execute(),
    db
      .selectFrom('competition_declarations as d')
      .innerJoin('competition_nominations as n', 'n.id', 'd.nomination_id')
      .innerJoin('competition_categories as c', 'c.id', 'n.category_id')
      .select(['d.nomination_id', 'd.has_conflict'])
      .where('c.competition_id', '=', competitionId)
      .execute(),
    db
      .selectFrom('competition_results as res')
      .innerJoin('competition_categories as c', 'c.id', 'res.category_id')
      .select(['res.nomination_id', 'res.placement', 'res.motivation_sv', 'res.motivation_en'])
      .where('c.competition_id', '=', competitionId)
      .execute(),
  ])
  const byCategory = new Map<number, { rows: StandingRow[]; complete: boolean }>()
  for (const r of rows) {
    const declared = declarations.filter((d) => d.nomination_id === r.nomination_id)
    const cleared = declared.filter((d) => d.has_conflict === 0).length
    const result = results.find((x) => x.nomination_id === r.nomination_id)
    const row: StandingRow = {
      nominationId: r.nomination_id,
      referenceId: r.reference_id,
      titleSv: r.title_sv,
      titleEn: r.title_en,
      companyName: r.company_name,
      publicBodyName: r.public_body_name,
      averageScore: r.average_score === null ? null : Number(r.average_score),
      scoreCount: Number(r.score_count),
      clearedJurors: cleared,
      declarations: declared.length,
      result: result
        ? {
            placement: result.placement,
            motivationSv: result.motivation_sv,
            motivationEn: result.motivation_en,
          }
        : null,
    }
    const entry = byCategory.get(r.category_id) ?? { rows: [], complete: true }
    entry.rows.push(row)
    entry.complete &&= row.declarations === jurorCount && row.scoreCount === row.clearedJurors
    byCategory.set(r.category_id, entry)
  }
  return byCategory
}

/** Everything the administrator's page of a year shows. */
export async function getAdminCompetition(db: DB, year: number, userId: number) {
  await assertAdmin(db, userId)
  const competition = await competitionByYear(db, year)
  const [categories, nominationCounts, jurors] = await Promise.all([
    categoriesOf(db, competition.id),
    db
      .selectFrom('competition_nominations as n')
      .innerJoin('competition_categories as c', 'c.id', 'n.category_id')
      .select(['n.category_id', (eb) => eb.fn.countAll<number>().as('count')])
      .where('c.competition_id', '=', competition.id)
      .groupBy('n.category_id')
      .execute(),
    db
      .selectFrom('competition_jurors as j')
      .innerJoin('users as u', 'u.id', 'j.user_id')
      .select((eb) => [
        'u.id',
        'u.name',
        'u.email',
        'j.appointed_at',
        eb
          .selectFrom('competition_declarations as d')
          .innerJoin('competition_nominations as n', 'n.id', 'd.nomination_id')
          .innerJoin('competition_categories as c', 'c.id', 'n.category_id')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('d.juror_id', '=', 'j.user_id')
          .where('c.competition_id', '=', competition.id)
          .as('declarations'),
      ])
      .where('j.competition_id', '=', competition.id)
      .orderBy('u.name')
      .execute(),
  ])
  const table = await standings(db, competition.id, jurors.length)
  const at = now()
  return {
    id: competition.id,
    year: competition.year,
    status: competition.status,
    introSv: competition.intro_sv,
    introEn: competition.intro_en,
    nominationsCloseAt: competition.nominations_close_at,
    closed: competition.nominations_close_at <= at,
    judgingStartedAt: competition.judging_started_at,
    publishedAt: competition.published_at,
    categories: categories.map((c) => {
      const entry = table.get(c.id)
      return {
        id: c.id,
        position: c.position,
        nameSv: c.name_sv,
        nameEn: c.name_en,
        descriptionSv: c.description_sv,
        descriptionEn: c.description_en,
        nominationCount: Number(nominationCounts.find((n) => n.category_id === c.id)?.count ?? 0),
        standings: entry?.rows ?? [],
        juryComplete: entry ? entry.complete && jurors.length > 0 : false,
        hasWinner: entry?.rows.some((r) => r.result?.placement === 'winner') ?? false,
      }
    }),
    jurors: jurors.map((j) => ({
      id: j.id,
      name: j.name,
      email: j.email,
      appointedAt: j.appointed_at,
      declarations: Number(j.declarations ?? 0),
    })),
  }
}
export type AdminCompetition = Awaited<ReturnType<typeof getAdminCompetition>>

/** The administrator's list: every year with its counts. */
export async function listCompetitionsForAdmin(db: DB, userId: number) {
  await assertAdmin(db, userId)
  return db
    .selectFrom('competitions as k')
    .select((eb) => [
      'k.year',
      'k.status',
      'k.nominations_close_at',
      eb
        .selectFrom('competition_categories')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('competition_id', '=', 'k.id')
        .as('categories'),
      eb
        .selectFrom('competition_nominations as n')
        .innerJoin('competition_categories as c', 'c.id', 'n.category_id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('c.competition_id', '=', 'k.id')
        .as('nominations'),
      eb
        .selectFrom('competition_jurors')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('competition_id', '=', 'k.id')
        .as('jurors'),
    ])
    .orderBy('k.year', 'desc')
    .execute()
}

export interface PlacementOfReference {
  year: number
  categoryName: string
  placement: CompetitionPlacement
}

/** A reference's placings in published competitions, for its case page or a portfolio. */
export async function listReferencePlacements(
  db: DB,
  referenceId: number,
  locale: Locale,
): Promise<PlacementOfReference[]> {
  const rows = await db
    .selectFrom('competition_results as res')
    .innerJoin('competition_nominations as n', 'n.id', 'res.nomination_id')
    .innerJoin('competition_categories as c', 'c.id', 'res.category_id')
    .innerJoin('competitions as k', 'k.id', 'c.competition_id')
    .select(['k.year', 'c.name_sv', 'c.name_en', 'res.placement'])
    .where('n.reference_id', '=', referenceId)
    .where('k.status', '=', 'published')
    .orderBy('k.year', 'desc')
    .orderBy('c.position')
    .execute()
  return rows.map((r) => ({
    year: r.year,
    categoryName: locale === 'en' ? r.name_en : r.name_sv,
    placement: r.placement,
  }))
}
