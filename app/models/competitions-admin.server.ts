import type { DB } from '#db/connection'
import type { CompetitionPlacement } from '#db/schema'
import { getTranslator } from '~/i18n/messages'
import { now } from '~/utils/clock.server'
import { audit } from './audit.server'
import {
  type Actor,
  assertAdmin,
  categoryOf,
  CompetitionInputError,
  competitionByYear,
  link,
  MAX_CATEGORIES,
  nominationOf,
  partyMembers,
} from './competition-shared.server'
import { DomainError, withRules } from './errors.server'
import { queueMail } from './outbox.server'

// The administrator's writes for a competition year: opening it, its categories and jurors,
// starting the judging, recording the results and publishing them.

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
