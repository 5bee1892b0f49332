import { describe, expect, test } from 'vitest'
import { getDb } from '~/utils/db.server'
import {
  applicationPage,
  applicationPost,
  applicationsOf,
  apply,
  companyList,
  complete,
  cookieFor,
  idFrom,
  setup,
} from '../helpers/pilot-applications-setup'
import { dataOf, headerOf, statusOf } from '../helpers/responses'
import {
  createCompany,
  createDraftApplication,
  createOffer,
  createSubmittedApplication,
} from '../helpers/test-bed-factories'
import { auditActions, mailsTo } from '../helpers/inspect'

// Reading applications: the application page, the company's list, and what the host hears of
// new applications.

describe('the application page', () => {
  test('only members of the applying company see it; everyone else gets 404', async () => {
    const db = getDb()
    const { host, offer, company } = await setup()
    const app = await createSubmittedApplication(db, offer.id, company)
    const other = await createCompany(db)
    for (const userId of [other.user.id, host.user.id]) {
      const cookie = await cookieFor(userId)
      expect(statusOf(await applicationPage(app.id, cookie))).toBe(404)
      expect(statusOf(await applicationPost(app.id, 'withdraw', cookie))).toBe(404)
    }
    const cookie = await cookieFor(company.user.id)
    expect(statusOf(await applicationPage('abc', cookie))).toBe(404)
    expect(statusOf(await applicationPage(999999, cookie))).toBe(404)
    expect(statusOf(await applicationPage(app.id))).toBe(302)
    expect((await applicationsOf(company, offer.id))[0]?.status).toBe('submitted')
  })

  test('a draft can be deleted by the company (audited); a submitted application cannot', async () => {
    const { offer, company, cookie } = await setup()
    await apply(offer.id, { intent: 'save', product_name: 'Tas bort' }, cookie)
    const [draft] = await applicationsOf(company, offer.id)
    const page = dataOf(await applicationPage(draft!.id, cookie))
    expect(page.offerOpen).toBe(true)

    const stranger = await createCompany(getDb())
    expect(
      statusOf(await applicationPost(draft!.id, 'delete', await cookieFor(stranger.user.id))),
    ).toBe(404)

    const deleted = await applicationPost(draft!.id, 'delete', cookie)
    expect(statusOf(deleted)).toBe(302)
    expect(headerOf(deleted, 'Location')).toBe(
      `/organisations/${company.org.slug}/applications?notice=deleted`,
    )
    expect(await applicationsOf(company, offer.id)).toEqual([])
    expect(await auditActions(getDb(), 'pilot_application', draft!.id)).toEqual([
      'application.draft_created',
      'application.draft_deleted',
    ])

    const id = idFrom(headerOf(await apply(offer.id, complete(), cookie), 'Location'))
    const refused = await applicationPost(id, 'delete', cookie)
    expect(statusOf(refused)).toBe(400)
    expect(dataOf(refused)).toEqual({ error: 'errors.domain.application_submitted' })
    expect((await applicationsOf(company, offer.id))[0]?.status).toBe('submitted')
  })

  test('a decided application shows the decision, the reason, the assessment in criterion order and the pilot', async () => {
    const db = getDb()
    const { host, offer, company, cookie } = await setup({
      criteria: [
        { title: 'Nytta för brukarna', kind: 'score' },
        { title: 'CE-märkt', kind: 'pass_fail' },
        { title: 'Genomförbarhet', kind: 'score' },
      ],
    })
    const app = await createSubmittedApplication(db, offer.id, company)
    const criteria = await db
      .selectFrom('test_bed_criteria')
      .select(['id', 'position', 'kind'])
      .where('offer_id', '=', offer.id)
      .orderBy('position', 'desc')
      .execute()
    // Scored in reverse order, so the page's order must come from the criteria.
    for (const c of criteria) {
      await db
        .insertInto('pilot_application_scores')
        .values({
          application_id: app.id,
          criterion_id: c.id,
          score: c.kind === 'score' ? c.position : null,
          met: c.kind === 'pass_fail' ? 1 : null,
          comment: `Kommentar ${c.position}`,
          scored_by: host.user.id,
          scored_at: Math.floor(Date.now() / 1000),
        })
        .execute()
    }
    await db
      .updateTable('pilot_applications')
      .set({
        status: 'accepted',
        decided_at: Math.floor(Date.now() / 1000),
        decided_by: host.user.id,
        decision_reason: 'Tydlig nytta och rimlig plan.',
        pilot_starts_on: 1800000000,
        pilot_ends_on: 1810000000,
      })
      .where('id', '=', app.id)
      .execute()
    const pilot = await db
      .selectFrom('pilots')
      .select('id')
      .where('application_id', '=', app.id)
      .executeTakeFirstOrThrow()

    const page = dataOf(await applicationPage(app.id, cookie))
    expect(page.application).toMatchObject({
      status: 'accepted',
      decision_reason: 'Tydlig nytta och rimlig plan.',
      pilot_starts_on: 1800000000,
      pilot_ends_on: 1810000000,
      pilot: { id: pilot.id, status: 'active' },
    })
    expect(
      page.application.assessment.map((s: Record<string, unknown>) => [
        s.position,
        s.score,
        s.met,
        s.comment,
      ]),
    ).toEqual([
      [1, 1, null, 'Kommentar 1'],
      [2, null, true, 'Kommentar 2'],
      [3, 3, null, 'Kommentar 3'],
    ])
    // Decided: nothing left to withdraw.
    expect(statusOf(await applicationPost(app.id, 'withdraw', cookie))).toBe(400)
  })

  test('while undecided, the host’s scores are not shown to the company', async () => {
    const db = getDb()
    const { host, offer, company, cookie } = await setup()
    const app = await createSubmittedApplication(db, offer.id, company)
    const [criterion] = await db
      .selectFrom('test_bed_criteria')
      .select('id')
      .where('offer_id', '=', offer.id)
      .where('kind', '=', 'score')
      .execute()
    await db
      .insertInto('pilot_application_scores')
      .values({
        application_id: app.id,
        criterion_id: criterion!.id,
        score: 2,
        met: null,
        comment: 'Preliminärt',
        scored_by: host.user.id,
        scored_at: Math.floor(Date.now() / 1000),
      })
      .execute()
    const page = dataOf(await applicationPage(app.id, cookie))
    expect(page.application.assessment).toEqual([])
    expect(page.application.pilot).toBeNull()
  })
})

describe('the company’s applications', () => {
  test('members see every application, live ones first; others (host members too) get 404', async () => {
    const db = getDb()
    const { host, company, cookie } = await setup()
    const offers = [
      await createOffer(db, host, { title: 'Erbjudande A' }),
      await createOffer(db, host, { title: 'Erbjudande B' }),
      await createOffer(db, host, { title: 'Erbjudande C' }),
    ]
    const withdrawn = await createSubmittedApplication(db, offers[0]!.id, company)
    await db
      .updateTable('pilot_applications')
      .set({ status: 'withdrawn', withdrawn_at: Math.floor(Date.now() / 1000), updated_at: 9e9 })
      .where('id', '=', withdrawn.id)
      .execute()
    const submitted = await createSubmittedApplication(db, offers[1]!.id, company)
    const draft = await createDraftApplication(db, offers[2]!.id, company)

    const page = dataOf(await companyList(company.org.slug, cookie))
    expect(page.live.map((r: { id: number }) => r.id).sort()).toEqual(
      [submitted.id, draft.id].sort(),
    )
    expect(page.closed.map((r: { id: number }) => r.id)).toEqual([withdrawn.id])
    expect(page.live[0]).toMatchObject({ host_name: host.org.name })

    const stranger = await createCompany(db)
    expect(statusOf(await companyList(company.org.slug, await cookieFor(stranger.user.id)))).toBe(
      404,
    )
    const hostCookie = await cookieFor(host.user.id)
    expect(statusOf(await companyList(company.org.slug, hostCookie))).toBe(404)
    // A public body has no applications page, even for its own members.
    expect(statusOf(await companyList(host.org.slug, hostCookie))).toBe(404)
    expect(statusOf(await companyList(company.org.slug))).toBe(302)
  })
})

describe('the host hears of new applications only when it may see them', () => {
  test('rolling intake mails every member of the host; a sealed round mails nobody there', async () => {
    const rolling = await setup()
    expect(statusOf(await apply(rolling.offer.id, complete(), rolling.cookie))).toBe(302)
    const [mail] = await mailsTo(getDb(), rolling.host.user.email, 'application_to_review')
    expect(mail?.text_body).toContain(`/test-beds/${rolling.offer.id}/applications/`)

    const round = await setup({ intake: 'round' })
    expect(statusOf(await apply(round.offer.id, complete(), round.cookie))).toBe(302)
    expect(await mailsTo(getDb(), round.host.user.email)).toEqual([])
  })
})
