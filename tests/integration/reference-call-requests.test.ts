import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { resetLimiters } from '~/auth/limits.server'
import { eraseExpiredRequests } from '~/models/reference-call-requests.server'
import {
  action as contactAction,
  loader as contactLoader,
} from '~/routes/references.$referenceId.contact/route'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { advanceClock, DAY, resetClock } from '../helpers/call-factories'
import { addMember, createUser, unique } from '../helpers/factories'
import { mailsTo } from '../helpers/inspect'
import { createReference } from '../helpers/reference-factories'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'

beforeEach(() => resetLimiters())
afterEach(() => resetClock())

function visitorFields(overrides: Record<string, string> = {}) {
  return {
    name: 'Ingrid Haugen',
    email: `${unique('ingrid')}@kommune.test`,
    organisation: 'Tromsø kommune',
    country: 'Norge',
    message: 'Vi planerar samma sak i Tromsø och vill gärna höra hur vintern gick.',
    consent: 'on',
    ...overrides,
  }
}

function post(
  referenceId: number | string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) {
  return run(() =>
    contactAction(
      actionArgs(formRequest(`/references/${referenceId}/contact`, fields, { headers }), {
        referenceId: String(referenceId),
      }),
    ),
  )
}

function page(referenceId: number | string, query = '') {
  return run(() =>
    contactLoader(
      loaderArgs(getRequest(`/references/${referenceId}/contact${query}`), {
        referenceId: String(referenceId),
      }),
    ),
  )
}

async function requestsFor(referenceId: number) {
  return getDb()
    .selectFrom('reference_call_requests')
    .selectAll()
    .where('reference_id', '=', referenceId)
    .orderBy('id')
    .execute()
}

async function linkedMails(requestId: number) {
  return getDb()
    .selectFrom('reference_call_request_mails')
    .innerJoin('outbox', 'outbox.id', 'reference_call_request_mails.outbox_id')
    .select([
      'outbox.id',
      'outbox.to_address',
      'outbox.subject',
      'outbox.text_body',
      'outbox.template',
      'outbox.erased_at',
    ])
    .where('reference_call_request_mails.request_id', '=', requestId)
    .orderBy('outbox.id')
    .execute()
}

/** A published case whose public body has a second admin (English) and a plain member. */
async function caseWithPeople(options: { namedContact: boolean; takesCalls?: boolean }) {
  const db = getDb()
  const created = await createReference(db, {
    status: 'published',
    overrides: options.takesCalls === false ? { takes_reference_calls: 0 } : {},
  })
  const secondAdmin = await createUser(db, { locale: 'en' })
  const member = await createUser(db)
  await addMember(db, created.host.org.id, secondAdmin.id, 'admin')
  await addMember(db, created.host.org.id, member.id, 'member')
  let contact: { id: number; email: string } | null = null
  if (options.namedContact) {
    // The member consents to be named, themselves (the only way the database allows).
    contact = member
    await db
      .updateTable('reference_cases')
      .set({ contact_user_id: member.id, contact_consented_at: now(), updated_by: member.id })
      .where('id', '=', created.reference.id)
      .execute()
  }
  const hostAdmin = await db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('id', '=', created.host.user.id)
    .executeTakeFirstOrThrow()
  return { ...created, hostAdmin, secondAdmin, member, contact }
}

describe('requesting a reference call', () => {
  test('reaches the consenting named contact only, linked to the request, logged without personal data', async () => {
    const db = getDb()
    const c = await caseWithPeople({ namedContact: true })
    const fields = visitorFields()
    const outcome = await post(c.reference.id, fields)
    expect(statusOf(outcome)).toBe(302)
    expect(headerOf(outcome, 'Location')).toBe(`/references/${c.reference.id}/contact?sent=1`)

    const [request, ...more] = await requestsFor(c.reference.id)
    expect(more).toEqual([])
    expect(request).toMatchObject({
      requester_name: 'Ingrid Haugen',
      requester_email: fields.email.toLowerCase(),
      requester_organisation: 'Tromsø kommune',
      requester_country: 'Norge',
      locale: 'sv',
      erased_at: null,
    })
    expect(request!.erase_after).toBe(request!.created_at + 90 * DAY)

    const mails = await linkedMails(request!.id)
    expect(mails.map((m) => m.to_address)).toEqual([c.contact!.email])
    const [mail] = mails
    expect(mail!.template).toBe('reference_call_request')
    expect(mail!.subject).toContain('Nyckelfri hemtjänst i Bergnäset')
    // Who asks and how to reply are in the body; never in the subject, which is kept.
    expect(mail!.subject).not.toContain('Ingrid')
    expect(mail!.text_body).toContain('Ingrid Haugen')
    expect(mail!.text_body).toContain('Tromsø kommune')
    expect(mail!.text_body).toContain('Norge')
    expect(mail!.text_body).toContain(fields.email.toLowerCase())
    expect(mail!.text_body).toContain('hur vintern gick')
    expect(mail!.text_body).toContain(`/references/${c.reference.id}`)
    expect(mail!.text_body).toContain('90 dagar')
    expect(await mailsTo(db, c.hostAdmin.email, 'reference_call_request')).toEqual([])
    expect(await mailsTo(db, c.secondAdmin.email, 'reference_call_request')).toEqual([])

    const audits = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'reference.call_requested')
      .where('entity_id', '=', String(c.reference.id))
      .execute()
    expect(audits).toHaveLength(1)
    expect(audits[0]!.after_json).toBe(JSON.stringify({ requestId: request!.id }))
    expect(audits[0]!.ip).toBeNull()
    const everything = JSON.stringify(await db.selectFrom('audit_log').selectAll().execute())
    expect(everything).not.toContain(fields.email.toLowerCase())
    expect(everything).not.toContain('Ingrid')
  })

  test('without a named contact it reaches every admin of the public body, each in their language', async () => {
    const db = getDb()
    const c = await caseWithPeople({ namedContact: false })
    const outcome = await post(c.reference.id, visitorFields({ country: '' }))
    expect(statusOf(outcome)).toBe(302)
    const [request] = await requestsFor(c.reference.id)
    expect(request!.requester_country).toBeNull()
    const mails = await linkedMails(request!.id)
    expect(mails.map((m) => m.to_address).sort()).toEqual(
      [c.hostAdmin.email, c.secondAdmin.email].sort(),
    )
    const english = mails.find((m) => m.to_address === c.secondAdmin.email)!
    expect(english.subject).toBe('Request for a reference call: Keyless home care in Bergnäset')
    expect(english.text_body).toContain('Country: not given')
    const swedish = mails.find((m) => m.to_address === c.hostAdmin.email)!
    expect(swedish.subject).toBe('Förfrågan om referenssamtal: Nyckelfri hemtjänst i Bergnäset')
    // A plain member is not an admin and gets nothing.
    expect(await mailsTo(db, c.member.email, 'reference_call_request')).toEqual([])
  })

  test('the page and the confirmation name the role, never a person', async () => {
    const c = await caseWithPeople({ namedContact: true })
    const view = dataOf(await page(c.reference.id))
    expect(view.reference).toMatchObject({
      id: c.reference.id,
      takes_reference_calls: true,
      contact_role: 'Enhetschef hemtjänst',
      recipient: 'contact',
    })
    expect(JSON.stringify(view)).not.toContain(c.contact!.email)
    expect(view.sent).toBe(false)
    expect(dataOf(await page(c.reference.id, '?sent=1')).sent).toBe(true)
  })

  test('404 for a draft, a withdrawn case, an unknown id and a malformed one; nothing is written', async () => {
    const db = getDb()
    const draft = await createReference(db, { status: 'draft' })
    const withdrawn = await createReference(db, { status: 'withdrawn' })
    const before = await db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    for (const id of [draft.reference.id, withdrawn.reference.id, 999999, 'abc']) {
      expect(statusOf(await page(id)), String(id)).toBe(404)
      expect(statusOf(await post(id, visitorFields())), String(id)).toBe(404)
    }
    expect(await requestsFor(draft.reference.id)).toEqual([])
    expect(await requestsFor(withdrawn.reference.id)).toEqual([])
    const after = await db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(after.n).toBe(before.n)
  })

  test('a case that takes no calls refuses with 400: nothing written, no mail', async () => {
    const db = getDb()
    const c = await caseWithPeople({ namedContact: false, takesCalls: false })
    expect(dataOf(await page(c.reference.id)).reference.takes_reference_calls).toBe(false)
    const outcome = await post(c.reference.id, visitorFields())
    expect(statusOf(outcome)).toBe(400)
    expect(formResult(outcome).error?.['']).toEqual(['errors.domain.reference_calls_closed'])
    expect(await requestsFor(c.reference.id)).toEqual([])
    expect(await mailsTo(db, c.hostAdmin.email, 'reference_call_request')).toEqual([])
    expect(await mailsTo(db, c.secondAdmin.email, 'reference_call_request')).toEqual([])
  })

  test('the database allows three requests a day from one address: the fourth is a 400', async () => {
    const db = getDb()
    const a = await caseWithPeople({ namedContact: false })
    const b = await caseWithPeople({ namedContact: false })
    const email = `${unique('eager')}@example.test`
    // Mixed case is the same address.
    expect(statusOf(await post(a.reference.id, visitorFields({ email })))).toBe(302)
    expect(statusOf(await post(b.reference.id, visitorFields({ email })))).toBe(302)
    expect(
      statusOf(await post(a.reference.id, visitorFields({ email: email.toUpperCase() }))),
    ).toBe(302)
    const fourth = await post(b.reference.id, visitorFields({ email }))
    expect(statusOf(fourth)).toBe(400)
    expect(formResult(fourth).error?.['']).toEqual(['errors.domain.too_many_requests'])
    // The visitor's text is kept for another try.
    expect(formResult(fourth).initialValue).toMatchObject({ email, organisation: 'Tromsø kommune' })
    expect(await requestsFor(b.reference.id)).toHaveLength(1)
    const mailsBefore = await mailsTo(db, b.hostAdmin.email, 'reference_call_request')
    expect(mailsBefore).toHaveLength(1)

    // A day later the address may ask again.
    advanceClock(DAY + 1)
    expect(statusOf(await post(b.reference.id, visitorFields({ email })))).toBe(302)
  })

  test('a filled honeypot is refused with 400 and nothing is written', async () => {
    const c = await caseWithPeople({ namedContact: false })
    const outcome = await post(c.reference.id, visitorFields({ contact_fax: 'spam' }))
    expect(statusOf(outcome)).toBe(400)
    expect(await requestsFor(c.reference.id)).toEqual([])
  })

  test('an incomplete form is a 400 that keeps what was typed and explains what is missing', async () => {
    const c = await caseWithPeople({ namedContact: false })
    const { consent: _consent, ...withoutConsent } = visitorFields()
    const outcome = await post(c.reference.id, { ...withoutConsent, message: 'Kort' })
    expect(statusOf(outcome)).toBe(400)
    const result = formResult(outcome)
    expect(result.error).toMatchObject({
      consent: ['showcase.contact.consentRequired'],
      message: ['errors.tooShort'],
    })
    expect(result.initialValue).toMatchObject({
      name: 'Ingrid Haugen',
      organisation: 'Tromsø kommune',
      message: 'Kort',
    })
    expect(await requestsFor(c.reference.id)).toEqual([])
  })

  test('the in-memory limit per IP answers 429 before anything is written', async () => {
    const c = await caseWithPeople({ namedContact: false })
    let status = 302
    let sent = 0
    // FORM_LIMIT_PER_IP defaults to 20 per 15 minutes; each post uses a fresh address.
    for (let i = 0; i < 25 && status !== 429; i++) {
      status = statusOf(await post(c.reference.id, visitorFields()))
      if (status === 302) sent++
    }
    expect(status).toBe(429)
    // The per-case limit (20 a day) is the database's, and it trips first or together.
    expect((await requestsFor(c.reference.id)).length).toBeLessThanOrEqual(20)
    expect(sent).toBeLessThanOrEqual(20)
  })
})

describe('erasure after 90 days', () => {
  test('erases the personal data and the mail text of expired requests only', async () => {
    const db = getDb()
    const c = await caseWithPeople({ namedContact: false })
    expect(statusOf(await post(c.reference.id, visitorFields()))).toBe(302)
    const [old] = await requestsFor(c.reference.id)
    advanceClock(60 * DAY)
    resetLimiters()
    expect(statusOf(await post(c.reference.id, visitorFields({ name: 'Ola Nordmann' })))).toBe(302)
    const [, young] = await requestsFor(c.reference.id)

    advanceClock(31 * DAY)
    // Requests of earlier tests in this file are past their 90 days now too.
    const { n: due } = await db
      .selectFrom('reference_call_requests')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('erased_at', 'is', null)
      .where('erase_after', '<=', now())
      .executeTakeFirstOrThrow()
    expect(due).toBeGreaterThanOrEqual(1)
    expect(await eraseExpiredRequests(db)).toBe(due)

    const [erased, kept] = await requestsFor(c.reference.id)
    expect(erased).toMatchObject({
      id: old!.id,
      requester_name: null,
      requester_email: null,
      requester_organisation: null,
      requester_country: null,
      message: null,
      erased_at: now(),
      // The log of the request stays.
      reference_id: c.reference.id,
      created_at: old!.created_at,
    })
    expect(kept).toEqual(young)

    const oldMails = await linkedMails(old!.id)
    expect(oldMails).toHaveLength(2)
    for (const mail of oldMails) {
      expect(mail.erased_at).toBe(now())
      expect(mail.text_body).toBe('')
      // The subject names only the case, and stays.
      expect(mail.subject).toContain('Bergnäset')
    }
    const youngMails = await linkedMails(young!.id)
    expect(youngMails).toHaveLength(2)
    for (const mail of youngMails) {
      expect(mail.erased_at).toBeNull()
      expect(mail.text_body).toContain('Ola Nordmann')
    }
    const logged = await db
      .selectFrom('audit_log')
      .select(['after_json'])
      .where('action', '=', 'reference.call_requests_erased')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(logged.after_json).toBe(JSON.stringify({ count: due }))

    // Nothing is due now: a second run changes nothing and logs nothing.
    const audits = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(await eraseExpiredRequests(db)).toBe(0)
    const auditsAfter = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(auditsAfter.n).toBe(audits.n)

    // The younger one goes when its own 90 days are up.
    advanceClock(60 * DAY)
    expect(await eraseExpiredRequests(db)).toBeGreaterThanOrEqual(1)
    const [, youngNow] = await requestsFor(c.reference.id)
    expect(youngNow!.requester_name).toBeNull()
  })
})
