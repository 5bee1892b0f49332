import { afterEach, describe, expect, test } from 'vitest'
import { now } from '~/utils/clock.server'
import { advanceClock, createBuyer, createCall, DAY, resetClock } from '../helpers/call-factories'
import { bid, db, openAmendment, publishAmendment } from '../helpers/call-rules-setup'
import { rawError } from '../helpers/inspect'
import { createCompany } from '../helpers/test-bed-factories'

// The equal-treatment rules of issue 4, attacked with SQL that no model wrote: whatever code runs,
// the database says no. The app-level attempts live next to each feature's tests.
// This file: rule 3 (terms frozen).

afterEach(resetClock)

describe('rule 3: terms frozen', () => {
  test('a published call, its criteria, themes, codes and deadlines do not move by themselves', async () => {
    const buyer = await createBuyer(db)
    const { call, criteria } = await createCall(db, buyer)
    const attempts = [
      () =>
        db
          .updateTable('calls')
          .set({ title: 'Ny titel på upphandlingen', updated_by: buyer.user.id })
          .where('id', '=', call.id)
          .execute(),
      () =>
        db
          .updateTable('calls')
          .set({ estimated_value_sek: 1, updated_by: buyer.user.id })
          .where('id', '=', call.id)
          .execute(),
      () =>
        db
          .updateTable('calls')
          .set({ tender_deadline: call.tender_deadline + DAY, updated_by: buyer.user.id })
          .where('id', '=', call.id)
          .execute(),
      () =>
        db
          .updateTable('calls')
          .set({ tender_deadline: call.tender_deadline - DAY, updated_by: buyer.user.id })
          .where('id', '=', call.id)
          .execute(),
      () =>
        db
          .updateTable('call_criteria')
          .set({ weight: 50 })
          .where('id', '=', criteria[1]!.id)
          .execute(),
      () => db.deleteFrom('call_criteria').where('id', '=', criteria[0]!.id).execute(),
      () =>
        db
          .insertInto('call_criteria')
          .values({ call_id: call.id, kind: 'requirement', position: 9, title: 'Nytt krav' })
          .execute(),
      () =>
        db.insertInto('call_themes').values({ call_id: call.id, theme_code: 'energy' }).execute(),
      () => db.deleteFrom('call_cpv_codes').where('call_id', '=', call.id).execute(),
    ]
    for (const attempt of attempts)
      expect(await rawError(attempt)).toContain('testarena:terms_frozen')
    const after = await db
      .selectFrom('calls')
      .selectAll()
      .where('id', '=', call.id)
      .executeTakeFirstOrThrow()
    expect(after.tender_deadline).toBe(call.tender_deadline)
    expect(after.title).toBe(call.title)
  })

  test('an amendment that changes terms must extend the deadline; submitted bids then need re-confirmation', async () => {
    const buyer = await createBuyer(db)
    const { call, criteria } = await createCall(db, buyer)
    const company = await createCompany(db)
    const submitted = await bid(call, company)

    const deadlines = { tender: call.tender_deadline, question: call.question_deadline }
    const amendment = await openAmendment(call.id, buyer.user.id, deadlines)
    // Retire a criterion and add two in its place, keeping the weights at 100.
    await db
      .updateTable('call_criteria')
      .set({ removed_in: amendment.id })
      .where('id', '=', criteria[2]!.id)
      .execute()
    await db
      .insertInto('call_criteria')
      .values([
        {
          call_id: call.id,
          kind: 'criterion',
          position: 4,
          title: 'Pris',
          weight: 30,
          added_in: amendment.id,
        },
        {
          call_id: call.id,
          kind: 'criterion',
          position: 5,
          title: 'Driftsäkerhet',
          weight: 10,
          added_in: amendment.id,
        },
      ])
      .execute()
    // Not telling the truth about the change, then not extending, are both refused.
    expect(await rawError(() => publishAmendment(amendment.id, buyer.user.id, 0))).toContain(
      'testarena:amendment_terms_flag',
    )
    expect(await rawError(() => publishAmendment(amendment.id, buyer.user.id, 1))).toContain(
      'testarena:extension_required',
    )
    // The open amendment is invisible: the terms in force are unchanged.
    const inForce = await db
      .selectFrom('call_criteria_current')
      .select('title')
      .where('call_id', '=', call.id)
      .execute()
    expect(inForce.map((c) => c.title).sort()).toEqual(criteria.map((c) => c.title).sort())

    await db
      .updateTable('call_amendments')
      .set({ tender_deadline: call.tender_deadline + 7 * DAY })
      .where('id', '=', amendment.id)
      .execute()
    await publishAmendment(amendment.id, buyer.user.id, 1)

    const after = await db
      .selectFrom('calls')
      .select('tender_deadline')
      .where('id', '=', call.id)
      .executeTakeFirstOrThrow()
    expect(after.tender_deadline).toBe(call.tender_deadline + 7 * DAY)
    const bidRow = await db
      .selectFrom('bids')
      .select('status')
      .where('id', '=', submitted.id)
      .executeTakeFirstOrThrow()
    expect(bidRow.status).toBe('needs_reconfirmation')
    const terms = await db
      .selectFrom('call_criteria_current')
      .select('title')
      .where('call_id', '=', call.id)
      .execute()
    expect(terms.map((c) => c.title).sort()).toEqual(
      [
        'Driftsäkerhet',
        'Funktion och nytta för brukaren',
        'Pris',
        'Uppfyller GDPR och har DPIA',
      ].sort(),
    )
    // Published amendments are final.
    expect(
      await rawError(() =>
        db
          .updateTable('call_amendments')
          .set({ summary: 'Något annat helt' })
          .where('id', '=', amendment.id)
          .execute(),
      ),
    ).toContain('testarena:amendment_published')
    expect(
      await rawError(() =>
        db.deleteFrom('call_amendments').where('id', '=', amendment.id).execute(),
      ),
    ).toContain('testarena:amendment_published')
  })

  test('deadlines are never shortened, and a late amendment extends to at least 6 days ahead', async () => {
    const buyer = await createBuyer(db)
    const { call } = await createCall(db, buyer)
    const short = await openAmendment(call.id, buyer.user.id, {
      tender: call.tender_deadline - DAY,
      question: call.question_deadline - DAY,
    })
    expect(await rawError(() => publishAmendment(short.id, buyer.user.id, 0))).toContain(
      'testarena:deadline_shortened',
    )
    await db.deleteFrom('call_amendments').where('id', '=', short.id).execute()

    advanceClock(36 * DAY) // 4 days before the deadline
    const late = await openAmendment(call.id, buyer.user.id, {
      tender: call.tender_deadline + DAY,
      question: call.question_deadline,
    })
    expect(await rawError(() => publishAmendment(late.id, buyer.user.id, 0))).toContain(
      'testarena:extension_required',
    )
  })

  test('weights in force stay at 100 through amendments; only an amendment asks for re-confirmation', async () => {
    const buyer = await createBuyer(db)
    const { call, criteria } = await createCall(db, buyer)
    const amendment = await openAmendment(call.id, buyer.user.id, {
      tender: call.tender_deadline + 10 * DAY,
      question: call.question_deadline,
    })
    await db
      .updateTable('call_criteria')
      .set({ removed_in: amendment.id })
      .where('id', '=', criteria[2]!.id)
      .execute()
    expect(await rawError(() => publishAmendment(amendment.id, buyer.user.id, 1))).toContain(
      'testarena:weights_not_100',
    )

    const company = await createCompany(db)
    const submitted = await bid(call, company)
    expect(
      await rawError(() =>
        db
          .updateTable('bids')
          .set({ status: 'needs_reconfirmation' })
          .where('id', '=', submitted.id)
          .execute(),
      ),
    ).toContain('testarena:invalid_transition')
  })

  test('documents change only through an amendment', async () => {
    const buyer = await createBuyer(db)
    const { call } = await createCall(db, buyer)
    expect(
      await rawError(() =>
        db
          .insertInto('call_documents')
          .values({
            call_id: call.id,
            title: 'Kravspecifikation v2',
            file_name: 'krav.pdf',
            content_type: 'application/pdf',
            extension: 'pdf',
            size: 100,
            sha256: 'a'.repeat(64),
            uploaded_by: buyer.user.id,
            created_at: now(),
          })
          .execute(),
      ),
    ).toContain('testarena:terms_frozen')
  })
})
