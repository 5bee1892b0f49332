import { sha256 } from '@oslojs/crypto/sha2'
import { encodeHexLowerCase } from '@oslojs/encoding'
import { sql } from 'kysely'
import { describe, expect, test } from 'vitest'
import { formatDateTime } from '~/i18n/format'
import { isMessageKey } from '~/i18n/messages'
import { DomainError } from '~/models/errors.server'
import { submitApplication } from '~/models/pilot-application-submission.server'
import { receiptHash } from '~/models/pilot-applications.server'
import { getDb } from '~/utils/db.server'
import { addMember, createOrganisation, createUser } from '../helpers/factories'
import {
  applicationPage,
  applicationsOf,
  apply,
  applyPage,
  complete,
  cookieFor,
  idFrom,
  setup,
} from '../helpers/pilot-applications-setup'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'
import {
  createCompany,
  createDraftApplication,
  createMemberOf,
  createOffer,
} from '../helpers/test-bed-factories'
import { auditActions, mailsTo, rawError } from '../helpers/inspect'

// Applying for a test-bed offer: the apply page, saving a draft and submitting.

describe('the apply page', () => {
  test('a visitor who is not logged in is sent to the login page and back', async () => {
    const { offer } = await setup()
    const result = await applyPage(offer.id)
    expect(statusOf(result)).toBe(302)
    expect(headerOf(result, 'Location')).toBe(
      `/login?redirectTo=${encodeURIComponent(`/test-beds/${offer.id}/apply`)}`,
    )
  })

  test('unknown, unpublished or malformed offers do not exist (404), for the page and the form', async () => {
    const { host, cookie, company } = await setup()
    const draft = await createOffer(getDb(), host, { status: 'draft' })
    expect(statusOf(await applyPage(draft.id, cookie))).toBe(404)
    expect(statusOf(await applyPage(999999, cookie))).toBe(404)
    expect(statusOf(await applyPage('12abc', cookie))).toBe(404)
    expect(statusOf(await applyPage('1e3', cookie))).toBe(404)
    expect(statusOf(await apply(draft.id, complete({ intent: 'save' }), cookie))).toBe(404)
    expect(await applicationsOf(company, draft.id)).toEqual([])
  })

  test('someone in no company is told that only companies apply, and cannot apply', async () => {
    const { offer } = await setup()
    const loner = await createUser(getDb())
    const cookie = await cookieFor(loner.id)
    const page = dataOf(await applyPage(offer.id, cookie))
    expect(page.companies).toEqual([])
    expect(page.company).toBeNull()
    const result = await apply(offer.id, complete({ intent: 'save' }), cookie)
    expect(statusOf(result)).toBe(400)
    expect(formResult(result).error).toEqual({ '': ['errors.domain.not_company_member'] })
    const rows = await getDb()
      .selectFrom('pilot_applications')
      .select('id')
      .where('offer_id', '=', offer.id)
      .execute()
    expect(rows).toEqual([])
  })

  test('a member of several companies chooses one; a company the user is not in is refused', async () => {
    const db = getDb()
    const { offer, company, cookie } = await setup()
    const second = await createOrganisation(db, { kind: 'company', adminUserId: company.user.id })
    const stranger = await createCompany(db)

    const page = dataOf(await applyPage(offer.id, cookie))
    expect(page.companies.map((c: { slug: string }) => c.slug).sort()).toEqual(
      [company.org.slug, second.slug].sort(),
    )
    expect(page.company).toBeNull()
    const chosen = dataOf(await applyPage(offer.id, cookie, `?company=${second.slug}`))
    expect(chosen.company.slug).toBe(second.slug)

    const unnamed = await apply(offer.id, complete({ intent: 'save' }), cookie)
    expect(formResult(unnamed).error).toEqual({ '': ['errors.domain.not_company_member'] })
    const foreign = await apply(
      offer.id,
      complete({ intent: 'save', company: stranger.org.slug }),
      cookie,
    )
    expect(statusOf(foreign)).toBe(400)
    expect(formResult(foreign).error).toEqual({ '': ['errors.domain.not_company_member'] })
    expect(await applicationsOf(stranger, offer.id)).toEqual([])

    const saved = await apply(offer.id, complete({ intent: 'save', company: second.slug }), cookie)
    expect(statusOf(saved)).toBe(302)
    expect(headerOf(saved, 'Location')).toBe(
      `/test-beds/${offer.id}/apply?company=${second.slug}&notice=saved`,
    )
    const rows = await db
      .selectFrom('pilot_applications')
      .select(['company_id', 'status'])
      .where('offer_id', '=', offer.id)
      .execute()
    expect(rows).toEqual([{ company_id: second.id, status: 'draft' }])
  })
})

describe('saving a draft', () => {
  test('an incomplete draft is saved, audited, and continued (not duplicated) by the next save', async () => {
    const { offer, company, cookie } = await setup()
    const first = await apply(
      offer.id,
      { intent: 'save', product_name: 'Halvfärdig idé', trl: '2' },
      cookie,
    )
    expect(statusOf(first)).toBe(302)
    expect(headerOf(first, 'Location')).toBe(
      `/test-beds/${offer.id}/apply?company=${company.org.slug}&notice=saved`,
    )
    const [draft] = await applicationsOf(company, offer.id)
    expect(draft).toMatchObject({
      status: 'draft',
      product_name: 'Halvfärdig idé',
      trl: 2,
      test_goals: '',
      proposed_start: null,
      declares_requirements: 0,
      submitted_at: null,
      receipt_hash: null,
      created_by: company.user.id,
    })

    // A colleague continues the company's draft rather than starting a second one.
    const colleague = await createMemberOf(getDb(), company.org.id)
    const colleagueCookie = await cookieFor(colleague.id)
    const page = dataOf(await applyPage(offer.id, colleagueCookie))
    expect(page.application).toMatchObject({ id: draft!.id, status: 'draft' })
    expect(page.defaults).toMatchObject({ product_name: 'Halvfärdig idé', trl: '2' })

    const second = await apply(
      offer.id,
      { intent: 'save', product_name: 'Bättre namn', proposed_start: '2027-04-01' },
      colleagueCookie,
    )
    expect(statusOf(second)).toBe(302)
    const rows = await applicationsOf(company, offer.id)
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ id: draft!.id, product_name: 'Bättre namn', trl: null })
    // 2027-04-01 00:00 in Stockholm (CEST, UTC+2).
    expect(rows[0]!.proposed_start).toBe(Date.UTC(2027, 2, 31, 22) / 1000)
    expect(await auditActions(getDb(), 'pilot_application', draft!.id)).toEqual([
      'application.draft_created',
      'application.draft_saved',
    ])
  })

  test('a malformed value is refused even in a draft, with every value kept', async () => {
    const { offer, company, cookie } = await setup()
    const fields = {
      intent: 'save',
      product_name: 'Sensor',
      proposed_start: '2027-02-31',
      proposed_end: '2027-01-01',
    }
    const result = await apply(offer.id, fields, cookie)
    expect(statusOf(result)).toBe(400)
    expect(formResult(result).error).toEqual({ proposed_start: ['applications.errors.date'] })
    expect(formResult(result).initialValue).toEqual(fields)
    expect(await applicationsOf(company, offer.id)).toEqual([])

    const backwards = await apply(
      offer.id,
      { intent: 'save', proposed_start: '2027-03-01', proposed_end: '2027-02-01' },
      cookie,
    )
    expect(formResult(backwards).error).toEqual({
      proposed_end: ['applications.errors.endBeforeStart'],
    })
  })
})

describe('submitting', () => {
  test('an incomplete application answers 400 with every missing field, keeping the values', async () => {
    const { offer, company, cookie } = await setup()
    await apply(offer.id, { intent: 'save', product_name: 'Sensor' }, cookie)
    const fields = { intent: 'submit', product_name: 'Sensor', trl: '6' }
    const result = await apply(offer.id, fields, cookie)
    expect(statusOf(result)).toBe(400)
    const reply = formResult(result)
    expect(reply.initialValue).toEqual(fields)
    expect(Object.keys(reply.error ?? {}).sort()).toEqual(
      [
        'contribution',
        'data_needs',
        'declares_no_conflict',
        'declares_requirements',
        'product_description',
        'proposed_end',
        'proposed_start',
        'test_goals',
        'test_user_count',
        'test_user_description',
      ].sort(),
    )
    expect(reply.error?.declares_requirements).toEqual(['applications.errors.declaration'])
    expect(reply.error?.test_goals).toEqual(['applications.required.test_goals'])
    // Every message is a translated text, in both languages.
    for (const message of Object.values(reply.error ?? {}).flat()) {
      expect(isMessageKey(message ?? ''), message ?? '').toBe(true)
    }
    const [row] = await applicationsOf(company, offer.id)
    expect(row).toMatchObject({ status: 'draft', product_name: 'Sensor', trl: null })
  })

  test('a complete application is stamped, hashed, audited and receipted in one go', async () => {
    const { offer, company, cookie } = await setup()
    const result = await apply(offer.id, complete(), cookie)
    expect(statusOf(result)).toBe(302)
    const id = idFrom(headerOf(result, 'Location'))
    const row = await getDb()
      .selectFrom('pilot_applications')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      status: 'submitted',
      company_id: company.org.id,
      submitted_by: company.user.id,
      product_name: 'Nattugglan Trygghetssensor',
      trl: 6,
      test_user_count: 12,
      declares_requirements: 1,
      declares_no_conflict: 1,
    })
    expect(Math.abs(row.submitted_at! - Math.floor(Date.now() / 1000))).toBeLessThanOrEqual(2)

    // Anyone with the stored row can rebuild the receipt: SHA-256 of the content, offer, company
    // and time as a JSON object with sorted keys.
    const content = {
      offer_id: row.offer_id,
      company_id: row.company_id,
      submitted_at: row.submitted_at,
      product_name: row.product_name,
      product_description: row.product_description,
      trl: row.trl,
      test_goals: row.test_goals,
      proposed_start: row.proposed_start,
      proposed_end: row.proposed_end,
      test_user_count: row.test_user_count,
      test_user_description: row.test_user_description,
      data_needs: row.data_needs,
      contribution: row.contribution,
      declares_requirements: row.declares_requirements,
      declares_no_conflict: row.declares_no_conflict,
    }
    const sorted = Object.fromEntries(
      Object.keys(content)
        .sort()
        .map((k) => [k, content[k as keyof typeof content]]),
    )
    const expected = encodeHexLowerCase(sha256(new TextEncoder().encode(JSON.stringify(sorted))))
    expect(row.receipt_hash).toBe(expected)
    expect(receiptHash({ ...content, submitted_at: row.submitted_at! })).toBe(expected)
    // Any change to what was sent, or to when, gives another hash.
    expect(receiptHash({ ...content, submitted_at: row.submitted_at! + 1 })).not.toBe(expected)
    expect(
      receiptHash({ ...content, submitted_at: row.submitted_at!, product_name: 'Annan' }),
    ).not.toBe(expected)

    expect(await auditActions(getDb(), 'pilot_application', id)).toEqual(['application.submitted'])
    const mails = await mailsTo(getDb(), company.user.email)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.template).toBe('application_received')
    expect(mails[0]!.subject).toContain('Testmiljö i hemtjänsten')
    expect(mails[0]!.text_body).toContain(formatDateTime(row.submitted_at!, 'sv'))
    expect(mails[0]!.text_body).toContain(expected)
    expect(mails[0]!.text_body).toContain(`/applications/${id}`)

    // The receipt page shows the same.
    const page = dataOf(await applicationPage(id, cookie))
    expect(page.application).toMatchObject({
      id,
      status: 'submitted',
      submitted_at: row.submitted_at,
      receipt_hash: expected,
      offer_title: 'Testmiljö i hemtjänsten',
    })
  })

  test('the receipt mail is in the submitter’s own language', async () => {
    const db = getDb()
    const { offer, company } = await setup()
    const english = await createUser(db, { locale: 'en' })
    await addMember(db, company.org.id, english.id, 'member')
    const result = await apply(offer.id, complete(), await cookieFor(english.id))
    expect(statusOf(result)).toBe(302)
    const [mail] = await mailsTo(getDb(), english.email)
    expect(mail?.subject).toMatch(/^Receipt: your application to/)
    const row = await getDb()
      .selectFrom('pilot_applications')
      .select('submitted_at')
      .where('id', '=', idFrom(headerOf(result, 'Location')))
      .executeTakeFirstOrThrow()
    expect(mail?.text_body).toContain(formatDateTime(row.submitted_at!, 'en'))
  })

  test('a TRL outside the offer’s range is refused by the form, the model and the database', async () => {
    const { offer, company, cookie } = await setup({ trl: [4, 8] })
    const result = await apply(offer.id, complete({ trl: '3' }), cookie)
    expect(statusOf(result)).toBe(400)
    expect(formResult(result).error).toEqual({
      trl: ['applications.errors.trlRange|{"min":4,"max":8}'],
    })
    expect(await applicationsOf(company, offer.id)).toEqual([])

    // Past the form, the database refuses, and nothing of the submission remains: no stamp, no
    // audit entry, no mail (they share the transaction).
    const refused = await submitApplication(getDb(), {
      offerId: offer.id,
      userId: company.user.id,
      content: { ...complete(), trl: 9, proposed_start: 1800000000, proposed_end: 1810000000 },
    }).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(DomainError)
    expect((refused as DomainError).code).toBe('trl_out_of_range')
    expect(await applicationsOf(company, offer.id)).toEqual([])
    expect(await mailsTo(getDb(), company.user.email)).toEqual([])

    const draft = await createDraftApplication(getDb(), offer.id, company)
    await sql`UPDATE pilot_applications SET trl = 2 WHERE id = ${draft.id}`.execute(getDb())
    const message = await rawError(() =>
      sql`UPDATE pilot_applications SET status = 'submitted',
      submitted_at = unixepoch(), submitted_by = ${company.user.id}, receipt_hash = ${'a'.repeat(64)}
      WHERE id = ${draft.id}`.execute(getDb()),
    )
    expect(message).toContain('testarena:trl_out_of_range')
    expect(await auditActions(getDb(), 'pilot_application', draft.id)).toEqual([])
  })

  test('the content is fixed once submitted: the app refuses, and so does the database', async () => {
    const { offer, company, cookie } = await setup()
    const id = idFrom(headerOf(await apply(offer.id, complete(), cookie), 'Location'))
    const before = await applicationsOf(company, offer.id)

    const again = await apply(offer.id, complete({ intent: 'save', product_name: 'Ny' }), cookie)
    expect(statusOf(again)).toBe(400)
    expect(formResult(again).error).toEqual({ '': ['errors.domain.application_exists'] })
    const resubmit = await apply(offer.id, complete({ product_name: 'Ny' }), cookie)
    expect(formResult(resubmit).error).toEqual({ '': ['errors.domain.application_exists'] })
    expect(await applicationsOf(company, offer.id)).toEqual(before)

    const page = dataOf(await applyPage(offer.id, cookie))
    expect(page.application).toMatchObject({ id, status: 'submitted' })

    for (const statement of [
      sql`UPDATE pilot_applications SET product_name = 'Ändrad' WHERE id = ${id}`,
      sql`UPDATE pilot_applications SET receipt_hash = ${'0'.repeat(64)} WHERE id = ${id}`,
      sql`UPDATE pilot_applications SET submitted_at = submitted_at - 60 WHERE id = ${id}`,
      sql`DELETE FROM pilot_applications WHERE id = ${id}`,
    ]) {
      expect(await rawError(() => statement.execute(getDb()))).toContain(
        'testarena:application_submitted',
      )
    }
    expect(await applicationsOf(company, offer.id)).toEqual(before)
  })
})
