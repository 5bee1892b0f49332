import { type ExpressionBuilder, sql } from 'kysely'
import type { DB } from '#db/connection'
import type { Database } from '#db/schema'
import { now } from '~/utils/clock.server'
import { toStockholmDateInput } from '~/utils/stockholm-time'
import { likeTerms, paged } from './catalogue-query.server'
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

/** The briefing before recording shows at most this many recent contacts, newest first. */
export const BRIEFING_LIMIT = 50

/** Contacts about a company the user may see, newest first, optionally since a date. */
export async function visibleContactsOfCompany(
  db: DB,
  args: { companyId: number; userId: number | null; since?: string; limit?: number },
) {
  let query = contactsQuery(db)
    .where('k.company_id', '=', args.companyId)
    .where(visibleTo(args.userId))
  if (args.since) query = query.where('k.contacted_on', '>=', args.since)
  if (args.limit) query = query.limit(args.limit)
  return query.execute()
}

/** A ledger list shows this many contacts a page, newest first. */
export const LEDGER_PAGE_SIZE = 25
/** A ledger counts no further than this (the page says so); the newest are what matter. */
export const LEDGER_COUNT_CAP = 5000

async function pageOfContacts(
  db: DB,
  by: 'author_organisation_id' | 'company_id',
  id: number,
  page: number | undefined,
) {
  const count = db.selectFrom('company_contacts').where(by, '=', id)
  const { total, capped, ...at } = await paged(db, count, page, LEDGER_PAGE_SIZE, LEDGER_COUNT_CAP)
  const items = await contactsQuery(db)
    .where(`k.${by}`, '=', id)
    .limit(at.limit)
    .offset(at.offset)
    .execute()
  return { items, total, capped, page: at.page, pages: at.pages }
}

async function isMember(db: DB, organisationId: number, userId: number) {
  const row = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('organisation_id', '=', organisationId)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return row !== undefined
}

/** A page of the contacts an organisation recorded; only its members (otherwise 'not_found'). */
export async function listAuthoredContacts(
  db: DB,
  args: { organisationId: number; userId: number; page?: number },
) {
  if (!(await isMember(db, args.organisationId, args.userId))) throw new DomainError('not_found')
  return pageOfContacts(db, 'author_organisation_id', args.organisationId, args.page)
}

/** A page of every contact about the company, for its own members (otherwise 'not_found'). */
export async function listContactsAboutCompany(
  db: DB,
  args: { companyId: number; userId: number | null; page?: number },
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
  return pageOfContacts(db, 'company_id', args.companyId, args.page)
}

/**
 * One contact with the texts its corrections replaced, newest first, for a member of the
 * organisation that recorded it: the only ones who may correct it. Anyone else: 'not_found'.
 */
export async function authoredContact(db: DB, args: { contactId: number; userId: number }) {
  const contact = await contactsQuery(db)
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
  if (!contact) throw new DomainError('not_found')
  const history = await db
    .selectFrom('company_contact_revisions as r')
    .innerJoin('users as u', 'u.id', 'r.written_by')
    .select(['r.revision', 'r.contacted_on', 'r.kind', 'r.purpose', 'r.replaced_at'])
    .select('u.name as written_by_name')
    .where('r.contact_id', '=', contact.id)
    .orderBy('r.revision', 'desc')
    .execute()
  return { contact, history }
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
  const [settings, found] = await Promise.all([
    getContactSettings(db, company.id),
    visibleContactsOfCompany(db, { ...args, since: sixMonthsAgo(), limit: BRIEFING_LIMIT + 1 }),
  ])
  const recent = found.slice(0, BRIEFING_LIMIT)
  return { company, settings, recent, more: found.length > BRIEFING_LIMIT }
}

/** A search for a company to record a contact with shows at most this many. */
export const COMPANY_SEARCH_LIMIT = 20

/**
 * Companies whose name has every word typed (Swedish case folded), or whose organisation number
 * starts with the digits typed, by name; at most COMPANY_SEARCH_LIMIT and whether there were more.
 */
export async function findCompanies(db: DB, q: string) {
  const digits = q.replace(/[\s-]/g, '')
  let query = db
    .selectFrom('organisations as o')
    .leftJoin('municipalities as m', 'm.code', 'o.municipality_code')
    .select(['o.id', 'o.name', 'm.name as municipality_name'])
    .where('o.kind', '=', 'company')
  if (/^\d{4,10}$/.test(digits)) query = query.where('o.org_number', 'like', `${digits}%`)
  else {
    const terms = likeTerms(q, ['o.name'], { foldCase: true, withoutRings: true })
    if (terms.length === 0) return { items: [], more: false }
    query = query.where((eb) => eb.and(terms))
  }
  const rows = await query
    .orderBy(sql`o.name COLLATE NOCASE`)
    .orderBy('o.id')
    .limit(COMPANY_SEARCH_LIMIT + 1)
    .execute()
  return { items: rows.slice(0, COMPANY_SEARCH_LIMIT), more: rows.length > COMPANY_SEARCH_LIMIT }
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
