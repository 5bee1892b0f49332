import type { DB } from '#db/connection'
import type { OutreachCriteria, SizeClass } from '#db/schema'
import { now } from '~/utils/clock.server'
import { addMember, createOrganisation, createUser } from './factories'
import { createCompany, createHost } from './test-bed-factories'

// Senders and companies for the outreach tests (decision record 032), by raw inserts and updates
// that the database accepts, so each test places its companies where only its criteria reach.

/** A verified region with one admin user. */
export async function createRegion(db: DB) {
  const host = await createHost(db)
  await db
    .updateTable('organisations')
    .set({ public_body_type: 'region' })
    .where('id', '=', host.org.id)
    .execute()
  return host
}

/** A verified intermediary (a cluster) with one admin user. */
export async function createVerifiedIntermediary(db: DB) {
  const user = await createUser(db)
  const admin = await createUser(db, { isPlatformAdmin: true })
  const org = await createOrganisation(db, { kind: 'intermediary', adminUserId: user.id })
  await db
    .updateTable('organisations')
    .set({ verification_status: 'verified', verified_by: admin.id, verified_at: now() })
    .where('id', '=', org.id)
    .execute()
  return { org, user }
}

/** A company with one admin user, placed in a county and municipality with a size and sectors. */
export async function createPlacedCompany(
  db: DB,
  place: { county: string; municipality: string; size: SizeClass; sectors?: string[] },
) {
  const company = await createCompany(db)
  await db
    .updateTable('organisations')
    .set({
      county_code: place.county,
      municipality_code: place.municipality,
      size_class: place.size,
    })
    .where('id', '=', company.org.id)
    .execute()
  for (const code of place.sectors ?? []) {
    await db
      .insertInto('organisation_sectors')
      .values({ organisation_id: company.org.id, sector_code: code })
      .execute()
  }
  return company
}

/** A second member for a company or a public body. */
export async function addUserTo(db: DB, organisationId: number) {
  const user = await createUser(db)
  await addMember(db, organisationId, user.id, 'member')
  return user
}

export const criteria = (c: Partial<OutreachCriteria>): OutreachCriteria => ({
  size_classes: ['micro', 'small'],
  sector_codes: [],
  county_code: null,
  municipality_codes: [],
  theme_codes: [],
  ...c,
})
