import { sha256 } from '@oslojs/crypto/sha2'
import { encodeHexLowerCase } from '@oslojs/encoding'
import { sql } from 'kysely'
import { describe, expect, test } from 'vitest'
import { formatDateTime } from '~/i18n/format'
import { isMessageKey } from '~/i18n/messages'
import { DomainError } from '~/models/errors.server'
import { submitApplication } from '~/models/pilot-application-submission.server'
import { receiptHash } from '~/models/pilot-applications.server'
import {
  action as applicationAction,
  loader as applicationLoader,
} from '~/routes/applications.$applicationId/route'
import { loader as companyApplicationsLoader } from '~/routes/organisations.$slug.applications/route'
import {
  action as applyAction,
  loader as applyLoader,
} from '~/routes/test-beds.$offerId.apply/route'
import { getDb } from '~/utils/db.server'
import { addMember, createOrganisation, createUser, sessionCookieFor } from '../helpers/factories'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'
import {
  createCompany,
  createDraftApplication,
  createHost,
  createMemberOf,
  createOffer,
  createSubmittedApplication,
} from '../helpers/test-bed-factories'
import { auditActions, mailsTo, rawError } from '../helpers/inspect'

type Party = Awaited<ReturnType<typeof createCompany>>

async function cookieFor(userId: number) {
  return sessionCookieFor(getDb(), userId)
}

/** A marketplace: a verified host with a published rolling offer (TRL 4–8), and a company. */
async function setup(options: Parameters<typeof createOffer>[2] = {}) {
  const db = getDb()
  const host = await createHost(db)
  const offer = await createOffer(db, host, options)
  const company = await createCompany(db)
  return { host, offer, company, cookie: await cookieFor(company.user.id) }
}

function complete(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    intent: 'submit',
    product_name: 'Nattugglan Trygghetssensor',
    product_description: 'En sensor som larmar personalen när en brukare går upp på natten.',
    trl: '6',
    test_goals: 'Minskar nattliga tillsynsbesök?\n- färre väckningar\n- tryggare brukare',
    proposed_start: '2027-03-01',
    proposed_end: '2027-06-30',
    test_user_count: '12',
    test_user_description: 'Brukare i hemtjänsten och nattpersonal.',
    data_needs: 'Rörelsedata utan bild; DPIA görs tillsammans med kommunen.',
    contribution: 'Sensorer, installation och utbildning av personal.',
    declares_requirements: 'on',
    declares_no_conflict: 'on',
    ...overrides,
  }
}

function apply(offerId: number, fields: Record<string, string>, cookie?: string) {
  return run(() =>
    applyAction(
      actionArgs(formRequest(`/test-beds/${offerId}/apply`, fields, { cookie }), {
        offerId: String(offerId),
      }),
    ),
  )
}

function applyPage(offerId: number | string, cookie?: string, query = '') {
  return run(() =>
    applyLoader(
      loaderArgs(getRequest(`/test-beds/${offerId}/apply${query}`, { cookie }), {
        offerId: String(offerId),
      }),
    ),
  )
}

function applicationPage(id: number | string, cookie?: string) {
  return run(() =>
    applicationLoader(
      loaderArgs(getRequest(`/applications/${id}`, { cookie }), { applicationId: String(id) }),
    ),
  )
}

function applicationPost(id: number, intent: string, cookie?: string) {
  return run(() =>
    applicationAction(
      actionArgs(formRequest(`/applications/${id}`, { intent }, { cookie }), {
        applicationId: String(id),
      }),
    ),
  )
}

function companyList(slug: string, cookie?: string) {
  return run(() =>
    companyApplicationsLoader(
      loaderArgs(getRequest(`/organisations/${slug}/applications`, { cookie }), { slug }),
    ),
  )
}

function idFrom(location: string | null): number {
  const match = /^\/applications\/(\d+)\?notice=submitted$/.exec(location ?? '')
  if (!match?.[1]) throw new Error(`Unexpected redirect: ${location}`)
  return Number(match[1])
}

async function applicationsOf(company: Party, offerId: number) {
  return getDb()
    .selectFrom('pilot_applications')
    .selectAll()
    .where('company_id', '=', company.org.id)
    .where('offer_id', '=', offerId)
    .orderBy('id')
    .execute()
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

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
