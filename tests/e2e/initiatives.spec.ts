import { expect, test, visit, logInThroughForm, logOut } from './fixtures'

// The initiatives register (issue 15): Luleå records an initiative, fixes a validation error,
// moves it to planned and links its home-care test bed; Skellefteå asks to co-own and Luleå
// accepts; the public register shows both owners.

const ERIK = 'erik.nilsson@lulea.test'
const ULRIKA = 'ulrika.marklund@skelleftea.test'

/** Logs out and waits until the page says so, before the next visit. */

test('Luleå records an initiative and links a test bed; Skellefteå co-owns it; the register shows both', async ({
  page,
  checkA11y,
}) => {
  test.slow()
  const title = `Digital tillsyn i hemmet ${Date.now().toString(36)}`
  await logInThroughForm(page, checkA11y, ERIK)
  await visit(page, '/organisations/lulea-kommun/initiatives', checkA11y)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Initiativ – Luleå kommun')
  await page.getByRole('link', { name: 'Nytt initiativ' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nytt initiativ')
  await checkA11y()

  // A summary that is too short: the error summary, the message by the field, the values kept.
  await page.getByRole('checkbox', { name: 'Små företag' }).check()
  await page.getByRole('checkbox', { name: 'Norrbottens län' }).check()
  await page.getByRole('combobox', { name: 'Typ av initiativ' }).selectOption({ label: 'Projekt' })
  await page.getByLabel('Namn', { exact: true }).fill(title)
  await page.getByLabel('Kontaktroll').fill('Utvecklingsledare, hemtjänsten')
  await page.getByLabel('Funktionsadress för e-post').fill('hemtjanst@lulea.test')
  await page.getByLabel('Sammanfattning').fill('Kort')
  await page.getByRole('button', { name: 'Spara initiativet' }).click()
  const summary = page.getByRole('alert').filter({ hasText: /fel i formuläret/ })
  await expect(summary).toBeVisible()
  await expect(page.getByLabel('Namn', { exact: true })).toHaveValue(title)
  await checkA11y()

  await page
    .getByLabel('Sammanfattning')
    .fill('Ett projekt där hemtjänsten prövar digital tillsyn nattetid tillsammans med företag.')
  await page.getByRole('button', { name: 'Spara initiativet' }).click()
  await expect(page.getByRole('status')).toContainText('Initiativet är sparat.')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  await checkA11y()

  await page.getByRole('combobox', { name: 'Ny status' }).selectOption({ label: 'Planerat' })
  await page.getByRole('button', { name: 'Ändra status' }).click()
  await expect(page.getByRole('status')).toContainText('Statusen är ändrad.')
  await expect(page.getByText('Planerat', { exact: true })).toBeVisible()
  await checkA11y()

  // Link Luleå's home-care test bed from its edit page.
  await visit(page, '/organisations/lulea-kommun/test-beds', checkA11y)
  await page.getByRole('link', { name: 'Smart hemtjänst i Luleå' }).first().click()
  await page.getByRole('combobox', { name: 'Hör till initiativ' }).selectOption({ label: title })
  await page.getByRole('button', { name: 'Spara koppling' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Kopplingen' })).toBeVisible()
  await checkA11y()
  await visit(page, '/initiatives', checkA11y)
  await page.getByRole('link', { name: title }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  await expect(page.getByRole('link', { name: 'Smart hemtjänst i Luleå' })).toBeVisible()
  const initiativeUrl = page.url()
  await logOut(page)

  // Skellefteå asks to co-own.
  await logInThroughForm(page, checkA11y, ULRIKA)
  await visit(page, initiativeUrl, checkA11y)
  await page.getByRole('button', { name: 'Be om att bli medägare' }).click()
  await expect(page.getByRole('status')).toContainText('Förfrågan är skickad till ägaren.')
  await checkA11y()
  await logOut(page)

  // Luleå accepts.
  await logInThroughForm(page, checkA11y, ERIK)
  await visit(page, initiativeUrl, checkA11y)
  await page.getByRole('button', { name: 'Godta Skellefteå kommun' }).click()
  await expect(page.getByRole('status')).toContainText('Medägaren är godtagen.')
  await checkA11y()

  // The public register shows both owners.
  await visit(page, '/initiatives', checkA11y)
  const card = page.getByRole('listitem').filter({ hasText: title })
  await expect(card).toContainText('Luleå kommun + Skellefteå kommun')
})
