import { afterEach, describe, expect, test } from 'vitest'
import { loader as orgReferencesLoader } from '~/routes/organisations.$slug.references/route'
import { resetClock } from '../helpers/call-factories'
import { auditActions } from '../helpers/inspect'
import {
  createAwardedCall,
  createCompletedPilot,
  createReference,
} from '../helpers/reference-factories'
import {
  approve,
  casePage,
  cookie,
  db,
  edit,
  FORM,
  mailsFor,
  post,
  row,
} from '../helpers/references-setup'
import { getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf, formResult, headerOf, statusOf } from '../helpers/responses'
import { createCompany, createMemberOf } from '../helpers/test-bed-factories'

// Reference cases through the routes (issue 5, area A): drafting from a completed pilot or an
// award, two-party approval, edits that clear approvals, withdrawal, deletion and consent. The
// raw-SQL attacks on the same rules are in reference-rules-*.test.ts.
// This file: two-party approval, withdrawal and deletion, the named contact, and the
// organisation's references page.

afterEach(resetClock)

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
