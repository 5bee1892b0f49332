import { afterEach, describe, expect, test } from 'vitest'
import { now } from '~/utils/clock.server'
import { createCall, DAY, resetClock } from '../helpers/call-factories'
import { addMember, createUser } from '../helpers/factories'
import { rawError } from '../helpers/inspect'
import { approveRaw, createCompletedPilot, createReference } from '../helpers/reference-factories'
import { db, insertCase, row } from '../helpers/reference-rules-setup'
import { createCompany } from '../helpers/test-bed-factories'

// The showcase rules of issue 5 (migration 2026-11-26-04), attacked with SQL no model wrote:
// traceable sources, two-party approval of the exact text, consent and retention for reference
// calls, and a competition whose winners follow a jury without conflicts. The app-level attempts
// live next to each feature's tests.
// This file: traceable sources and two-party approval of the exact text.

afterEach(resetClock)

describe('a reference case is traceable to an open process between its two parties', () => {
  test('only a completed pilot with its report, between exactly its host and company', async () => {
    const { host, company, pilotId } = await createCompletedPilot(db)
    const stranger = await createCompany(db)
    expect(
      await rawError(() =>
        insertCase({
          public_body_id: host.org.id,
          company_id: stranger.org.id,
          pilot_id: pilotId,
          created_by: host.user.id,
        }),
      ),
    ).toContain('testarena:reference_needs_source')
    // Written by someone outside both parties.
    const outsider = await createUser(db)
    expect(
      await rawError(() =>
        insertCase({
          public_body_id: host.org.id,
          company_id: company.org.id,
          pilot_id: pilotId,
          created_by: outsider.id,
        }),
      ),
    ).toContain('testarena:not_reference_party')
    // Nor from nothing.
    expect(
      await rawError(() =>
        insertCase({
          public_body_id: host.org.id,
          company_id: company.org.id,
          created_by: host.user.id,
        }),
      ),
    ).toContain('testarena:reference_needs_source')
    const ok = await insertCase({
      public_body_id: host.org.id,
      company_id: company.org.id,
      pilot_id: pilotId,
      created_by: company.user.id,
    })
    expect((await row(ok.id)).status).toBe('draft')
    // One case per pilot.
    expect(
      await rawError(() =>
        insertCase({
          public_body_id: host.org.id,
          company_id: company.org.id,
          pilot_id: pilotId,
          created_by: host.user.id,
        }),
      ),
    ).toContain('UNIQUE constraint failed: reference_cases.pilot_id')
  })

  test('a running pilot, or a call not awarded to the company, is no source', async () => {
    const { host, company } = await createCompletedPilot(db)
    // A published call the company never won.
    const { call } = await createCall(db, host, { status: 'published' })
    expect(
      await rawError(() =>
        insertCase({
          public_body_id: host.org.id,
          company_id: company.org.id,
          call_id: call.id,
          created_by: host.user.id,
        }),
      ),
    ).toContain('testarena:reference_needs_source')
    const awarded = await createReference(db, { source: 'call' })
    expect(
      await rawError(() =>
        insertCase({
          public_body_id: awarded.host.org.id,
          company_id: awarded.loser.org.id,
          call_id: awarded.call!.id,
          created_by: awarded.host.user.id,
        }),
      ),
    ).toContain('testarena:reference_needs_source')
  })

  test('a case starts as an unapproved draft, and its parties and source never change', async () => {
    const { host, company, pilotId } = await createCompletedPilot(db)
    const at = now()
    expect(
      await rawError(() =>
        insertCase({
          public_body_id: host.org.id,
          company_id: company.org.id,
          pilot_id: pilotId,
          created_by: host.user.id,
          extra: {
            status: 'published',
            published_at: at,
            first_published_at: at,
            public_body_approved_revision: 1,
            public_body_approved_by: host.user.id,
            public_body_approved_at: at,
            company_approved_revision: 1,
            company_approved_by: company.user.id,
            company_approved_at: at,
          },
        }),
      ),
    ).toContain('testarena:reference_approval_invalid')
    const { reference } = await createReference(db)
    const other = await createCompany(db)
    expect(
      await rawError(() =>
        db
          .updateTable('reference_cases')
          .set({ company_id: other.org.id })
          .where('id', '=', reference.id)
          .execute(),
      ),
    ).toContain('testarena:reference_source_fixed')
  })
})

describe('published only while both parties have approved the exact text', () => {
  test('one approval does not publish, and no status write can skip the other', async () => {
    const { reference, host } = await createReference(db)
    await approveRaw(db, reference.id, 'public_body', host.user.id)
    expect((await row(reference.id)).status).toBe('draft')
    expect(
      await rawError(() =>
        db
          .updateTable('reference_cases')
          .set({ status: 'published', published_at: now(), first_published_at: now() })
          .where('id', '=', reference.id)
          .execute(),
      ),
    ).toContain('CHECK constraint failed')
  })

  test('each side approves only through its own member, now, and only the current revision', async () => {
    const { reference, host, company } = await createReference(db)
    const setCompanyApproval = (userId: number, revision: number, at = now()) =>
      db
        .updateTable('reference_cases')
        .set({
          company_approved_revision: revision,
          company_approved_by: userId,
          company_approved_at: at,
        })
        .where('id', '=', reference.id)
        .execute()
    // The public body cannot approve on the company's behalf.
    expect(await rawError(() => setCompanyApproval(host.user.id, 1))).toContain(
      'testarena:reference_approval_invalid',
    )
    // Nor can an approval be backdated.
    expect(await rawError(() => setCompanyApproval(company.user.id, 1, now() - DAY))).toContain(
      'testarena:reference_approval_invalid',
    )
    // An approval of another revision than the text as it stands is refused.
    expect(await rawError(() => setCompanyApproval(company.user.id, 2))).toContain(
      'CHECK constraint failed',
    )
    // Someone in both organisations cannot approve for both sides.
    await addMember(db, reference.company_id, host.user.id, 'member')
    await approveRaw(db, reference.id, 'public_body', host.user.id)
    expect(await rawError(() => setCompanyApproval(host.user.id, 1))).toContain(
      'CHECK constraint failed',
    )
  })

  test('an edit after approval clears both approvals and unpublishes, in the same statement', async () => {
    const { reference } = await createReference(db, { status: 'published' })
    const before = await row(reference.id)
    expect(before.status).toBe('published')
    // Even a write that tries to keep the approvals and the status with the new text.
    await db
      .updateTable('reference_cases')
      .set({
        summary_sv: 'Hemtjänsten sparade 40 minuter per pass (ny, ogranskad siffra).',
        status: 'published',
        public_body_approved_revision: before.revision,
        company_approved_revision: before.revision,
      })
      .where('id', '=', reference.id)
      .execute()
    const after = await row(reference.id)
    expect(after).toMatchObject({
      status: 'draft',
      revision: before.revision + 1,
      public_body_approved_revision: null,
      public_body_approved_by: null,
      company_approved_revision: null,
      company_approved_by: null,
      published_at: null,
      first_published_at: before.first_published_at,
    })
    // The results and the reference-call settings are part of the approved text too.
    await createReference(db, { status: 'published' }).then(async ({ reference: r }) => {
      await db
        .updateTable('reference_cases')
        .set({ results_json: '[]' })
        .where('id', '=', r.id)
        .execute()
      expect((await row(r.id)).status).toBe('draft')
    })
  })

  test('only the parties edit, and published turns to draft only through an edit', async () => {
    const { reference } = await createReference(db, { status: 'published' })
    const outsider = await createUser(db)
    expect(
      await rawError(() =>
        db
          .updateTable('reference_cases')
          .set({ title_sv: 'Kapad titel', updated_by: outsider.id })
          .where('id', '=', reference.id)
          .execute(),
      ),
    ).toContain('testarena:not_reference_party')
    expect(
      await rawError(() =>
        db
          .updateTable('reference_cases')
          .set({
            status: 'draft',
            published_at: null,
            company_approved_revision: null,
            company_approved_by: null,
            company_approved_at: null,
          })
          .where('id', '=', reference.id)
          .execute(),
      ),
    ).toContain('testarena:invalid_transition')
    expect(
      await rawError(() =>
        db
          .updateTable('reference_cases')
          .set({ revision: 0 })
          .where('id', '=', reference.id)
          .execute(),
      ),
    ).toContain('testarena:reference_approval_invalid')
    expect((await row(reference.id)).status).toBe('published')
  })

  test('either side withdraws a published case at once; it is never deleted', async () => {
    const { reference, company, host } = await createReference(db, { status: 'published' })
    const withdraw = (userId: number, orgId: number, at = now()) =>
      db
        .updateTable('reference_cases')
        .set({
          status: 'withdrawn',
          public_body_approved_revision: null,
          public_body_approved_by: null,
          public_body_approved_at: null,
          company_approved_revision: null,
          company_approved_by: null,
          company_approved_at: null,
          published_at: null,
          withdrawn_at: at,
          withdrawn_by: userId,
          withdrawn_by_organisation_id: orgId,
          withdrawal_reason: 'Vi vill uppdatera siffrorna.',
        })
        .where('id', '=', reference.id)
        .execute()
    const outsider = await createCompany(db)
    expect(await rawError(() => withdraw(outsider.user.id, outsider.org.id))).toContain(
      'testarena:invalid_transition',
    )
    // A company member cannot withdraw in the public body's name.
    expect(await rawError(() => withdraw(company.user.id, host.org.id))).toContain(
      'testarena:invalid_transition',
    )
    await withdraw(company.user.id, company.org.id)
    expect((await row(reference.id)).status).toBe('withdrawn')
    expect(
      await rawError(() =>
        db.deleteFrom('reference_cases').where('id', '=', reference.id).execute(),
      ),
    ).toContain('testarena:reference_published_once')
    // Back to published only when both approve again.
    await approveRaw(db, reference.id, 'public_body', host.user.id)
    expect((await row(reference.id)).status).toBe('withdrawn')
    await approveRaw(db, reference.id, 'company', company.user.id)
    expect((await row(reference.id)).status).toBe('published')
    // A draft never published can be withdrawn by nobody, and deleted.
    const draft = await createReference(db)
    expect(
      await rawError(() =>
        db
          .updateTable('reference_cases')
          .set({
            status: 'withdrawn',
            withdrawn_at: now(),
            withdrawn_by: draft.company.user.id,
            withdrawn_by_organisation_id: draft.company.org.id,
          })
          .where('id', '=', draft.reference.id)
          .execute(),
      ),
    ).toContain('testarena:invalid_transition')
    await db.deleteFrom('reference_cases').where('id', '=', draft.reference.id).execute()
  })

  test('the text is whole in English or absent, and results are measured values', async () => {
    const { reference } = await createReference(db)
    expect(
      await rawError(() =>
        db
          .updateTable('reference_cases')
          .set({ challenge_en: null })
          .where('id', '=', reference.id)
          .execute(),
      ),
    ).toContain('CHECK constraint failed')
    expect(
      await rawError(() =>
        db
          .updateTable('reference_cases')
          .set({ results_json: JSON.stringify([{ label_sv: 'Nöjdhet', value: 'hög', unit: '' }]) })
          .where('id', '=', reference.id)
          .execute(),
      ),
    ).toContain('testarena:reference_results_invalid')
  })
})
