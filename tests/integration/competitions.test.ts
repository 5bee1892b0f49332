import { afterEach, describe, expect, test } from 'vitest'
import { getTranslator } from '~/i18n/messages'
import {
  action as adminListAction,
  loader as adminListLoader,
} from '~/routes/admin.competitions._index/route'
import {
  action as adminYearAction,
  loader as adminYearLoader,
} from '~/routes/admin.competitions.$year/route'
import { loader as listLoader } from '~/routes/competitions._index/route'
import { loader as yearLoader } from '~/routes/competitions.$year._index/route'
import { action as juryAction, loader as juryLoader } from '~/routes/competitions.$year.jury/route'
import {
  action as nominateAction,
  loader as nominateLoader,
} from '~/routes/competitions.$year.nominate/route'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { toStockholmDateTimeInput } from '~/utils/stockholm-time'
import { advanceClock, DAY, resetClock } from '../helpers/call-factories'
import { addMember, createUser, sessionCookieFor } from '../helpers/factories'
import { auditActions, mailsTo } from '../helpers/inspect'
import { createPlatformAdmin, createReference } from '../helpers/reference-factories'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'

afterEach(() => resetClock())

const cookie = (userId: number) => sessionCookieFor(getDb(), userId)

// Every test uses its own year (the year is unique in the database).
let nextYear = 2040
const freshYear = () => nextYear++

const INTRO_SV = 'Årets tävling lyfter fram verifierade referenser från hela landet.'
const INTRO_EN = 'This year’s competition showcases verified references from all over Sweden.'
const CATEGORY = {
  name_sv: 'Årets testbäddssamarbete',
  name_en: 'Test-bed partnership of the year',
  description_sv: 'Ett samarbete där en testbädd ledde till ett verkligt införande.',
  description_en: 'A partnership in which a test bed led to real deployment.',
}
const MOTIVATION = 'Ett tydligt exempel på hur en pilot blev ett införande i full skala.'

function adminList(userCookie?: string) {
  return run(() =>
    adminListLoader(loaderArgs(getRequest('/admin/competitions', { cookie: userCookie }))),
  )
}

function createPost(fields: Record<string, string>, userCookie: string) {
  return run(() =>
    adminListAction(actionArgs(formRequest('/admin/competitions', fields, { cookie: userCookie }))),
  )
}

function adminPage(year: number | string, userCookie: string, search = '') {
  return run(() =>
    adminYearLoader(
      loaderArgs(getRequest(`/admin/competitions/${year}${search}`, { cookie: userCookie }), {
        year: String(year),
      }),
    ),
  )
}

function adminPost(year: number, fields: Record<string, string>, userCookie: string) {
  return run(() =>
    adminYearAction(
      actionArgs(formRequest(`/admin/competitions/${year}`, fields, { cookie: userCookie }), {
        year: String(year),
      }),
    ),
  )
}

function publicPage(year: number | string, headers: Record<string, string> = {}) {
  return run(() =>
    yearLoader(
      loaderArgs(getRequest(`/competitions/${year}`, { headers }), { year: String(year) }),
    ),
  )
}

function nominatePost(year: number, fields: Record<string, string>, userCookie: string) {
  return run(() =>
    nominateAction(
      actionArgs(formRequest(`/competitions/${year}/nominate`, fields, { cookie: userCookie }), {
        year: String(year),
      }),
    ),
  )
}

function juryPage(year: number | string, userCookie: string) {
  return run(() =>
    juryLoader(
      loaderArgs(getRequest(`/competitions/${year}/jury`, { cookie: userCookie }), {
        year: String(year),
      }),
    ),
  )
}

function juryPost(year: number, fields: Record<string, string>, userCookie: string) {
  return run(() =>
    juryAction(
      actionArgs(formRequest(`/competitions/${year}/jury`, fields, { cookie: userCookie }), {
        year: String(year),
      }),
    ),
  )
}

function formErrors(outcome: unknown): string[] {
  return formResult(outcome).error?.[''] ?? []
}

function fieldErrors(outcome: unknown, field: string): string[] {
  return formResult(outcome).error?.[field] ?? []
}

async function competitionRow(year: number) {
  return getDb()
    .selectFrom('competitions')
    .selectAll()
    .where('year', '=', year)
    .executeTakeFirstOrThrow()
}

async function admin() {
  const user = await createPlatformAdmin(getDb())
  return { user, cookie: await cookie(user.id) }
}

/** A competition created through the app, nominations closing `closeIn` seconds from now. */
async function openCompetition(adminCookie: string, closeIn = 2 * DAY) {
  const year = freshYear()
  const outcome = await createPost(
    {
      year: String(year),
      intro_sv: INTRO_SV,
      intro_en: INTRO_EN,
      nominations_close: toStockholmDateTimeInput(now() + closeIn),
    },
    adminCookie,
  )
  expect(statusOf(outcome)).toBe(302)
  expect(headerOf(outcome, 'Location')).toBe(`/admin/competitions/${year}?notice=created`)
  return year
}

async function addCategoryViaApp(year: number, adminCookie: string, overrides = {}) {
  const outcome = await adminPost(
    year,
    { intent: 'addCategory', ...CATEGORY, ...overrides },
    adminCookie,
  )
  expect(statusOf(outcome)).toBe(302)
  const rows = await getDb()
    .selectFrom('competition_categories as c')
    .innerJoin('competitions as k', 'k.id', 'c.competition_id')
    .select(['c.id'])
    .where('k.year', '=', year)
    .orderBy('c.position', 'desc')
    .execute()
  return rows[0]!.id
}

async function nominationIds(categoryId: number) {
  const rows = await getDb()
    .selectFrom('competition_nominations')
    .select(['id', 'reference_id'])
    .where('category_id', '=', categoryId)
    .orderBy('id')
    .execute()
  return rows
}

async function appoint(year: number, email: string, adminCookie: string) {
  const outcome = await adminPost(year, { intent: 'appointJuror', email }, adminCookie)
  expect(statusOf(outcome)).toBe(302)
}

describe('creating a competition', () => {
  test('only a platform administrator; others get 404, visitors the login page', async () => {
    const db = getDb()
    const stranger = await createUser(db)
    const strangerCookie = await cookie(stranger.id)
    expect(statusOf(await adminList(strangerCookie))).toBe(404)
    expect(headerOf(await adminList(), 'Location')).toMatch(/^\/login\?/)
    const year = freshYear()
    const fields = {
      year: String(year),
      intro_sv: INTRO_SV,
      intro_en: INTRO_EN,
      nominations_close: toStockholmDateTimeInput(now() + 5 * DAY),
    }
    expect(statusOf(await createPost(fields, strangerCookie))).toBe(404)
    expect(
      await db.selectFrom('competitions').select('id').where('year', '=', year).execute(),
    ).toEqual([])

    const { cookie: adminCookie } = await admin()
    const created = await createPost(fields, adminCookie)
    expect(statusOf(created)).toBe(302)
    const row = await competitionRow(year)
    expect(row).toMatchObject({ status: 'nominating', intro_sv: INTRO_SV, intro_en: INTRO_EN })
    expect(await auditActions(db, 'competition', row.id)).toEqual(['competition.created'])
    const list = dataOf(await adminList(adminCookie))
    expect(list.competitions.map((c: { year: number }) => c.year)).toContain(year)
    // The public list shows the year with its status.
    const years = dataOf(await run(() => listLoader())).competitions
    expect(years).toContainEqual(expect.objectContaining({ year, status: 'nominating' }))
    // The admin page of another administrator's year: fine; of a stranger: 404.
    expect(statusOf(await adminPage(year, adminCookie))).toBe(200)
    expect(statusOf(await adminPage(year, strangerCookie))).toBe(404)
  })

  test('a duplicate year is a 400 with the translated message; a past close too', async () => {
    const { cookie: adminCookie } = await admin()
    const year = await openCompetition(adminCookie)
    const again = await createPost(
      {
        year: String(year),
        intro_sv: 'En annan introduktion till samma år.',
        intro_en: 'Another introduction to the same year.',
        nominations_close: toStockholmDateTimeInput(now() + 9 * DAY),
      },
      adminCookie,
    )
    expect(statusOf(again)).toBe(400)
    expect(formErrors(again)).toEqual(['errors.domain.competition_exists'])
    expect(getTranslator('sv')('errors.domain.competition_exists')).toBe(
      'Det finns redan en tävling för det året.',
    )
    expect((await competitionRow(year)).intro_sv).toBe(INTRO_SV)

    const past = await createPost(
      {
        year: String(freshYear()),
        intro_sv: INTRO_SV,
        intro_en: INTRO_EN,
        nominations_close: toStockholmDateTimeInput(now() - DAY),
      },
      adminCookie,
    )
    expect(statusOf(past)).toBe(400)
    expect(fieldErrors(past, 'nominations_close')).toEqual(['competition.error.closeInPast'])

    const badYear = await createPost(
      { year: '1999', intro_sv: INTRO_SV, intro_en: INTRO_EN, nominations_close: 'igår' },
      adminCookie,
    )
    expect(statusOf(badYear)).toBe(400)
    expect(fieldErrors(badYear, 'year')).toEqual(['competition.error.year'])
    expect(fieldErrors(badYear, 'nominations_close')).toEqual(['competition.error.dateTime'])
  })

  test('the year in the address is four digits, else 404', async () => {
    const { cookie: adminCookie } = await admin()
    for (const bad of ['abc', '20311', '31', '2031.5']) {
      expect(statusOf(await adminPage(bad, adminCookie))).toBe(404)
      expect(statusOf(await publicPage(bad))).toBe(404)
    }
    // Four digits, but no competition that year.
    expect(statusOf(await publicPage(2999))).toBe(404)
  })

  test('the close moves only later, and not once it has passed', async () => {
    const { user: adminUser, cookie: adminCookie } = await admin()
    const year = await openCompetition(adminCookie)
    const before = await competitionRow(year)
    const earlier = await adminPost(
      year,
      {
        intent: 'update',
        intro_sv: INTRO_SV,
        intro_en: INTRO_EN,
        nominations_close: toStockholmDateTimeInput(before.nominations_close_at - 3600),
      },
      adminCookie,
    )
    expect(statusOf(earlier)).toBe(400)
    expect(fieldErrors(earlier, 'nominations_close')).toEqual(['competition.error.closeEarlier'])
    const later = await adminPost(
      year,
      {
        intent: 'update',
        intro_sv: 'En ny introduktion för året.',
        intro_en: INTRO_EN,
        nominations_close: toStockholmDateTimeInput(before.nominations_close_at + DAY),
      },
      adminCookie,
    )
    expect(statusOf(later)).toBe(302)
    const after = await competitionRow(year)
    expect(after.nominations_close_at).toBe(before.nominations_close_at + DAY)
    expect(after.intro_sv).toBe('En ny introduktion för året.')

    advanceClock(5 * DAY)
    const frozen = await adminPost(
      year,
      {
        intent: 'update',
        intro_sv: INTRO_SV,
        intro_en: INTRO_EN,
        nominations_close: toStockholmDateTimeInput(after.nominations_close_at + DAY),
      },
      // Sessions idle out over the jump: sign in again.
      await cookie(adminUser.id),
    )
    expect(statusOf(frozen)).toBe(400)
    expect(fieldErrors(frozen, 'nominations_close')).toEqual(['competition.error.closeFrozen'])
    expect((await competitionRow(year)).nominations_close_at).toBe(after.nominations_close_at)
  })
})

describe('categories and nominations', () => {
  test('categories are editable until something is nominated in them', async () => {
    const db = getDb()
    const { cookie: adminCookie } = await admin()
    const year = await openCompetition(adminCookie)
    const categoryId = await addCategoryViaApp(year, adminCookie)
    const spare = await addCategoryViaApp(year, adminCookie, { name_sv: 'Reservkategori' })
    const renamed = await adminPost(
      year,
      { intent: 'updateCategory', target: String(categoryId), ...CATEGORY, name_sv: 'Årets lyft' },
      adminCookie,
    )
    expect(statusOf(renamed)).toBe(302)
    expect(
      statusOf(
        await adminPost(year, { intent: 'deleteCategory', target: String(spare) }, adminCookie),
      ),
    ).toBe(302)

    const { reference } = await createReference(db, { status: 'published' })
    const nominator = await createUser(db)
    const nominated = await nominatePost(
      year,
      {
        intent: 'nominate',
        category_id: String(categoryId),
        reference_id: String(reference.id),
        motivation: MOTIVATION,
      },
      await cookie(nominator.id),
    )
    expect(statusOf(nominated)).toBe(302)

    const frozen = await adminPost(
      year,
      { intent: 'updateCategory', target: String(categoryId), ...CATEGORY },
      adminCookie,
    )
    expect(statusOf(frozen)).toBe(400)
    expect(formErrors(frozen)).toEqual(['errors.domain.categories_frozen'])
    const deleted = await adminPost(
      year,
      { intent: 'deleteCategory', target: String(categoryId) },
      adminCookie,
    )
    expect(statusOf(deleted)).toBe(400)
    const row = await db
      .selectFrom('competition_categories')
      .selectAll()
      .where('id', '=', categoryId)
      .executeTakeFirstOrThrow()
    expect(row.name_sv).toBe('Årets lyft')
  })

  test('only published references, only while open, once per category; parties are told', async () => {
    const db = getDb()
    const { cookie: adminCookie } = await admin()
    const year = await openCompetition(adminCookie)
    const categoryId = await addCategoryViaApp(year, adminCookie)
    const published = await createReference(db, { status: 'published' })
    const draft = await createReference(db)
    const nominator = await createUser(db)
    const nominatorCookie = await cookie(nominator.id)
    const fields = (referenceId: number) => ({
      intent: 'nominate',
      category_id: String(categoryId),
      reference_id: String(referenceId),
      motivation: MOTIVATION,
    })

    // The page lists published references only.
    const page = dataOf(
      await run(() =>
        nominateLoader(
          loaderArgs(getRequest(`/competitions/${year}/nominate`, { cookie: nominatorCookie }), {
            year: String(year),
          }),
        ),
      ),
    )
    const listed = page.page.references.map((r: { id: number }) => r.id)
    expect(listed).toContain(published.reference.id)
    expect(listed).not.toContain(draft.reference.id)

    const ofDraft = await nominatePost(year, fields(draft.reference.id), nominatorCookie)
    expect(statusOf(ofDraft)).toBe(400)
    expect(formErrors(ofDraft)).toEqual(['errors.domain.reference_not_published'])

    const short = await nominatePost(
      year,
      { ...fields(published.reference.id), motivation: 'För kort.' },
      nominatorCookie,
    )
    expect(statusOf(short)).toBe(400)
    expect(fieldErrors(short, 'motivation')).toEqual(['competition.error.motivationShort'])

    expect(
      statusOf(await nominatePost(year, fields(published.reference.id), nominatorCookie)),
    ).toBe(302)
    const twice = await nominatePost(year, fields(published.reference.id), nominatorCookie)
    expect(statusOf(twice)).toBe(400)
    expect(formErrors(twice)).toEqual(['errors.domain.already_nominated'])
    expect(await nominationIds(categoryId)).toHaveLength(1)

    // Both parties' members hear about it; the nominator's page lists it.
    for (const user of [published.host.user, published.company.user]) {
      const mails = await mailsTo(db, user.email, 'competition_nominated')
      expect(mails).toHaveLength(1)
      expect(mails[0]!.text_body).toContain(`/competitions/${year}`)
    }
    // The public page lists the nomination while nominations are open.
    const shown = dataOf(await publicPage(year)).competition.categories[0].nominations
    expect(shown).toEqual([expect.objectContaining({ referenceId: published.reference.id })])

    // Another user cannot withdraw it; the nominator can.
    const [nomination] = await nominationIds(categoryId)
    const other = await createUser(db)
    const stolen = await nominatePost(
      year,
      { intent: 'withdraw', nomination_id: String(nomination!.id) },
      await cookie(other.id),
    )
    expect(statusOf(stolen)).toBe(404)
    const withdrawn = await nominatePost(
      year,
      { intent: 'withdraw', nomination_id: String(nomination!.id) },
      nominatorCookie,
    )
    expect(statusOf(withdrawn)).toBe(302)
    expect(await nominationIds(categoryId)).toHaveLength(0)

    // After the close: refused, and nothing is stored.
    advanceClock(3 * DAY)
    const late = await nominatePost(
      year,
      fields(published.reference.id),
      await cookie(nominator.id),
    )
    expect(statusOf(late)).toBe(400)
    expect(formErrors(late)).toEqual(['errors.domain.nominations_closed'])
    expect(await nominationIds(categoryId)).toHaveLength(0)
  })
})

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
