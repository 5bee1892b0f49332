import { expect, test, visit, logInThroughForm } from './fixtures'

// The regional agenda (issue 15, part 7): a visitor reads Region Norrbotten's agenda — three goals,
// each indicator a chart with its table — and Henrik at Luleå tekniska universitet, a co-owner,
// adds a goal (after a validation error), an indicator measured by hand and its first value.

const HENRIK = 'henrik.wikstrom@ltu.test'

test('a visitor reads the agenda; a co-owner adds a goal, an indicator and a measurement', async ({
  page,
  checkA11y,
}) => {
  test.slow()
  await visit(page, '/agendas', checkA11y)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Regionala agendor')
  await visit(page, '/organisations/region-norrbotten', checkA11y)
  await page.getByRole('link', { name: 'Regionens agenda – hit ska vi' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Norrbottens innovationsagenda – hit ska vi',
  )
  await expect(
    page.getByText(
      'Står bakom agendan: Region Norrbotten + IUC Norrbotten AB + Luleå tekniska universitet',
    ),
  ).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: /^Mål \d/ })).toHaveCount(3)
  await expect(page.locator('svg.chart')).toHaveCount(4)
  await expect(page.locator('table caption')).toHaveCount(4)
  await expect(
    page.getByRole('table', { name: /Företagsrepresentanter som deltagit/ }).getByRole('row'),
  ).toHaveCount(5)
  await expect(page.getByText('Ändrade mål')).toBeVisible()
  await expect(page.getByRole('link', { name: /Smart industri Norrbotten/ })).toBeVisible()
  await checkA11y()
  await expect(page.getByRole('link', { name: 'Redigera agendan' })).toHaveCount(0)

  await logInThroughForm(page, checkA11y, HENRIK)
  await visit(page, '/organisations/region-norrbotten/agenda', checkA11y)
  await page.getByRole('link', { name: 'Redigera agendan' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Redigera regional agenda')
  await checkA11y()

  const title = `Fler studiebesök ${Date.now().toString(36)}`
  await page.getByLabel('Målets rubrik').fill('Ny')
  await page.getByLabel('Beskrivning av målet').fill('Studiebesök hos företag i hela länet.')
  await page.getByRole('button', { name: 'Lägg till målet' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Texten är för kort.' })).toBeVisible()
  await expect(page.getByLabel('Beskrivning av målet')).toHaveValue(
    'Studiebesök hos företag i hela länet.',
  )
  await checkA11y()
  await page.getByLabel('Målets rubrik').fill(title)
  await page.getByRole('button', { name: 'Lägg till målet' }).click()
  await expect(page.getByRole('status')).toContainText('Målet är skapat.')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Mål: ${title}`)
  await checkA11y()

  await page.getByLabel('Vad mäts?').fill('Genomförda studiebesök')
  await page.getByRole('radio', { name: 'Registreras för hand med källa' }).check()
  await page.getByRole('combobox', { name: /^Enhet/ }).selectOption({ label: 'Antal' })
  await page.getByLabel('Målvärde').fill('40')
  await page.getByLabel('Måldatum').fill('2028-06-30')
  await page.getByRole('button', { name: 'Lägg till indikatorn' }).click()
  await expect(page.getByRole('status')).toContainText('Indikatorn är tillagd.')
  await expect(
    page.getByRole('heading', { level: 3, name: 'Genomförda studiebesök' }),
  ).toBeVisible()
  await checkA11y()

  await page
    .getByRole('combobox', { name: 'Indikator som registreras för hand' })
    .selectOption({ label: 'Genomförda studiebesök' })
  await page.getByLabel('Mätdatum').fill('2026-11-30')
  await page.getByLabel('Värde', { exact: true }).fill('6')
  await page
    .getByLabel('Källa', { exact: true })
    .fill('Besöksrapporter, Luleå tekniska universitet')
  await page.getByRole('button', { name: 'Registrera värdet' }).click()
  await expect(page.getByRole('status')).toContainText('Mätvärdet är registrerat.')
  await expect(
    page.getByRole('table', { name: /Genomförda studiebesök/ }).getByRole('cell', {
      name: 'Besöksrapporter, Luleå tekniska universitet',
    }),
  ).toBeVisible()
  await checkA11y()
})
