import { sql } from 'kysely'
import { describe, expect, test } from 'vitest'
import { loader as orgPilotsLoader } from '~/routes/organisations.$slug.pilots/route'
import { loader as stateAidLoader } from '~/routes/organisations.$slug.state-aid/route'
import { action as pilotAction, loader as pilotLoader } from '~/routes/pilots.$pilotId/route'
import { getDb } from '~/utils/db.server'
import { createUser, sessionCookieFor } from '../helpers/factories'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'
import {
  createCompany,
  createHost,
  createMemberOf,
  type OfferOptions,
} from '../helpers/test-bed-factories'
import { mailsTo } from '../helpers/inspect'
import { createRunningPilot } from '../helpers/pilot-factories'

const cookie = (userId: number) => sessionCookieFor(getDb(), userId)

/** A running pilot: an offer, a submitted application, and the host's acceptance. */
async function runningPilot(options: OfferOptions = {}) {
  const pilot = await createRunningPilot(getDb(), {
    offer: options,
    startsOn: 1800000000,
    endsOn: 1810000000,
  })
  return {
    ...pilot,
    hostCookie: await cookie(pilot.host.user.id),
    companyCookie: await cookie(pilot.company.user.id),
  }
}

function page(pilotId: number | string, cookieHeader?: string) {
  return run(() =>
    pilotLoader(
      loaderArgs(getRequest(`/pilots/${pilotId}`, { cookie: cookieHeader }), {
        pilotId: String(pilotId),
      }),
    ),
  )
}

function post(pilotId: number, fields: Record<string, string>, cookieHeader: string) {
  return run(() =>
    pilotAction(
      actionArgs(formRequest(`/pilots/${pilotId}`, fields, { cookie: cookieHeader }), {
        pilotId: String(pilotId),
      }),
    ),
  )
}

const REPORT = {
  intent: 'report',
  what_tested: 'Nattkameran i tio hem.',
  with_whom: 'Tio brukare och sex undersköterskor.',
  results: 'Nattbesöken minskade med 40 procent.',
  recommendations: 'Inför i hela hemtjänsten.',
}

async function pilotRow(pilotId: number) {
  return getDb()
    .selectFrom('pilots')
    .selectAll()
    .where('id', '=', pilotId)
    .executeTakeFirstOrThrow()
}

async function messageCount(pilotId: number) {
  const rows = await getDb()
    .selectFrom('pilot_messages')
    .select('id')
    .where('pilot_id', '=', pilotId)
    .execute()
  return rows.length
}

async function emailOf(userId: number) {
  const row = await getDb()
    .selectFrom('users')
    .select('email')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow()
  return row.email
}

async function mailTo(userId: number, template: string) {
  return mailsTo(getDb(), await emailOf(userId), template)
}

describe('the pilot page', () => {
  test('both parties see it; anyone else, and bad ids, get 404', async () => {
    const db = getDb()
    const { host, company, pilotId, offer, hostCookie, companyCookie } = await runningPilot()
    const forHost = dataOf(await page(pilotId, hostCookie))
    expect(forHost.pilot).toMatchObject({
      id: pilotId,
      status: 'active',
      side: 'host',
      offer_id: offer.id,
      host_name: host.org.name,
      company_name: company.org.name,
    })
    expect(forHost.messages).toEqual([])
    expect(forHost.report).toBeNull()
    expect(dataOf(await page(pilotId, companyCookie)).pilot.side).toBe('company')
    const colleague = await createMemberOf(db, company.org.id)
    expect(statusOf(await page(pilotId, await cookie(colleague.id)))).toBe(200)

    const otherCompany = await createCompany(db)
    const otherHost = await createHost(db)
    const stranger = await createUser(db)
    for (const userId of [otherCompany.user.id, otherHost.user.id, stranger.id]) {
      expect(statusOf(await page(pilotId, await cookie(userId)))).toBe(404)
    }
    expect(statusOf(await page('abc', hostCookie))).toBe(404)
    expect(statusOf(await page(999999, hostCookie))).toBe(404)
    expect(statusOf(await page(pilotId))).toBe(302)
  })
})

describe('the private thread', () => {
  test('a party posts; the thread shows author and organisation, oldest first; the other party is mailed', async () => {
    const db = getDb()
    const { host, company, pilotId, hostCookie, companyCookie } = await runningPilot()
    const hostColleague = await createMemberOf(db, host.org.id)

    const first = await post(
      pilotId,
      { intent: 'message', body: 'Hej! När kan vi börja?' },
      companyCookie,
    )
    expect(statusOf(first)).toBe(302)
    expect(headerOf(first, 'Location')).toBe(`/pilots/${pilotId}?notice=messagePosted`)
    await post(pilotId, { intent: 'message', body: 'Måndag den 11 januari.' }, hostCookie)

    const thread = dataOf(await page(pilotId, hostCookie)).messages
    expect(thread).toEqual([
      expect.objectContaining({
        body: 'Hej! När kan vi börja?',
        author_name: 'Test Person',
        organisation_name: company.org.name,
      }),
      expect.objectContaining({
        body: 'Måndag den 11 januari.',
        organisation_name: host.org.name,
      }),
    ])
    // The company's message went to every host member; the host's reply to the company.
    expect(await mailTo(host.user.id, 'pilot_message')).toHaveLength(1)
    expect(await mailTo(hostColleague.id, 'pilot_message')).toHaveLength(1)
    const toCompany = await mailTo(company.user.id, 'pilot_message')
    expect(toCompany).toHaveLength(1)
    expect(toCompany[0]?.text_body).toContain(`http://localhost:3000/pilots/${pilotId}`)

    const audits = await db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'pilot.message_posted')
      .where('actor_user_id', 'in', [host.user.id, company.user.id])
      .execute()
    expect(audits).toHaveLength(2)
  })

  test('an empty message is a 400; an outsider gets 404; nothing is stored', async () => {
    const db = getDb()
    const { pilotId, companyCookie } = await runningPilot()
    const empty = await post(pilotId, { intent: 'message', body: '   ' }, companyCookie)
    expect(statusOf(empty)).toBe(400)
    expect(formResult(empty).error).toEqual({ body: ['errors.required'] })
    const outsider = await createCompany(db)
    const refused = await post(
      pilotId,
      { intent: 'message', body: 'Får jag vara med?' },
      await cookie(outsider.user.id),
    )
    expect(statusOf(refused)).toBe(404)
    expect(await messageCount(pilotId)).toBe(0)
  })

  test('raw SQL: only parties write (not_pilot_party), and messages are append-only', async () => {
    const db = getDb()
    const { host, company, pilotId } = await runningPilot()
    const outsider = await createCompany(db)
    const insert = (organisationId: number, authorId: number) =>
      sql`INSERT INTO pilot_messages (pilot_id, organisation_id, author_id, body, created_at)
        VALUES (${pilotId}, ${organisationId}, ${authorId}, 'Hej', unixepoch())`.execute(db)
    await expect(insert(outsider.org.id, outsider.user.id)).rejects.toThrow(
      /testarena:not_pilot_party/,
    )
    // A company member cannot speak in the host's name.
    await expect(insert(host.org.id, company.user.id)).rejects.toThrow(/testarena:not_pilot_party/)
    await insert(company.org.id, company.user.id)
    await expect(
      sql`UPDATE pilot_messages SET body = 'Ändrat' WHERE pilot_id = ${pilotId}`.execute(db),
    ).rejects.toThrow(/testarena:messages_append_only/)
    await expect(
      sql`DELETE FROM pilot_messages WHERE pilot_id = ${pilotId}`.execute(db),
    ).rejects.toThrow(/testarena:messages_append_only/)
    expect(await messageCount(pilotId)).toBe(1)
  })
})

describe('the test report and the answer', () => {
  test('only the host files the report; filing it completes the pilot and mails the company', async () => {
    const db = getDb()
    const { host, company, pilotId, hostCookie, companyCookie } = await runningPilot()

    const byCompany = await post(pilotId, REPORT, companyCookie)
    expect(statusOf(byCompany)).toBe(400)
    expect(formResult(byCompany).error).toEqual({ '': ['errors.domain.report_by_host_only'] })
    expect((await pilotRow(pilotId)).status).toBe('active')

    const incomplete = await post(pilotId, { ...REPORT, results: '' }, hostCookie)
    expect(statusOf(incomplete)).toBe(400)
    expect(formResult(incomplete).error).toEqual({ results: ['errors.required'] })
    expect(formResult(incomplete).initialValue).toMatchObject({ what_tested: REPORT.what_tested })

    const filed = await post(pilotId, REPORT, hostCookie)
    expect(statusOf(filed)).toBe(302)
    expect(headerOf(filed, 'Location')).toBe(`/pilots/${pilotId}?notice=reportFiled`)
    const pilot = await pilotRow(pilotId)
    expect(pilot.status).toBe('completed')
    expect(pilot.completed_at).not.toBeNull()
    expect(await mailTo(company.user.id, 'pilot_report')).toHaveLength(1)
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'organisation_id'])
      .where('entity_type', '=', 'pilot')
      .where('entity_id', '=', String(pilotId))
      .execute()
    expect(audit).toEqual([{ action: 'pilot.report_filed', organisation_id: host.org.id }])

    // Everyone in the pilot sees the report.
    const seen = dataOf(await page(pilotId, companyCookie))
    expect(seen.report).toMatchObject({ results: REPORT.results, response: null })

    // A second report is refused: the pilot is no longer active.
    const again = await post(pilotId, REPORT, hostCookie)
    expect(statusOf(again)).toBe(400)
    expect(formResult(again).error).toEqual({ '': ['errors.domain.report_by_host_only'] })
  })

  test('raw SQL: a report by the company is refused, and a filed report is fixed', async () => {
    const db = getDb()
    const { company, pilotId, hostCookie } = await runningPilot()
    const insert = (authorId: number) =>
      sql`INSERT INTO pilot_reports (pilot_id, what_tested, with_whom, results, recommendations,
        author_id, submitted_at) VALUES (${pilotId}, 'a', 'b', 'c', 'd', ${authorId}, unixepoch())`.execute(
        db,
      )
    await expect(insert(company.user.id)).rejects.toThrow(/testarena:report_by_host_only/)
    // The pilot cannot be completed without a report either.
    await expect(
      sql`UPDATE pilots SET status = 'completed', completed_at = unixepoch() WHERE id = ${pilotId}`.execute(
        db,
      ),
    ).rejects.toThrow(/testarena:pilot_fixed/)
    await post(pilotId, REPORT, hostCookie)
    await expect(
      sql`UPDATE pilot_reports SET results = 'Bättre' WHERE pilot_id = ${pilotId}`.execute(db),
    ).rejects.toThrow(/testarena:report_fixed/)
    await expect(
      sql`DELETE FROM pilot_reports WHERE pilot_id = ${pilotId}`.execute(db),
    ).rejects.toThrow(/testarena:report_fixed/)
  })

  test('the company answers once; the host cannot answer; raw SQL says response_by_company_only', async () => {
    const db = getDb()
    const { host, company, pilotId, hostCookie, companyCookie } = await runningPilot()

    const tooEarly = await post(pilotId, { intent: 'response', response: 'Tack!' }, companyCookie)
    expect(statusOf(tooEarly)).toBe(400)
    expect(formResult(tooEarly).error).toEqual({ '': ['errors.domain.invalid_transition'] })

    await post(pilotId, REPORT, hostCookie)
    const byHost = await post(
      pilotId,
      { intent: 'response', response: 'Vi svarar själva' },
      hostCookie,
    )
    expect(statusOf(byHost)).toBe(400)
    expect(formResult(byHost).error).toEqual({ '': ['errors.domain.response_by_company_only'] })

    const empty = await post(pilotId, { intent: 'response', response: '' }, companyCookie)
    expect(formResult(empty).error).toEqual({ response: ['errors.required'] })

    const answered = await post(
      pilotId,
      { intent: 'response', response: 'Tack, vi håller med om resultaten.' },
      companyCookie,
    )
    expect(statusOf(answered)).toBe(302)
    const seen = dataOf(await page(pilotId, hostCookie))
    expect(seen.report).toMatchObject({
      response: 'Tack, vi håller med om resultaten.',
      responded_by_name: 'Test Person',
    })
    expect(await mailTo(host.user.id, 'pilot_response')).toHaveLength(1)

    const second = await post(
      pilotId,
      { intent: 'response', response: 'Ett till svar' },
      companyCookie,
    )
    expect(statusOf(second)).toBe(400)
    expect(formResult(second).error).toEqual({ '': ['errors.domain.response_by_company_only'] })

    await expect(
      sql`UPDATE pilot_reports SET response = 'Ändrat', responded_by = ${company.user.id},
        responded_at = unixepoch() WHERE pilot_id = ${pilotId}`.execute(db),
    ).rejects.toThrow(/testarena:response_by_company_only/)

    const other = await runningPilot()
    await post(other.pilotId, REPORT, other.hostCookie)
    await expect(
      sql`UPDATE pilot_reports SET response = 'Från värden', responded_by = ${other.host.user.id},
        responded_at = unixepoch() WHERE pilot_id = ${other.pilotId}`.execute(db),
    ).rejects.toThrow(/testarena:response_by_company_only/)
  })
})

describe("an organisation's pilots and state aid", () => {
  function orgPage(
    loader: (args: ReturnType<typeof loaderArgs>) => Promise<unknown>,
    path: string,
    slug: string,
    cookieHeader: string,
  ) {
    const request = getRequest(`/organisations/${slug}/${path}`, { cookie: cookieHeader })
    return run(() => loader(loaderArgs(request, { slug })))
  }

  test('members see their pilots as host or company; others get 404', async () => {
    const db = getDb()
    const { host, company, pilotId, hostCookie, companyCookie } = await runningPilot()
    const forHost = dataOf(await orgPage(orgPilotsLoader, 'pilots', host.org.slug, hostCookie))
    expect(forHost.pilots).toEqual([
      expect.objectContaining({ id: pilotId, side: 'host', counterpart: company.org.name }),
    ])
    const forCompany = dataOf(
      await orgPage(orgPilotsLoader, 'pilots', company.org.slug, companyCookie),
    )
    expect(forCompany.pilots).toEqual([
      expect.objectContaining({ id: pilotId, side: 'company', counterpart: host.org.name }),
    ])
    const stranger = await createUser(db)
    expect(
      statusOf(
        await orgPage(orgPilotsLoader, 'pilots', company.org.slug, await cookie(stranger.id)),
      ),
    ).toBe(404)
    expect(statusOf(await orgPage(orgPilotsLoader, 'pilots', company.org.slug, hostCookie))).toBe(
      404,
    )
  })

  test("the state-aid ledger is for the company's members only, with sums", async () => {
    const { host, company, offer, hostCookie, companyCookie } = await runningPilot({
      accessModel: 'cost_sharing',
      marketValue: 60000,
      price: 20000,
    })
    const ledger = dataOf(
      await orgPage(stateAidLoader, 'state-aid', company.org.slug, companyCookie),
    )
    expect(ledger.rows).toEqual([
      expect.objectContaining({
        offer_id: offer.id,
        host_name: host.org.name,
        market_value_sek: 60000,
        price_sek: 20000,
        aid_sek: 40000,
      }),
    ])
    expect(ledger.totals).toEqual({ lastThreeYears: 40000, total: 40000 })
    // The host is not a member of the company; a public body has no ledger.
    expect(statusOf(await orgPage(stateAidLoader, 'state-aid', company.org.slug, hostCookie))).toBe(
      404,
    )
    expect(statusOf(await orgPage(stateAidLoader, 'state-aid', host.org.slug, hostCookie))).toBe(
      404,
    )
  })
})
