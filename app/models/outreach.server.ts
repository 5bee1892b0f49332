import { type RawBuilder, sql } from 'kysely'
import type { DB } from '#db/connection'
import type { Locale, OutreachCriteria, SizeClass } from '#db/schema'
import { canReachOut } from '~/domain/outreach'
import { getTranslator } from '~/i18n/messages'
import { now } from '~/utils/clock.server'
import { getEnv } from '~/utils/env.server'
import { audit } from './audit.server'
import { DomainError, withRules } from './errors.server'
import { inTransaction } from './initiatives.server'
import { queueMail } from './outbox.server'

// Broadcast outreach (issue 15 part 6, decision record 032): a verified region or intermediary
// writes one message to every company matching stated criteria. The database chooses the
// recipients from the stored criteria and seals the outreach (migration 2026-12-07-15-outreach);
// this module previews the same match, sends, mails the recipients' members through the outbox and
// lists what was sent and received. Opt-out: company_outreach_settings, by the company's members.
// Themes: company_theme_interests (migration 2026-12-07-19-company-themes, the Revision of 032).

/** The match of the migration's trigger, over company `o`, for criteria given as parameters. */
function matchSql(c: OutreachCriteria): RawBuilder<unknown> {
  return sql`o.kind = 'company'
    AND o.size_class IN (SELECT value FROM json_each(${JSON.stringify(c.size_classes)}))
    AND (${c.county_code} IS NULL OR o.county_code = ${c.county_code})
    AND (json_array_length(${JSON.stringify(c.municipality_codes)}) = 0
      OR o.municipality_code IN (SELECT value FROM json_each(${JSON.stringify(c.municipality_codes)})))
    AND (json_array_length(${JSON.stringify(c.sector_codes)}) = 0 OR EXISTS (
      SELECT 1 FROM organisation_sectors s WHERE s.organisation_id = o.id
        AND s.sector_code IN (SELECT value FROM json_each(${JSON.stringify(c.sector_codes)}))))
    AND (json_array_length(${JSON.stringify(c.theme_codes)}) = 0 OR EXISTS (
      SELECT 1 FROM company_theme_interests i WHERE i.company_id = o.id AND i.interested = 1
        AND i.theme_code IN (SELECT value FROM json_each(${JSON.stringify(c.theme_codes)}))))`
}

const optedOutSql = sql`EXISTS (SELECT 1 FROM company_outreach_settings w
  WHERE w.company_id = o.id AND w.opted_out = 1)`

export interface OutreachCounts {
  matched: number
  opted_out: number
  recipients: number
}

/** How many companies match, how many of them opted out, how many the outreach would reach. */
export async function previewOutreach(db: DB, criteria: OutreachCriteria): Promise<OutreachCounts> {
  const result = await sql<{ matched: number; opted_out: number }>`
    SELECT count(*) AS matched, coalesce(sum(${optedOutSql}), 0) AS opted_out
    FROM organisations o WHERE ${matchSql(criteria)}`.execute(db)
  const row = result.rows[0] ?? { matched: 0, opted_out: 0 }
  return { matched: row.matched, opted_out: row.opted_out, recipients: row.matched - row.opted_out }
}

async function sendingOrganisation(db: DB, organisationId: number, userId: number) {
  const org = await db
    .selectFrom('organisations as o')
    .innerJoin('memberships as m', 'm.organisation_id', 'o.id')
    .select(['o.id', 'o.name', 'o.kind', 'o.public_body_type', 'o.verification_status'])
    .where('o.id', '=', organisationId)
    .where('m.user_id', '=', userId)
    .executeTakeFirst()
  if (!org || !canReachOut(org)) throw new DomainError('not_found')
  return org
}

export interface OutreachInput {
  subject: string
  body: string
  criteria: OutreachCriteria
}

/**
 * Sends an outreach: the count the sender confirmed must still be the count (else
 * `outreach_count_changed`, nothing sent). The database picks and seals the recipients; each
 * member of each recipient company gets the message in their language with the opt-out link.
 */
export async function sendOutreach(
  db: DB,
  args: {
    organisationId: number
    userId: number
    input: OutreachInput
    confirmedCount: number
    ip?: string | null
  },
) {
  const sender = await sendingOrganisation(db, args.organisationId, args.userId)
  const { criteria } = args.input
  return withRules(() =>
    inTransaction(db, async (tx) => {
      const preview = await previewOutreach(tx, criteria)
      if (preview.recipients !== args.confirmedCount) {
        throw new DomainError('outreach_count_changed')
      }
      const { id } = await tx
        .insertInto('outreaches')
        .values({
          organisation_id: sender.id,
          subject: args.input.subject.trim(),
          body: args.input.body.trim(),
          size_classes: JSON.stringify(criteria.size_classes),
          sector_codes: JSON.stringify(criteria.sector_codes),
          county_code: criteria.county_code,
          municipality_codes: JSON.stringify(criteria.municipality_codes),
          theme_codes: JSON.stringify(criteria.theme_codes),
          sent_by: args.userId,
          sent_at: now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const sent = await tx
        .selectFrom('outreaches')
        .select(['matched_count', 'opted_out_count', 'recipient_count'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      const readers = await tx
        .selectFrom('outreach_recipients as r')
        .innerJoin('organisations as o', 'o.id', 'r.company_id')
        .innerJoin('memberships as m', 'm.organisation_id', 'r.company_id')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['u.email', 'u.locale', 'o.slug'])
        .where('r.outreach_id', '=', id)
        .orderBy('u.id')
        .execute()
      const described = new Map<Locale, string>()
      for (const reader of readers) {
        if (!described.has(reader.locale)) {
          const names = await criteriaNames(tx, criteria, reader.locale)
          described.set(reader.locale, describeCriteria(reader.locale, names))
        }
        await queueMail(tx, {
          to: reader.email,
          locale: reader.locale,
          template: 'outreach',
          params: {
            sender: sender.name,
            subject: args.input.subject.trim(),
            body: args.input.body.trim(),
            criteria: described.get(reader.locale)!,
            count: sent.recipient_count,
            optOut: `${getEnv().APP_ORIGIN}/organisations/${reader.slug}/outreach-received`,
          },
        })
      }
      await audit(tx, {
        actorUserId: args.userId,
        organisationId: sender.id,
        action: 'outreach.sent',
        entityType: 'outreach',
        entityId: id,
        after: { subject: args.input.subject, criteria, ...sent },
        ip: args.ip ?? null,
      })
      return { id, ...sent }
    }),
  )
}

export interface CriteriaNames {
  size_classes: SizeClass[]
  sectors: string[]
  county: string | null
  municipalities: string[]
  themes: string[]
}

/** The criteria's codes as names, in the reader's language. */
export async function criteriaNames(
  db: DB,
  criteria: OutreachCriteria,
  locale: Locale,
): Promise<CriteriaNames> {
  const sectors = criteria.sector_codes.length
    ? await db
        .selectFrom('sectors')
        .select(['name_sv', 'name_en'])
        .where('code', 'in', criteria.sector_codes)
        .orderBy('code')
        .execute()
    : []
  const county = criteria.county_code
    ? await db
        .selectFrom('counties')
        .select('name')
        .where('code', '=', criteria.county_code)
        .executeTakeFirst()
    : undefined
  const municipalities = criteria.municipality_codes.length
    ? await db
        .selectFrom('municipalities')
        .select('short_name')
        .where('code', 'in', criteria.municipality_codes)
        .orderBy('short_name')
        .execute()
    : []
  const themes = criteria.theme_codes.length
    ? await db
        .selectFrom('themes')
        .select(['name_sv', 'name_en'])
        .where('code', 'in', criteria.theme_codes)
        .orderBy('position')
        .execute()
    : []
  return {
    size_classes: criteria.size_classes,
    sectors: sectors.map((s) => (locale === 'en' ? s.name_en : s.name_sv)),
    county: county?.name ?? null,
    municipalities: municipalities.map((m) => m.short_name),
    themes: themes.map((s) => (locale === 'en' ? s.name_en : s.name_sv)),
  }
}

/** One line for a mail: "size: small; sector: all; area: Norrbottens län; themes: all". */
export function describeCriteria(locale: Locale, names: CriteriaNames): string {
  const t = getTranslator(locale)
  const all = t('outreach.criteria.all')
  return [
    `${t('outreach.criteria.size')}: ${names.size_classes.map((s) => t(`org.size.${s}`)).join(', ')}`,
    `${t('outreach.criteria.sectors')}: ${names.sectors.length ? names.sectors.join(', ') : all}`,
    `${t('outreach.criteria.area')}: ${
      names.municipalities.length
        ? names.municipalities.join(', ')
        : (names.county ?? t('outreach.criteria.sweden'))
    }`,
    `${t('outreach.criteria.themes')}: ${names.themes.length ? names.themes.join(', ') : all}`,
  ].join('; ')
}

function parseCriteria(row: {
  size_classes: string
  sector_codes: string
  county_code: string | null
  municipality_codes: string
  theme_codes: string
}): OutreachCriteria {
  return {
    size_classes: JSON.parse(row.size_classes) as SizeClass[],
    sector_codes: JSON.parse(row.sector_codes) as string[],
    county_code: row.county_code,
    municipality_codes: JSON.parse(row.municipality_codes) as string[],
    theme_codes: JSON.parse(row.theme_codes) as string[],
  }
}

const OUTREACH_COLUMNS = [
  'r.id',
  'r.subject',
  'r.body',
  'r.size_classes',
  'r.sector_codes',
  'r.county_code',
  'r.municipality_codes',
  'r.theme_codes',
  'r.matched_count',
  'r.opted_out_count',
  'r.recipient_count',
  'r.sent_at',
] as const

/** The sender's outreaches, newest first, with criteria (as names) and counts; its members only. */
export async function listSentOutreaches(
  db: DB,
  args: { organisationId: number; userId: number; locale: Locale },
) {
  const rows = await db
    .selectFrom('outreaches as r')
    .innerJoin('users as u', 'u.id', 'r.sent_by')
    .select(OUTREACH_COLUMNS)
    .select('u.name as sent_by_name')
    .where('r.organisation_id', '=', args.organisationId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('memberships as m')
          .select('m.user_id')
          .whereRef('m.organisation_id', '=', 'r.organisation_id')
          .where('m.user_id', '=', args.userId),
      ),
    )
    .orderBy('r.sent_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(100)
    .execute()
  return Promise.all(
    rows.map(async (row) => ({
      ...row,
      criteria: await criteriaNames(db, parseCriteria(row), args.locale),
    })),
  )
}

/** The outreaches a company received, newest first; its members only (the WHERE says so). */
export async function listReceivedOutreaches(
  db: DB,
  args: { companyId: number; userId: number; locale: Locale },
) {
  const rows = await db
    .selectFrom('outreach_recipients as x')
    .innerJoin('outreaches as r', 'r.id', 'x.outreach_id')
    .innerJoin('organisations as s', 's.id', 'r.organisation_id')
    .select(OUTREACH_COLUMNS)
    .select(['s.name as sender_name', 's.slug as sender_slug'])
    .where('x.company_id', '=', args.companyId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('memberships as m')
          .select('m.user_id')
          .whereRef('m.organisation_id', '=', 'x.company_id')
          .where('m.user_id', '=', args.userId),
      ),
    )
    .orderBy('r.sent_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(100)
    .execute()
  return Promise.all(
    rows.map(async (row) => ({
      ...row,
      criteria: await criteriaNames(db, parseCriteria(row), args.locale),
    })),
  )
}

/** Whether the company has opted out of outreach (default: no). */
export async function getOutreachOptOut(db: DB, companyId: number): Promise<boolean> {
  const row = await db
    .selectFrom('company_outreach_settings')
    .select('opted_out')
    .where('company_id', '=', companyId)
    .executeTakeFirst()
  return row?.opted_out === 1
}

/** Saves the company's choice; only its own members (here and in the database). */
export async function saveOutreachOptOut(
  db: DB,
  args: { companyId: number; userId: number; optedOut: boolean; ip?: string | null },
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
  const values = { opted_out: args.optedOut ? 1 : 0, updated_at: now(), updated_by: args.userId }
  return withRules(() =>
    inTransaction(db, async (tx) => {
      await tx
        .insertInto('company_outreach_settings')
        .values({ company_id: member.id, ...values })
        .onConflict((oc) => oc.column('company_id').doUpdateSet(values))
        .execute()
      await audit(tx, {
        actorUserId: args.userId,
        organisationId: member.id,
        action: args.optedOut ? 'outreach.opted_out' : 'outreach.opted_in',
        entityType: 'organisation',
        entityId: member.id,
        ip: args.ip ?? null,
      })
    }),
  )
}
