import type { DB } from '#db/connection'
import type { CompetitionPlacement, Locale } from '#db/schema'
import { categoriesOf, competitionByYear, nominationsOf } from './competition-shared.server'

// The public read models of the competition: /competitions, /competitions/:year and a
// reference's placings.

/** Every year, newest first, with its status (public). */
export async function listCompetitions(db: DB) {
  return db
    .selectFrom('competitions')
    .select(['year', 'status', 'nominations_close_at', 'published_at'])
    .orderBy('year', 'desc')
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
