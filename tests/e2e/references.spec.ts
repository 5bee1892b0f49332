import type { Page } from '@playwright/test'
import { expect, test, logInThroughForm } from './fixtures'

// Reference cases in the demo seed (app/seed/references.ts): Polarsensor × Luleå "road-surface
// sensors" awaits Polarsensor's approval; "keyless home care" (Polarsensor × Luleå) and "heated
// walkways" (Bergskraft × Luleå) are published. Every journey ends with its case published, so
// it starts from either state and runs again on a database where it has run.

const ROAD_EN = 'Ice warnings from sensors in the road surface'
const ROAD_SV = 'Halkvarning från sensorer i vägbanan'
const KEYLESS = 'Nyckelfri hemtjänst i Bergnäset'
const WALKWAYS = 'Prognosstyrd markvärme på Storgatan'

async function logIn(page: Page, checkA11y: () => Promise<void>, email: string, to: string) {
  await page.context().clearCookies()
  await logInThroughForm(page, checkA11y, email, to)
}

/** The case page as someone who is not signed in (Swedish, the browser's language). */
async function visitAnonymously(page: Page, path: string, checkA11y: () => Promise<void>) {
  await page.context().clearCookies()
  const response = await page.goto(path)
  await checkA11y()
  return response?.status()
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 })

test('the company approves the case the municipality approved, and the public can read it', async ({
  page,
  checkA11y,
}) => {
  await logIn(
    page,
    checkA11y,
    'johan.lundberg@polarsensor.test',
    '/organisations/polarsensor/references',
  )
  await expect(h1(page)).toHaveText('References – Polarsensor AB')
  await checkA11y()
  const table = page.getByRole('table', { name: 'References where Polarsensor AB is a party' })
  await table.getByRole('link', { name: ROAD_EN }).click()
  await expect(h1(page)).toHaveText(ROAD_EN)
  await checkA11y()
  const path = new URL(page.url()).pathname
  const panel = page.getByRole('region', { name: 'Status and approval' })

  const approve = panel.getByRole('button', { name: /^Approve revision \d+ for Polarsensor AB$/ })
  if ((await approve.count()) > 0) {
    // The municipality has approved; Polarsensor has not.
    await expect(panel.getByText('Draft', { exact: true })).toBeVisible()
    await expect(panel.getByText('Awaiting approval', { exact: true })).toHaveCount(1)
    await approve.click()
    await expect(page.getByRole('status')).toContainText(
      'Both parties have approved. The reference is published.',
    )
    await checkA11y()
  }
  await expect(panel.getByText('Published', { exact: true })).toBeVisible()
  await expect(panel.getByText('Approved', { exact: true })).toHaveCount(2)

  // Logged out: the Swedish version by default, the English one a link away; no approval panel.
  expect(await visitAnonymously(page, path, checkA11y)).toBe(200)
  await expect(h1(page)).toHaveText(ROAD_SV)
  await expect(page.getByText('Finns på svenska och engelska.')).toBeVisible()
  await expect(page.getByRole('region', { name: 'Status och godkännande' })).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Polarsensor AB' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Luleå kommun' })).toBeVisible()
  await expect(page.getByText('Från piloten i testbädden')).toBeVisible()
  await expect(page.getByRole('table', { name: 'Uppmätta resultat' })).toBeVisible()
  await page
    .getByRole('navigation', { name: 'Välj språkversion' })
    .getByRole('link', { name: 'English' })
    .click()
  await expect(h1(page)).toHaveText(ROAD_EN)
  await expect(page.getByRole('heading', { name: 'The challenge' })).toBeVisible()
  await checkA11y()
})

test('an edit unpublishes a case until both parties approve the new revision', async ({
  page,
  checkA11y,
}, testInfo) => {
  const place =
    testInfo.project.name === 'javascript'
      ? 'Bergnäset och Gammelstad, Luleå'
      : 'Bergnäset, Luleå kommun'
  await logIn(page, checkA11y, 'erik.nilsson@lulea.test', '/organisations/lulea-kommun/references')
  await expect(h1(page)).toHaveText('Referenser – Luleå kommun')
  await checkA11y()
  await page
    .getByRole('table', { name: 'Referenser där Luleå kommun är part' })
    .getByRole('link', { name: KEYLESS })
    .click()
  await expect(h1(page)).toHaveText(KEYLESS)
  const path = new URL(page.url()).pathname
  const panel = page.getByRole('region', { name: 'Status och godkännande' })
  await expect(panel.getByText('Publicerad', { exact: true })).toBeVisible()
  await checkA11y()

  await panel.getByRole('link', { name: 'Redigera texten' }).click()
  await expect(h1(page)).toHaveText('Redigera referensen')
  await expect(page.getByText('Båda godkännandena tas bort')).toBeVisible()
  await checkA11y()

  // A result that is not a number: refused, with the other values kept.
  const firstResult = page.getByRole('group', { name: 'Resultat 1' })
  await firstResult.getByLabel('Värde').fill('fjorton')
  await page.getByLabel('Plats', { exact: true }).fill(place)
  await page.getByRole('button', { name: 'Spara ändringarna' }).click()
  const summary = page.getByRole('alert')
  await expect(
    summary.getByRole('link', { name: 'Ange ett tal, till exempel 14 eller 2,5.' }),
  ).toBeVisible()
  await expect(page.getByLabel('Plats', { exact: true })).toHaveValue(place)
  await checkA11y()

  await firstResult.getByLabel('Värde').fill('2,5')
  await page.getByRole('button', { name: 'Spara ändringarna' }).click()
  await expect(page.getByRole('status')).toContainText('Båda godkännandena har tagits bort')
  await expect(panel.getByText('Utkast', { exact: true })).toBeVisible()
  await expect(panel.getByText('Väntar på godkännande', { exact: true })).toHaveCount(2)
  await expect(page.getByText(place, { exact: true })).toBeVisible()
  await checkA11y()

  await panel.getByRole('button', { name: /^Godkänn version \d+ för Luleå kommun$/ }).click()
  await expect(page.getByRole('status')).toContainText('Ni har godkänt den här versionen.')
  await expect(panel.getByText('Utkast', { exact: true })).toBeVisible()
  await checkA11y()
  expect(await visitAnonymously(page, path, checkA11y)).toBe(404)

  await logIn(page, checkA11y, 'johan.lundberg@polarsensor.test', path)
  await page
    .getByRole('region', { name: 'Status and approval' })
    .getByRole('button', { name: /^Approve revision \d+ for Polarsensor AB$/ })
    .click()
  await expect(page.getByRole('status')).toContainText('The reference is published.')
  await checkA11y()

  expect(await visitAnonymously(page, path, checkA11y)).toBe(200)
  await expect(h1(page)).toHaveText(KEYLESS)
  await expect(page.getByText(place, { exact: true })).toBeVisible()
  // The edit kept the English version and the reference calls.
  await expect(page.getByText('Finns på svenska och engelska.')).toBeVisible()
  await expect(page.getByRole('link', { name: 'Be om ett referenssamtal' })).toBeVisible()
})

test('either side withdraws a published case with a reason, and both can publish it again', async ({
  page,
  checkA11y,
}) => {
  await logIn(
    page,
    checkA11y,
    'mikael.sundqvist@bergskraft.test',
    '/organisations/bergskraft-energi/references',
  )
  await page.getByRole('link', { name: WALKWAYS }).click()
  await expect(h1(page)).toHaveText(WALKWAYS)
  await expect(page.getByText('Finns på svenska.')).toBeVisible()
  const path = new URL(page.url()).pathname
  const panel = page.getByRole('region', { name: 'Status och godkännande' })
  await checkA11y()

  // A confirmation step first; a reason is required.
  await panel.getByRole('link', { name: 'Dra tillbaka referensen' }).click()
  await expect(
    page.getByRole('heading', { name: 'Vill du dra tillbaka referensen?' }),
  ).toBeVisible()
  await checkA11y()
  await page.getByLabel('Skäl', { exact: true }).fill(' ')
  await page.getByRole('button', { name: 'Ja, dra tillbaka referensen' }).click()
  await expect(page.getByRole('alert').getByRole('link', { name: 'Fyll i fältet.' })).toBeVisible()
  await checkA11y()
  await page.getByLabel('Skäl', { exact: true }).fill('Styrsystemet byts ut under vintern.')
  await page.getByRole('button', { name: 'Ja, dra tillbaka referensen' }).click()
  await expect(page.getByRole('status')).toContainText('Referensen är tillbakadragen')
  await expect(panel.getByText('Tillbakadragen', { exact: true })).toBeVisible()
  await expect(panel.getByText('Skäl: Styrsystemet byts ut under vintern.')).toBeVisible()
  await checkA11y()

  await panel
    .getByRole('button', { name: /^Godkänn version \d+ för Bergskraft Energi AB$/ })
    .click()
  await expect(page.getByRole('status')).toContainText('Ni har godkänt den här versionen.')
  expect(await visitAnonymously(page, path, checkA11y)).toBe(404)

  await logIn(page, checkA11y, 'erik.nilsson@lulea.test', path)
  await page
    .getByRole('region', { name: 'Status och godkännande' })
    .getByRole('button', { name: /^Godkänn version \d+ för Luleå kommun$/ })
    .click()
  await expect(page.getByRole('status')).toContainText('Referensen är publicerad.')
  await checkA11y()
  expect(await visitAnonymously(page, path, checkA11y)).toBe(200)
  await expect(h1(page)).toHaveText(WALKWAYS)
})
