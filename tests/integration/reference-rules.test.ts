import { afterEach, describe, expect, test } from 'vitest'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { advanceClock, createCall, DAY, resetClock } from '../helpers/call-factories'
import { addMember, createUser } from '../helpers/factories'
import { rawError } from '../helpers/inspect'
import {
  approveRaw,
  createCompletedPilot,
  createPlatformAdmin,
  createReference,
  referenceText,
} from '../helpers/reference-factories'
import { createCompany, createMemberOf } from '../helpers/test-bed-factories'

// The showcase rules of issue 5 (migration 2026-11-26-04), attacked with SQL no model wrote:
// traceable sources, two-party approval of the exact text, consent and retention for reference
// calls, and a competition whose winners follow a jury without conflicts. The app-level attempts
// live next to each feature's tests.

const db = getDb()
afterEach(resetClock)

async function row(id: number) {
  return db.selectFrom('reference_cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}

function insertCase(values: {
  public_body_id: number
  company_id: number
  pilot_id?: number | null
  call_id?: number | null
  created_by: number
  extra?: Record<string, unknown>
}) {
  const at = now()
  return db
    .insertInto('reference_cases')
    .values({
      ...referenceText(),
      pilot_id: values.pilot_id ?? null,
      call_id: values.call_id ?? null,
      public_body_id: values.public_body_id,
      company_id: values.company_id,
      created_by: values.created_by,
      updated_by: values.created_by,
      created_at: at,
      updated_at: at,
      ...values.extra,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

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

describe('personal data only with consent, kept only as long as needed', () => {
  test('only the person themself, a member of the public body, becomes the named contact', async () => {
    const { reference, host, company } = await createReference(db)
    const colleague = await createMemberOf(db, host.org.id)
    const setContact = (contactId: number, by: number) =>
      db
        .updateTable('reference_cases')
        .set({ contact_user_id: contactId, contact_consented_at: now(), updated_by: by })
        .where('id', '=', reference.id)
        .execute()
    expect(await rawError(() => setContact(colleague.id, host.user.id))).toContain(
      'testarena:contact_consent_required',
    )
    expect(await rawError(() => setContact(company.user.id, company.user.id))).toContain(
      'testarena:contact_consent_required',
    )
    await setContact(colleague.id, colleague.id)
    expect((await row(reference.id)).contact_user_id).toBe(colleague.id)
  })

  function request(referenceId: number, email: string) {
    const at = now()
    return db
      .insertInto('reference_call_requests')
      .values({
        reference_id: referenceId,
        requester_name: 'Ingrid Solberg',
        requester_email: email,
        requester_organisation: 'Tromsø kommune',
        requester_country: 'Norge',
        message: 'Vi planerar en liknande upphandling och vill höra om era erfarenheter.',
        locale: 'sv',
        created_at: at,
        erase_after: at + 90 * DAY,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  }

  test('requests reach only published cases that take calls, at most 3 a day per address', async () => {
    const draft = await createReference(db)
    expect(await rawError(() => request(draft.reference.id, 'a@tromso.test'))).toContain(
      'testarena:reference_calls_closed',
    )
    const silent = await createReference(db, {
      status: 'published',
      overrides: { takes_reference_calls: 0, contact_role: '' },
    })
    expect(await rawError(() => request(silent.reference.id, 'a@tromso.test'))).toContain(
      'testarena:reference_calls_closed',
    )
    const { reference } = await createReference(db, { status: 'published' })
    for (let i = 0; i < 3; i++) await request(reference.id, 'b@tromso.test')
    expect(await rawError(() => request(reference.id, 'b@tromso.test'))).toContain(
      'testarena:too_many_requests',
    )
    advanceClock(DAY + 1)
    await request(reference.id, 'b@tromso.test')
  })

  test('a request is a fixed log whose personal data can only be erased, with its mail text', async () => {
    const { reference } = await createReference(db, { status: 'published' })
    const { id } = await request(reference.id, 'c@tromso.test')
    const mail = (to: string, template: string) =>
      db
        .insertInto('outbox')
        .values({
          to_address: to,
          subject: 'Förfrågan om referenssamtal',
          text_body: 'Ingrid Solberg, c@tromso.test, vill prata med er.',
          html_body: null,
          template,
          created_at: now(),
          next_attempt_at: now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
        .then((r) => r.id)
    const outboxId = await mail('contact@lulea.test', 'reference_call_request')
    const unrelated = await mail('someone@lulea.test', 'password_reset')
    await db
      .insertInto('reference_call_request_mails')
      .values({ request_id: id, outbox_id: outboxId })
      .execute()

    expect(
      await rawError(() =>
        db
          .updateTable('reference_call_requests')
          .set({ message: 'Ändrat i efterhand, ett annat meddelande.' })
          .where('id', '=', id)
          .execute(),
      ),
    ).toContain('testarena:request_fixed')
    expect(
      await rawError(() => db.deleteFrom('reference_call_requests').where('id', '=', id).execute()),
    ).toContain('testarena:request_fixed')
    const erase = () =>
      db
        .updateTable('reference_call_requests')
        .set({
          requester_name: null,
          requester_email: null,
          requester_organisation: null,
          requester_country: null,
          message: null,
          erased_at: now(),
        })
        .where('id', '=', id)
        .execute()
    await erase()
    expect(await rawError(erase)).toContain('testarena:request_fixed')

    const eraseMail = (outbox: number, subject?: string) =>
      db
        .updateTable('outbox')
        .set({ text_body: '', html_body: null, erased_at: now(), ...(subject ? { subject } : {}) })
        .where('id', '=', outbox)
        .execute()
    // Other mail stays append-only; a carried request's mail is erased once, subject kept.
    expect(await rawError(() => eraseMail(unrelated))).toContain('testarena:outbox_append_only')
    expect(await rawError(() => eraseMail(outboxId, 'Nytt ämne'))).toContain(
      'testarena:outbox_append_only',
    )
    await eraseMail(outboxId)
    expect(
      await rawError(() =>
        db
          .updateTable('outbox')
          .set({ text_body: 'Tillbaka' })
          .where('id', '=', outboxId)
          .execute(),
      ),
    ).toContain('testarena:outbox_append_only')
  })
})

describe('the good-examples competition follows its jury', () => {
  // One year per competition: a random year collided now and then (years are unique).
  let nextYear = 2040
  async function competition(closeIn = 10 * DAY) {
    const admin = await createPlatformAdmin(db)
    const at = now()
    const row = await db
      .insertInto('competitions')
      .values({
        year: nextYear++,
        intro_sv: 'Årets goda exempel på testbäddar och innovationsupphandling.',
        intro_en: "This year's good examples of test beds and innovation procurement.",
        nominations_close_at: at + closeIn,
        created_by: admin.id,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const category = await db
      .insertInto('competition_categories')
      .values({
        competition_id: row.id,
        position: 1,
        name_sv: 'Årets testbäddssamarbete',
        name_en: 'Test-bed collaboration of the year',
        description_sv: 'En pilot som gav mätbara resultat.',
        description_en: 'A pilot with measurable results.',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return { admin, id: row.id, categoryId: category.id }
  }
  const nominate = (categoryId: number, referenceId: number, by: number) =>
    db
      .insertInto('competition_nominations')
      .values({
        category_id: categoryId,
        reference_id: referenceId,
        nominated_by: by,
        motivation: 'Ett tydligt exempel med mätta resultat.',
        nominated_at: now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  const appoint = (competitionId: number, userId: number, by: number) =>
    db
      .insertInto('competition_jurors')
      .values({
        competition_id: competitionId,
        user_id: userId,
        appointed_by: by,
        appointed_at: now(),
      })
      .execute()
  const declare = (nominationId: number, jurorId: number, conflict: 0 | 1) =>
    db
      .insertInto('competition_declarations')
      .values({
        nomination_id: nominationId,
        juror_id: jurorId,
        has_conflict: conflict,
        note: conflict ? 'Jag arbetar hos parten.' : '',
        declared_at: now(),
      })
      .execute()
  const score = (nominationId: number, jurorId: number, value: number) =>
    db
      .insertInto('competition_scores')
      .values({
        nomination_id: nominationId,
        juror_id: jurorId,
        score: value,
        comment: 'Väl underbyggt.',
        scored_at: now(),
      })
      .execute()
  const result = (nominationId: number, categoryId: number, by: number, placement = 'winner') =>
    db
      .insertInto('competition_results')
      .values({
        nomination_id: nominationId,
        category_id: categoryId,
        placement: placement as 'winner',
        motivation_sv: 'Juryn lyfter fram de mätta resultaten.',
        motivation_en: 'The jury highlights the measured results.',
        decided_by: by,
        decided_at: now(),
      })
      .execute()
  const startJudging = (id: number) =>
    db
      .updateTable('competitions')
      .set({ status: 'judging', judging_started_at: now() })
      .where('id', '=', id)
      .execute()

  test('only an administrator opens a year, and nominations never close early', async () => {
    const user = await createUser(db)
    const at = now()
    expect(
      await rawError(() =>
        db
          .insertInto('competitions')
          .values({
            year: 2099,
            intro_sv: 'Ett försök att öppna en egen tävling.',
            intro_en: 'An attempt to open a competition of my own.',
            nominations_close_at: at + DAY,
            created_by: user.id,
            created_at: at,
          })
          .execute(),
      ),
    ).toContain('testarena:admin_only')
    const c = await competition()
    expect(
      await rawError(() =>
        db
          .updateTable('competitions')
          .set({ nominations_close_at: now() + DAY })
          .where('id', '=', c.id)
          .execute(),
      ),
    ).toContain('testarena:deadline_frozen')
    expect(await rawError(() => startJudging(c.id))).toContain('testarena:invalid_transition')
  })

  test('only published cases, only while nominations are open', async () => {
    const c = await competition()
    const draft = await createReference(db)
    expect(await rawError(() => nominate(c.categoryId, draft.reference.id, c.admin.id))).toContain(
      'testarena:reference_not_published',
    )
    const published = await createReference(db, { status: 'published' })
    await nominate(c.categoryId, published.reference.id, published.company.user.id)
    // The category is fixed once something is nominated in it.
    expect(
      await rawError(() =>
        db
          .updateTable('competition_categories')
          .set({ name_sv: 'Ett annat namn' })
          .where('id', '=', c.categoryId)
          .execute(),
      ),
    ).toContain('testarena:categories_frozen')
    advanceClock(10 * DAY)
    const late = await createReference(db, { status: 'published' })
    expect(await rawError(() => nominate(c.categoryId, late.reference.id, c.admin.id))).toContain(
      'testarena:nominations_closed',
    )
  })

  test('a party cannot judge its own case, and only cleared jurors score', async () => {
    const c = await competition()
    const published = await createReference(db, { status: 'published' })
    const nomination = await nominate(c.categoryId, published.reference.id, c.admin.id)
    const insider = published.host.user
    const outsider = await createUser(db)
    await appoint(c.id, insider.id, c.admin.id)
    advanceClock(10 * DAY)
    await startJudging(c.id)
    expect(await rawError(() => declare(nomination.id, outsider.id, 0))).toContain(
      'testarena:not_juror',
    )
    expect(await rawError(() => declare(nomination.id, insider.id, 0))).toContain(
      'testarena:juror_is_party',
    )
    await declare(nomination.id, insider.id, 1)
    expect(await rawError(() => score(nomination.id, insider.id, 10))).toContain(
      'testarena:juror_not_cleared',
    )
    expect(
      await rawError(() =>
        db
          .updateTable('competition_declarations')
          .set({ has_conflict: 0 })
          .where('nomination_id', '=', nomination.id)
          .execute(),
      ),
    ).toContain('testarena:declaration_fixed')
  })

  test('winners follow the complete jury’s scores, and a published year is fixed', async () => {
    const c = await competition()
    const first = await createReference(db, { status: 'published' })
    const second = await createReference(db, { status: 'published' })
    const a = await nominate(c.categoryId, first.reference.id, c.admin.id)
    const b = await nominate(c.categoryId, second.reference.id, c.admin.id)
    const jurors = [await createUser(db), await createUser(db)]
    for (const j of jurors) await appoint(c.id, j.id, c.admin.id)
    advanceClock(10 * DAY)
    await startJudging(c.id)
    for (const j of jurors) {
      await declare(a.id, j.id, 0)
      await declare(b.id, j.id, 0)
    }
    await score(a.id, jurors[0]!.id, 6)
    await score(b.id, jurors[0]!.id, 9)
    await score(a.id, jurors[1]!.id, 7)
    // The second juror has not scored b yet.
    expect(await rawError(() => result(b.id, c.categoryId, c.admin.id))).toContain(
      'testarena:jury_incomplete',
    )
    await score(b.id, jurors[1]!.id, 8)
    // Only an administrator records results, and the winner has the best average.
    expect(await rawError(() => result(b.id, c.categoryId, jurors[0]!.id))).toContain(
      'testarena:admin_only',
    )
    expect(await rawError(() => result(a.id, c.categoryId, c.admin.id))).toContain(
      'testarena:winner_not_by_score',
    )
    // Publishing needs a winner in every category.
    const publish = () =>
      db
        .updateTable('competitions')
        .set({ status: 'published', published_at: now(), published_by: c.admin.id })
        .where('id', '=', c.id)
        .execute()
    expect(await rawError(publish)).toContain('testarena:results_incomplete')
    await result(b.id, c.categoryId, c.admin.id)
    await result(a.id, c.categoryId, c.admin.id, 'honourable_mention')
    await publish()
    expect(
      await rawError(() =>
        db
          .updateTable('competition_scores')
          .set({ score: 10 })
          .where('nomination_id', '=', a.id)
          .execute(),
      ),
    ).toContain('testarena:not_judging')
    expect(
      await rawError(() =>
        db.deleteFrom('competition_results').where('nomination_id', '=', b.id).execute(),
      ),
    ).toContain('testarena:competition_published')
    expect(
      await rawError(() =>
        db
          .updateTable('competitions')
          .set({ intro_sv: 'Omskriven efter publiceringen.' })
          .where('id', '=', c.id)
          .execute(),
      ),
    ).toContain('testarena:competition_published')
    expect(
      await rawError(() =>
        db
          .insertInto('competition_categories')
          .values({
            competition_id: c.id,
            position: 2,
            name_sv: 'Efterhandskategori',
            name_en: 'Afterthought category',
            description_sv: 'Lades till efteråt.',
            description_en: 'Added afterwards.',
          })
          .execute(),
      ),
    ).toContain('testarena:categories_frozen')
  })
})
