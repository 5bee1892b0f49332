import { expect, test, visit } from './fixtures'

// The overview across everyone (issue 15, part 3): a visitor filters the initiatives by county
// and theme, gets a stable address, and switches to the county view with its table and chart.

test('a visitor filters initiatives by county and theme and switches to the county view', async ({
  page,
  checkA11y,
}) => {
  await visit(page, '/initiatives', checkA11y)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Initiativ')
  await page
    .getByRole('combobox', { name: 'Län', exact: true })
    .selectOption({ label: 'Skåne län' })
  await page
    .getByRole('combobox', { name: 'Tema' })
    .selectOption({ label: 'E-hälsa och digital vård' })
  await page.getByRole('button', { name: 'Visa initiativ' }).click()
  await expect(page).toHaveURL(/[?&]theme=ehealth(&|$)/)
  await expect(page).toHaveURL(/[?&]county=12(&|$)/)
  await expect(page.getByRole('heading', { level: 2, name: '2 initiativ' })).toBeVisible()
  await expect(
    page.getByRole('link', { name: 'Digital första linjens vård i Skåne 2026–2028' }),
  ).toBeVisible()
  await expect(
    page.getByRole('link', { name: /distansmonitorering i hemsjukvården/ }),
  ).toBeVisible()
  await checkA11y()

  // The timeline keeps the filters in its address; its table says what the chart shows.
  await page.getByRole('link', { name: 'Tidslinje', exact: true }).click()
  await expect(page).toHaveURL(/\/initiatives\?view=timeline&theme=ehealth&county=12$/)
  await expect(
    page.getByRole('img', { name: 'Tidslinje över initiativens perioder' }),
  ).toBeVisible()
  const periods = page.getByRole('table', { name: 'Initiativens perioder' })
  await expect(periods.getByRole('row')).toHaveCount(3)
  await expect(
    periods.getByRole('rowheader', { name: 'Digital första linjens vård i Skåne 2026–2028' }),
  ).toBeVisible()
  await checkA11y()

  // The county view keeps the filters in its address.
  await page.getByRole('link', { name: 'Per län', exact: true }).click()
  await expect(page).toHaveURL(/\/initiatives\?view=counties&theme=ehealth&county=12$/)
  await expect(page.getByRole('heading', { level: 2, name: 'Initiativ per län' })).toBeVisible()
  const table = page.getByRole('table', { name: 'Antal initiativ per län' })
  await expect(table.getByRole('row')).toHaveCount(22)
  await expect(table.getByRole('row', { name: 'Skåne län 2' })).toBeVisible()
  await expect(table.getByRole('row', { name: 'Norrbottens län 0' })).toBeVisible()
  await expect(
    page.getByRole('img', { name: 'Stapeldiagram över initiativ per län' }),
  ).toBeVisible()
  await checkA11y()

  // Clearing the filters in the county view shows every county's count, Norrbotten's too.
  await page.getByRole('link', { name: 'Rensa filter' }).click()
  await expect(page).toHaveURL(/\/initiatives\?view=counties$/)
  await expect(table.getByRole('row', { name: /^Norrbottens län [1-9]/ })).toBeVisible()
  await checkA11y()

  // Back to the list.
  await page.getByRole('link', { name: 'Lista', exact: true }).click()
  await expect(page).toHaveURL(/\/initiatives$/)
  await checkA11y()
})
