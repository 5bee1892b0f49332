import { type ExpressionBuilder, sql } from 'kysely'
import type { DB } from '#db/connection'
import type { Database } from '#db/schema'
import { now } from '~/utils/clock.server'
import { toStockholmDateInput } from '~/utils/stockholm-time'
import { DomainError } from './errors.server'
import { VERIFIED_KINDS } from '~/domain/vocabularies'

// The company contact ledger (decision record 029): reads. Who sees a contact, enforced here in
// every query's WHERE:
// - members of the author organisation see its contacts;
// - members of the company see every contact about it;
// - members of another verified public body or intermediary see a company's contacts only when
//   the company shares them (company_contact_settings.share_contacts);
// - other companies and anonymous visitors see none (pages answer 404).
// What a published call disclosed (call_contact_disclosures) is public with the call.

/** Roughly six months back, as a calendar date. */
function sixMonthsAgo(): string {
  return toStockholmDateInput(now() - 183 * 86400)
}

type K = ExpressionBuilder<Database & { k: Database['company_contacts'] }, 'k'>

/** The visibility rule, as a WHERE on `company_contacts as k`; null user sees nothing. */
function visibleTo(userId: number | null) {
  return (eb: K) => {
    if (userId === null) return sql<boolean>`0`
    const memberOf = (column: 'k.author_organisation_id' | 'k.company_id') =>
      eb.exists(
        eb
          .selectFrom('memberships as m')
          .select('m.user_id')
          .whereRef('m.organisation_id', '=', column)
          .where('m.user_id', '=', userId),
      )
    return eb.or([
      memberOf('k.author_organisation_id'),
      memberOf('k.company_id'),
      eb.and([
        eb.exists(
          eb
            .selectFrom('company_contact_settings as s')
            .select('s.company_id')
            .whereRef('s.company_id', '=', 'k.company_id')
            .where('s.share_contacts', '=', 1),
        ),
        eb.exists(
          eb
            .selectFrom('memberships as m')
            .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
            .select('m.user_id')
            .where('m.user_id', '=', userId)
            .where('o.kind', 'in', VERIFIED_KINDS)
            .where('o.verification_status', '=', 'verified'),
        ),
      ]),
    ])
  }
}

function contactsQuery(db: DB) {
  return db
    .selectFrom('company_contacts as k')
    .innerJoin('organisations as a', 'a.id', 'k.author_organisation_id')
    .innerJoin('organisations as c', 'c.id', 'k.company_id')
    .leftJoin('initiatives as i', 'i.id', 'k.initiative_id')
    .select([
      'k.id',
      'k.contacted_on',
      'k.kind',
      'k.purpose',
      'k.revision',
      'k.recorded_at',
      'k.corrected_at',
      'a.id as author_id',
      'a.name as author_name',
      'a.slug as author_slug',
      'c.id as company_id',
      'c.name as company_name',
      'c.slug as company_slug',
      'i.id as initiative_id',
      'i.title as initiative_title',
    ])
    .orderBy('k.contacted_on', 'desc')
    .orderBy('k.id', 'desc')
}
export type ContactRow = Awaited<ReturnType<ReturnType<typeof contactsQuery>['execute']>>[number]

/** Contacts about a company the user may see, newest first, optionally since a date. */
export async function visibleContactsOfCompany(
  db: DB,
  args: { companyId: number; userId: number | null; since?: string },
) {
  let query = contactsQuery(db)
    .where('k.company_id', '=', args.companyId)
    .where(visibleTo(args.userId))
  if (args.since) query = query.where('k.contacted_on', '>=', args.since)
  return query.execute()
}

/** The contacts an organisation recorded; only its members (otherwise 'not_found'). */
export async function listAuthoredContacts(
  db: DB,
  args: { organisationId: number; userId: number },
) {
  const member = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('organisation_id', '=', args.organisationId)
    .where('user_id', '=', args.userId)
    .executeTakeFirst()
  if (!member) throw new DomainError('not_found')
  return contactsQuery(db)
    .where('k.author_organisation_id', '=', args.organisationId)
    .where(visibleTo(args.userId))
    .execute()
}

/** Every contact about the company, for its own members (otherwise 'not_found'). */
export async function listContactsAboutCompany(
  db: DB,
  args: { companyId: number; userId: number | null },
) {
  if (args.userId === null) throw new DomainError('not_found')
  const member = await db
    .selectFrom('memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select('o.id')
    .where('m.organisation_id', '=', args.companyId)
    .where('m.user_id', '=', args.userId)
    .where('o.kind', '=', 'company')
    .executeTakeFirst()
  if (!member) throw new DomainError('not_found')
  return contactsQuery(db).where('k.company_id', '=', args.companyId).execute()
}

/** A company's settings, or the defaults (nothing shared, no preference). */
export async function getContactSettings(db: DB, companyId: number) {
  const row = await db
    .selectFrom('company_contact_settings')
    .select(['share_contacts', 'preferred_channel', 'preference_note', 'not_before'])
    .where('company_id', '=', companyId)
    .executeTakeFirst()
  return {
    share_contacts: row?.share_contacts === 1,
    preferred_channel: row?.preferred_channel ?? 'no_preference',
    preference_note: row?.preference_note ?? '',
    not_before: row?.not_before ?? null,
  }
}

/**
 * What a recorder sees before recording a contact with a company: the company's preference and
 * its recent contacts (six months) the user may see. Only companies; otherwise 'not_found'.
 */
export async function contactBriefing(db: DB, args: { companyId: number; userId: number }) {
  const company = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'slug'])
    .where('id', '=', args.companyId)
    .where('kind', '=', 'company')
    .executeTakeFirst()
  if (!company) throw new DomainError('not_found')
  const [settings, recent] = await Promise.all([
    getContactSettings(db, company.id),
    visibleContactsOfCompany(db, { ...args, since: sixMonthsAgo() }),
  ])
  return { company, settings, recent }
}

/** The companies a recorder can choose from, by name. */
export async function listCompanies(db: DB) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('kind', '=', 'company')
    .orderBy(sql`name COLLATE NOCASE`)
    .execute()
}

/** The contacts a call disclosed: public with the call (the caller checks the call is visible). */
export async function listCallContactDisclosures(db: DB, callId: number) {
  return db
    .selectFrom('call_contact_disclosures as d')
    .innerJoin('organisations as c', 'c.id', 'd.company_id')
    .innerJoin('organisations as a', 'a.id', 'd.author_organisation_id')
    .select([
      'd.contact_id',
      'd.contacted_on',
      'd.kind',
      'd.purpose',
      'd.disclosed_at',
      'c.name as company_name',
      'a.name as author_name',
    ])
    .where('d.call_id', '=', callId)
    .orderBy('d.contacted_on')
    .orderBy('d.contact_id')
    .execute()
}
