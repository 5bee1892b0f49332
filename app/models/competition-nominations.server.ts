import type { DB } from '#db/connection'
import type { Locale } from '#db/schema'
import { now } from '~/utils/clock.server'
import { audit } from './audit.server'
import {
  type Actor,
  categoriesOf,
  categoryOf,
  competitionByYear,
  link,
  nominationOf,
  nominationsOf,
  partyMembers,
} from './competition-shared.server'
import { DomainError, withRules } from './errors.server'
import { queueMail } from './outbox.server'

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
