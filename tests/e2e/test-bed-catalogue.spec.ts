import type { Page } from '@playwright/test'
import { DEMO_PASSWORD, expect, test, visit } from './fixtures'

// The catalogue against the demo seed (app/seed/test-bed-offers.ts). Read-only: nothing here changes data.

const AHA = 'Aktivt och hälsosamt åldrande – EU Reference Site Norrbotten'
const HEMTJANST = 'Smart hemtjänst i Luleå'
const ENERGILAGER = 'Energilager i kommunala fastigheter'
const PRIMARVARD = 'Digitala vårdtjänster i primärvården'

async function logInFromLink(page: Page, email: string) {
  await page.getByLabel('E-postadress').fill(email)
  await page.getByLabel('Lösenord', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Logga in' }).click()
}

async function submitFilters(page: Page) {
  await page.getByRole('button', { name: 'Visa testbäddar' }).click()
}

test('a visitor searches and filters the catalogue and opens an offer', async ({
  page,
  checkA11y,
}) => {
  await visit(page, '/', checkA11y)
  await expect(page.getByRole('heading', { level: 2, name: 'Öppna testbäddar' })).toBeVisible()
  await page
    .getByRole('navigation', { name: 'Huvudmeny' })
    .getByRole('link', { name: 'Testbäddar' })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Testbäddar' })).toBeVisible()
  await checkA11y()
  // Published offers only: the closed one and the host's draft are not listed.
  await expect(page.getByRole('link', { name: AHA })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Sensorer för vinterväghållning' })).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Digitalt stöd för anhöriga' })).toHaveCount(0)

  // Search folds case, å/ä/ö included.
  await page.getByLabel('Sökord').fill('HEMTJÄNST')
  await submitFilters(page)
  await expect(page).toHaveURL(/q=HEMTJ/)
  await expect(page.getByRole('link', { name: HEMTJANST })).toBeVisible()
  await expect(page.getByRole('link', { name: ENERGILAGER })).toHaveCount(0)
  await expect(page.getByLabel('Sökord')).toHaveValue('HEMTJÄNST')
  await checkA11y()

  // Filters: cost-sharing offers open for applications now; the choices are kept.
  await page.getByLabel('Sökord').fill('')
  await page.getByLabel('Villkor').selectOption({ label: 'Delad kostnad' })
  await page.getByLabel('Bara testbäddar som är öppna för ansökan nu').check()
  await submitFilters(page)
  await expect(page.getByRole('heading', { level: 2, name: '2 testbäddar' })).toBeVisible()
  await expect(page.getByRole('link', { name: HEMTJANST })).toBeVisible()
  await expect(page.getByRole('link', { name: ENERGILAGER })).toBeVisible()
  await expect(page.getByLabel('Villkor')).toHaveValue('cost_sharing')
  await expect(page.getByLabel('Bara testbäddar som är öppna för ansökan nu')).toBeChecked()
  await checkA11y()

  // A county and a product TRL.
  await page.getByRole('link', { name: 'Rensa filter' }).click()
  await expect(page.getByLabel('Villkor')).toHaveValue('')
  await page.getByLabel('Län').selectOption({ label: 'Skåne län' })
  await page.getByLabel('Produktens mognadsgrad (TRL)').selectOption({ label: 'TRL 9' })
  await submitFilters(page)
  await expect(page.getByRole('heading', { level: 2, name: '1 testbädd' })).toBeVisible()
  await expect(page.getByRole('link', { name: PRIMARVARD })).toBeVisible()
  await page.getByLabel('Produktens mognadsgrad (TRL)').selectOption({ label: 'TRL 3' })
  await submitFilters(page)
  await expect(page.getByRole('heading', { level: 2, name: 'Inga testbäddar' })).toBeVisible()
  await checkA11y()

  // The offer's page: everything public, counts only, and how to apply.
  await page.getByRole('link', { name: 'Rensa filter' }).click()
  await page.getByRole('link', { name: HEMTJANST }).click()
  await expect(page.getByRole('heading', { level: 1, name: HEMTJANST })).toBeVisible()
  await checkA11y()
  const figures = page.getByRole('region', { name: 'I siffror' })
  // Polarsensor's pilot is completed; Polarsensor and Nattugglan submitted, Vårdkraft only drafts.
  await expect(figures).toContainText(/Pågående piloter\s*0/)
  await expect(figures).toContainText(/Inkomna ansökningar\s*2/)
  await expect(page.getByRole('link', { name: 'Luleå kommun' })).toBeVisible()
  await expect(page.getByText(/är statligt stöd till företaget/)).toBeVisible()
  await expect(
    page.getByRole('region', { name: 'Urvalskriterier' }).getByRole('listitem'),
  ).not.toHaveCount(0)
  await expect(
    page.getByRole('link', { name: 'Se alla publicerade versioner och ändringar' }),
  ).toHaveAttribute('href', /\/test-beds\/\d+\/history$/)
  const login = page.getByRole('link', { name: 'Logga in för att ansöka' })
  await expect(login).toHaveAttribute('href', /^\/login\?redirectTo=%2Ftest-beds%2F\d+$/)
  await login.click()
  await logInFromLink(page, 'per.holmgren@pitea-sciencepark.test')
  // Back on the offer after logging in.
  await expect(page.getByRole('heading', { level: 1, name: HEMTJANST })).toBeVisible()
})

test('a company member sees the apply link, or their own application', async ({
  page,
  checkA11y,
}) => {
  await visit(page, '/login?redirectTo=%2Ftest-beds', checkA11y)
  await logInFromLink(page, 'karin.stromberg@vardkraft.test')
  await expect(page.getByRole('heading', { level: 1, name: 'Testbäddar' })).toBeVisible()

  // No application yet, and the offer takes applications: apply as the company.
  await page.getByRole('link', { name: ENERGILAGER }).click()
  await expect(page.getByRole('heading', { level: 1, name: ENERGILAGER })).toBeVisible()
  await checkA11y()
  const actions = page.getByRole('region', { name: 'Vad du kan göra' })
  await expect(actions.getByRole('link', { name: 'Ansök om att pilotera' })).toHaveAttribute(
    'href',
    /^\/test-beds\/\d+\/apply\?company=vardkraft-[a-z-]+$/,
  )
  await expect(actions.getByRole('link', { name: 'Logga in för att ansöka' })).toHaveCount(0)

  // Vårdkraft has a draft for Smart hemtjänst: a link to it instead of a new application.
  await page.goto('/test-beds?q=hemtj%C3%A4nst')
  await page.getByRole('link', { name: HEMTJANST }).click()
  await expect(page.getByRole('heading', { level: 1, name: HEMTJANST })).toBeVisible()
  await checkA11y()
  const own = page.getByRole('region', { name: 'Vad du kan göra' })
  await expect(
    own.getByRole('link', { name: 'Ansökan från Vårdkraft Digital AB' }),
  ).toHaveAttribute('href', /^\/applications\/\d+$/)
  await expect(own.getByText('Utkast')).toBeVisible()
  await expect(own.getByRole('link', { name: 'Ansök om att pilotera' })).toHaveCount(0)
})

test.describe('in English', () => {
  test.use({ locale: 'en-GB' })

  test('a visitor finds a test bed, and a company reads its completed pilot and test report', async ({
    page,
    checkA11y,
  }) => {
    await visit(page, '/test-beds', checkA11y)
    await expect(page.getByRole('heading', { level: 1, name: 'Test beds' })).toBeVisible()
    await page.getByLabel('Theme').selectOption({ label: 'Energy' })
    await page.getByRole('button', { name: 'Show test beds' }).click()
    await page.getByRole('link', { name: ENERGILAGER }).click()
    await expect(page.getByRole('heading', { level: 1, name: ENERGILAGER })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Selection criteria' })).toBeVisible()
    await expect(page.getByText('Cost-sharing').first()).toBeVisible()
    await checkA11y()

    await page.getByRole('link', { name: 'Log in to apply' }).click()
    await page.getByLabel('Email address').fill('johan.lundberg@polarsensor.test')
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Log in' }).click()
    await expect(page.getByRole('heading', { level: 1, name: ENERGILAGER })).toBeVisible()

    await visit(page, '/organisations/polarsensor/pilots', checkA11y)
    await expect(
      page.getByRole('heading', { level: 1, name: 'Pilots – Polarsensor AB' }),
    ).toBeVisible()
    await page.getByRole('link', { name: HEMTJANST }).first().click()
    await expect(page.getByRole('heading', { level: 1, name: `Pilot: ${HEMTJANST}` })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Test report' })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Answer from Polarsensor AB' })).toBeVisible()
    await checkA11y()
  })
})
