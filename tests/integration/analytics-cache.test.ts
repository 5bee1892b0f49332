import { expect, test } from 'vitest'
import { getAnalytics } from '~/models/analytics-page.server'
import { getDb } from '~/utils/db.server'
import { createHost, createOffer } from '../helpers/test-bed-factories'

// The analytics figures are kept per selection and language until the database logs a status
// change (decision record 034): a second visit reuses them, a publication recomputes them.

const db = getDb()

test('kept until a status changes, then counted again', async () => {
  const host = await createHost(db)
  await createOffer(db, host, { themes: ['energy'] })
  const first = await getAnalytics(db, { theme: 'energy' }, 'sv')
  const again = await getAnalytics(db, { theme: 'energy' }, 'sv')
  expect(again).toBe(first)
  expect(await getAnalytics(db, { theme: 'energy' }, 'en')).not.toBe(first)

  await createOffer(db, host, { themes: ['energy'] })
  const after = await getAnalytics(db, { theme: 'energy' }, 'sv')
  expect(after).not.toBe(first)
  expect(after.pipeline.totals).not.toEqual(first.pipeline.totals)
})
