import { sql } from 'kysely'
import { afterEach, describe, expect, test } from 'vitest'
import { setClockOffset } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { toStockholmDateInput } from '~/utils/stockholm-time'
import { createUser } from '../helpers/factories'
import {
  application,
  assessment,
  cookie,
  decide,
  list,
  pilotOf,
  rawDecide,
  rawScores,
  scoreCount,
  setup,
  view,
} from '../helpers/pilot-decisions-setup'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'
import {
  createCompany,
  createDraftApplication,
  createHost,
  createMemberOf,
  createOffer,
  createSubmittedApplication,
} from '../helpers/test-bed-factories'

// Host decisions on pilot applications: which applications the host sees, accepting and
// declining, and who may decide.

afterEach(() => setClockOffset(0))

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
})
