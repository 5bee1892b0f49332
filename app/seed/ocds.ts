import type { Kysely } from 'kysely'
import type { Database } from '#db/schema'
import { buildPending } from '~/models/ocds-releases.server'

// Open data (issue 17, decision record 040): every published demo call got its pending OCDS
// releases from the triggers as the scenarios played out (published, amended, answered, opened,
// awarded, contract signed, cancelled, concluded); build them all now, so /api/v1/ocds/releases
// shows a living feed from the first request.
export async function seedOcds(tx: Kysely<Database>): Promise<void> {
  while ((await buildPending(tx, 200)) === 200) {
    // More are waiting: keep building in batches.
  }
}
