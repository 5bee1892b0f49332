import { DEMO_PASSWORD, expect, latestMailTo, test, visit } from './fixtures'

// Sara of Nattugglan bids in Region Norrbotten's published innovation partnership (demo seed:
// open, amended, Nattugglan has no bid) and withdraws at the end. A second run (the other
// project) finds the withdrawn bid and bids again from it, so both runs take the same path.

const CALL = 'Trygg nattillsyn i hemtjänsten'

test('a company member submits a sealed bid with a receipt and withdraws it', async ({
  page,
  checkA11y,
}) => {
  await visit(page, '/login?redirectTo=%2Fcalls', checkA11y)
  await page.getByLabel('E-postadress').fill('sara.berg@nattugglan.test')
  await page.getByLabel('Lösenord', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Logga in' }).click()
  await page.getByRole('link', { name: CALL }).first().click()
  await expect(page.getByRole('heading', { level: 1, name: CALL })).toBeVisible()
  await page.getByRole('link', { name: 'Lämna anbud', exact: true }).click()

  // The form shows the terms in force, including the must-have added by the amendment.
  await expect(page.getByRole('heading', { level: 1, name: `Anbud: ${CALL}` })).toBeVisible()
  await expect(page.getByText('Du lämnar anbud för Nattugglan Omsorgsteknik AB.')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Fungerar med enbart mobilnät' })).toBeVisible()
  await checkA11y()

  // Incomplete: the error summary names what is missing, and what was written stays.
  const summary = 'Sensorer utan kamera som larmar nattpatrullen när en brukare behöver hjälp.'
  await page.getByLabel('Sammanfattning av lösningen').fill(summary)
  await page.getByLabel('Pris i kronor (SEK, exklusive moms)').fill('')
  await page.getByRole('button', { name: 'Lämna anbud' }).click()
  const errors = page.getByRole('alert')
  await expect(errors.getByRole('link', { name: 'Ange priset.' })).toBeVisible()
  await expect(page.getByLabel('Sammanfattning av lösningen')).toHaveValue(summary)
  await checkA11y()

  // Complete: every must-have met and explained, every criterion answered, a price.
  const groups = page.getByRole('group', { name: /^Uppfyller ni kravet/ })
  await expect(groups).toHaveCount(3)
  for (const group of await groups.all()) {
    await group.getByLabel('Ja, kravet uppfylls').check()
  }
  for (const field of await page.getByLabel(/^Hur uppfylls/).all()) {
    await field.fill('Ja: lagring i Sverige, CE-märkt sensor, 4G-modem i varje enhet.')
  }
  const answers = page.getByLabel(/^Ert svar om/)
  await expect(answers).toHaveCount(4)
  for (const field of await answers.all()) {
    await field.fill('Se bilagd beskrivning; piloten i Boden halverade antalet väckningar.')
  }
  await page.getByLabel('Pris i kronor (SEK, exklusive moms)').fill('5 400 000')
  await page.getByLabel('Kontaktperson (roll)').fill('Säljansvarig')
  await page.getByRole('button', { name: 'Lämna anbud' }).click()

  // The receipt: exact server time with its zone, and the fingerprint.
  await expect(page.getByRole('status')).toContainText('Anbudet är inlämnat')
  const receipt = page.getByRole('region', { name: 'Anbudets status' })
  await expect(receipt).toContainText('Inlämnat')
  await expect(receipt).toContainText(/Mottaget\s*\d{1,2} \w+ \d{4} kl\. \d{2}:\d{2} CES?T/)
  const hash = (await receipt.locator('code').first().textContent()) ?? ''
  expect(hash).toMatch(/^[0-9a-f]{64}$/)
  // The form stays open for changes until the deadline, with the bid as submitted.
  await expect(page.getByLabel('Kontaktperson (roll)')).toHaveValue('Säljansvarig')
  await expect(page.getByRole('button', { name: 'Lämna det ändrade anbudet' })).toBeVisible()
  await checkA11y()
  const bidUrl = page.url()

  // The same receipt by mail.
  const mail = await latestMailTo(page, 'sara.berg@nattugglan.test')
  expect(mail).toContain(`Kvitto: anbud i ${CALL} är mottaget`)
  expect(mail).toContain(hash)
  expect(mail).toContain('Nattugglan Omsorgsteknik AB')
  await checkA11y()

  // The company's bids.
  await visit(page, '/organisations/nattugglan-omsorgsteknik/bids', checkA11y)
  await expect(
    page.getByRole('heading', { level: 1, name: 'Anbud från Nattugglan Omsorgsteknik AB' }),
  ).toBeVisible()
  const row = page
    .getByRole('table', { name: 'Anbud från Nattugglan Omsorgsteknik AB' })
    .getByRole('row')
    .filter({ hasText: CALL })
  await expect(row).toContainText('Inlämnat')
  await row.getByRole('link', { name: CALL }).click()
  await expect(page).toHaveURL(bidUrl.replace(/&notice=submitted$/, ''))

  // Withdraw, with a confirmation step.
  await page.getByRole('link', { name: 'Återkalla anbudet' }).click()
  await expect(page.getByRole('heading', { name: 'Återkalla anbudet?' })).toBeVisible()
  await checkA11y()
  await page.getByRole('button', { name: 'Ja, återkalla anbudet' }).click()
  await expect(page.getByRole('status')).toContainText('Anbudet är återkallat')
  await expect(
    page.getByRole('region', { name: 'Anbudets status' }).getByText('Återkallat', { exact: true }),
  ).toBeVisible()
  await expect(page.getByRole('link', { name: 'Återkalla anbudet' })).toHaveCount(0)
  await checkA11y()
})

test('a bid under amended terms asks for re-confirmation; the buyer cannot bid or read bids', async ({
  page,
  checkA11y,
}) => {
  // Johan (Polarsensor, English) submitted before the amendment added a must-have.
  await visit(page, '/login?redirectTo=%2Fcalls', checkA11y)
  await page.getByLabel('E-postadress').fill('johan.lundberg@polarsensor.test')
  await page.getByLabel('Lösenord', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Logga in' }).click()
  await page.getByRole('link', { name: CALL }).first().click()
  await page.getByRole('link', { name: 'Submit a bid', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Bid: ${CALL}` })).toBeVisible()
  const status = page.getByRole('region', { name: 'Status of your bid' })
  await expect(status).toContainText('Needs re-confirmation')
  await expect(status.locator('code').first()).toHaveText(/^[0-9a-f]{64}$/)
  const reconfirm = page.getByRole('region', { name: 'The terms have changed – confirm your bid' })
  await expect(reconfirm).toContainText('Amendment 1')
  await expect(reconfirm).toContainText('New terms: Fungerar med enbart mobilnät.')
  await expect(reconfirm.getByRole('button', { name: 'Confirm the bid unchanged' })).toBeVisible()
  await checkA11y()
  const bidPath = new URL(page.url()).pathname

  // Anna of Region Norrbotten (the buyer) is refused, and sees nothing of any bid.
  await page.context().clearCookies()
  await visit(page, `/login?redirectTo=${encodeURIComponent(bidPath)}`, checkA11y)
  await page.getByLabel('E-postadress').fill('anna.lindqvist@norrbotten.test')
  await page.getByLabel('Lösenord', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Logga in' }).click()
  await expect(page.getByRole('heading', { level: 1, name: `Anbud: ${CALL}` })).toBeVisible()
  await expect(page.getByText('kan därför inte lämna anbud')).toBeVisible()
  await expect(page.getByRole('region', { name: 'Anbudets status' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Lämna anbud' })).toHaveCount(0)
  await checkA11y()
})
