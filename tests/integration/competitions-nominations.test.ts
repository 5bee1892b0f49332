import { afterEach, describe, expect, test } from 'vitest'
import { getTranslator } from '~/i18n/messages'
import { loader as listLoader } from '~/routes/competitions._index/route'
import { loader as nominateLoader } from '~/routes/competitions.$year.nominate/route'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { toStockholmDateTimeInput } from '~/utils/stockholm-time'
import { advanceClock, DAY, resetClock } from '../helpers/call-factories'
import {
  addCategoryViaApp,
  admin,
  adminList,
  adminPage,
  adminPost,
  CATEGORY,
  competitionRow,
  cookie,
  createPost,
  fieldErrors,
  formErrors,
  freshYear,
  INTRO_EN,
  INTRO_SV,
  MOTIVATION,
  nominatePost,
  nominationIds,
  openCompetition,
  publicPage,
} from '../helpers/competitions-setup'
import { createUser } from '../helpers/factories'
import { auditActions, mailsTo } from '../helpers/inspect'
import { createReference } from '../helpers/reference-factories'
import { getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, headerOf, statusOf } from '../helpers/responses'

// Competitions: creating one, its categories and the nominations.

afterEach(() => resetClock())

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
