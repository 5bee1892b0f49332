import { sql } from 'kysely'
import { afterEach, describe, expect, test } from 'vitest'
import { decideApplication } from '~/models/pilot-decisions.server'
import { fileTestReport } from '~/models/pilots.server'
import { setClockOffset } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import {
  application,
  assessment,
  cookie,
  criteriaOf,
  decide,
  list,
  pilotOf,
  rawDecide,
  rawScores,
  scoreCount,
  setup,
  view,
} from '../helpers/pilot-decisions-setup'
import { dataOf, formResult, statusOf } from '../helpers/responses'
import {
  createCompany,
  createHost,
  createOffer,
  createSubmittedApplication,
} from '../helpers/test-bed-factories'

// Host decisions on pilot applications: the rules a decision must follow (period, criteria,
// must-haves, capacity, finality) and the aid ledger.

afterEach(() => setClockOffset(0))

describe('deciding', () => {
  test('accepting needs a pilot period that ends after it starts', async () => {
    const { offer, app, hostCookie } = await setup()
    const missing = await decide(
      offer.id,
      app.id,
      await assessment(offer.id, { starts_on: undefined, ends_on: '2027-02-30' }),
      hostCookie,
    )
    expect(statusOf(missing)).toBe(400)
    expect(formResult(missing).error).toEqual({
      starts_on: ['pilots.assess.datesRequired'],
      ends_on: ['errors.invalid'],
    })
    const backwards = await decide(
      offer.id,
      app.id,
      await assessment(offer.id, { starts_on: '2027-03-01', ends_on: '2027-02-01' }),
      hostCookie,
    )
    expect(formResult(backwards).error).toEqual({ ends_on: ['pilots.assess.endAfterStart'] })
    expect((await application(app.id)).status).toBe('submitted')
  })

  test('every criterion must be assessed: the form says which, the model and raw SQL say criteria_not_scored', async () => {
    const { host, offer, app, hostCookie } = await setup()
    const [scored] = await criteriaOf(offer.id)
    const result = await decide(
      offer.id,
      app.id,
      await assessment(offer.id, { [`score_${scored!.id}`]: undefined }),
      hostCookie,
    )
    expect(statusOf(result)).toBe(400)
    expect(formResult(result).error).toEqual({ [`score_${scored!.id}`]: ['errors.choose'] })

    // A caller that leaves a criterion out meets the database rule.
    await expect(
      decideApplication(getDb(), {
        offerId: offer.id,
        applicationId: app.id,
        userId: host.user.id,
        decision: 'decline',
        reason: 'Ofullständig bedömning',
        scores: [{ criterionId: scored!.id, score: 2, comment: '' }],
        startsOn: null,
        endsOn: null,
      }),
    ).rejects.toMatchObject({ code: 'criteria_not_scored' })
    expect(await scoreCount(app.id)).toBe(0)

    await expect(rawDecide(app.id, 'declined', host.user.id)).rejects.toThrow(
      /testarena:criteria_not_scored/,
    )
  })

  test('a must-have that is not met blocks acceptance (400, nothing saved) but not a decline; raw SQL says must_have_not_met', async () => {
    const { offer, app, hostCookie } = await setup()
    const mustHave = (await criteriaOf(offer.id)).find((c) => c.kind === 'pass_fail')!
    const fields = await assessment(offer.id, { [`met_${mustHave.id}`]: 'not_met' })
    const result = await decide(offer.id, app.id, fields, hostCookie)
    expect(statusOf(result)).toBe(400)
    const reply = formResult(result)
    expect(reply.error).toEqual({ '': ['errors.domain.must_have_not_met'] })
    expect(reply.initialValue).toMatchObject({ reason: fields.reason })
    expect(await scoreCount(app.id)).toBe(0)
    expect((await application(app.id)).status).toBe('submitted')

    const other = await setup()
    await rawScores(other.app.id, other.offer.id, other.host.user.id, 0)
    await expect(rawDecide(other.app.id, 'accepted', other.host.user.id)).rejects.toThrow(
      /testarena:must_have_not_met/,
    )

    const declined = await decide(offer.id, app.id, { ...fields, decision: 'decline' }, hostCookie)
    expect(statusOf(declined)).toBe(302)
  })

  test('capacity: a full offer refuses the next acceptance until a pilot completes with its report', async () => {
    const db = getDb()
    const { host, offer, app: first, hostCookie } = await setup({ capacity: 1 })
    const second = await createSubmittedApplication(db, offer.id, await createCompany(db))
    const third = await createSubmittedApplication(db, offer.id, await createCompany(db))

    expect(statusOf(await decide(offer.id, first.id, await assessment(offer.id), hostCookie))).toBe(
      302,
    )
    const refused = await decide(offer.id, second.id, await assessment(offer.id), hostCookie)
    expect(statusOf(refused)).toBe(400)
    expect(formResult(refused).error).toEqual({ '': ['errors.domain.capacity_full'] })
    expect(await scoreCount(second.id)).toBe(0)
    expect((await application(second.id)).status).toBe('submitted')
    expect(dataOf(await list(offer.id, hostCookie)).runningPilots).toBe(1)

    await rawScores(third.id, offer.id, host.user.id)
    await expect(rawDecide(third.id, 'accepted', host.user.id)).rejects.toThrow(
      /testarena:capacity_full/,
    )

    // The first pilot ends with its test report: the slot is free again.
    await fileTestReport(db, {
      pilotId: (await pilotOf(first.id))!.id,
      userId: host.user.id,
      report: {
        what_tested: 'Nattkameran',
        with_whom: 'Tio brukare',
        results: 'Färre nattbesök',
        recommendations: 'Inför',
      },
    })
    expect(dataOf(await list(offer.id, hostCookie)).runningPilots).toBe(0)
    expect(
      statusOf(await decide(offer.id, second.id, await assessment(offer.id), hostCookie)),
    ).toBe(302)
    expect((await pilotOf(second.id))?.status).toBe('active')
  })

  test('a decision is final: deciding again is a 400, and raw SQL cannot change its scores or reason', async () => {
    const { host, offer, app, hostCookie } = await setup()
    expect(statusOf(await decide(offer.id, app.id, await assessment(offer.id), hostCookie))).toBe(
      302,
    )
    const again = await decide(
      offer.id,
      app.id,
      await assessment(offer.id, { decision: 'decline' }),
      hostCookie,
    )
    expect(statusOf(again)).toBe(400)
    expect(formResult(again).error).toEqual({ '': ['errors.domain.application_decided'] })
    expect((await application(app.id)).status).toBe('accepted')

    const db = getDb()
    await expect(
      sql`INSERT INTO pilot_application_scores
        (application_id, criterion_id, score, comment, scored_by, scored_at)
        SELECT ${app.id}, id, 1, '', ${host.user.id}, unixepoch() FROM test_bed_criteria
        WHERE offer_id = ${offer.id} AND kind = 'score'`.execute(db),
    ).rejects.toThrow(/testarena:(application_decided|row_exists)/)
    await expect(
      sql`UPDATE pilot_application_scores SET score = 0 WHERE application_id = ${app.id}`.execute(
        db,
      ),
    ).rejects.toThrow(/testarena:application_decided/)
    await expect(
      sql`DELETE FROM pilot_application_scores WHERE application_id = ${app.id}`.execute(db),
    ).rejects.toThrow(/testarena:application_decided/)
    await expect(
      sql`UPDATE pilot_applications SET decision_reason = 'Annat' WHERE id = ${app.id}`.execute(db),
    ).rejects.toThrow(/testarena:application_decided/)
    await expect(
      sql`UPDATE pilot_applications SET status = 'declined' WHERE id = ${app.id}`.execute(db),
    ).rejects.toThrow(/testarena:/)
  })

  test('the aid ledger is append-only and written only by the database', async () => {
    const { offer, app, hostCookie, company, host } = await setup()
    await decide(offer.id, app.id, await assessment(offer.id), hostCookie)
    const pilot = (await pilotOf(app.id))!
    const db = getDb()
    await expect(
      sql`UPDATE state_aid_ledger SET aid_sek = 1 WHERE pilot_id = ${pilot.id}`.execute(db),
    ).rejects.toThrow(/testarena:aid_ledger_append_only/)
    await expect(
      sql`DELETE FROM state_aid_ledger WHERE pilot_id = ${pilot.id}`.execute(db),
    ).rejects.toThrow(/testarena:aid_ledger_append_only/)
    // A hand-made row that does not match the offer's terms is refused.
    await expect(
      sql`INSERT INTO state_aid_ledger (company_id, pilot_id, offer_id, host_id, market_value_sek,
        price_sek, aid_sek, granted_at)
        VALUES (${company.org.id}, ${pilot.id}, ${offer.id}, ${host.org.id}, 1000, 0, 1000,
          unixepoch())`.execute(db),
    ).rejects.toThrow(/testarena:(aid_ledger_append_only|row_exists)/)
  })

  test('the aid shown to the host counts the last three years apart from older aid', async () => {
    const db = getDb()
    const host = await createHost(db)
    const company = await createCompany(db)
    const old = await createOffer(db, host, { marketValue: 70000 })
    const oldApp = await createSubmittedApplication(db, old.id, company)
    // Decided four years ago by the server clock, so the pilot and its aid are dated then.
    setClockOffset(-4 * 365 * 86400)
    await decideApplication(db, {
      offerId: old.id,
      applicationId: oldApp.id,
      userId: host.user.id,
      decision: 'accept',
      reason: 'Gammal pilot',
      scores: (await criteriaOf(old.id)).map((c) => ({
        criterionId: c.id,
        score: c.kind === 'score' ? 3 : null,
        met: c.kind === 'pass_fail' ? true : null,
        comment: '',
      })),
      startsOn: 1600000000,
      endsOn: 1610000000,
    })
    setClockOffset(0)
    const recent = await createOffer(db, host, { accessModel: 'cost_sharing', price: 30000 })
    const recentApp = await createSubmittedApplication(db, recent.id, company)
    const hostCookie = await cookie(host.user.id)
    await decide(recent.id, recentApp.id, await assessment(recent.id), hostCookie)

    const third = await createOffer(db, host)
    const thirdApp = await createSubmittedApplication(db, third.id, company)
    const shown = dataOf(await view(third.id, thirdApp.id, hostCookie))
    expect(shown.stateAid).toEqual({ lastThreeYears: 10000, total: 80000, thisPilot: 40000 })
  })
})
