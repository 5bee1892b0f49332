import type { DB } from '#db/connection'
import type { Insertable, Selectable } from 'kysely'
import type { ReferenceCasesTable, ReferenceResult } from '#db/schema'
import { now } from '~/utils/clock.server'
import { createBid } from './bid-factories'
import {
  advanceClock,
  awardRaw,
  completeEvaluationRaw,
  createBuyer,
  createCall,
  DAY,
  declareEvaluatorRaw,
  openBidsRaw,
  scoreBidRaw,
} from './call-factories'
import { createUser } from './factories'
import { createRunningPilot } from './pilot-factories'
import { createCompany } from './test-bed-factories'

// Sources for reference cases (migration 2026-11-26-04) and cases in each state, written straight
// through the database rules, so tests set up a showcase in a few lines.

export interface Party {
  org: { id: number }
  user: { id: number }
}

/** A pilot between a fresh host and company, accepted and completed with the host's test report. */
export async function createCompletedPilot(db: DB) {
  const at = now()
  const { host, company, offer, pilotId } = await createRunningPilot(db, {
    offer: { themes: ['active_healthy_ageing'] },
    startsOn: at - 120 * DAY,
    endsOn: at - 10 * DAY,
  })
  await db
    .insertInto('pilot_reports')
    .values({
      pilot_id: pilotId,
      what_tested: 'Nattillsyn med sensorer hos tio brukare.',
      with_whom: 'Tio brukare och sex undersköterskor.',
      results: 'Nattbesöken minskade med 40 procent.',
      recommendations: 'Inför i hela hemtjänsten.',
      author_id: host.user.id,
      submitted_at: at,
      response: null,
      responded_by: null,
      responded_at: null,
    })
    .execute()
  return { host, company, offer, pilotId: pilotId! }
}

/**
 * An open call taken through bids, opening, evaluation and award: `company` wins. Moves the clock
 * past the deadline (call resetClock() in afterEach).
 */
export async function createAwardedCall(db: DB) {
  const buyer = await createBuyer(db)
  const company = await createCompany(db)
  const loser = await createCompany(db)
  const { call } = await createCall(db, buyer, {
    status: 'published',
    themes: ['active_healthy_ageing'],
  })
  const winningBid = await createBid(db, { call, company, price: 1_000_000 })
  const losingBid = await createBid(db, { call, company: loser, price: 2_000_000 })
  advanceClock(40 * DAY)
  await openBidsRaw(db, call.id, buyer.user.id)
  await declareEvaluatorRaw(db, call.id, buyer.user.id)
  await scoreBidRaw(db, winningBid.id, buyer.user.id, 9)
  await scoreBidRaw(db, losingBid.id, buyer.user.id, 5)
  await completeEvaluationRaw(db, call.id, buyer.user.id)
  await awardRaw(db, call.id, [winningBid.id], buyer.user.id)
  return { buyer, host: buyer, company, loser, call }
}

export const DEMO_RESULTS: ReferenceResult[] = [
  {
    label_sv: 'Tid för nyckelhantering per pass',
    label_en: 'Time spent on keys per shift',
    value: 2,
    unit: 'min',
    baseline: 16,
  },
]

/** Complete Swedish and English text for a case (override what a test is about). */
export function referenceText(
  overrides: Partial<Insertable<ReferenceCasesTable>> = {},
): Omit<
  Insertable<ReferenceCasesTable>,
  'public_body_id' | 'company_id' | 'created_by' | 'updated_by' | 'created_at' | 'updated_at'
> {
  const at = now()
  return {
    title_sv: 'Nyckelfri hemtjänst i Bergnäset',
    summary_sv: 'Hemtjänsten sparade 14 minuter per pass med digitala lås.',
    challenge_sv: 'Fysiska nycklar tog tid och försvann.',
    solution_sv: 'Batteridrivna lås som klarar −40 °C.',
    deployment_sv: 'Fyra vintermånader i ordinärt boende.',
    participants_sv: '30 brukare och 22 undersköterskor.',
    quote_sv: 'Vi köper gärna igen.',
    title_en: 'Keyless home care in Bergnäset',
    summary_en: 'Home care saved 14 minutes per shift with digital locks.',
    challenge_en: 'Physical keys took time and went missing.',
    solution_en: 'Battery-powered locks that work at −40 °C.',
    deployment_en: 'Four winter months in ordinary housing.',
    participants_en: '30 clients and 22 care assistants.',
    quote_en: 'We would gladly buy again.',
    quote_by_role: 'Enhetschef hemtjänst',
    place: 'Bergnäset, Luleå',
    started_on: at - 200 * DAY,
    ended_on: at - 60 * DAY,
    results_json: JSON.stringify(DEMO_RESULTS),
    would_use_again: 1,
    takes_reference_calls: 1,
    contact_role: 'Enhetschef hemtjänst',
    ...overrides,
  }
}

export interface ReferenceOptions<S extends 'pilot' | 'call' = 'pilot' | 'call'> {
  /** Where the case ends up (default 'draft'). */
  status?: 'draft' | 'published' | 'withdrawn'
  /** Use an awarded call instead of a completed pilot as the source. */
  source?: S
  overrides?: Partial<Insertable<ReferenceCasesTable>>
}

type FromPilot = Awaited<ReturnType<typeof createCompletedPilot>> & { call: null }
type FromCall = Awaited<ReturnType<typeof createAwardedCall>> & { pilotId: null }
type Created<S> = (S extends 'call' ? FromCall : FromPilot) & {
  reference: Selectable<ReferenceCasesTable>
}

/** Approves the current revision for one side, through raw SQL (the rules still apply). */
export async function approveRaw(
  db: DB,
  referenceId: number,
  side: 'public_body' | 'company',
  userId: number,
) {
  const row = await db
    .selectFrom('reference_cases')
    .select(['revision', 'public_body_approved_by', 'company_approved_by', 'first_published_at'])
    .where('id', '=', referenceId)
    .executeTakeFirstOrThrow()
  const other = side === 'public_body' ? row.company_approved_by : row.public_body_approved_by
  const at = now()
  await db
    .updateTable('reference_cases')
    .set({
      [`${side}_approved_revision`]: row.revision,
      [`${side}_approved_by`]: userId,
      [`${side}_approved_at`]: at,
      ...(other !== null
        ? {
            status: 'published' as const,
            published_at: at,
            first_published_at: row.first_published_at ?? at,
          }
        : {}),
      updated_by: userId,
      updated_at: at,
    })
    .where('id', '=', referenceId)
    .execute()
}

/**
 * A reference case from a fresh completed pilot (or awarded call), written by the public body,
 * in the state asked for. Returns the parties for the test to act as.
 */
export async function createReference<S extends 'pilot' | 'call' = 'pilot'>(
  db: DB,
  options: ReferenceOptions<S> = {},
): Promise<Created<S>> {
  const source: FromPilot | FromCall =
    options.source === 'call'
      ? { ...(await createAwardedCall(db)), pilotId: null }
      : { ...(await createCompletedPilot(db)), call: null }
  const { host, company, pilotId } = source
  const at = now()
  const reference = await db
    .insertInto('reference_cases')
    .values({
      public_body_id: host.org.id,
      company_id: company.org.id,
      pilot_id: pilotId,
      call_id: source.call?.id ?? null,
      ...referenceText(options.overrides),
      created_by: host.user.id,
      updated_by: host.user.id,
      created_at: at,
      updated_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  const status = options.status ?? 'draft'
  if (status !== 'draft') {
    await approveRaw(db, reference.id, 'public_body', host.user.id)
    await approveRaw(db, reference.id, 'company', company.user.id)
  }
  if (status === 'withdrawn') {
    await db
      .updateTable('reference_cases')
      .set({
        status: 'withdrawn',
        public_body_approved_revision: null,
        public_body_approved_by: null,
        public_body_approved_at: null,
        company_approved_revision: null,
        company_approved_by: null,
        company_approved_at: null,
        published_at: null,
        withdrawn_at: now(),
        withdrawn_by: company.user.id,
        withdrawn_by_organisation_id: company.org.id,
        withdrawal_reason: 'Produkten har bytt namn.',
        updated_by: company.user.id,
        updated_at: now(),
      })
      .where('id', '=', reference.id)
      .execute()
  }
  return { ...source, reference } as unknown as Created<S>
}

/** A platform administrator (for competitions). */
export function createPlatformAdmin(db: DB) {
  return createUser(db, { isPlatformAdmin: true })
}
