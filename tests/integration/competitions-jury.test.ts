import { afterEach, describe, expect, test } from 'vitest'
import { getDb } from '~/utils/db.server'
import { toStockholmDateTimeInput } from '~/utils/stockholm-time'
import { advanceClock, DAY, resetClock } from '../helpers/call-factories'
import {
  addCategoryViaApp,
  admin,
  adminPage,
  adminPost,
  appoint,
  CATEGORY,
  competitionRow,
  cookie,
  fieldErrors,
  formErrors,
  INTRO_EN,
  INTRO_SV,
  juryPage,
  juryPost,
  MOTIVATION,
  nominatePost,
  nominationIds,
  openCompetition,
  publicPage,
} from '../helpers/competitions-setup'
import { addMember, createUser } from '../helpers/factories'
import { mailsTo } from '../helpers/inspect'
import { createReference } from '../helpers/reference-factories'
import { dataOf, statusOf } from '../helpers/responses'

// Competitions: the jury (appointment, declarations of conflict, scoring).

afterEach(() => resetClock())

/**
 * A competition in judging: one category with two published references nominated, and three
 * jurors; the third is a member of reference A's company.
 */
async function judgingCompetition() {
  const db = getDb()
  const { user: adminUser, cookie: adminCookie } = await admin()
  const year = await openCompetition(adminCookie)
  const categoryId = await addCategoryViaApp(year, adminCookie)
  const a = await createReference(db, { status: 'published' })
  const b = await createReference(db, {
    status: 'published',
    overrides: {
      title_sv: 'Digitalt läkemedelsstöd i Kalix',
      title_en: null,
      summary_en: null,
      challenge_en: null,
      solution_en: null,
      deployment_en: null,
      participants_en: null,
      quote_en: null,
    },
  })
  const nominator = await createUser(db)
  const nominatorCookie = await cookie(nominator.id)
  for (const ref of [a, b]) {
    const outcome = await nominatePost(
      year,
      {
        intent: 'nominate',
        category_id: String(categoryId),
        reference_id: String(ref.reference.id),
        motivation: MOTIVATION,
      },
      nominatorCookie,
    )
    expect(statusOf(outcome)).toBe(302)
  }
  const [nomA, nomB] = await nominationIds(categoryId)
  const j1 = await createUser(db, { name: 'Jenny Jurysson' })
  const j2 = await createUser(db, { name: 'Jonas Jurysson', locale: 'en' })
  const j3 = await createUser(db, { name: 'Parisa Part' })
  await addMember(db, a.company.org.id, j3.id, 'member')
  for (const j of [j1, j2, j3]) await appoint(year, j.email, adminCookie)
  return {
    year,
    categoryId,
    adminUser,
    adminCookie,
    a,
    b,
    nomA: nomA!.id,
    nomB: nomB!.id,
    jurors: {
      j1: { ...j1, cookie: await cookie(j1.id) },
      j2: { ...j2, cookie: await cookie(j2.id) },
      j3: { ...j3, cookie: await cookie(j3.id) },
    },
    nominatorCookie,
  }
}

type Judging = Awaited<ReturnType<typeof judgingCompetition>>

/**
 * Moves past the close and starts judging. Sessions idle out over the jump, so everyone signs in
 * again (fresh cookies in `c`).
 */
async function startJudgingViaApp(c: Judging) {
  advanceClock(3 * DAY)
  c.adminCookie = await cookie(c.adminUser.id)
  for (const juror of Object.values(c.jurors)) juror.cookie = await cookie(juror.id)
  const outcome = await adminPost(c.year, { intent: 'startJudging' }, c.adminCookie)
  expect(statusOf(outcome)).toBe(302)
}

const declare = (nominationId: number, conflict: boolean, note = '') => ({
  intent: 'declare',
  nomination_id: String(nominationId),
  has_conflict: conflict ? 'yes' : 'no',
  note,
})
const score = (nominationId: number, value: number) => ({
  intent: 'score',
  nomination_id: String(nominationId),
  score: String(value),
  comment: 'Tydlig nytta för brukarna.',
})

async function declarationCount(nominationId: number) {
  const rows = await getDb()
    .selectFrom('competition_declarations')
    .select('juror_id')
    .where('nomination_id', '=', nominationId)
    .execute()
  return rows.length
}

describe('the jury', () => {
  test('jurors are appointed by e-mail and told; judging starts only after the close', async () => {
    const db = getDb()
    const c = await judgingCompetition()
    const mails = await mailsTo(db, c.jurors.j2.email, 'competition_juror_appointed')
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject).toBe(`You are on the jury of Good examples ${c.year}`)
    expect(mails[0]!.text_body).toContain(`/competitions/${c.year}/jury`)

    const unknown = await adminPost(
      c.year,
      { intent: 'appointJuror', email: 'nobody@example.test' },
      c.adminCookie,
    )
    expect(statusOf(unknown)).toBe(400)
    expect(fieldErrors(unknown, 'email')).toEqual(['competition.error.unknownUser'])

    const early = await adminPost(c.year, { intent: 'startJudging' }, c.adminCookie)
    expect(statusOf(early)).toBe(400)
    expect(formErrors(early)).toEqual(['competition.error.judgingBeforeClose'])
    expect((await competitionRow(c.year)).status).toBe('nominating')

    // Before judging a juror cannot declare.
    const tooSoon = await juryPost(c.year, declare(c.nomA, false), c.jurors.j1.cookie)
    expect(statusOf(tooSoon)).toBe(400)
    expect(formErrors(tooSoon)).toEqual(['errors.domain.not_judging'])

    await startJudgingViaApp(c)
    const row = await competitionRow(c.year)
    expect(row.status).toBe('judging')
    // The public page only says that the jury is at work.
    const shown = dataOf(await publicPage(c.year)).competition
    expect(shown.status).toBe('judging')
    expect(shown.categories[0].nominations).toEqual([])
    expect(shown.jury).toEqual(['Jenny Jurysson', 'Jonas Jurysson', 'Parisa Part'])
  })

  test('the jury page is for jurors only', async () => {
    const db = getDb()
    const c = await judgingCompetition()
    await startJudgingViaApp(c)
    const stranger = await createUser(db)
    expect(statusOf(await juryPage(c.year, await cookie(stranger.id)))).toBe(404)
    expect(statusOf(await juryPage(c.year, c.adminCookie))).toBe(404)
    expect(statusOf(await juryPage('20x1', c.jurors.j1.cookie))).toBe(404)
    const page = dataOf(await juryPage(c.year, c.jurors.j1.cookie)).page
    expect(page.nominations.map((n: { id: number }) => n.id)).toEqual([c.nomA, c.nomB])
    expect(page.progress).toEqual({ done: 0, total: 2 })
    // A stranger's declaration is refused and nothing is stored.
    const posted = await juryPost(c.year, declare(c.nomA, false), await cookie(stranger.id))
    expect(statusOf(posted)).toBe(404)
    expect(await declarationCount(c.nomA)).toBe(0)
  })

  test('a member of a party cannot declare no conflict; a conflicted juror cannot score', async () => {
    const c = await judgingCompetition()
    await startJudgingViaApp(c)
    const party = await juryPost(c.year, declare(c.nomA, false), c.jurors.j3.cookie)
    expect(statusOf(party)).toBe(400)
    expect(formErrors(party)).toEqual(['errors.domain.juror_is_party'])
    expect(await declarationCount(c.nomA)).toBe(0)

    // A conflict needs a note.
    const bare = await juryPost(c.year, declare(c.nomA, true), c.jurors.j3.cookie)
    expect(statusOf(bare)).toBe(400)
    expect(fieldErrors(bare, 'note')).toEqual(['competition.error.conflictNote'])

    expect(
      statusOf(
        await juryPost(
          c.year,
          declare(c.nomA, true, 'Anställd hos företaget.'),
          c.jurors.j3.cookie,
        ),
      ),
    ).toBe(302)
    const scored = await juryPost(c.year, score(c.nomA, 10), c.jurors.j3.cookie)
    expect(statusOf(scored)).toBe(400)
    expect(formErrors(scored)).toEqual(['errors.domain.juror_not_cleared'])
    // Nor can anyone score before declaring.
    const undeclared = await juryPost(c.year, score(c.nomB, 7), c.jurors.j1.cookie)
    expect(statusOf(undeclared)).toBe(400)
    const scores = await getDb()
      .selectFrom('competition_scores')
      .select('juror_id')
      .where('nomination_id', 'in', [c.nomA, c.nomB])
      .execute()
    expect(scores).toEqual([])
    // A declaration is final.
    const again = await juryPost(c.year, declare(c.nomA, true, 'Ändrar mig.'), c.jurors.j3.cookie)
    expect(statusOf(again)).toBe(400)
    expect(formErrors(again)).toEqual(['errors.domain.declaration_fixed'])
  })

  test('results need a complete jury and the highest average; publishing fixes everything', async () => {
    const db = getDb()
    const c = await judgingCompetition()
    await startJudgingViaApp(c)
    const { j1, j2, j3 } = c.jurors

    // j1 declares and scores both; the jury is still incomplete.
    for (const [nom, value] of [
      [c.nomA, 8],
      [c.nomB, 9],
    ] as const) {
      expect(statusOf(await juryPost(c.year, declare(nom, false), j1.cookie))).toBe(302)
      expect(statusOf(await juryPost(c.year, score(nom, value), j1.cookie))).toBe(302)
    }
    const result = (nominationId: number, placement: string) => ({
      intent: 'recordResult',
      target: String(c.categoryId),
      nomination_id: String(nominationId),
      placement,
      motivation_sv: 'Juryn lyfter fram ett föredömligt samarbete mellan parterna.',
      motivation_en: 'The jury highlights an exemplary partnership between the parties.',
    })
    const incomplete = await adminPost(c.year, result(c.nomB, 'winner'), c.adminCookie)
    expect(statusOf(incomplete)).toBe(400)
    expect(formErrors(incomplete)).toEqual(['errors.domain.jury_incomplete'])

    for (const [nom, value] of [
      [c.nomA, 6],
      [c.nomB, 9],
    ] as const) {
      await juryPost(c.year, declare(nom, false), j2.cookie)
      await juryPost(c.year, score(nom, value), j2.cookie)
    }
    await juryPost(c.year, declare(c.nomA, true, 'Anställd hos företaget.'), j3.cookie)
    await juryPost(c.year, declare(c.nomB, false), j3.cookie)
    await juryPost(c.year, score(c.nomB, 4), j3.cookie)
    // A: (8 + 6) / 2 = 7; B: (9 + 9 + 4) / 3 = 7,33.
    const progress = dataOf(await juryPage(c.year, j3.cookie)).page.progress
    expect(progress).toEqual({ done: 2, total: 2 })

    const adminView = dataOf(await adminPage(c.year, c.adminCookie)).competition
    const standings = adminView.categories[0].standings
    expect(standings.map((r: { nominationId: number }) => r.nominationId)).toEqual([c.nomB, c.nomA])
    expect(standings[0]).toMatchObject({ scoreCount: 3, clearedJurors: 3, declarations: 3 })
    expect(standings[1]).toMatchObject({ scoreCount: 2, clearedJurors: 2, declarations: 3 })
    expect(standings[0].averageScore).toBeCloseTo(7.333, 2)
    expect(adminView.categories[0].juryComplete).toBe(true)

    // Publishing with no winner is refused.
    const early = await adminPost(c.year, { intent: 'publish' }, c.adminCookie)
    expect(statusOf(early)).toBe(400)
    expect(formErrors(early)).toEqual(['errors.domain.results_incomplete'])

    // A is not the highest average.
    const wrong = await adminPost(c.year, result(c.nomA, 'winner'), c.adminCookie)
    expect(statusOf(wrong)).toBe(400)
    expect(formErrors(wrong)).toEqual(['errors.domain.winner_not_by_score'])
    expect(
      await db
        .selectFrom('competition_results')
        .select('nomination_id')
        .where('category_id', '=', c.categoryId)
        .execute(),
    ).toEqual([])

    expect(statusOf(await adminPost(c.year, result(c.nomB, 'winner'), c.adminCookie))).toBe(302)
    expect(
      statusOf(await adminPost(c.year, result(c.nomA, 'honourable_mention'), c.adminCookie)),
    ).toBe(302)
    // Taking a placement back is possible while judging.
    expect(
      statusOf(
        await adminPost(c.year, { intent: 'removeResult', target: String(c.nomA) }, c.adminCookie),
      ),
    ).toBe(302)
    expect(
      statusOf(await adminPost(c.year, result(c.nomA, 'honourable_mention'), c.adminCookie)),
    ).toBe(302)

    // The confirmation step, then publishing.
    expect(dataOf(await adminPage(c.year, c.adminCookie, '?confirm=publish')).confirmPublish).toBe(
      true,
    )
    const published = await adminPost(c.year, { intent: 'publish' }, c.adminCookie)
    expect(statusOf(published)).toBe(302)
    expect((await competitionRow(c.year)).status).toBe('published')
    for (const user of [c.a.host.user, c.a.company.user, c.b.host.user, c.b.company.user]) {
      expect(await mailsTo(db, user.email, 'competition_results_published')).toHaveLength(1)
    }
    const winnerMail = await mailsTo(db, c.b.company.user.email, 'competition_results_published')
    expect(winnerMail[0]!.text_body).toContain('är vinnare i kategorin')

    // Afterwards nothing changes.
    const rescored = await juryPost(c.year, score(c.nomB, 10), j1.cookie)
    expect(statusOf(rescored)).toBe(400)
    expect(formErrors(rescored)).toEqual(['errors.domain.not_judging'])
    const removed = await adminPost(
      c.year,
      { intent: 'removeResult', target: String(c.nomA) },
      c.adminCookie,
    )
    expect(statusOf(removed)).toBe(400)
    const added = await adminPost(c.year, { intent: 'addCategory', ...CATEGORY }, c.adminCookie)
    expect(statusOf(added)).toBe(400)
    const edited = await adminPost(
      c.year,
      {
        intent: 'update',
        intro_sv: 'Ändrad i efterhand.',
        intro_en: INTRO_EN,
        nominations_close: toStockholmDateTimeInput(
          (await competitionRow(c.year)).nominations_close_at,
        ),
      },
      c.adminCookie,
    )
    expect(statusOf(edited)).toBe(400)
    const stillScores = await db
      .selectFrom('competition_scores')
      .select('score')
      .where('nomination_id', '=', c.nomB)
      .where('juror_id', '=', j1.id)
      .executeTakeFirstOrThrow()
    expect(stillScores.score).toBe(9)
    expect((await competitionRow(c.year)).intro_sv).toBe(INTRO_SV)

    // The public page in Swedish and in English.
    const sv = dataOf(await publicPage(c.year)).competition
    expect(sv.status).toBe('published')
    expect(sv.intro).toBe(INTRO_SV)
    expect(sv.categories[0].name).toBe(CATEGORY.name_sv)
    expect(sv.categories[0].placements).toEqual([
      expect.objectContaining({
        placement: 'winner',
        referenceId: c.b.reference.id,
        motivation: 'Juryn lyfter fram ett föredömligt samarbete mellan parterna.',
        titleSv: 'Digitalt läkemedelsstöd i Kalix',
        titleEn: null,
        companyName: c.b.company.org.name,
        publicBodyName: c.b.host.org.name,
      }),
      expect.objectContaining({ placement: 'honourable_mention', referenceId: c.a.reference.id }),
    ])
    const en = dataOf(await publicPage(c.year, { 'Accept-Language': 'en' })).competition
    expect(en.intro).toBe(INTRO_EN)
    expect(en.categories[0].name).toBe(CATEGORY.name_en)
    expect(en.categories[0].placements.map((p: { motivation: string }) => p.motivation)).toEqual([
      'The jury highlights an exemplary partnership between the parties.',
      'The jury highlights an exemplary partnership between the parties.',
    ])
    expect(en.jury).toEqual(['Jenny Jurysson', 'Jonas Jurysson', 'Parisa Part'])
  })
})
