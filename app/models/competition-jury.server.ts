import type { DB } from '#db/connection'
import type { Locale } from '#db/schema'
import { now } from '~/utils/clock.server'
import { audit } from './audit.server'
import {
  type Actor,
  assertJuror,
  categoriesOf,
  competitionByYear,
  nominationOf,
  nominationsOf,
} from './competition-shared.server'
import { DomainError, withRules } from './errors.server'

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
