import { expect, test } from 'vitest'
import { getReferenceFilterOptions } from '~/models/showcase-filters.server'
import { loader as galleryLoader } from '~/routes/references._index/route'
import { getDb } from '~/utils/db.server'
import { createReference } from '../helpers/reference-factories'
import { getRequest, loaderArgs, run } from '../helpers/requests'
import { dataOf } from '../helpers/responses'

// The gallery's public-body and company filters offer the parties with the most published cases
// (at 20,000 references every company made the page a megabyte of options), and always the one
// chosen, so the form shows the filter that is on.

test('the party filters list the parties with the most cases, and always the chosen one', async () => {
  const db = getDb()
  const a = await createReference(db, { status: 'published' })
  const b = await createReference(db, { status: 'published' })
  const all = await getReferenceFilterOptions(db, 'sv')
  expect(all.companies.map((o) => o.slug)).toEqual(
    expect.arrayContaining([a.company.org.slug, b.company.org.slug]),
  )

  // With room for one company, one is offered.
  const top = await getReferenceFilterOptions(db, 'sv', {}, 1)
  expect(top.companies).toHaveLength(1)
  const first = top.companies[0]!.slug
  // A chosen company is offered as well, so the form shows the filter that is on.
  const other = first === a.company.org.slug ? b.company.org.slug : a.company.org.slug
  const chosen = await getReferenceFilterOptions(db, 'sv', { company: other }, 1)
  expect(chosen.companies.map((o) => o.slug).sort()).toEqual([first, other].sort())
  // The gallery itself passes its filters.
  const page = dataOf<{ options: { companies: { slug: string }[] } }>(
    await run(() =>
      galleryLoader(loaderArgs(getRequest(`/references?company=${b.company.org.slug}`))),
    ),
  )
  expect(page.options.companies.map((o) => o.slug)).toContain(b.company.org.slug)
})
