import type { DB } from '#db/connection'
import type { Locale } from '#db/schema'
import type { MessageParams } from '~/i18n/messages'
import { now } from '~/utils/clock.server'
import { type MailTemplate, queueMail } from './outbox.server'

/**
 * Who hears about a call:
 * - 'interested': everyone who downloaded its documents and the members of every company with a
 *   bid in progress (draft, submitted or awaiting re-confirmation). Followers hear the same through
 *   their notifications, in the delivery they chose (notifications.server, decision record 035);
 * - 'bidders': the members of every company whose bid was opened (the award decision).
 */
export type CallAudience = 'interested' | 'bidders'

export interface CallEvent {
  callId: number
  /** The event within the call, e.g. `answer:12`, `amendment:3`, `outcome`. Each user hears it once. */
  event: string
  template: MailTemplate
  /** Mail parameters in the recipient's language (titles, dates formatted for that locale). */
  params: (locale: Locale) => MessageParams
}

async function recipients(db: DB, callId: number, audience: CallAudience) {
  const bidderMembers = (statuses: string[]) =>
    db
      .selectFrom('bids')
      .innerJoin('memberships', 'memberships.organisation_id', 'bids.company_id')
      .select('memberships.user_id')
      .where('bids.call_id', '=', callId)
      .where('bids.status', 'in', statuses as never)
  const ids =
    audience === 'bidders'
      ? bidderMembers(['submitted'])
      : db
          .selectFrom('call_downloads')
          .select('user_id')
          .where('call_id', '=', callId)
          .union(bidderMembers(['draft', 'submitted', 'needs_reconfirmation']))
  return db
    .selectFrom('users')
    .select(['users.id', 'users.email', 'users.locale'])
    .where('users.id', 'in', ids)
    .orderBy('users.id')
    .execute()
}

/**
 * Mails one call event to its audience, each user at most once per call and event (call_notifications' key), inside
 * the caller's transaction — so everyone is told at the same moment the change commits, or no one.
 * Returns the number of mails queued.
 */
export async function notifyCall(
  db: DB,
  audience: CallAudience,
  event: CallEvent,
): Promise<number> {
  const at = now()
  let queued = 0
  for (const user of await recipients(db, event.callId, audience)) {
    const inserted = await db
      .insertInto('call_notifications')
      .values({ user_id: user.id, event: event.event, call_id: event.callId, created_at: at })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst()
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) continue
    await queueMail(db, {
      to: user.email,
      locale: user.locale,
      template: event.template,
      params: event.params(user.locale),
    })
    queued++
  }
  return queued
}

/** Count of users an event would reach (shown to the buyer before publishing). */
export async function audienceSize(db: DB, callId: number, audience: CallAudience) {
  const rows = await recipients(db, callId, audience)
  return rows.length
}
