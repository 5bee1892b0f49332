import type { DB } from '#db/connection'
import type { Locale } from '~/i18n/locales'
import { getTranslator } from '~/i18n/messages'
import { now } from '~/utils/clock.server'
import { getEnv } from '~/utils/env.server'
import { audit } from './audit.server'
import { DomainError, withRules } from './errors.server'
import { queueMail } from './outbox.server'

// Requests for a reference call (issue 5, rule 3): a visitor asks to speak with the public body
// behind a published case. The request reaches the consenting named contact, or else the public
// body's administrators, through the outbox. The database limits how often (3 a day per address,
// 20 a day per case), and the visitor's data, in the request and in the mail, is erased after
// 90 days. The audit log records that a request was made, never who made it.

/** The database's CHECK: erase_after = created_at + 90 days (migration 2026-11-26-04). */
export const REQUEST_RETENTION_DAYS = 90
const DAY = 86400

/** Who receives requests for a case: its named contact (with consent), or the administrators. */
export type CallRecipient = 'contact' | 'admins'

/**
 * A published case as its contact page shows it; drafts, withdrawn cases and unknown ids are
 * 'not_found'.
 */
export async function getReferenceForContact(db: DB, referenceId: number) {
  const row = await db
    .selectFrom('reference_cases')
    .innerJoin('organisations as pb', 'pb.id', 'reference_cases.public_body_id')
    .innerJoin('organisations as co', 'co.id', 'reference_cases.company_id')
    .select([
      'reference_cases.id',
      'reference_cases.title_sv',
      'reference_cases.title_en',
      'reference_cases.takes_reference_calls',
      'reference_cases.contact_role',
      'reference_cases.contact_user_id',
      'pb.name as public_body_name',
      'pb.slug as public_body_slug',
      'co.name as company_name',
    ])
    .where('reference_cases.id', '=', referenceId)
    .where('reference_cases.status', '=', 'published')
    .executeTakeFirst()
  if (!row) throw new DomainError('not_found')
  const { takes_reference_calls, contact_user_id, ...rest } = row
  return {
    ...rest,
    takes_reference_calls: takes_reference_calls === 1,
    recipient: (contact_user_id !== null ? 'contact' : 'admins') as CallRecipient,
  }
}
export type ReferenceForContact = Awaited<ReturnType<typeof getReferenceForContact>>

export interface ReferenceCallRequestInput {
  referenceId: number
  name: string
  email: string
  organisation: string
  country: string | null
  message: string
  /** The language the visitor wrote in (the page's). */
  locale: Locale
}

/**
 * Records a request and mails it, in one transaction: to the case's consenting named contact if
 * it has one (and they are still a member of the public body), else to every administrator of
 * the public body, each in their own language. Each mail is linked to the request so its text is
 * erased with it. 'not_found' for a case that is not published; the database refuses a case that
 * takes no calls ('reference_calls_closed') and too many requests ('too_many_requests').
 */
export async function requestReferenceCall(db: DB, input: ReferenceCallRequestInput) {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const reference = await tx
        .selectFrom('reference_cases')
        .select([
          'id',
          'title_sv',
          'title_en',
          'public_body_id',
          'contact_user_id',
          'contact_consented_at',
        ])
        .where('id', '=', input.referenceId)
        .where('status', '=', 'published')
        .executeTakeFirst()
      if (!reference) throw new DomainError('not_found')

      const at = now()
      const request = await tx
        .insertInto('reference_call_requests')
        .values({
          reference_id: reference.id,
          requester_name: input.name.trim(),
          requester_email: input.email.trim().toLowerCase(),
          requester_organisation: input.organisation.trim(),
          requester_country: input.country?.trim() || null,
          message: input.message.trim(),
          locale: input.locale,
          created_at: at,
          erase_after: at + REQUEST_RETENTION_DAYS * DAY,
        })
        .returning(['id', 'requester_name', 'requester_email', 'requester_organisation'])
        .executeTakeFirstOrThrow()

      const recipientsQuery = tx
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select(['users.id', 'users.email', 'users.locale'])
        .where('memberships.organisation_id', '=', reference.public_body_id)
      const contact =
        reference.contact_user_id !== null && reference.contact_consented_at !== null
          ? await recipientsQuery
              .where('users.id', '=', reference.contact_user_id)
              .executeTakeFirst()
          : undefined
      const recipients = contact
        ? [contact]
        : await recipientsQuery
            .where('memberships.role', '=', 'admin')
            .orderBy('users.id')
            .execute()

      const link = `${getEnv().APP_ORIGIN}/references/${reference.id}`
      for (const recipient of recipients) {
        const t = getTranslator(recipient.locale)
        const outboxId = await queueMail(tx, {
          to: recipient.email,
          locale: recipient.locale,
          template: 'reference_call_request',
          params: {
            reference:
              recipient.locale === 'en' && reference.title_en
                ? reference.title_en
                : reference.title_sv,
            name: request.requester_name ?? '',
            organisation: request.requester_organisation ?? '',
            country: input.country?.trim() || t('showcase.mail.noCountry'),
            email: request.requester_email ?? '',
            message: input.message.trim(),
            link,
            days: REQUEST_RETENTION_DAYS,
          },
        })
        await tx
          .insertInto('reference_call_request_mails')
          .values({ request_id: request.id, outbox_id: outboxId })
          .execute()
      }

      // Who asked is personal data and stays out of the append-only log (it is erased later).
      await audit(tx, {
        actorUserId: null,
        organisationId: reference.public_body_id,
        action: 'reference.call_requested',
        entityType: 'reference_case',
        entityId: reference.id,
        after: { requestId: request.id },
      })
      return {
        requestId: request.id,
        recipient: (contact ? 'contact' : 'admins') as CallRecipient,
        mailCount: recipients.length,
      }
    }),
  )
}

/**
 * Erases the personal data of every request past its erase_after: the request's personal columns
 * and the text of the mails that carried it (the subject names only the case). Run hourly by the
 * server. Returns how many requests were erased.
 */
export async function eraseExpiredRequests(db: DB): Promise<number> {
  return withRules(() =>
    db.transaction().execute(async (tx) => {
      const at = now()
      const due = await tx
        .selectFrom('reference_call_requests')
        .select('id')
        .where('erased_at', 'is', null)
        .where('erase_after', '<=', at)
        .execute()
      if (due.length === 0) return 0
      const ids = due.map((r) => r.id)
      await tx
        .updateTable('reference_call_requests')
        .set({
          requester_name: null,
          requester_email: null,
          requester_organisation: null,
          requester_country: null,
          message: null,
          erased_at: at,
        })
        .where('id', 'in', ids)
        .execute()
      await tx
        .updateTable('outbox')
        .set({ erased_at: at, text_body: '', html_body: null })
        .where('erased_at', 'is', null)
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('reference_call_request_mails')
            .select('outbox_id')
            .where('request_id', 'in', ids),
        )
        .execute()
      await audit(tx, {
        actorUserId: null,
        action: 'reference.call_requests_erased',
        entityType: 'reference_call_request',
        after: { count: ids.length },
      })
      return ids.length
    }),
  )
}
