import type { Transporter } from 'nodemailer'
import type { DB } from '#db/connection'
import type { OutboxMessage } from '#db/schema'
import type { Locale } from '~/i18n/locales'
import { getTranslator, type MessageParams } from '~/i18n/messages'
import { now } from '~/utils/clock.server'

export const MAIL_TEMPLATES = [
  'password_reset',
  'password_changed',
  'invitation',
  'verification_approved',
  'verification_rejected',
  'intermediary_verified',
  'intermediary_rejected',
  'application_accepted',
  'application_declined',
  'pilot_message',
  'pilot_report',
  'pilot_response',
  'application_received',
  'application_to_review',
  'call_amendment',
  'bid_receipt',
  'call_outcome',
  'call_cancelled',
  'call_outcome_reminder',
  'call_answer',
  'reference_approval_requested',
  'reference_published',
  'reference_withdrawn',
  'reference_approval_reset',
  'competition_juror_appointed',
  'competition_nominated',
  'competition_results_published',
  'reference_call_request',
  'signup_confirm',
  'signup_existing',
  'event_registered',
  'event_waiting',
  'event_promoted',
  'event_cancelled',
  'outreach',
] as const
export type MailTemplate = (typeof MAIL_TEMPLATES)[number]

/** Mails rendered by their own module (notification-mail.server), not from one text. */
export type RenderedTemplate = 'notification' | 'notification_digest'

export interface TemplatedMail {
  to: string
  locale: Locale
  template: MailTemplate
  params: MessageParams
}

/**
 * Queues a mail in the outbox. Call it inside the transaction that causes the mail, so the mail
 * exists exactly when the change does. Delivery happens later (`deliverDueMail`).
 */
export async function queueMail(db: DB, mail: TemplatedMail): Promise<number> {
  const t = getTranslator(mail.locale)
  return queueRenderedMail(db, {
    to: mail.to,
    template: mail.template,
    subject: t(`mail.${mail.template}.subject`, mail.params),
    text: `${t(`mail.${mail.template}.body`, mail.params)}\n\n${t('mail.signature')}\n`,
  })
}

export interface RenderedMail {
  to: string
  template: MailTemplate | RenderedTemplate
  subject: string
  text: string
  html?: string | null
  /** RFC 8058: the one-click unsubscribe URL (sent as List-Unsubscribe and List-Unsubscribe-Post). */
  listUnsubscribe?: string | null
}

/** Queues a mail already rendered (text, and HTML from the same template). Same rules as queueMail. */
export async function queueRenderedMail(db: DB, mail: RenderedMail): Promise<number> {
  const at = now()
  const row = await db
    .insertInto('outbox')
    .values({
      to_address: mail.to,
      subject: mail.subject,
      text_body: mail.text,
      html_body: mail.html ?? null,
      template: mail.template,
      created_at: at,
      next_attempt_at: at,
      list_unsubscribe: mail.listUnsubscribe ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** The headers of RFC 8058 one-click unsubscribe for a mail that has a List-Unsubscribe URL. */
export function unsubscribeHeaders(url: string | null): Record<string, string> {
  if (!url) return {}
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
}

/** Seconds to wait after the n-th failed attempt: 1, 2, 4 … minutes, at most 6 hours. */
export function retryDelay(attempts: number): number {
  return Math.min(60 * 2 ** Math.max(0, attempts - 1), 6 * 60 * 60)
}

export interface DeliveryReport {
  sent: number
  failed: number
}

/**
 * Sends what is due. A failure is recorded and retried with back-off, forever: a message is never
 * dropped, and the outbox shows what is stuck and why.
 */
export async function deliverDueMail(
  db: DB,
  transport: Pick<Transporter, 'sendMail'>,
  from: string,
  batchSize = 20,
): Promise<DeliveryReport> {
  const due = await db
    .selectFrom('outbox')
    .selectAll()
    .where('sent_at', 'is', null)
    .where('erased_at', 'is', null)
    .where('next_attempt_at', '<=', now())
    .orderBy('id')
    .limit(batchSize)
    .execute()
  const report: DeliveryReport = { sent: 0, failed: 0 }
  for (const message of due) {
    try {
      const info = await transport.sendMail({
        from,
        to: message.to_address,
        subject: message.subject,
        text: message.text_body,
        ...(message.html_body ? { html: message.html_body } : {}),
        headers: unsubscribeHeaders(message.list_unsubscribe),
      })
      await db
        .updateTable('outbox')
        .set({
          sent_at: now(),
          attempts: message.attempts + 1,
          message_id: typeof info?.messageId === 'string' ? info.messageId : null,
          last_error: null,
        })
        .where('id', '=', message.id)
        .execute()
      report.sent++
    } catch (error) {
      const attempts = message.attempts + 1
      await db
        .updateTable('outbox')
        .set({
          attempts,
          next_attempt_at: now() + retryDelay(attempts),
          last_error: (error instanceof Error ? error.message : String(error)).slice(0, 500),
        })
        .where('id', '=', message.id)
        .execute()
      report.failed++
    }
  }
  return report
}

/** Newest first, for the development outbox page and `npm run outbox`. */
export async function listOutbox(
  db: DB,
  options: { to?: string; limit?: number } = {},
): Promise<OutboxMessage[]> {
  let query = db
    .selectFrom('outbox')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(options.limit ?? 100)
  if (options.to) query = query.where('to_address', '=', options.to.toLowerCase())
  return query.execute()
}
