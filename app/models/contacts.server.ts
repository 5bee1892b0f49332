import type { DB } from '#db/connection'
import type { ContactKind, PreferredChannel } from '#db/schema'
import { now } from '~/utils/clock.server'
import { toStockholmDateInput } from '~/utils/stockholm-time'
import { audit } from './audit.server'
import { DomainError, withRules } from './errors.server'
import { inTransaction } from './initiatives.server'
import { VERIFIED_KINDS } from '~/domain/vocabularies'

// The company contact ledger (issue 15, decision record 029): writes. A verified public body or
// intermediary records an approach of a company after acknowledging the company's recent contacts
// and preference; its own members correct it (the database keeps the old text); a company's members
// set whether its contacts are shared and how it prefers to be approached. Reads and who may see
// what: contact-reads.server.ts. The database enforces every rule again (migration
// 2026-12-07-12-contact-ledger).

export const CONTACT_KINDS = [
  'visit',
  'demo',
  'dialogue_meeting',
  'pilot_talk',
  'event',
] as const satisfies readonly ContactKind[]
export const PREFERRED_CHANNELS = [
  'no_preference',
  'through_intermediary',
  'testarena_only',
] as const satisfies readonly PreferredChannel[]

export interface ContactInput {
  contacted_on: string
  kind: ContactKind
  purpose: string
}

/** Today's calendar date in Stockholm, YYYY-MM-DD. */
export function today(): string {
  return toStockholmDateInput(now())
}

/** The organisations the user belongs to that may record contacts (verified bodies). */
async function recordingOrganisation(db: DB, userId: number, organisationId: number) {
  const row = await db
    .selectFrom('organisations as o')
    .innerJoin('memberships as m', 'm.organisation_id', 'o.id')
    .select(['o.id', 'o.slug', 'o.name', 'o.kind', 'o.verification_status'])
    .where('o.id', '=', organisationId)
    .where('m.user_id', '=', userId)
    .where('o.kind', 'in', VERIFIED_KINDS)
    .where('o.verification_status', '=', 'verified')
    .executeTakeFirst()
  return row ?? null
}

/**
 * Records a contact. `acknowledgedAt` is when the user confirmed having seen the company's recent
 * contacts and preference (the form shows them first); without it nothing is recorded.
 */
export async function recordContact(
  db: DB,
  args: {
    authorOrganisationId: number
    userId: number
    companyId: number
    initiativeId: number | null
    acknowledgedAt: number | null
    input: ContactInput
    ip?: string | null
  },
) {
  const author = await recordingOrganisation(db, args.userId, args.authorOrganisationId)
  if (!author) throw new DomainError('not_found')
  const at = now()
  if (
    args.acknowledgedAt === null ||
    args.acknowledgedAt > at ||
    args.acknowledgedAt < at - 86400
  ) {
    throw new DomainError('contact_not_acknowledged')
  }
  if (args.input.contacted_on > today()) throw new DomainError('contact_in_future')
  const acknowledgedAt = args.acknowledgedAt
  return withRules(() =>
    inTransaction(db, async (tx) => {
      const row = await tx
        .insertInto('company_contacts')
        .values({
          author_organisation_id: author.id,
          company_id: args.companyId,
          contacted_on: args.input.contacted_on,
          kind: args.input.kind,
          purpose: args.input.purpose.trim(),
          initiative_id: args.initiativeId,
          recorded_by: args.userId,
          recorded_at: at,
          acknowledged_at: acknowledgedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await audit(tx, {
        actorUserId: args.userId,
        organisationId: author.id,
        action: 'contact.recorded',
        entityType: 'company_contact',
        entityId: row.id,
        after: { company_id: args.companyId, initiative_id: args.initiativeId, ...args.input },
        ip: args.ip ?? null,
      })
      return row
    }),
  )
}

/** Corrects a contact: only a member of its author; the database keeps the replaced text. */
export async function correctContact(
  db: DB,
  args: { contactId: number; userId: number; input: ContactInput; ip?: string | null },
) {
  if (args.input.contacted_on > today()) throw new DomainError('contact_in_future')
  return withRules(() =>
    inTransaction(db, async (tx) => {
      const before = await tx
        .selectFrom('company_contacts as k')
        .select(['k.id', 'k.revision', 'k.author_organisation_id', 'k.contacted_on', 'k.kind'])
        .select('k.purpose')
        .where('k.id', '=', args.contactId)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('memberships as m')
              .select('m.user_id')
              .whereRef('m.organisation_id', '=', 'k.author_organisation_id')
              .where('m.user_id', '=', args.userId),
          ),
        )
        .executeTakeFirst()
      if (!before) throw new DomainError('not_found')
      if (
        before.contacted_on === args.input.contacted_on &&
        before.kind === args.input.kind &&
        before.purpose === args.input.purpose.trim()
      )
        throw new DomainError('contact_unchanged')
      await tx
        .updateTable('company_contacts')
        .set({
          contacted_on: args.input.contacted_on,
          kind: args.input.kind,
          purpose: args.input.purpose.trim(),
          revision: before.revision + 1,
          corrected_at: now(),
          corrected_by: args.userId,
        })
        .where('id', '=', before.id)
        .where('revision', '=', before.revision)
        .execute()
      await audit(tx, {
        actorUserId: args.userId,
        organisationId: before.author_organisation_id,
        action: 'contact.corrected',
        entityType: 'company_contact',
        entityId: before.id,
        before: { contacted_on: before.contacted_on, kind: before.kind, purpose: before.purpose },
        after: args.input,
        ip: args.ip ?? null,
      })
    }),
  )
}

export interface ContactSettingsInput {
  share_contacts: boolean
  preferred_channel: PreferredChannel
  preference_note: string
  not_before: string | null
}

/** Saves a company's contact settings; only its own members (the WHERE of the guard, and the database). */
export async function saveContactSettings(
  db: DB,
  args: { companyId: number; userId: number; input: ContactSettingsInput; ip?: string | null },
) {
  const member = await db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select('o.id')
    .where('m.user_id', '=', args.userId)
    .where('o.id', '=', args.companyId)
    .where('o.kind', '=', 'company')
    .executeTakeFirst()
  if (!member) throw new DomainError('not_found')
  const values = {
    share_contacts: args.input.share_contacts ? 1 : 0,
    preferred_channel: args.input.preferred_channel,
    preference_note: args.input.preference_note.trim(),
    not_before: args.input.not_before,
    updated_at: now(),
    updated_by: args.userId,
  }
  return withRules(() =>
    inTransaction(db, async (tx) => {
      await tx
        .insertInto('company_contact_settings')
        .values({ company_id: member.id, ...values })
        .onConflict((oc) => oc.column('company_id').doUpdateSet(values))
        .execute()
      await audit(tx, {
        actorUserId: args.userId,
        organisationId: member.id,
        action: 'contact.settings_saved',
        entityType: 'organisation',
        entityId: member.id,
        after: args.input,
        ip: args.ip ?? null,
      })
    }),
  )
}
