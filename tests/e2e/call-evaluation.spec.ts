import type { Page } from '@playwright/test'
import { DEMO_PASSWORD, expect, latestMailTo, test, visit } from './fixtures'

// The buyer after the deadline, on Region Norrbotten's fall-prevention call, whose bids from
// Nattugglan and Polarsensor await opening in the demo seed. An award is final; each project runs
// on its own freshly seeded database (playwright.config.ts), so both take the same call, and
// pilots.spec then finds the call decided and the pilot thread out of its quiet period.

const journey = {
  email: 'anna.lindqvist@norrbotten.test',
  title: 'Fallprevention med sensorer i särskilt boende',
}
const WINNER = 'Nattugglan Omsorgsteknik AB'
const OTHER = 'Polarsensor AB'

async function scoreBid(page: Page, points: string) {
  for (const group of await page.getByRole('group', { name: /^Skall-krav:/ }).all()) {
    await group.getByLabel('Uppfyllt', { exact: true }).check()
  }
  for (const select of await page.getByLabel(/^Poäng för .* \(0–10\)$/).all()) {
    await select.selectOption(points)
  }
  for (const field of await page.getByLabel(/^Motivering för /).all()) {
    await field.fill(`Bedömt till ${points} utifrån anbudets beskrivning.`)
  }
  await page.getByRole('button', { name: 'Spara bedömningen' }).click()
  await expect(page.getByRole('status')).toContainText('Din bedömning av anbudet är sparad.')
}

test('the buyer opens, declares, scores, completes, awards, and the award is public', async ({
  page,
  checkA11y,
}) => {
  // The whole procedure in one journey: about 30 page loads, each re-checked by axe.
  test.slow()
  await visit(page, '/login?redirectTo=%2Fcalls', checkA11y)
  await page.getByLabel('E-postadress').fill(journey.email)
  await page.getByLabel('Lösenord', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Logga in' }).click()

  await page.getByRole('link', { name: journey.title }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: journey.title })).toBeVisible()
  const callPath = new URL(page.url()).pathname
  await visit(page, `${callPath}/evaluation`, checkA11y)
  await expect(
    page.getByRole('heading', { level: 1, name: `Utvärdering: ${journey.title}` }),
  ).toBeVisible()

  // The opening: a record of who, when and which bids.
  await page.getByRole('button', { name: 'Öppna anbuden' }).click()
  await expect(page.getByRole('status')).toContainText('Anbuden är öppnade.')
  const record = page.getByRole('table', { name: 'Öppnade anbud' })
  await expect(record.getByRole('row')).toHaveCount(3)
  await expect(record.getByRole('rowheader', { name: WINNER })).toBeVisible()
  await expect(record.getByRole('rowheader', { name: OTHER })).toBeVisible()
  await checkA11y()

  // No bid is shown before the declaration, which needs the box ticked.
  await expect(page.getByRole('link', { name: /Läs och poängsätt/ })).toHaveCount(0)
  await page.getByRole('button', { name: 'Lämna jävsförklaringen' }).click()
  await expect(page.getByRole('alert')).toContainText('Kryssa i rutan för att bekräfta.')
  await checkA11y()
  await page.getByLabel(/Jag intygar att jag inte har någon intressekonflikt/).check()
  await page.getByRole('button', { name: 'Lämna jävsförklaringen' }).click()
  await expect(page.getByRole('status')).toContainText('Din jävsförklaring är sparad.')
  await checkA11y()

  // The first bid: an empty form lists what is missing, then the scores are saved.
  await page.getByRole('link', { name: `Läs och poängsätt anbudet från ${WINNER}` }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Anbud från ${WINNER}` })).toBeVisible()
  await expect(page.getByText('Din läsning av anbudet har loggats.')).toBeVisible()
  await checkA11y()
  await page.getByRole('button', { name: 'Spara bedömningen' }).click()
  await expect(page.getByRole('alert')).toContainText('Välj ett alternativ.')
  await checkA11y()
  await scoreBid(page, '8')

  await page.getByRole('link', { name: `Läs och poängsätt anbudet från ${OTHER}` }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Anbud från ${OTHER}` })).toBeVisible()
  await checkA11y()
  await scoreBid(page, '5')
  await checkA11y()

  await page.getByRole('button', { name: 'Slutför utvärderingen' }).click()
  await expect(page.getByRole('status')).toContainText('Utvärderingen är slutförd')
  const ranking = page.getByRole('table', { name: 'Anbuden i rangordning efter viktad poäng' })
  await expect(ranking.getByRole('row').nth(1)).toContainText(WINNER)
  await expect(ranking.getByRole('row').nth(1)).toContainText('80 av 100')
  await checkA11y()

  // The award: the best passing bid is preselected; the reasons are required.
  await expect(page.getByRole('checkbox', { name: new RegExp(WINNER) })).toBeChecked()
  await page
    .getByLabel('Skäl för tilldelningsbeslutet')
    .fill('Högst viktad poäng och alla skall-krav uppfyllda.')
  await page.getByRole('button', { name: 'Tilldela och meddela alla anbudsgivare' }).click()
  await expect(page.getByRole('status')).toContainText('Kontraktet är tilldelat.')
  await expect(page.getByText(/Avtalsspärren löper ut .*(CET|CEST)/)).toBeVisible()
  await expect(ranking.getByRole('row').nth(1)).toContainText('Vinnare')
  await checkA11y()

  // Everyone hears the same decision: Johan of Polarsensor in English.
  expect(await latestMailTo(page, 'johan.lundberg@polarsensor.test')).toContain(
    `The contract is awarded to: ${WINNER}.`,
  )
  expect(await latestMailTo(page, 'sara.berg@nattugglan.test')).toContain(
    `Kontraktet tilldelas: ${WINNER}.`,
  )

  await visit(page, callPath, checkA11y)
  const outcome = page.getByRole('region', { name: 'Utfall' })
  await expect(outcome).toContainText(WINNER)
})
