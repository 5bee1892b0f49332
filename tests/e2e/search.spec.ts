import { expect, test, visit } from './fixtures'

// One search over everything (issue 16 part 5, decision record 036): the header's search box
// leads to /search, a facet narrows the hits and the pager goes on, every state at its address.

test('a visitor searches from the header, narrows by county and turns the page', async ({
  page,
  checkA11y,
}) => {
  await visit(page, '/', checkA11y)
  const box = page.getByRole('searchbox', { name: 'Sök i hela Testarena' })
  await box.fill('och')
  await box.press('Enter')
  await expect(page).toHaveURL(/\/search\?q=och$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sök')
  await expect(page.getByRole('searchbox', { name: 'Sökord' })).toHaveValue('och')
  await expect(page.getByRole('status').filter({ hasText: /^\d+ träffar$/ })).toBeVisible()
  // Hits of several kinds, with the matched text marked.
  const hits = page.locator('.search-hit')
  await expect(hits).toHaveCount(20)
  await expect(hits.locator('mark').first()).toHaveText(/och/i)
  await checkA11y()

  // A county facet keeps the search in the address and shows its count.
  await page.getByRole('link', { name: /^Norrbottens län \(\d+\)$/ }).click()
  await expect(page).toHaveURL(/\/search\?q=och&county=25$/)
  await expect(page.getByRole('link', { name: /^Norrbottens län \(\d+\)$/ })).toHaveAttribute(
    'aria-current',
    'true',
  )
  await checkA11y()

  // The next page of the same search.
  await page.getByRole('link', { name: 'Nästa' }).click()
  await expect(page).toHaveURL(/\/search\?q=och&county=25&page=2$/)
  await expect(page.getByRole('link', { name: 'Sida 2' })).toHaveAttribute('aria-current', 'page')
  await expect(hits.first()).toBeVisible()
  await checkA11y()
})
