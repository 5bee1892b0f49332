import { afterEach, describe, expect, test } from 'vitest'
import { now } from '~/utils/clock.server'
import { advanceClock, DAY, resetClock } from '../helpers/call-factories'
import { rawError } from '../helpers/inspect'
import { createReference } from '../helpers/reference-factories'
import { db, row } from '../helpers/reference-rules-setup'
import { createMemberOf } from '../helpers/test-bed-factories'

// The showcase rules of issue 5 (migration 2026-11-26-04), attacked with SQL no model wrote:
// traceable sources, two-party approval of the exact text, consent and retention for reference
// calls, and a competition whose winners follow a jury without conflicts. The app-level attempts
// live next to each feature's tests.
// This file: consent and retention of personal data for reference calls.

afterEach(resetClock)

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
