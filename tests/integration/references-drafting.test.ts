import { afterEach, describe, expect, test } from 'vitest'
import { loader as pilotLoader } from '~/routes/pilots.$pilotId/route'
import { loader as caseLoader } from '~/routes/references.$referenceId._index/route'
import { loader as editLoader } from '~/routes/references.$referenceId.edit/route'
import { resetClock } from '../helpers/call-factories'
import { createUser } from '../helpers/factories'
import { auditActions } from '../helpers/inspect'
import {
  approveRaw,
  createAwardedCall,
  createCompletedPilot,
  createReference,
} from '../helpers/reference-factories'
import {
  activePilot,
  caseCount,
  casePage,
  cookie,
  create,
  db,
  edit,
  FORM,
  idFrom,
  mailsFor,
  newPage,
  post,
  row,
  swedishOnly,
} from '../helpers/references-setup'
import { getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'
import { createCompany, createHost, createMemberOf } from '../helpers/test-bed-factories'

// Reference cases through the routes (issue 5, area A): drafting from a completed pilot or an
// award, two-party approval, edits that clear approvals, withdrawal, deletion and consent. The
// raw-SQL attacks on the same rules are in reference-rules-*.test.ts.
// This file: drafting a reference from its source, and who sees a case.

afterEach(resetClock)

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
