import { sql } from 'kysely'
import type { DB } from '../../db/connection'
import {
  listAuthoredContacts,
  listContactsAboutCompany,
  visibleContactsOfCompany,
} from '../../app/models/contact-reads.server'

// The contact ledger's queries at bench scale (issue 15), timed in-process: the ledger pages need
// a login, which the load generator does not have. Each query runs 50 times; the median and the
// slowest are reported next to the 20 ms the issue sets for the overview.

const RUNS = 50

async function median(run: () => Promise<unknown>) {
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now()
    await run()
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  return { p50: times[Math.floor(RUNS / 2)]!, max: times[RUNS - 1]! }
}

export async function timeLedgerQueries(db: DB): Promise<void> {
  const { rows } = await sql<{
    author: number
    author_user: number
    company: number
    company_user: number
  }>`
    SELECT k.author_organisation_id AS author, min(ma.user_id) AS author_user,
      k.company_id AS company, min(mc.user_id) AS company_user
    FROM company_contacts k
    JOIN memberships ma ON ma.organisation_id = k.author_organisation_id
    JOIN memberships mc ON mc.organisation_id = k.company_id
    GROUP BY k.author_organisation_id, k.company_id
    ORDER BY count(*) DESC LIMIT 1`.execute(db)
  const pick = rows[0]
  if (!pick) return
  const figures = {
    'briefing (six months, shared)': await median(() =>
      visibleContactsOfCompany(db, {
        companyId: pick.company,
        userId: pick.author_user,
        since: new Date(Date.now() - 183 * 86400_000).toISOString().slice(0, 10),
      }),
    ),
    'ledger, page 1': await median(() =>
      listAuthoredContacts(db, { organisationId: pick.author, userId: pick.author_user }),
    ),
    'ledger, page 40': await median(() =>
      listAuthoredContacts(db, { organisationId: pick.author, userId: pick.author_user, page: 40 }),
    ),
    'contacts about us, page 1': await median(() =>
      listContactsAboutCompany(db, { companyId: pick.company, userId: pick.company_user }),
    ),
  }
  for (const [name, f] of Object.entries(figures))
    console.log(
      `${name.padEnd(34)} p50 ${f.p50.toFixed(2)} ms  max ${f.max.toFixed(2)} ms (in-process)`,
    )
}
