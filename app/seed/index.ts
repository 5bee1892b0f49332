import type { Kysely } from 'kysely'
import type { Database } from '#db/schema'
import { hashPassword } from '~/auth/password.server'
import { now } from '~/utils/clock.server'
import { seedAgenda } from './agenda'
import { seedCalls } from './calls'
import { seedCompanyThemes } from './company-themes'
import { seedContacts } from './contacts'
import { seedEvents } from './events'
import { seedIntermediaries } from './intermediaries'
import { seedInitiatives } from './initiatives'
import { seedNotifications } from './notifications'
import { seedOverviewInitiatives } from './initiatives-overview'
import { seedOrganisations } from './organisations'
import { seedOutreach } from './outreach'
import { seedOverlapChecks } from './overlap'
import { seedReferences } from './references'
import { seedSavedSearches } from './saved-searches'
import { seedTestBeds } from './test-beds'
import { seedSearch } from './search'
import { seedOcds } from './ocds'
import { seedFeeds } from './feeds'

// The demo marketplace (README: demo logins), one scenario a file, each written through every rule
// at its own moment: people and organisations, test beds and pilots, procurement calls and bids,
// intermediaries (IUC, university, cluster), reference cases and this year's competition, the
// initiatives register and the company contact ledger.

/** Every demo account's password (README: demo logins). */
export const DEMO_PASSWORD = 'testarena-demo'

/** Seeds the demo marketplace into an empty database; returns false if there were users already. */
export async function seedIfEmpty(db: Kysely<Database>): Promise<boolean> {
  const existing = await db.selectFrom('users').select('id').limit(1).executeTakeFirst()
  if (existing) return false
  await seed(db)
  return true
}

export async function seed(db: Kysely<Database>): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const at = now()
  await db.transaction().execute(async (tx) => {
    const ids = await seedOrganisations(tx, passwordHash, at)
    await seedIntermediaries(tx, ids, passwordHash, at)
    await seedTestBeds(tx, ids)
    await seedCalls(tx, ids)
    await seedReferences(tx, ids)
    await seedInitiatives(tx, ids)
    await seedOverviewInitiatives(tx, ids)
    await seedContacts(tx, ids)
    await seedEvents(tx, ids)
    await seedAgenda(tx, ids)
    await seedOutreach(tx, ids)
    await seedOverlapChecks(tx, ids)
    await seedCompanyThemes(tx, ids)
    await seedSavedSearches(tx, ids)
    await seedNotifications(tx, ids)
    await seedSearch(tx, ids)
    await seedFeeds(tx, ids)
    await seedOcds(tx)
  })
}
