import { afterEach, describe, expect, test } from 'vitest'
import { now } from '~/utils/clock.server'
import { advanceClock, DAY, resetClock } from '../helpers/call-factories'
import { createUser } from '../helpers/factories'
import { rawError } from '../helpers/inspect'
import { createPlatformAdmin, createReference } from '../helpers/reference-factories'
import { db } from '../helpers/reference-rules-setup'

// The showcase rules of issue 5 (migration 2026-11-26-04), attacked with SQL no model wrote:
// traceable sources, two-party approval of the exact text, consent and retention for reference
// calls, and a competition whose winners follow a jury without conflicts. The app-level attempts
// live next to each feature's tests.
// This file: the good-examples competition follows its jury.

afterEach(resetClock)

describe('the good-examples competition follows its jury', () => {
  // One year per competition: a random year collided now and then (years are unique).
  let nextYear = 2040
  async function competition(closeIn = 10 * DAY) {
    const admin = await createPlatformAdmin(db)
    const at = now()
    const row = await db
      .insertInto('competitions')
      .values({
        year: nextYear++,
        intro_sv: 'Årets goda exempel på testbäddar och innovationsupphandling.',
        intro_en: "This year's good examples of test beds and innovation procurement.",
        nominations_close_at: at + closeIn,
        created_by: admin.id,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const category = await db
      .insertInto('competition_categories')
      .values({
        competition_id: row.id,
        position: 1,
        name_sv: 'Årets testbäddssamarbete',
        name_en: 'Test-bed collaboration of the year',
        description_sv: 'En pilot som gav mätbara resultat.',
        description_en: 'A pilot with measurable results.',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return { admin, id: row.id, categoryId: category.id }
  }
  const nominate = (categoryId: number, referenceId: number, by: number) =>
    db
      .insertInto('competition_nominations')
      .values({
        category_id: categoryId,
        reference_id: referenceId,
        nominated_by: by,
        motivation: 'Ett tydligt exempel med mätta resultat.',
        nominated_at: now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  const appoint = (competitionId: number, userId: number, by: number) =>
    db
      .insertInto('competition_jurors')
      .values({
        competition_id: competitionId,
        user_id: userId,
        appointed_by: by,
        appointed_at: now(),
      })
      .execute()
  const declare = (nominationId: number, jurorId: number, conflict: 0 | 1) =>
    db
      .insertInto('competition_declarations')
      .values({
        nomination_id: nominationId,
        juror_id: jurorId,
        has_conflict: conflict,
        note: conflict ? 'Jag arbetar hos parten.' : '',
        declared_at: now(),
      })
      .execute()
  const score = (nominationId: number, jurorId: number, value: number) =>
    db
      .insertInto('competition_scores')
      .values({
        nomination_id: nominationId,
        juror_id: jurorId,
        score: value,
        comment: 'Väl underbyggt.',
        scored_at: now(),
      })
      .execute()
  const result = (nominationId: number, categoryId: number, by: number, placement = 'winner') =>
    db
      .insertInto('competition_results')
      .values({
        nomination_id: nominationId,
        category_id: categoryId,
        placement: placement as 'winner',
        motivation_sv: 'Juryn lyfter fram de mätta resultaten.',
        motivation_en: 'The jury highlights the measured results.',
        decided_by: by,
        decided_at: now(),
      })
      .execute()
  const startJudging = (id: number) =>
    db
      .updateTable('competitions')
      .set({ status: 'judging', judging_started_at: now() })
      .where('id', '=', id)
      .execute()

  test('only an administrator opens a year, and nominations never close early', async () => {
    const user = await createUser(db)
    const at = now()
    expect(
      await rawError(() =>
        db
          .insertInto('competitions')
          .values({
            year: 2099,
            intro_sv: 'Ett försök att öppna en egen tävling.',
            intro_en: 'An attempt to open a competition of my own.',
            nominations_close_at: at + DAY,
            created_by: user.id,
            created_at: at,
          })
          .execute(),
      ),
    ).toContain('testarena:admin_only')
    const c = await competition()
    expect(
      await rawError(() =>
        db
          .updateTable('competitions')
          .set({ nominations_close_at: now() + DAY })
          .where('id', '=', c.id)
          .execute(),
      ),
    ).toContain('testarena:deadline_frozen')
    expect(await rawError(() => startJudging(c.id))).toContain('testarena:invalid_transition')
  })

  test('only published cases, only while nominations are open', async () => {
    const c = await competition()
    const draft = await createReference(db)
    expect(await rawError(() => nominate(c.categoryId, draft.reference.id, c.admin.id))).toContain(
      'testarena:reference_not_published',
    )
    const published = await createReference(db, { status: 'published' })
    await nominate(c.categoryId, published.reference.id, published.company.user.id)
    // The category is fixed once something is nominated in it.
    expect(
      await rawError(() =>
        db
          .updateTable('competition_categories')
          .set({ name_sv: 'Ett annat namn' })
          .where('id', '=', c.categoryId)
          .execute(),
      ),
    ).toContain('testarena:categories_frozen')
    advanceClock(10 * DAY)
    const late = await createReference(db, { status: 'published' })
    expect(await rawError(() => nominate(c.categoryId, late.reference.id, c.admin.id))).toContain(
      'testarena:nominations_closed',
    )
  })

  test('a party cannot judge its own case, and only cleared jurors score', async () => {
    const c = await competition()
    const published = await createReference(db, { status: 'published' })
    const nomination = await nominate(c.categoryId, published.reference.id, c.admin.id)
    const insider = published.host.user
    const outsider = await createUser(db)
    await appoint(c.id, insider.id, c.admin.id)
    advanceClock(10 * DAY)
    await startJudging(c.id)
    expect(await rawError(() => declare(nomination.id, outsider.id, 0))).toContain(
      'testarena:not_juror',
    )
    expect(await rawError(() => declare(nomination.id, insider.id, 0))).toContain(
      'testarena:juror_is_party',
    )
    await declare(nomination.id, insider.id, 1)
    expect(await rawError(() => score(nomination.id, insider.id, 10))).toContain(
      'testarena:juror_not_cleared',
    )
    expect(
      await rawError(() =>
        db
          .updateTable('competition_declarations')
          .set({ has_conflict: 0 })
          .where('nomination_id', '=', nomination.id)
          .execute(),
      ),
    ).toContain('testarena:declaration_fixed')
  })

  test('winners follow the complete jury’s scores, and a published year is fixed', async () => {
    const c = await competition()
    const first = await createReference(db, { status: 'published' })
    const second = await createReference(db, { status: 'published' })
    const a = await nominate(c.categoryId, first.reference.id, c.admin.id)
    const b = await nominate(c.categoryId, second.reference.id, c.admin.id)
    const jurors = [await createUser(db), await createUser(db)]
    for (const j of jurors) await appoint(c.id, j.id, c.admin.id)
    advanceClock(10 * DAY)
    await startJudging(c.id)
    for (const j of jurors) {
      await declare(a.id, j.id, 0)
      await declare(b.id, j.id, 0)
    }
    await score(a.id, jurors[0]!.id, 6)
    await score(b.id, jurors[0]!.id, 9)
    await score(a.id, jurors[1]!.id, 7)
    // The second juror has not scored b yet.
    expect(await rawError(() => result(b.id, c.categoryId, c.admin.id))).toContain(
      'testarena:jury_incomplete',
    )
    await score(b.id, jurors[1]!.id, 8)
    // Only an administrator records results, and the winner has the best average.
    expect(await rawError(() => result(b.id, c.categoryId, jurors[0]!.id))).toContain(
      'testarena:admin_only',
    )
    expect(await rawError(() => result(a.id, c.categoryId, c.admin.id))).toContain(
      'testarena:winner_not_by_score',
    )
    // Publishing needs a winner in every category.
    const publish = () =>
      db
        .updateTable('competitions')
        .set({ status: 'published', published_at: now(), published_by: c.admin.id })
        .where('id', '=', c.id)
        .execute()
    expect(await rawError(publish)).toContain('testarena:results_incomplete')
    await result(b.id, c.categoryId, c.admin.id)
    await result(a.id, c.categoryId, c.admin.id, 'honourable_mention')
    await publish()
    expect(
      await rawError(() =>
        db
          .updateTable('competition_scores')
          .set({ score: 10 })
          .where('nomination_id', '=', a.id)
          .execute(),
      ),
    ).toContain('testarena:not_judging')
    expect(
      await rawError(() =>
        db.deleteFrom('competition_results').where('nomination_id', '=', b.id).execute(),
      ),
    ).toContain('testarena:competition_published')
    expect(
      await rawError(() =>
        db
          .updateTable('competitions')
          .set({ intro_sv: 'Omskriven efter publiceringen.' })
          .where('id', '=', c.id)
          .execute(),
      ),
    ).toContain('testarena:competition_published')
    expect(
      await rawError(() =>
        db
          .insertInto('competition_categories')
          .values({
            competition_id: c.id,
            position: 2,
            name_sv: 'Efterhandskategori',
            name_en: 'Afterthought category',
            description_sv: 'Lades till efteråt.',
            description_en: 'Added afterwards.',
          })
          .execute(),
      ),
    ).toContain('testarena:categories_frozen')
  })
})
