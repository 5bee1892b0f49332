import { expect, test, visit, logInThroughForm, logOut } from './fixtures'

// The company contact ledger (issue 15, decision record 029): Region Norrbotten chooses
// Polarsensor, sees IUC Norrbotten's shared visit and the company's preference, forgets to
// acknowledge them, then records a demo; Nattugglan sees Luleå's dialogue meeting about it and
// its settings; the fall-prevention call discloses the region's demo with Polarsensor.

const ANNA = 'anna.lindqvist@norrbotten.test'
const SARA = 'sara.berg@nattugglan.test'

test('a region records a contact after seeing the shared ones; the company sees its own; the call discloses', async ({
  page,
  checkA11y,
}) => {
  test.slow()
  await logInThroughForm(page, checkA11y, ANNA)
  await visit(page, '/organisations/region-norrbotten', checkA11y)
  await page.getByRole('link', { name: 'Kontakter med företag', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Kontakter med företag – Region Norrbotten',
  )
  // Typed the quick way, without capitals: the search still finds the company.
  await page.getByRole('searchbox', { name: 'Sök företaget' }).fill('polarsensor')
  await page.getByRole('button', { name: 'Sök', exact: true }).click()
  await page.getByRole('link', { name: 'Polarsensor AB', exact: true }).click()
  await expect(
    page.getByRole('heading', { name: 'Senaste kontakter med Polarsensor AB' }),
  ).toBeVisible()
  const recent = page.getByRole('table', {
    name: 'Kontakter de senaste sex månaderna som ni får se',
  })
  await expect(recent.getByRole('rowheader', { name: 'IUC Norrbotten AB' })).toBeVisible()
  await expect(page.getByText(/Kontakta oss gärna via IUC Norrbotten/)).toBeVisible()
  await checkA11y()

  // Without the acknowledgement: the summary, the message by the box, the text kept.
  const purpose = 'Demonstration av väggmonterade radarsensorer på Kalixgårdens korttidsboende.'
  await page.getByRole('combobox', { name: 'Typ' }).selectOption({ label: 'Demonstration' })
  await page.getByLabel('Syfte').fill(purpose)
  await page.getByRole('button', { name: 'Registrera kontakten' }).click()
  await expect(page.getByRole('alert').filter({ hasText: /fel i formuläret/ })).toBeVisible()
  await expect(page.getByLabel('Syfte')).toHaveValue(purpose)
  await checkA11y()

  await page
    .getByRole('combobox', { name: 'Initiativ' })
    .selectOption({ label: 'Aktivt och hälsosamt åldrande – EU Reference Site Norrbotten' })
  await page.getByRole('checkbox', { name: /Jag har sett de senaste kontakterna/ }).check()
  await page.getByRole('button', { name: 'Registrera kontakten' }).click()
  await expect(page.getByRole('status')).toContainText('Kontakten är registrerad.')
  const recorded = page.getByRole('table', { name: 'Kontakter ni har registrerat, senaste först' })
  await expect(recorded.getByText(purpose)).toBeVisible()
  await checkA11y()

  // The fall-prevention call belongs to the region's programme: its page discloses the contacts.
  await visit(page, '/calls?q=Fallprevention', checkA11y)
  await page
    .getByRole('link', { name: /Fallprevention med sensorer/ })
    .first()
    .click()
  await expect(
    page.getByRole('heading', { name: 'Kontakter med företag före upphandlingen' }),
  ).toBeVisible()
  const disclosed = page.getByRole('table', { name: 'Redovisade kontakter' })
  await expect(disclosed.getByText(purpose)).toBeVisible()
  await checkA11y()
  await logOut(page)

  // Nattugglan keeps its contacts to itself but sees Luleå's meeting, and its settings.
  await logInThroughForm(page, checkA11y, SARA)
  await visit(page, '/organisations/nattugglan-omsorgsteknik', checkA11y)
  await page.getByRole('link', { name: 'Kontakter med oss', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Kontakter med Nattugglan Omsorgsteknik AB',
  )
  await expect(page.getByRole('rowheader', { name: 'Luleå kommun' })).toBeVisible()
  await expect(page.getByText('Ni delar inte era kontakter', { exact: false })).toBeVisible()
  await visit(page, '/organisations/nattugglan-omsorgsteknik/settings', checkA11y)
  await page.getByLabel('Inte före (datum)').fill('2027-03-01')
  await page.getByRole('button', { name: 'Spara inställningarna för kontakter' }).click()
  await expect(page.getByRole('status')).toContainText('Inställningarna för kontakter är sparade.')
  await checkA11y()
})

test('IUC Norrbotten corrects a visit on a 320 px phone; the replaced text stays in the history', async ({
  page,
  checkA11y,
}) => {
  test.slow()
  await page.setViewportSize({ width: 320, height: 740 })
  await logInThroughForm(page, checkA11y, 'linnea.oberg@iucnorrbotten.test')
  await visit(page, '/organisations/iuc-norrbotten/contacts', checkA11y)
  const fitsTheScreen = () =>
    page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
  expect(await fitsTheScreen()).toBe(true)
  await page.getByRole('link', { name: /^Rätta kontakten med Polarsensor AB/ }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Rätta kontakten med Polarsensor AB',
  )
  const history = page.getByRole('table', {
    name: 'Texter som rättelser har ersatt, senaste först',
  })
  await expect(history.getByText(/produktion och exportplaner\.$/)).toBeVisible()
  expect(await fitsTheScreen()).toBe(true)
  await checkA11y()

  // Saving it as it is changes nothing: said in the summary, the text kept.
  await page.getByRole('button', { name: 'Spara rättelsen' }).click()
  await expect(
    page.getByRole('alert').filter({ hasText: /Rättelsen ändrar ingenting/ }),
  ).toBeVisible()
  await checkA11y()

  const purpose =
    'Företagsbesök i Piteå inför B2B-forumet: produktion, exportplaner, testmiljö och kompetensbehov.'
  await page.getByLabel('Syfte').fill(purpose)
  await page.getByRole('button', { name: 'Spara rättelsen' }).click()
  await expect(page.getByRole('status')).toContainText('Rättelsen är sparad.')
  await expect(page.getByLabel('Syfte')).toHaveValue(purpose)
  await expect(history.getByRole('rowheader', { name: '2' })).toBeVisible()
  await checkA11y()
})
