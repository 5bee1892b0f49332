import { expect } from 'vitest'
import { loader as offerLoader } from '~/routes/test-beds.$offerId._index/route'
import { loader as catalogueLoader } from '~/routes/test-beds._index/route'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { sessionCookieFor } from './factories'
import { getRequest, loaderArgs, run } from './requests'
import { dataOf, statusOf } from './responses'
import { createHost, createOffer, type OfferOptions } from './test-bed-factories'

// Shared setup for the test-bed catalogue integration tests (test-bed-catalogue-*.test.ts): the
// catalogue and offer-page loaders, and offers moved on in their lifecycle by raw SQL.

export type Party = Awaited<ReturnType<typeof createHost>>

export async function catalogue(query: string, cookie?: string) {
  return run(() => catalogueLoader(loaderArgs(getRequest(`/test-beds?${query}`, { cookie }))))
}

export async function results(query: string) {
  const outcome = await catalogue(query)
  expect(statusOf(outcome)).toBe(200)
  return dataOf<Awaited<ReturnType<typeof catalogueLoader>>>(outcome)
}

export async function ids(query: string): Promise<number[]> {
  return (await results(query)).result.items.map((i) => i.id)
}

export function offerPage(offerId: string, cookie?: string) {
  return run(() =>
    offerLoader(loaderArgs(getRequest(`/test-beds/${offerId}`, { cookie }), { offerId })),
  )
}

export async function offerData(offerId: number, cookie?: string) {
  const outcome = await offerPage(String(offerId), cookie)
  expect(statusOf(outcome)).toBe(200)
  return dataOf<Awaited<ReturnType<typeof offerLoader>>>(outcome).offer
}

export async function cookieOf(party: { user: { id: number } }) {
  return sessionCookieFor(getDb(), party.user.id)
}

/** Moves a published offer on in its lifecycle, as the host's member would. */
export async function setStatus(offerId: number, host: Party, status: 'paused' | 'closed') {
  await getDb()
    .updateTable('test_bed_offers')
    .set({
      status,
      updated_by: host.user.id,
      change_note: null,
      ...(status === 'closed' ? { closed_at: now() } : {}),
    })
    .where('id', '=', offerId)
    .execute()
}

/** An offer placed in another county (Skåne, Malmö) than the factory's Norrbotten. */
export async function createOfferInSkane(host: Party, options: OfferOptions = {}) {
  const offer = await createOffer(getDb(), host, { ...options, status: 'draft' })
  await getDb()
    .updateTable('test_bed_offers')
    .set({ county_code: '12', municipality_code: '1280', updated_by: host.user.id })
    .where('id', '=', offer.id)
    .execute()
  await getDb()
    .updateTable('test_bed_offers')
    .set({ status: 'published', published_at: now(), updated_by: host.user.id })
    .where('id', '=', offer.id)
    .execute()
  return offer
}

/** Scores every criterion and accepts, through raw SQL as the host would; the DB makes a pilot. */
export async function accept(applicationId: number, offerId: number, host: Party) {
  const db = getDb()
  const criteria = await db
    .selectFrom('test_bed_criteria')
    .select(['id', 'kind'])
    .where('offer_id', '=', offerId)
    .execute()
  for (const c of criteria) {
    await db
      .insertInto('pilot_application_scores')
      .values({
        application_id: applicationId,
        criterion_id: c.id,
        score: c.kind === 'score' ? 4 : null,
        met: c.kind === 'pass_fail' ? 1 : null,
        comment: '',
        scored_by: host.user.id,
        scored_at: now(),
      })
      .execute()
  }
  await db
    .updateTable('pilot_applications')
    .set({
      status: 'accepted',
      decided_at: now(),
      decided_by: host.user.id,
      decision_reason: 'Uppfyller kriterierna.',
      pilot_starts_on: now() + 86400,
      pilot_ends_on: now() + 90 * 86400,
    })
    .where('id', '=', applicationId)
    .execute()
}
