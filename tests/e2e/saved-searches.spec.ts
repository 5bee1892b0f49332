import { DEMO_PASSWORD, expect, test, visit } from './fixtures'

// Saved searches as alerts (issue 16 part 2, decision record 037): Kiruna Drönarteknik's Nils
// filters the calls for drones in Norrbotten, saves the search as an alert with a CPV code
// (unmanned aerial vehicles), sees it in his list, edits it — a TRL range the wrong way round
// first — and deletes it; his older search stays.

test('a company saves a search as an alert from the calls, edits it and deletes it', async ({
  page,
  checkA11y,
}) => {
  test.slow()
  await visit(page, '/login', checkA11y)
  await page.getByLabel('E-postadress').fill('nils.pavval@kirunadronare.test')
  await page.getByLabel('Lösenord', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Logga in' }).click()
  await expect(page.getByRole('button', { name: 'Logga ut', exact: true })).toBeVisible()

  await visit(page, `/calls?q=${encodeURIComponent('drönare')}&county=25`, checkA11y)
  await page.getByRole('link', { name: 'Spara sökningen som bevakning' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ny sparad sökning')
  await expect(page.getByRole('checkbox', { name: 'Upphandlingar' })).toBeChecked()
  await expect(page.getByRole('checkbox', { name: 'Testbäddar' })).not.toBeChecked()
  await expect(page.getByRole('textbox', { name: /^Sökord/ })).toHaveValue('drönare')
  await expect(page.getByRole('combobox', { name: 'Län' })).toHaveValue('25')
  await checkA11y()
  await page.getByLabel('Namn på sökningen').fill('Drönare i Norrbotten')
  await page.getByRole('checkbox', { name: 'Initiativ' }).check()
  await page.getByRole('textbox', { name: /^CPV-koder/ }).fill('35613000')
  await page.getByRole('button', { name: 'Spara sökningen' }).click()

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sparade sökningar')
  await expect(page.getByRole('status')).toContainText('Sökningen är sparad.')
  const saved = page.getByRole('listitem').filter({
    has: page.getByRole('heading', { name: 'Drönare i Norrbotten' }),
  })
  await expect(saved).toContainText('Upphandlingar, Initiativ')
  await expect(saved).toContainText('35613000')
  await expect(saved).toContainText('Norrbottens län')
  await expect(page.getByRole('heading', { name: 'Drönare', exact: true })).toBeVisible()
  await checkA11y()

  await saved.getByRole('link', { name: 'Ändra Drönare i Norrbotten' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Ändra sökningen Drönare i Norrbotten',
  )
  await expect(page.getByRole('textbox', { name: /^CPV-koder/ })).toHaveValue('35613000')
  await page.getByRole('checkbox', { name: 'Testbäddar' }).check()
  await page.getByRole('combobox', { name: 'Lägsta TRL' }).selectOption('7')
  await page.getByRole('combobox', { name: 'Högsta TRL' }).selectOption('4')
  await page.getByRole('button', { name: 'Spara ändringarna' }).click()
  await expect(page.getByRole('alert').filter({ hasText: /fel i formuläret/ })).toBeVisible()
  await expect(
    page.getByText('Högsta TRL kan inte vara lägre än lägsta TRL.').first(),
  ).toBeVisible()
  await expect(page.getByRole('textbox', { name: /^CPV-koder/ })).toHaveValue('35613000')
  await checkA11y()
  await page.getByRole('combobox', { name: 'Högsta TRL' }).selectOption('9')
  await page.getByRole('button', { name: 'Spara ändringarna' }).click()

  await expect(page.getByRole('status')).toContainText('Sökningen är ändrad.')
  await expect(saved).toContainText('Testbäddar, Upphandlingar, Initiativ')
  await expect(saved).toContainText('7–9')
  await saved.getByRole('button', { name: 'Ta bort Drönare i Norrbotten' }).click()
  await expect(page.getByRole('status')).toContainText('Sökningen är borttagen.')
  await expect(page.getByRole('heading', { name: 'Drönare i Norrbotten' })).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'Drönare', exact: true })).toBeVisible()
  await checkA11y()
})
