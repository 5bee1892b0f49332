import type { DB } from '#db/connection'
import type { CompetitionPlacement } from '#db/schema'
import { now } from '~/utils/clock.server'
import { assertAdmin, categoriesOf, competitionByYear } from './competition-shared.server'

// What the administrator's pages of the competition read: the standings of a year and the list.

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
