import type { DB } from '#db/connection'
import { decideApplication } from '~/models/pilot-decisions.server'
import { now } from '~/utils/clock.server'
import {
  createCompany,
  createHost,
  createOffer,
  createSubmittedApplication,
  type OfferOptions,
} from './test-bed-factories'

const DAY = 86400

/**
 * A running pilot between a fresh host and company: an offer, a submitted application and the
 * host's acceptance through the model, as the app makes one.
 */
export async function createRunningPilot(
  db: DB,
  options: { offer?: OfferOptions; startsOn?: number; endsOn?: number } = {},
) {
  const host = await createHost(db)
  const company = await createCompany(db)
  const offer = await createOffer(db, host, options.offer)
  const app = await createSubmittedApplication(db, offer.id, company)
  const criteria = await db
    .selectFrom('test_bed_criteria')
    .select(['id', 'kind'])
    .where('offer_id', '=', offer.id)
    .execute()
  const { pilotId } = await decideApplication(db, {
    offerId: offer.id,
    applicationId: app.id,
    userId: host.user.id,
    decision: 'accept',
    reason: 'Passar testbädden.',
    scores: criteria.map((c) => ({
      criterionId: c.id,
      score: c.kind === 'score' ? 4 : null,
      met: c.kind === 'pass_fail' ? true : null,
      comment: '',
    })),
    startsOn: options.startsOn ?? now() + DAY,
    endsOn: options.endsOn ?? now() + 100 * DAY,
  })
  return { host, company, offer, app, pilotId: pilotId! }
}
