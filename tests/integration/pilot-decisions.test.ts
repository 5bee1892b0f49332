import { sql } from 'kysely'
import { afterEach, describe, expect, test } from 'vitest'
import { decideApplication } from '~/models/pilot-decisions.server'
import { fileTestReport } from '~/models/pilots.server'
import { loader as listLoader } from '~/routes/test-beds.$offerId.applications._index/route'
import {
  action as assessAction,
  loader as assessLoader,
} from '~/routes/test-beds.$offerId.applications.$applicationId/route'
import { setClockOffset } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { toStockholmDateInput } from '~/utils/stockholm-time'
import { createUser, sessionCookieFor } from '../helpers/factories'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'
import {
  createCompany,
  createDraftApplication,
  createHost,
  createMemberOf,
  createOffer,
  createSubmittedApplication,
  type OfferOptions,
} from '../helpers/test-bed-factories'

afterEach(() => setClockOffset(0))

const cookie = (userId: number) => sessionCookieFor(getDb(), userId)

function list(offerId: number | string, cookieHeader?: string) {
  const path = `/test-beds/${offerId}/applications`
  return run(() =>
    listLoader(
      loaderArgs(getRequest(path, { cookie: cookieHeader }), { offerId: String(offerId) }),
    ),
  )
}

function view(offerId: number, applicationId: number | string, cookieHeader?: string) {
  const path = `/test-beds/${offerId}/applications/${applicationId}`
  return run(() =>
    assessLoader(
      loaderArgs(getRequest(path, { cookie: cookieHeader }), {
        offerId: String(offerId),
        applicationId: String(applicationId),
      }),
    ),
  )
}

function decide(
  offerId: number,
  applicationId: number,
  fields: Record<string, string>,
  cookieHeader: string,
) {
  const path = `/test-beds/${offerId}/applications/${applicationId}`
  return run(() =>
    assessAction(
      actionArgs(formRequest(path, fields, { cookie: cookieHeader }), {
        offerId: String(offerId),
        applicationId: String(applicationId),
      }),
    ),
  )
}

async function criteriaOf(offerId: number) {
  return getDb()
    .selectFrom('test_bed_criteria')
    .select(['id', 'kind'])
    .where('offer_id', '=', offerId)
    .orderBy('position')
    .execute()
}

/** A complete assessment: every score 4, every must-have met, accept with a period. */
async function assessment(
  offerId: number,
  overrides: Record<string, string | undefined> = {},
): Promise<Record<string, string>> {
  const fields: Record<string, string | undefined> = {
    decision: 'accept',
    reason: 'Produkten passar testbädden och gruppen av brukare.',
    starts_on: '2027-01-11',
    ends_on: '2027-04-30',
  }
  for (const c of await criteriaOf(offerId)) {
    if (c.kind === 'score') fields[`score_${c.id}`] = '4'
    else fields[`met_${c.id}`] = 'met'
    fields[`comment_${c.id}`] = 'Väl beskrivet.'
  }
  Object.assign(fields, overrides)
  return Object.fromEntries(
    Object.entries(fields).filter((e): e is [string, string] => e[1] !== undefined),
  )
}

async function application(id: number) {
  return getDb()
    .selectFrom('pilot_applications')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
}

async function scoreCount(applicationId: number) {
  const rows = await getDb()
    .selectFrom('pilot_application_scores')
    .select('criterion_id')
    .where('application_id', '=', applicationId)
    .execute()
  return rows.length
}

async function pilotOf(applicationId: number) {
  return getDb()
    .selectFrom('pilots')
    .selectAll()
    .where('application_id', '=', applicationId)
    .executeTakeFirst()
}

async function setup(options: OfferOptions = {}) {
  const db = getDb()
  const host = await createHost(db)
  const company = await createCompany(db)
  const offer = await createOffer(db, host, options)
  const app = await createSubmittedApplication(db, offer.id, company)
  return { host, company, offer, app, hostCookie: await cookie(host.user.id) }
}

/** Scores every criterion of the application through raw SQL, as the host's member. */
async function rawScores(applicationId: number, offerId: number, scorerId: number, met = 1) {
  for (const c of await criteriaOf(offerId)) {
    await sql`INSERT INTO pilot_application_scores
      (application_id, criterion_id, score, met, comment, scored_by, scored_at)
      VALUES (${applicationId}, ${c.id}, ${c.kind === 'score' ? 3 : null},
        ${c.kind === 'pass_fail' ? met : null}, '', ${scorerId}, unixepoch())`.execute(getDb())
  }
}

function rawDecide(applicationId: number, status: 'accepted' | 'declined', deciderId: number) {
  return sql`UPDATE pilot_applications SET status = ${status}, decided_at = unixepoch(),
    decided_by = ${deciderId}, decision_reason = 'Rå SQL',
    pilot_starts_on = ${status === 'accepted' ? 1800000000 : null},
    pilot_ends_on = ${status === 'accepted' ? 1800864000 : null}
    WHERE id = ${applicationId}`.execute(getDb())
}

describe('which applications the host sees', () => {
  test('rolling intake: every submitted, withdrawn or decided application, never a draft', async () => {
    const db = getDb()
    const { host, offer, app, hostCookie } = await setup()
    const drafter = await createCompany(db)
    const draft = await createDraftApplication(db, offer.id, drafter)
    const withdrawer = await createCompany(db)
    const withdrawn = await createSubmittedApplication(db, offer.id, withdrawer)
    await db
      .updateTable('pilot_applications')
      .set({ status: 'withdrawn', withdrawn_at: Math.floor(Date.now() / 1000) })
      .where('id', '=', withdrawn.id)
      .execute()

    const page = dataOf(await list(offer.id, hostCookie))
    expect(page.applications.map((a: { id: number }) => a.id)).toEqual([app.id, withdrawn.id])
    expect(page.received).toBe(2)
    expect(page.runningPilots).toBe(0)
    expect(page.offer.capacity).toBe(2)
    expect(statusOf(await view(offer.id, draft.id, hostCookie))).toBe(404)
    expect(statusOf(await view(offer.id, withdrawn.id, hostCookie))).toBe(200)

    // Any member of the host, not only its admin, assesses.
    const colleague = await createMemberOf(db, host.org.id)
    const seen = dataOf(await view(offer.id, app.id, await cookie(colleague.id)))
    expect(seen.application.product_name).toBe('Trygghetskamera Natt')
  })

  test('nobody outside the host sees the list or an application: 404', async () => {
    const db = getDb()
    const { company, offer, app } = await setup()
    const otherHost = await createHost(db)
    const stranger = await createUser(db)
    for (const userId of [company.user.id, otherHost.user.id, stranger.id]) {
      const c = await cookie(userId)
      expect(statusOf(await list(offer.id, c))).toBe(404)
      expect(statusOf(await view(offer.id, app.id, c))).toBe(404)
    }
    const anonymous = await list(offer.id)
    expect(statusOf(anonymous)).toBe(302)
    expect(headerOf(anonymous, 'Location')).toMatch(/^\/login\?redirectTo=/)
  })

  test('bad ids and an application of another offer are not found', async () => {
    const db = getDb()
    const { host, offer, app, hostCookie } = await setup()
    const other = await createOffer(db, host)
    expect(statusOf(await list('abc', hostCookie))).toBe(404)
    expect(statusOf(await view(offer.id, 'x1', hostCookie))).toBe(404)
    expect(statusOf(await view(other.id, app.id, hostCookie))).toBe(404)
    expect(statusOf(await view(offer.id, 999999, hostCookie))).toBe(404)
  })

  test('a round is sealed until its deadline: a count only, then every application', async () => {
    const db = getDb()
    const { host, company, offer, app, hostCookie } = await setup({
      intake: 'round',
      deadlineIn: 2,
    })
    await createDraftApplication(db, offer.id, await createCompany(db))

    const before = dataOf(await list(offer.id, hostCookie))
    expect(before.offer.sealed).toBe(true)
    expect(before.received).toBe(1)
    expect(before.applications).toEqual([])
    expect(statusOf(await view(offer.id, app.id, hostCookie))).toBe(404)
    // Deciding early through the app: the application is not there to decide.
    const early = await decide(offer.id, app.id, await assessment(offer.id), hostCookie)
    expect(statusOf(early)).toBe(404)
    expect((await application(app.id)).status).toBe('submitted')

    await new Promise((resolve) => setTimeout(resolve, 2200))

    const after = dataOf(await list(offer.id, hostCookie))
    expect(after.offer.sealed).toBe(false)
    expect(after.applications.map((a: { id: number }) => a.id)).toEqual([app.id])
    expect(statusOf(await view(offer.id, app.id, hostCookie))).toBe(200)
    const decided = await decide(offer.id, app.id, await assessment(offer.id), hostCookie)
    expect(statusOf(decided)).toBe(302)
    expect((await application(app.id)).status).toBe('accepted')
    expect(company.org.id).toBe((await pilotOf(app.id))?.company_id)
    expect(host.org.id).toBe((await pilotOf(app.id))?.host_id)
  })

  test('raw SQL: a round cannot be decided before its deadline (round_still_open)', async () => {
    const { host, offer, app } = await setup({ intake: 'round', deadlineIn: 3600 })
    await expect(rawScores(app.id, offer.id, host.user.id)).rejects.toThrow(
      /testarena:round_still_open/,
    )
    // Unscored, the decision is refused for that first (the trigger order is SQLite's).
    await expect(rawDecide(app.id, 'declined', host.user.id)).rejects.toThrow(
      /testarena:(round_still_open|criteria_not_scored)/,
    )
  })
})

describe('deciding', () => {
  test('accepting scores every criterion, creates the pilot and the aid row, audits and mails each member in their language', async () => {
    const db = getDb()
    const { host, company, offer, app, hostCookie } = await setup({
      accessModel: 'cost_sharing',
      marketValue: 50000,
      price: 15000,
    })
    const english = await createUser(db, { locale: 'en' })
    await db
      .insertInto('memberships')
      .values({
        organisation_id: company.org.id,
        user_id: english.id,
        role: 'member',
        created_at: 1,
      })
      .execute()

    const shown = dataOf(await view(offer.id, app.id, hostCookie))
    expect(shown.stateAid).toEqual({ lastThreeYears: 0, total: 0, thisPilot: 35000 })
    expect(shown.criteria.map((c: { score: unknown }) => c.score)).toEqual([null, null])

    const result = await decide(offer.id, app.id, await assessment(offer.id), hostCookie)
    expect(statusOf(result)).toBe(302)
    expect(headerOf(result, 'Location')).toBe(
      `/test-beds/${offer.id}/applications/${app.id}?notice=decided`,
    )

    const row = await application(app.id)
    expect(row).toMatchObject({
      status: 'accepted',
      decided_by: host.user.id,
      decision_reason: 'Produkten passar testbädden och gruppen av brukare.',
    })
    expect(toStockholmDateInput(row.pilot_starts_on!)).toBe('2027-01-11')
    expect(toStockholmDateInput(row.pilot_ends_on!)).toBe('2027-04-30')
    expect(await scoreCount(app.id)).toBe(2)
    const pilot = await pilotOf(app.id)
    expect(pilot).toMatchObject({ status: 'active', company_id: company.org.id })
    const aid = await db
      .selectFrom('state_aid_ledger')
      .selectAll()
      .where('pilot_id', '=', pilot!.id)
      .execute()
    expect(aid).toEqual([
      expect.objectContaining({
        company_id: company.org.id,
        market_value_sek: 50000,
        price_sek: 15000,
        aid_sek: 35000,
      }),
    ])

    const audits = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'pilot_application')
      .where('entity_id', '=', String(app.id))
      .execute()
    expect(audits.map((a) => a.action)).toEqual(['application.accepted'])
    expect(audits[0]?.organisation_id).toBe(host.org.id)

    const mail = await db
      .selectFrom('outbox')
      .selectAll()
      .where('template', '=', 'application_accepted')
      .where('to_address', 'in', [
        (await db
          .selectFrom('users')
          .select('email')
          .where('id', '=', company.user.id)
          .executeTakeFirstOrThrow())!.email,
        english.email,
      ])
      .orderBy('id')
      .execute()
    expect(mail).toHaveLength(2)
    expect(mail[0]?.subject).toMatch(/^Er ansökan till .* är antagen$/)
    expect(mail[1]?.subject).toMatch(/^Your application to .* is accepted$/)
    expect(mail[1]?.text_body).toContain(`http://localhost:3000/applications/${app.id}`)
    expect(mail[1]?.text_body).toContain('Produkten passar testbädden')

    // Read-only afterwards, with the scores and the pilot.
    const after = dataOf(await view(offer.id, app.id, hostCookie))
    expect(after.application.status).toBe('accepted')
    expect(after.pilot).toEqual({ id: pilot!.id, status: 'active' })
    expect(after.criteria.map((c: { score: unknown }) => c.score)).toEqual([
      { score: 4, met: null, comment: 'Väl beskrivet.' },
      { score: null, met: true, comment: 'Väl beskrivet.' },
    ])
    expect(after.stateAid.lastThreeYears).toBe(35000)
  })

  test('declining needs no period; a paid pilot creates no aid row', async () => {
    const db = getDb()
    const declined = await setup()
    const result = await decide(
      declined.offer.id,
      declined.app.id,
      await assessment(declined.offer.id, {
        decision: 'decline',
        starts_on: undefined,
        ends_on: undefined,
      }),
      declined.hostCookie,
    )
    expect(statusOf(result)).toBe(302)
    expect(await application(declined.app.id)).toMatchObject({
      status: 'declined',
      pilot_starts_on: null,
    })
    expect(await pilotOf(declined.app.id)).toBeUndefined()

    const paid = await setup({ accessModel: 'paid' })
    expect(
      statusOf(
        await decide(paid.offer.id, paid.app.id, await assessment(paid.offer.id), paid.hostCookie),
      ),
    ).toBe(302)
    const pilot = await pilotOf(paid.app.id)
    expect(pilot?.status).toBe('active')
    const aid = await db
      .selectFrom('state_aid_ledger')
      .select('id')
      .where('pilot_id', '=', pilot!.id)
      .execute()
    expect(aid).toEqual([])
  })

  test('a company member or another host cannot decide (404), and raw SQL says decision_by_host_only', async () => {
    const db = getDb()
    const { host, company, offer, app } = await setup()
    const otherHost = await createHost(db)
    for (const userId of [company.user.id, otherHost.user.id]) {
      const result = await decide(
        offer.id,
        app.id,
        await assessment(offer.id),
        await cookie(userId),
      )
      expect(statusOf(result)).toBe(404)
    }
    expect((await application(app.id)).status).toBe('submitted')
    expect(await scoreCount(app.id)).toBe(0)

    // Scores by the company are refused, and so is a decision by anyone outside the host.
    await expect(rawScores(app.id, offer.id, company.user.id)).rejects.toThrow(
      /testarena:decision_by_host_only/,
    )
    await rawScores(app.id, offer.id, host.user.id)
    for (const userId of [company.user.id, otherHost.user.id]) {
      await expect(rawDecide(app.id, 'declined', userId)).rejects.toThrow(
        /testarena:decision_by_host_only/,
      )
    }
  })

  test('a reason is required: 400 with the values kept; raw SQL says reason_required', async () => {
    const { host, offer, app, hostCookie } = await setup()
    const fields = await assessment(offer.id, { reason: '   ' })
    const result = await decide(offer.id, app.id, fields, hostCookie)
    expect(statusOf(result)).toBe(400)
    const reply = formResult(result)
    expect(reply.error).toEqual({ reason: ['errors.required'] })
    expect(reply.initialValue).toMatchObject({ decision: 'accept', starts_on: '2027-01-11' })
    expect((await application(app.id)).status).toBe('submitted')
    expect(await scoreCount(app.id)).toBe(0)

    await rawScores(app.id, offer.id, host.user.id)
    await expect(
      sql`UPDATE pilot_applications SET status = 'declined', decided_at = unixepoch(),
        decided_by = ${host.user.id}, decision_reason = '  ' WHERE id = ${app.id}`.execute(getDb()),
    ).rejects.toThrow(/testarena:reason_required/)
  })

  test('a host member who also belongs to the applicant cannot assess it; a colleague can', async () => {
    const { host, company, offer, app } = await setup()
    const both = await createMemberOf(getDb(), host.org.id)
    await sql`INSERT INTO memberships (organisation_id, user_id, role, created_at)
      VALUES (${company.org.id}, ${both.id}, 'member', unixepoch())`.execute(getDb())
    const fields = await assessment(offer.id)
    const refused = await decide(offer.id, app.id, fields, await cookie(both.id))
    expect(statusOf(refused)).toBe(400)
    expect(formResult(refused).error).toEqual({ '': ['errors.domain.conflict_of_interest'] })
    expect(await scoreCount(app.id)).toBe(0)
    const decided = await decide(offer.id, app.id, fields, await cookie(host.user.id))
    expect(statusOf(decided)).toBe(302)
    expect((await application(app.id)).decided_by).toBe(host.user.id)
  })

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
