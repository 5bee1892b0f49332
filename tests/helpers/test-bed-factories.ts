import type { DB } from '#db/connection'
import type { AccessModel, CriterionKind, Intake } from '#db/schema'
import { now } from '~/utils/clock.server'
import { addMember, createOrganisation, createUser } from './factories'

// Raw inserts that satisfy the database rules of migration 2026-11-25-02, so each test can set up
// a marketplace in a few lines without going through the models it is not testing.

/** A verified public body with one admin user (verified by a fresh platform admin). */
export async function createHost(db: DB) {
  const user = await createUser(db)
  const admin = await createUser(db, { isPlatformAdmin: true })
  const org = await createOrganisation(db, { kind: 'public_body', adminUserId: user.id })
  await db
    .updateTable('organisations')
    .set({ verification_status: 'verified', verified_by: admin.id, verified_at: now() })
    .where('id', '=', org.id)
    .execute()
  return { org, user }
}

/** A company with one admin user. */
export async function createCompany(db: DB) {
  const user = await createUser(db)
  const org = await createOrganisation(db, { kind: 'company', adminUserId: user.id })
  return { org, user }
}

export interface OfferOptions {
  status?: 'draft' | 'published'
  intake?: Intake
  /** Round intake: seconds from now until the deadline (default 14 days). */
  deadlineIn?: number
  capacity?: number
  accessModel?: AccessModel
  marketValue?: number
  price?: number
  trl?: [number, number]
  title?: string
  summary?: string
  description?: string
  themes?: string[]
  criteria?: { title: string; kind: CriterionKind }[]
}

/** An offer by `host` (published unless `status: 'draft'`), with criteria and themes. */
export async function createOffer(
  db: DB,
  host: { org: { id: number }; user: { id: number } },
  options: OfferOptions = {},
) {
  const at = now()
  const intake = options.intake ?? 'rolling'
  const accessModel = options.accessModel ?? 'free'
  const marketValue = options.marketValue ?? 40000
  const price =
    options.price ?? (accessModel === 'paid' ? marketValue : accessModel === 'free' ? 0 : 10000)
  const offer = await db
    .insertInto('test_bed_offers')
    .values({
      organisation_id: host.org.id,
      title: options.title ?? 'Testmiljö i hemtjänsten',
      summary: options.summary ?? 'Prova digitala tjänster med brukare och personal i hemtjänsten.',
      description: options.description ?? 'Vi erbjuder:\n- testanvändare\n- lokaler',
      county_code: '25',
      municipality_code: '2580',
      trl_min: options.trl?.[0] ?? 4,
      trl_max: options.trl?.[1] ?? 8,
      capacity: options.capacity ?? 2,
      available_from: at,
      available_until: null,
      test_user_count: null,
      change_note: null,
      published_at: null,
      closed_at: null,
      intake,
      deadline: intake === 'round' ? at + (options.deadlineIn ?? 14 * 86400) : null,
      access_model: accessModel,
      market_value_sek: marketValue,
      price_sek: price,
      contact_role: 'Innovationssamordnare',
      contact_email: 'testbadd@example.test',
      created_by: host.user.id,
      updated_by: host.user.id,
      created_at: at,
      updated_at: at,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow()
  const criteria = options.criteria ?? [
    { title: 'Nytta för brukare och personal', kind: 'score' },
    { title: 'CE-märkt produkt', kind: 'pass_fail' },
  ]
  for (const [i, c] of criteria.entries()) {
    await db
      .insertInto('test_bed_criteria')
      .values({
        offer_id: offer.id,
        position: i + 1,
        title: c.title,
        kind: c.kind,
        description: '',
      })
      .execute()
  }
  for (const theme of options.themes ?? ['active_healthy_ageing']) {
    await db
      .insertInto('test_bed_offer_themes')
      .values({ offer_id: offer.id, theme_code: theme })
      .execute()
  }
  if ((options.status ?? 'published') === 'published') {
    await db
      .updateTable('test_bed_offers')
      .set({ status: 'published', published_at: at, updated_by: host.user.id })
      .where('id', '=', offer.id)
      .execute()
  }
  return offer
}

/** A draft application by `company`, complete enough to submit. */
export async function createDraftApplication(
  db: DB,
  offerId: number,
  company: { org: { id: number }; user: { id: number } },
) {
  const at = now()
  return db
    .insertInto('pilot_applications')
    .values({
      offer_id: offerId,
      company_id: company.org.id,
      product_name: 'Trygghetskamera Natt',
      product_description: 'Nattkamera för tillsyn i hemmet.',
      trl: 6,
      test_goals: 'Fungerar nattillsynen för brukare och personal?',
      proposed_start: at + 30 * 86400,
      proposed_end: at + 120 * 86400,
      test_user_count: 10,
      submitted_at: null,
      submitted_by: null,
      receipt_hash: null,
      withdrawn_at: null,
      decided_at: null,
      decided_by: null,
      decision_reason: null,
      pilot_starts_on: null,
      pilot_ends_on: null,
      declares_requirements: 1,
      declares_no_conflict: 1,
      created_by: company.user.id,
      created_at: at,
      updated_at: at,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow()
}

/** A submitted application (a draft, then submitted through raw SQL with a dummy receipt hash). */
export async function createSubmittedApplication(
  db: DB,
  offerId: number,
  company: { org: { id: number }; user: { id: number } },
) {
  const app = await createDraftApplication(db, offerId, company)
  await db
    .updateTable('pilot_applications')
    .set({
      status: 'submitted',
      submitted_at: now(),
      submitted_by: company.user.id,
      receipt_hash: 'f'.repeat(64),
    })
    .where('id', '=', app.id)
    .execute()
  return app
}

/** Another member for an organisation, e.g. a second person at the host. */
export async function createMemberOf(
  db: DB,
  organisationId: number,
  role: 'admin' | 'member' = 'member',
) {
  const user = await createUser(db)
  await addMember(db, organisationId, user.id, role)
  return user
}
