import { readFileSync } from 'node:fs'
import { expect, test, visit } from './fixtures'

// The public analytics page (issue 15, part 9): a visitor opens it from the footer, filters by
// county, reads the pipeline table and downloads it as CSV for Swedish Excel.

test('a visitor filters the analytics by county, reads a table and downloads it', async ({
  page,
  checkA11y,
}) => {
  await visit(page, '/', checkA11y)
  await page.getByRole('contentinfo').getByRole('link', { name: 'Statistik', exact: true }).click()
  await expect(page).toHaveURL(/\/analytics$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Statistik: från testbädd till referens',
  )
  await expect(
    page.getByRole('img', { name: 'Stapeldiagram över antal i varje steg' }),
  ).toBeVisible()
  await checkA11y()

  // Filter by county: a stable address, and the pipeline of Norrbotten alone.
  await page
    .getByRole('combobox', { name: 'Län', exact: true })
    .selectOption({ label: 'Norrbottens län' })
  await page.getByRole('button', { name: 'Visa statistik' }).click()
  await expect(page).toHaveURL(/\/analytics\?county=25$/)
  const pipeline = page.getByRole('table', {
    name: 'Antal i varje steg och hur många som gick vidare',
  })
  await expect(pipeline.getByRole('row')).toHaveCount(6)
  await expect(pipeline.getByRole('row', { name: /^Tilldelningar 1 / })).toBeVisible()
  await expect(pipeline.getByRole('row', { name: /^Referenser 3 / })).toBeVisible()
  const counties = page.getByRole('table', { name: 'Antal i varje steg per län' })
  await expect(counties.getByRole('row')).toHaveCount(2)
  await expect(page.getByText(/^Mediantid från publicering till tilldelning: \d/)).toBeVisible()
  await checkA11y()

  // The pipeline table as CSV: UTF-8 with a byte-order mark, semicolons, Swedish headers.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('link', {
        name: 'Ladda ned ”Antal i varje steg och hur många som gick vidare” som CSV',
      })
      .click(),
  ])
  expect(download.suggestedFilename()).toBe('testarena-pipeline-25.csv')
  const bytes = readFileSync((await download.path())!)
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const lines = bytes.subarray(3).toString('utf8').split('\r\n')
  expect(lines[0]).toBe('Steg;Antal;Gick vidare;Av;Andel som gick vidare')
  expect(lines[4]).toMatch(/^Tilldelningar;1;/)

  // A county with nothing says so honestly.
  await page
    .getByRole('combobox', { name: 'Län', exact: true })
    .selectOption({ label: 'Gotlands län' })
  await page.getByRole('button', { name: 'Visa statistik' }).click()
  await expect(page).toHaveURL(/\/analytics\?county=09$/)
  await expect(page.getByText(/^Det finns inga uppgifter ännu för det här urvalet/)).toBeVisible()
  await checkA11y()
})
