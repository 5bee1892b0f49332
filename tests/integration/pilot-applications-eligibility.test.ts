import { sql } from 'kysely'
import { describe, expect, test } from 'vitest'
import { DomainError } from '~/models/errors.server'
import { submitApplication } from '~/models/pilot-application-submission.server'
import { getDb } from '~/utils/db.server'
import {
  applicationPage,
  applicationPost,
  applicationsOf,
  apply,
  applyPage,
  complete,
  cookieFor,
  idFrom,
  setup,
  wait,
} from '../helpers/pilot-applications-setup'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'
import { createCompany, createDraftApplication, createOffer } from '../helpers/test-bed-factories'
import { auditActions, mailsTo, rawError } from '../helpers/inspect'

// Which applications an offer takes: one live application per company and offer, and none to
// offers that are not open.

describe('one live application per company and offer', () => {
  test('a second live application is refused by the unique index, through the app and raw SQL', async () => {
    const db = getDb()
    const { offer, company, cookie } = await setup()
    await apply(offer.id, { intent: 'save', product_name: 'Första' }, cookie)
    const [draft] = await applicationsOf(company, offer.id)

    const message = await rawError(() =>
      sql`INSERT INTO pilot_applications
      (offer_id, company_id, created_by, created_at, updated_at)
      VALUES (${offer.id}, ${company.org.id}, ${company.user.id}, unixepoch(), unixepoch())`.execute(
        getDb(),
      ),
    )
    expect(message).toContain('UNIQUE constraint failed: pilot_applications')
    expect(await applicationsOf(company, offer.id)).toEqual([draft])

    // Another company is not affected.
    const other = await createCompany(db)
    expect(statusOf(await apply(offer.id, complete(), await cookieFor(other.user.id)))).toBe(302)
  })

  test('after a withdrawal the company may apply again', async () => {
    const { host, offer, company, cookie } = await setup()
    const id = idFrom(headerOf(await apply(offer.id, complete(), cookie), 'Location'))

    const withdrawn = await applicationPost(id, 'withdraw', cookie)
    expect(statusOf(withdrawn)).toBe(302)
    expect(headerOf(withdrawn, 'Location')).toBe(`/applications/${id}?notice=withdrawn`)
    const [row] = await applicationsOf(company, offer.id)
    expect(row).toMatchObject({ status: 'withdrawn' })
    expect(row!.withdrawn_at).not.toBeNull()
    expect(await auditActions(getDb(), 'pilot_application', id)).toEqual([
      'application.submitted',
      'application.withdrawn',
    ])

    const twice = await applicationPost(id, 'withdraw', cookie)
    expect(statusOf(twice)).toBe(400)
    expect(dataOf(twice)).toEqual({ error: 'errors.domain.invalid_transition' })

    const again = await apply(offer.id, complete({ product_name: 'Version 2' }), cookie)
    expect(statusOf(again)).toBe(302)
    const rows = await applicationsOf(company, offer.id)
    expect(rows.map((r) => [r.status, r.product_name])).toEqual([
      ['withdrawn', 'Nattugglan Trygghetssensor'],
      ['submitted', 'Version 2'],
    ])
    // The database allows only submitted applications to be withdrawn.
    const fresh = await createOffer(getDb(), host)
    const draft = await createDraftApplication(getDb(), fresh.id, company)
    expect(statusOf(await applicationPost(draft.id, 'withdraw', cookie))).toBe(400)
    expect(
      await rawError(() =>
        sql`UPDATE pilot_applications SET status = 'withdrawn',
        withdrawn_at = unixepoch() WHERE id = ${draft.id}`.execute(getDb()),
      ),
    ).toContain('testarena:invalid_transition')
  })
})

describe('offers that are not open', () => {
  test('paused and closed offers take no applications: 404 in the app, offer_not_open in the database', async () => {
    const db = getDb()
    const { host, company, cookie } = await setup()
    for (const status of ['paused', 'closed'] as const) {
      const offer = await createOffer(db, host)
      const draft = await createDraftApplication(db, offer.id, company)
      await db
        .updateTable('test_bed_offers')
        .set({ status, updated_by: host.user.id })
        .where('id', '=', offer.id)
        .execute()

      expect(statusOf(await applyPage(offer.id, cookie))).toBe(404)
      expect(statusOf(await apply(offer.id, complete(), cookie))).toBe(404)
      const refused = await submitApplication(db, {
        offerId: offer.id,
        userId: company.user.id,
        content: { product_name: 'x' },
      }).catch((e: unknown) => e)
      expect((refused as DomainError).code).toBe('offer_not_open')
      expect((await applicationsOf(company, offer.id)).map((r) => r.status)).toEqual(['draft'])

      // The draft page says it cannot be continued, and it can still be deleted.
      const page = dataOf(await applicationPage(draft.id, cookie))
      expect(page.offerOpen).toBe(false)

      const other = await createCompany(db)
      expect(
        await rawError(() =>
          sql`INSERT INTO pilot_applications
          (offer_id, company_id, created_by, created_at, updated_at)
          VALUES (${offer.id}, ${other.org.id}, ${other.user.id}, unixepoch(), unixepoch())`.execute(
            getDb(),
          ),
        ),
      ).toContain('testarena:offer_not_open')
      expect(
        await rawError(() =>
          sql`UPDATE pilot_applications SET status = 'submitted',
          submitted_at = unixepoch(), submitted_by = ${company.user.id},
          receipt_hash = ${'b'.repeat(64)} WHERE id = ${draft.id}`.execute(getDb()),
        ),
      ).toContain('testarena:offer_not_open')
    }
    const draftOffer = await createOffer(db, host, { status: 'draft' })
    expect(
      await rawError(() =>
        sql`INSERT INTO pilot_applications
        (offer_id, company_id, created_by, created_at, updated_at)
        VALUES (${draftOffer.id}, ${company.org.id}, ${company.user.id}, unixepoch(), unixepoch())`.execute(
          getDb(),
        ),
      ),
    ).toContain('testarena:offer_not_open')
  })

  test('a round after its deadline takes no applications (app and raw SQL)', async () => {
    const db = getDb()
    const { offer, company, cookie } = await setup({ intake: 'round', deadlineIn: 2 })
    await apply(offer.id, { intent: 'save', product_name: 'I tid' }, cookie)
    const [draft] = await applicationsOf(company, offer.id)
    expect(dataOf(await applyPage(offer.id, cookie)).offer.open).toBe(true)
    const late = await createCompany(db)
    const lateCookie = await cookieFor(late.user.id)

    await wait(2200)

    expect(dataOf(await applyPage(offer.id, cookie)).offer.open).toBe(false)
    const submit = await apply(offer.id, complete(), cookie)
    expect(statusOf(submit)).toBe(400)
    expect(formResult(submit).error).toEqual({ '': ['errors.domain.deadline_passed'] })
    const [after] = await applicationsOf(company, offer.id)
    expect(after).toMatchObject({ id: draft!.id, status: 'draft', product_name: 'I tid' })
    expect(await mailsTo(getDb(), company.user.email)).toEqual([])

    const fresh = await apply(offer.id, complete({ intent: 'save' }), lateCookie)
    expect(statusOf(fresh)).toBe(400)
    expect(formResult(fresh).error).toEqual({ '': ['errors.domain.deadline_passed'] })
    expect(await applicationsOf(late, offer.id)).toEqual([])

    expect(
      await rawError(() =>
        sql`INSERT INTO pilot_applications
        (offer_id, company_id, created_by, created_at, updated_at)
        VALUES (${offer.id}, ${late.org.id}, ${late.user.id}, unixepoch(), unixepoch())`.execute(
          getDb(),
        ),
      ),
    ).toContain('testarena:deadline_passed')
    await sql`UPDATE pilot_applications SET product_name = 'Klar', trl = 6, test_goals = 'Mål',
      proposed_start = 1800000000, proposed_end = 1810000000, declares_requirements = 1,
      declares_no_conflict = 1 WHERE id = ${draft!.id}`.execute(db)
    expect(
      await rawError(() =>
        sql`UPDATE pilot_applications SET status = 'submitted',
        submitted_at = unixepoch(), submitted_by = ${company.user.id},
        receipt_hash = ${'c'.repeat(64)} WHERE id = ${draft!.id}`.execute(getDb()),
      ),
    ).toContain('testarena:deadline_passed')
  })
})
