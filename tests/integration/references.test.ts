import { afterEach, describe, expect, test } from 'vitest'
import { loader as orgReferencesLoader } from '~/routes/organisations.$slug.references/route'
import { loader as pilotLoader } from '~/routes/pilots.$pilotId/route'
import {
  action as caseAction,
  loader as caseLoader,
} from '~/routes/references.$referenceId._index/route'
import {
  action as editAction,
  loader as editLoader,
} from '~/routes/references.$referenceId.edit/route'
import { action as newAction, loader as newLoader } from '~/routes/references.new/route'
import { getDb } from '~/utils/db.server'
import { resetClock } from '../helpers/call-factories'
import { createUser, sessionCookieFor } from '../helpers/factories'
import { auditActions, mailsTo } from '../helpers/inspect'
import { createRunningPilot } from '../helpers/pilot-factories'
import {
  approveRaw,
  createAwardedCall,
  createCompletedPilot,
  createReference,
} from '../helpers/reference-factories'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'
import { createCompany, createHost, createMemberOf } from '../helpers/test-bed-factories'

// Reference cases through the routes (issue 5, area A): drafting from a completed pilot or an
// award, two-party approval, edits that clear approvals, withdrawal, deletion and consent. The
// raw-SQL attacks on the same rules are in reference-rules.test.ts.

const db = getDb()
afterEach(resetClock)

const cookie = (userId: number) => sessionCookieFor(db, userId)

/** A complete, valid form: Swedish and English, one result with a decimal comma. */
const FORM: Record<string, string> = {
  title_sv: 'Nyckelfri hemtjänst i Bergnäset',
  summary_sv: 'Hemtjänsten sparade 14 minuter per pass med digitala lås.',
  challenge_sv: 'Fysiska nycklar tog tid och försvann.',
  solution_sv: 'Batteridrivna lås som klarar −40 °C.',
  deployment_sv: 'Fyra vintermånader i ordinärt boende.',
  participants_sv: '30 brukare och 22 undersköterskor.',
  quote_sv: 'Vi köper gärna igen.',
  quote_by_role: 'Enhetschef hemtjänst',
  has_english: 'on',
  title_en: 'Keyless home care in Bergnäset',
  summary_en: 'Home care saved 14 minutes per shift with digital locks.',
  challenge_en: 'Physical keys took time and went missing.',
  solution_en: 'Battery-powered locks that work at −40 °C.',
  deployment_en: 'Four winter months in ordinary housing.',
  participants_en: '30 clients and 22 care assistants.',
  quote_en: 'We would gladly buy again.',
  place: 'Bergnäset, Luleå',
  started_on: '2026-01-10',
  ended_on: '2026-05-01',
  'results[0].label_sv': 'Tid för nycklar per pass',
  'results[0].label_en': 'Time on keys per shift',
  'results[0].value': '2,5',
  'results[0].unit': 'min',
  'results[0].baseline': '1 016',
  'results[1].label_sv': '',
  'results[1].value': '',
  would_use_again: 'yes',
  takes_reference_calls: 'on',
  contact_role: 'Enhetschef hemtjänst',
}

function swedishOnly(): Record<string, string> {
  const form = { ...FORM }
  delete form.has_english
  return form
}

function newPage(query: string, cookieHeader?: string) {
  return run(() =>
    newLoader(loaderArgs(getRequest(`/references/new?${query}`, { cookie: cookieHeader }))),
  )
}

function create(query: string, fields: Record<string, string>, cookieHeader: string) {
  return run(() =>
    newAction(
      actionArgs(formRequest(`/references/new?${query}`, fields, { cookie: cookieHeader })),
    ),
  )
}

function casePage(id: number | string, cookieHeader?: string, query = '') {
  return run(() =>
    caseLoader(
      loaderArgs(getRequest(`/references/${id}${query}`, { cookie: cookieHeader }), {
        referenceId: String(id),
      }),
    ),
  )
}

function post(id: number, fields: Record<string, string>, cookieHeader: string) {
  return run(() =>
    caseAction(
      actionArgs(formRequest(`/references/${id}?index`, fields, { cookie: cookieHeader }), {
        referenceId: String(id),
      }),
    ),
  )
}

function edit(id: number, fields: Record<string, string>, cookieHeader: string) {
  return run(() =>
    editAction(
      actionArgs(formRequest(`/references/${id}/edit`, fields, { cookie: cookieHeader }), {
        referenceId: String(id),
      }),
    ),
  )
}

async function row(id: number) {
  return db.selectFrom('reference_cases').selectAll().where('id', '=', id).executeTakeFirst()
}

async function caseCount() {
  const r = await db
    .selectFrom('reference_cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

function idFrom(location: string | null): number {
  const match = /^\/references\/(\d+)/.exec(location ?? '')
  if (!match) throw new Error(`Not a reference address: ${location}`)
  return Number(match[1])
}

async function emailOf(userId: number) {
  const r = await db
    .selectFrom('users')
    .select('email')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow()
  return r.email
}

async function mailsFor(userId: number, template: string) {
  return mailsTo(db, await emailOf(userId), template)
}

async function approve(id: number, userId: number) {
  const current = await row(id)
  return post(id, { intent: 'approve', revision: String(current!.revision) }, await cookie(userId))
}

/** A pilot that is accepted but still running (no report yet). */
function activePilot() {
  return createRunningPilot(db)
}

describe('drafting a reference from its source', () => {
  test('the host drafts from a completed pilot; the company is asked to review', async () => {
    const { host, company, pilotId, offer } = await createCompletedPilot(db)
    const colleague = await createMemberOf(db, company.org.id)
    const hostCookie = await cookie(host.user.id)

    const form = dataOf(await newPage(`pilot=${pilotId}`, hostCookie))
    expect(form.source).toMatchObject({ kind: 'pilot', pilotId, offerId: offer.id })
    expect(form.side).toBe('public_body')
    // Prefilled from the pilot, the offer and the report.
    expect(form.defaults.participants_sv).toBe('Tio brukare och sex undersköterskor.')
    expect(form.defaults.started_on).toMatch(/^\d{4}-\d{2}-\d{2}$/)

    const created = await create(`pilot=${pilotId}`, FORM, hostCookie)
    expect(statusOf(created)).toBe(302)
    const id = idFrom(headerOf(created, 'Location'))
    expect(headerOf(created, 'Location')).toBe(`/references/${id}?notice=created`)
    const stored = await row(id)
    expect(stored).toMatchObject({
      status: 'draft',
      revision: 1,
      pilot_id: pilotId,
      call_id: null,
      public_body_id: host.org.id,
      company_id: company.org.id,
      created_by: host.user.id,
      quote_en: 'We would gladly buy again.',
      public_body_approved_by: null,
      company_approved_by: null,
    })
    expect(JSON.parse(stored!.results_json)).toEqual([
      {
        label_sv: 'Tid för nycklar per pass',
        label_en: 'Time on keys per shift',
        value: 2.5,
        unit: 'min',
        baseline: 1016,
      },
    ])
    expect(await auditActions(db, 'reference_case', id)).toEqual(['reference.created'])
    for (const userId of [company.user.id, colleague.id]) {
      expect(await mailsFor(userId, 'reference_approval_requested')).toHaveLength(1)
    }
    expect(await mailsFor(host.user.id, 'reference_approval_requested')).toHaveLength(0)

    // One case per pilot: the form now leads to the case.
    const again = await newPage(`pilot=${pilotId}`, hostCookie)
    expect(statusOf(again)).toBe(302)
    expect(headerOf(again, 'Location')).toBe(`/references/${id}`)
    // And the pilot page links to it.
    const pilot = dataOf(
      await run(() =>
        pilotLoader(
          loaderArgs(getRequest(`/pilots/${pilotId}`, { cookie: hostCookie }), {
            pilotId: String(pilotId),
          }),
        ),
      ),
    )
    expect(pilot.referenceId).toBe(id)
  })

  test('the company drafts from a completed pilot too', async () => {
    const { host, company, pilotId } = await createCompletedPilot(db)
    const created = await create(`pilot=${pilotId}`, swedishOnly(), await cookie(company.user.id))
    expect(statusOf(created)).toBe(302)
    const stored = await row(idFrom(headerOf(created, 'Location')))
    expect(stored).toMatchObject({ created_by: company.user.id, title_en: null, quote_en: null })
    expect(await mailsFor(host.user.id, 'reference_approval_requested')).toHaveLength(1)
  })

  test('either side drafts from an awarded call: the buyer and the winner are the parties', async () => {
    const first = await createAwardedCall(db)
    const byCompany = await create(
      `call=${first.call.id}&company=${first.company.org.id}`,
      FORM,
      await cookie(first.company.user.id),
    )
    expect(statusOf(byCompany)).toBe(302)
    expect(await row(idFrom(headerOf(byCompany, 'Location')))).toMatchObject({
      call_id: first.call.id,
      pilot_id: null,
      public_body_id: first.buyer.org.id,
      company_id: first.company.org.id,
    })

    const second = await createAwardedCall(db)
    const query = `call=${second.call.id}&company=${second.company.org.id}`
    const form = dataOf(await newPage(query, await cookie(second.buyer.user.id)))
    expect(form.source).toMatchObject({ kind: 'call', callId: second.call.id })
    const byBuyer = await create(query, FORM, await cookie(second.buyer.user.id))
    expect(statusOf(byBuyer)).toBe(302)

    // The loser of the call has no award to write about, nor has the buyer with the loser.
    const before = await caseCount()
    const loserQuery = `call=${second.call.id}&company=${second.loser.org.id}`
    expect(statusOf(await newPage(loserQuery, await cookie(second.loser.user.id)))).toBe(404)
    expect(statusOf(await create(loserQuery, FORM, await cookie(second.buyer.user.id)))).toBe(404)
    expect(await caseCount()).toBe(before)
  })

  test('refused for a pilot that is not completed, for a non-party, and for bad addresses', async () => {
    const running = await activePilot()
    const { pilotId } = await createCompletedPilot(db)
    const stranger = await createCompany(db)
    const otherHost = await createHost(db)
    const before = await caseCount()

    const runningCookie = await cookie(running.host.user.id)
    expect(statusOf(await newPage(`pilot=${running.pilotId}`, runningCookie))).toBe(404)
    expect(statusOf(await create(`pilot=${running.pilotId}`, FORM, runningCookie))).toBe(404)
    for (const userId of [stranger.user.id, otherHost.user.id]) {
      const c = await cookie(userId)
      expect(statusOf(await newPage(`pilot=${pilotId}`, c))).toBe(404)
      expect(statusOf(await create(`pilot=${pilotId}`, FORM, c))).toBe(404)
    }
    for (const query of ['', 'pilot=abc', 'pilot=0', 'call=1']) {
      expect(statusOf(await newPage(query, runningCookie))).toBe(404)
    }
    expect(statusOf(await newPage(`pilot=${pilotId}`))).toBe(302)
    expect(await caseCount()).toBe(before)
  })

  test('an invalid form is a 400 that keeps what was typed, and writes nothing', async () => {
    const { host, pilotId } = await createCompletedPilot(db)
    const before = await caseCount()
    const bad = {
      ...FORM,
      title_sv: '',
      started_on: '2026-02-30',
      'results[0].value': 'fjorton',
      'results[1].label_sv': 'Antal larm',
      would_use_again: '',
    }
    const answer = await create(`pilot=${pilotId}`, bad, await cookie(host.user.id))
    expect(statusOf(answer)).toBe(400)
    const result = formResult(answer)
    expect(result.error).toMatchObject({
      title_sv: ['errors.required'],
      started_on: ['reference.error.date'],
      'results[0].value': ['reference.error.number'],
      'results[1].value': ['reference.error.resultValue'],
      'results[1].label_en': ['reference.error.resultLabelEn'],
      would_use_again: ['reference.error.wouldUseAgain'],
    })
    expect(result.initialValue).toMatchObject({
      summary_sv: FORM.summary_sv,
      place: FORM.place,
      results: [expect.objectContaining({ value: 'fjorton' }), expect.anything()],
    })
    expect(await caseCount()).toBe(before)

    const ended = await create(
      `pilot=${pilotId}`,
      { ...FORM, ended_on: '2025-12-31' },
      await cookie(host.user.id),
    )
    expect(formResult(ended).error).toMatchObject({
      ended_on: ['reference.error.endedBeforeStart'],
    })
    const noRole = await create(
      `pilot=${pilotId}`,
      { ...FORM, contact_role: '', quote_by_role: ' ' },
      await cookie(host.user.id),
    )
    expect(formResult(noRole).error).toMatchObject({
      contact_role: ['reference.error.contactRole'],
      quote_by_role: ['reference.error.quoteByRole'],
    })
    expect(await caseCount()).toBe(before)
  })

  test('the English version is all or nothing, and so is the quote', async () => {
    const { host, pilotId } = await createCompletedPilot(db)
    const hostCookie = await cookie(host.user.id)
    const before = await caseCount()

    const partial = await create(
      `pilot=${pilotId}`,
      { ...FORM, summary_en: '', deployment_en: '', quote_en: '' },
      hostCookie,
    )
    expect(statusOf(partial)).toBe(400)
    expect(formResult(partial).error).toMatchObject({
      summary_en: ['reference.error.englishRequired'],
      deployment_en: ['reference.error.englishRequired'],
      quote_en: ['reference.error.quoteEnRequired'],
    })
    const quoteOnlyEn = await create(
      `pilot=${pilotId}`,
      { ...FORM, quote_sv: '', quote_by_role: '' },
      hostCookie,
    )
    expect(formResult(quoteOnlyEn).error).toMatchObject({
      quote_en: ['reference.error.quoteEnWithoutSv'],
    })
    expect(await caseCount()).toBe(before)

    // Unticked, English text typed anyway is not stored: the case is Swedish only.
    const unticked = await create(`pilot=${pilotId}`, swedishOnly(), hostCookie)
    expect(statusOf(unticked)).toBe(302)
    const stored = await row(idFrom(headerOf(unticked, 'Location')))
    expect(stored).toMatchObject({ title_en: null, summary_en: null, quote_en: null })
    expect(JSON.parse(stored!.results_json)[0].label_en).toBeNull()
  })
})

describe('who sees a case', () => {
  test('a draft: parties only; a published case: anyone, without the approval panel', async () => {
    const { host, company, reference } = await createReference(db)
    const stranger = await createUser(db)
    const otherHost = await createHost(db)
    const colleague = await createMemberOf(db, host.org.id)

    expect(statusOf(await casePage(reference.id))).toBe(404)
    for (const userId of [stranger.id, otherHost.user.id]) {
      expect(statusOf(await casePage(reference.id, await cookie(userId)))).toBe(404)
    }
    const anonymousEdit = await run(() =>
      editLoader(
        loaderArgs(getRequest(`/references/${reference.id}/edit`), {
          referenceId: String(reference.id),
        }),
      ),
    )
    expect(statusOf(anonymousEdit)).toBe(302)
    const forHost = dataOf(await casePage(reference.id, await cookie(colleague.id)))
    expect(forHost.party).toMatchObject({ side: 'public_body', canApprove: true, canDelete: true })
    const forCompany = dataOf(await casePage(reference.id, await cookie(company.user.id)))
    expect(forCompany.party.side).toBe('company')
    expect(statusOf(await casePage('abc'))).toBe(404)
    expect(statusOf(await casePage(999999))).toBe(404)
    // An outsider cannot act on it either.
    const outsider = await post(
      reference.id,
      { intent: 'approve', revision: '1' },
      await cookie(stranger.id),
    )
    expect(statusOf(outsider)).toBe(404)
    expect((await row(reference.id))!.public_body_approved_by).toBeNull()

    await approveRaw(db, reference.id, 'public_body', host.user.id)
    await approveRaw(db, reference.id, 'company', company.user.id)
    const publicView = dataOf(await casePage(reference.id))
    expect(publicView.party).toBeNull()
    expect(publicView.reference).toMatchObject({ status: 'published', contact_name: null })
    expect(publicView.lang).toBe('sv')
    // The English version for English readers, and on request.
    const english = dataOf(await casePage(reference.id, undefined, '?lang=en'))
    expect(english.lang).toBe('en')
    const byHeader = dataOf(
      await run(() =>
        caseLoader(
          loaderArgs(
            getRequest(`/references/${reference.id}`, { headers: { 'Accept-Language': 'en' } }),
            { referenceId: String(reference.id) },
          ),
        ),
      ),
    )
    expect(byHeader.lang).toBe('en')
  })

  test('the edit page is for parties only, in any state', async () => {
    const { host, reference } = await createReference(db, { status: 'published' })
    const stranger = await createCompany(db)
    const editPage = async (userId: number) => {
      const request = getRequest(`/references/${reference.id}/edit`, {
        cookie: await cookie(userId),
      })
      return run(() => editLoader(loaderArgs(request, { referenceId: String(reference.id) })))
    }
    expect(statusOf(await editPage(stranger.user.id))).toBe(404)
    const data = dataOf(await editPage(host.user.id))
    expect(data.defaults).toMatchObject({ has_english: true, would_use_again: 'yes' })
    const before = await row(reference.id)
    expect(statusOf(await edit(reference.id, FORM, await cookie(stranger.user.id)))).toBe(404)
    expect(await row(reference.id)).toEqual(before)
  })
})

describe('two-party approval', () => {
  test('one side approves: still a draft; the other side approves: published, and both are told', async () => {
    const { host, company, reference } = await createReference(db)
    const hostColleague = await createMemberOf(db, host.org.id)
    const companyColleague = await createMemberOf(db, company.org.id)

    const first = await approve(reference.id, hostColleague.id)
    expect(statusOf(first)).toBe(302)
    expect(headerOf(first, 'Location')).toBe(`/references/${reference.id}?notice=approved`)
    expect(await row(reference.id)).toMatchObject({
      status: 'draft',
      public_body_approved_revision: 1,
      public_body_approved_by: hostColleague.id,
      company_approved_by: null,
      first_published_at: null,
    })
    expect(statusOf(await casePage(reference.id))).toBe(404)
    expect(await mailsFor(company.user.id, 'reference_approval_requested')).toHaveLength(1)
    expect(await mailsFor(companyColleague.id, 'reference_approval_requested')).toHaveLength(1)

    // The same side twice, or a revision the approver never saw: refused.
    const twice = await approve(reference.id, host.user.id)
    expect(statusOf(twice)).toBe(400)
    const stale = await post(
      reference.id,
      { intent: 'approve', revision: '7' },
      await cookie(company.user.id),
    )
    expect(statusOf(stale)).toBe(400)
    expect(formResult(stale).error).toMatchObject({
      '': ['errors.domain.reference_approval_invalid'],
    })
    expect((await row(reference.id))!.company_approved_by).toBeNull()

    const second = await approve(reference.id, company.user.id)
    expect(headerOf(second, 'Location')).toBe(`/references/${reference.id}?notice=published`)
    const published = await row(reference.id)
    expect(published).toMatchObject({ status: 'published', company_approved_by: company.user.id })
    expect(published!.published_at).not.toBeNull()
    expect(published!.first_published_at).toBe(published!.published_at)
    for (const userId of [host.user.id, hostColleague.id, companyColleague.id]) {
      expect(await mailsFor(userId, 'reference_published')).toHaveLength(1)
    }
    expect(statusOf(await casePage(reference.id))).toBe(200)
    expect(await auditActions(db, 'reference_case', reference.id)).toEqual([
      'reference.approved',
      'reference.published',
    ])
  })

  test('an edit after approval makes a draft of a new revision with both approvals cleared', async () => {
    const { host, company, reference } = await createReference(db, { status: 'published' })
    const answer = await edit(
      reference.id,
      { ...FORM, summary_sv: 'Hemtjänsten sparade 15 minuter per pass med digitala lås.' },
      await cookie(company.user.id),
    )
    expect(statusOf(answer)).toBe(302)
    expect(headerOf(answer, 'Location')).toBe(`/references/${reference.id}?notice=savedReset`)
    const after = await row(reference.id)
    expect(after).toMatchObject({
      status: 'draft',
      revision: reference.revision + 1,
      public_body_approved_revision: null,
      public_body_approved_by: null,
      company_approved_revision: null,
      company_approved_by: null,
      published_at: null,
    })
    expect(after!.first_published_at).not.toBeNull()
    // The public body's approver is told their approval no longer applies (not the editor).
    expect(await mailsFor(host.user.id, 'reference_approval_reset')).toHaveLength(1)
    expect(await mailsFor(company.user.id, 'reference_approval_reset')).toHaveLength(0)
    expect(statusOf(await casePage(reference.id))).toBe(404)
    expect(await auditActions(db, 'reference_case', reference.id)).toEqual(['reference.edited'])

    // Saving the same text again changes nothing.
    const same = await edit(
      reference.id,
      { ...FORM, summary_sv: 'Hemtjänsten sparade 15 minuter per pass med digitala lås.' },
      await cookie(company.user.id),
    )
    expect(headerOf(same, 'Location')).toBe(`/references/${reference.id}?notice=unchanged`)
    expect((await row(reference.id))!.revision).toBe(reference.revision + 1)

    // An invalid edit keeps the values and changes nothing.
    const invalid = await edit(reference.id, { ...FORM, place: 'X' }, await cookie(host.user.id))
    expect(statusOf(invalid)).toBe(400)
    expect(formResult(invalid).error).toMatchObject({ place: ['errors.tooShort'] })
    expect((await row(reference.id))!.revision).toBe(reference.revision + 1)

    // Both approve the new revision: published again.
    await approve(reference.id, host.user.id)
    await approve(reference.id, company.user.id)
    expect((await row(reference.id))!.status).toBe('published')
  })
})

describe('withdrawal and deletion', () => {
  test('either side withdraws a published case with a reason; both can publish it again', async () => {
    const { host, company, reference } = await createReference(db, { status: 'published' })
    const companyCookie = await cookie(company.user.id)

    const noReason = await post(reference.id, { intent: 'withdraw', reason: ' ' }, companyCookie)
    expect(statusOf(noReason)).toBe(400)
    expect(dataOf(noReason).intent).toBe('withdraw')
    expect(formResult(noReason).error).toMatchObject({ reason: ['errors.required'] })
    expect((await row(reference.id))!.status).toBe('published')

    const page = dataOf(await casePage(reference.id, companyCookie, '?confirm=withdraw'))
    expect(page.confirm).toBe('withdraw')
    expect(page.party.canWithdraw).toBe(true)

    const done = await post(
      reference.id,
      { intent: 'withdraw', reason: 'Produkten har bytt namn.' },
      companyCookie,
    )
    expect(headerOf(done, 'Location')).toBe(`/references/${reference.id}?notice=withdrawn`)
    expect(await row(reference.id)).toMatchObject({
      status: 'withdrawn',
      withdrawn_by: company.user.id,
      withdrawn_by_organisation_id: company.org.id,
      withdrawal_reason: 'Produkten har bytt namn.',
      public_body_approved_by: null,
      company_approved_by: null,
      published_at: null,
    })
    const mails = await mailsFor(host.user.id, 'reference_withdrawn')
    expect(mails).toHaveLength(1)
    expect(mails[0]!.text_body).toContain('Produkten har bytt namn.')
    expect(statusOf(await casePage(reference.id))).toBe(404)
    const forHost = dataOf(await casePage(reference.id, await cookie(host.user.id)))
    expect(forHost.party.withdrawn).toMatchObject({ reason: 'Produkten har bytt namn.' })

    // Not twice.
    expect(
      statusOf(await post(reference.id, { intent: 'withdraw', reason: 'Igen.' }, companyCookie)),
    ).toBe(400)

    await approve(reference.id, host.user.id)
    expect((await row(reference.id))!.status).toBe('withdrawn')
    await approve(reference.id, company.user.id)
    expect((await row(reference.id))!.status).toBe('published')
    expect(statusOf(await casePage(reference.id))).toBe(200)
  })

  test('a draft never published can be deleted; a case that has been public cannot', async () => {
    const draft = await createReference(db)
    const stranger = await createCompany(db)
    expect(
      statusOf(
        await post(draft.reference.id, { intent: 'delete' }, await cookie(stranger.user.id)),
      ),
    ).toBe(404)
    const deleted = await post(
      draft.reference.id,
      { intent: 'delete' },
      await cookie(draft.company.user.id),
    )
    expect(statusOf(deleted)).toBe(302)
    expect(headerOf(deleted, 'Location')).toBe(
      `/organisations/${draft.company.org.slug}/references?notice=deleted`,
    )
    expect(await row(draft.reference.id)).toBeUndefined()
    expect(await auditActions(db, 'reference_case', draft.reference.id)).toEqual([
      'reference.deleted',
    ])

    const withdrawn = await createReference(db, { status: 'withdrawn' })
    const refused = await post(
      withdrawn.reference.id,
      { intent: 'delete' },
      await cookie(withdrawn.host.user.id),
    )
    expect(statusOf(refused)).toBe(400)
    expect(formResult(refused).error).toMatchObject({
      '': ['errors.domain.reference_published_once'],
    })
    expect(await row(withdrawn.reference.id)).toBeDefined()
  })
})

describe('the named contact for reference calls', () => {
  test('only a public-body member consents, for themself, and only they withdraw it', async () => {
    const { host, company, reference } = await createReference(db, { status: 'published' })
    const colleague = await createMemberOf(db, host.org.id)

    const byCompany = await post(reference.id, { intent: 'consent' }, await cookie(company.user.id))
    expect(statusOf(byCompany)).toBe(400)
    expect(formResult(byCompany).error).toMatchObject({
      '': ['errors.domain.contact_consent_required'],
    })
    expect((await row(reference.id))!.contact_user_id).toBeNull()

    const consent = await post(reference.id, { intent: 'consent' }, await cookie(host.user.id))
    expect(headerOf(consent, 'Location')).toBe(`/references/${reference.id}?notice=consented`)
    const after = await row(reference.id)
    expect(after).toMatchObject({ contact_user_id: host.user.id, revision: reference.revision })
    expect(after!.status).toBe('published')
    const publicView = dataOf(await casePage(reference.id))
    expect(publicView.reference.contact_name).toBe(host.user.name)
    expect(JSON.stringify(publicView)).not.toContain(host.user.email)

    // A colleague can neither take it over nor withdraw it for them.
    for (const intent of ['consent', 'withdrawConsent']) {
      const answer = await post(reference.id, { intent }, await cookie(colleague.id))
      expect(statusOf(answer)).toBe(400)
      expect((await row(reference.id))!.contact_user_id).toBe(host.user.id)
    }
    const withdrawn = await post(
      reference.id,
      { intent: 'withdrawConsent' },
      await cookie(host.user.id),
    )
    expect(statusOf(withdrawn)).toBe(302)
    expect(await row(reference.id)).toMatchObject({
      contact_user_id: null,
      contact_consented_at: null,
    })
    expect(await auditActions(db, 'reference_case', reference.id)).toEqual([
      'reference.contact_consented',
      'reference.contact_withdrawn',
    ])
  })
})

describe("the organisation's references page", () => {
  test('members see their cases and what they could still write about; others get 404', async () => {
    const pilot = await createCompletedPilot(db)
    const written = await createReference(db)
    const award = await createAwardedCall(db)
    const page = async (slug: string, userId: number) => {
      const request = getRequest(`/organisations/${slug}/references`, {
        cookie: await cookie(userId),
      })
      return run(() => orgReferencesLoader(loaderArgs(request, { slug })))
    }

    const forHost = dataOf(await page(pilot.host.org.slug, pilot.host.user.id))
    expect(forHost.references).toEqual([])
    expect(forHost.sources).toEqual([
      expect.objectContaining({
        kind: 'pilot',
        pilotId: pilot.pilotId,
        counterpartName: pilot.company.org.name,
      }),
    ])
    const forWinner = dataOf(await page(award.company.org.slug, award.company.user.id))
    expect(forWinner.sources).toEqual([
      expect.objectContaining({
        kind: 'call',
        callId: award.call.id,
        companyId: award.company.org.id,
      }),
    ])
    const forLoser = dataOf(await page(award.loser.org.slug, award.loser.user.id))
    expect(forLoser.sources).toEqual([])

    const forCompany = dataOf(await page(written.company.org.slug, written.company.user.id))
    expect(forCompany.sources).toEqual([])
    expect(forCompany.references).toEqual([
      expect.objectContaining({
        id: written.reference.id,
        status: 'draft',
        side: 'company',
        ownApproved: false,
        counterpartName: written.host.org.name,
      }),
    ])
    expect(statusOf(await page(written.company.org.slug, pilot.host.user.id))).toBe(404)
  })
})
