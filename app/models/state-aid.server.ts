import type { DB } from '#db/connection'
import { now } from '~/utils/clock.server'
import { memberCompany } from './memberships.server'

/**
 * De minimis aid (EU Reg. 2023/2831) is capped at EUR 300,000 per undertaking over three years.
 * Testarena records aid in SEK only: converting needs the rate of the day of each grant, which is
 * not ours to invent, so pages show SEK sums next to the ceiling in euro.
 */
export const DE_MINIMIS_CEILING_EUR = 300_000

/** "The last three years", counted as 3 × 365 days back from now. */
export const THREE_YEARS_SECONDS = 3 * 365 * 86400

export interface StateAidTotals {
  /** SEK granted within the last three years. */
  lastThreeYears: number
  /** SEK granted ever, through Testarena pilots. */
  total: number
}

/** The company's aid from Testarena pilots: over the last three years and in total. */
export async function stateAidTotals(
  db: DB,
  companyId: number,
  at: number = now(),
): Promise<StateAidTotals> {
  const row = await db
    .selectFrom('state_aid_ledger')
    .select((eb) => [
      eb.fn.sum<number | null>('aid_sek').as('total'),
      eb.fn
        .sum<number | null>('aid_sek')
        .filterWhere('granted_at', '>', at - THREE_YEARS_SECONDS)
        .as('recent'),
    ])
    .where('company_id', '=', companyId)
    .executeTakeFirstOrThrow()
  return { lastThreeYears: Number(row.recent ?? 0), total: Number(row.total ?? 0) }
}

/**
 * A company's aid ledger, newest first, for its own members only: who granted what, when, and the
 * sums. Anyone else (including a public body's members) gets 'not_found'.
 */
export async function listStateAid(db: DB, options: { organisationId: number; userId: number }) {
  const company = await memberCompany(db, { id: options.organisationId }, options.userId)
  const rows = await db
    .selectFrom('state_aid_ledger as l')
    .innerJoin('organisations as h', 'h.id', 'l.host_id')
    .innerJoin('test_bed_offers as o', 'o.id', 'l.offer_id')
    .select([
      'l.id',
      'l.pilot_id',
      'l.offer_id',
      'l.granted_at',
      'l.market_value_sek',
      'l.price_sek',
      'l.aid_sek',
      'o.title as offer_title',
      'h.name as host_name',
      'h.slug as host_slug',
    ])
    .where('l.company_id', '=', company.id)
    .orderBy('l.granted_at', 'desc')
    .orderBy('l.id', 'desc')
    .execute()
  return { company, rows, totals: await stateAidTotals(db, company.id) }
}
