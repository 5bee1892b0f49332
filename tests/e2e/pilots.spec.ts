import type { Page } from '@playwright/test'
import { expect, latestMailTo, linkIn, test, logInThroughForm, logOut } from './fixtures'

// Region Norrbotten's reference site in the demo seed: Nattugglan's pilot is running and
// Polarsensor's application awaits a decision. The journeys leave the decision untouched and only
// add messages (the thread is append-only), so they run again on the same data. Nattugglan also
// bids in Norrbotten's fall-prevention call, which holds the thread in its quiet period until the
// call is decided: call-evaluation.spec decides it first (each project's run has its own database
// and one worker, files in name order; see playwright.config.ts).

const OFFER = 'Aktivt och hälsosamt åldrande – EU Reference Site Norrbotten'

/** From the organisation's pilots to the running pilot of the reference site. */
async function openRunningPilot(page: Page, checkA11y: () => Promise<void>) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Piloter – /)
  await checkA11y()
  const row = page.getByRole('row').filter({ hasText: 'Pågår' })
  await row.getByRole('link', { name: OFFER }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Pilot: ${OFFER}`)
  await checkA11y()
}

test('the host reads the applications and a decision without a reason is refused', async ({
  page,
  checkA11y,
}) => {
  await logInThroughForm(
    page,
    checkA11y,
    'anna.lindqvist@norrbotten.test',
    '/organisations/region-norrbotten',
  )
  await page.getByRole('link', { name: 'Piloter', exact: true }).click()
  await openRunningPilot(page, checkA11y)

  // The accepted application is read-only, with its scores; from there, all applications.
  await page.getByRole('link', { name: 'Visa ansökan och beslutet' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Ansökan från Nattugglan Omsorgsteknik AB',
  )
  await expect(page.getByRole('table', { name: /^Bedömning enligt/ })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Registrera beslutet' })).toHaveCount(0)
  await checkA11y()
  await page.getByRole('link', { name: 'Alla ansökningar till erbjudandet' }).click()

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Ansökningar till ${OFFER}`)
  const table = page.getByRole('table', { name: 'Ansökningar i den ordning de kom in' })
  await expect(table.getByRole('row').filter({ hasText: 'Vårdkraft' })).toContainText('Ej antagen')
  // Accepted, submitted and declined: a header row and three applications.
  await expect(table.getByRole('row')).toHaveCount(4)
  await checkA11y()
  await table.getByRole('link', { name: 'Polarsensor AB' }).click()

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ansökan från Polarsensor AB')
  await expect(page.getByText('Polarsensor Inomhusklimat')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Statligt stöd' })).toBeVisible()
  await checkA11y()

  // Every criterion assessed, "decline" chosen, but no reason: one error, and nothing decided.
  const groups = page.getByRole('group').filter({ has: page.getByRole('radio') })
  const criteria = (await groups.count()) - 1
  expect(criteria).toBeGreaterThan(0)
  for (let i = 0; i < criteria; i++) {
    const group = groups.nth(i)
    const met = group.getByRole('radio', { name: 'Uppfyllt', exact: true })
    if ((await met.count()) > 0) await met.check()
    else await group.getByRole('radio', { name: '3', exact: true }).check()
  }
  await page.getByRole('radio', { name: 'Avslå' }).check()
  await page.getByRole('button', { name: 'Registrera beslutet' }).click()
  const summary = page.getByRole('alert')
  await expect(summary.getByRole('heading', { name: 'Det finns 1 fel i formuläret' })).toBeVisible()
  await expect(summary.getByRole('link', { name: 'Fyll i fältet.' })).toBeVisible()
  await expect(page.getByRole('radio', { name: 'Avslå' })).toBeChecked()
  await checkA11y()

  // Nothing was decided.
  await page.goto(page.url())
  await expect(page.getByRole('button', { name: 'Registrera beslutet' })).toBeVisible()
  await expect(page.getByText('Inskickad', { exact: true })).toBeVisible()
})

test('host and company talk in the pilot thread; the company is mailed and reads it', async ({
  page,
  checkA11y,
  javaScriptEnabled,
}) => {
  const text = `Halvtidsavstämning flyttas till torsdag (${javaScriptEnabled ? 'js' : 'utan js'} ${Date.now()}).`
  await logInThroughForm(
    page,
    checkA11y,
    'anna.lindqvist@norrbotten.test',
    '/organisations/region-norrbotten/pilots',
  )
  await openRunningPilot(page, checkA11y)
  await expect(page.getByRole('heading', { name: 'Meddelanden' })).toBeVisible()

  // An empty message is refused with the error summary.
  await page.getByRole('button', { name: 'Skicka meddelandet' }).click()
  await expect(page.getByRole('alert')).toContainText('Fyll i fältet.')
  await checkA11y()

  await page.getByLabel('Nytt meddelande').fill(text)
  await page.getByRole('button', { name: 'Skicka meddelandet' }).click()
  await expect(page.getByRole('status')).toContainText('Meddelandet är skickat.')
  const newest = page.getByRole('listitem').filter({ hasText: text })
  await expect(newest).toContainText('Anna Lindqvist, Region Norrbotten')
  await checkA11y()
  await logOut(page)

  const mail = await latestMailTo(page, 'sara.berg@nattugglan.test')
  await checkA11y()
  expect(mail).toContain('Nytt meddelande i piloten')
  const link = linkIn(mail)
  expect(link).toMatch(/\/pilots\/\d+$/)

  await logInThroughForm(page, checkA11y, 'sara.berg@nattugglan.test', new URL(link).pathname)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Pilot: ${OFFER}`)
  await expect(page.getByRole('listitem').filter({ hasText: text })).toContainText(
    'Anna Lindqvist, Region Norrbotten',
  )
  // The company sees no report form: the host writes the report.
  await expect(page.getByRole('button', { name: /Lämna testrapporten/ })).toHaveCount(0)
  await checkA11y()
})
