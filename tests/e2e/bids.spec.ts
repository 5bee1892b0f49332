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

// Both seeded bids on the call were submitted before the amendment added a must-have. Each project
// re-confirms one of them (the projects share one database): Johan in English, Karin in Swedish.
const RECONFIRMERS = {
  javascript: {
    email: 'johan.lundberg@polarsensor.test',
    bidLink: 'Submit a bid',
    heading: `Bid: ${CALL}`,
    status: 'Status of your bid',
    needsReconfirmation: 'Needs re-confirmation',
    submitted: 'Submitted',
    region: 'The terms have changed – confirm your bid',
    amendment: 'Amendment 1',
    added: 'New terms: Fungerar med enbart mobilnät.',
    confirm: 'Confirm the bid unchanged',
    met: 'Do you meet the requirement Fungerar med enbart mobilnät?',
    yes: 'Yes, the requirement is met',
    how: 'How is Fungerar med enbart mobilnät met?',
    replace: 'Submit the changed bid',
  },
  'no-javascript': {
    email: 'karin.stromberg@vardkraft.test',
    bidLink: 'Lämna anbud',
    heading: `Anbud: ${CALL}`,
    status: 'Anbudets status',
    needsReconfirmation: 'Behöver bekräftas igen',
    submitted: 'Inlämnat',
    region: 'Villkoren har ändrats – bekräfta anbudet',
    amendment: 'Ändring 1',
    added: 'Nya villkor: Fungerar med enbart mobilnät.',
    confirm: 'Bekräfta anbudet oförändrat',
    met: 'Uppfyller ni kravet Fungerar med enbart mobilnät?',
    yes: 'Ja, kravet uppfylls',
    how: 'Hur uppfylls Fungerar med enbart mobilnät?',
    replace: 'Lämna det ändrade anbudet',
  },
} as const

test('a bid under amended terms is re-confirmed with the new must-have answered; the buyer cannot bid or read bids', async ({
  page,
  checkA11y,
}, testInfo) => {
  const who = RECONFIRMERS[testInfo.project.name as keyof typeof RECONFIRMERS]
  await visit(page, '/login?redirectTo=%2Fcalls', checkA11y)
  await page.getByLabel('E-postadress').fill(who.email)
  await page.getByLabel('Lösenord', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Logga in' }).click()
  await page.getByRole('link', { name: CALL }).first().click()
  await page.getByRole('link', { name: who.bidLink, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: who.heading })).toBeVisible()
  const status = page.getByRole('region', { name: who.status })
  await expect(status).toContainText(who.needsReconfirmation)
  const oldReceipt = await status.locator('code').first().textContent()
  expect(oldReceipt).toMatch(/^[0-9a-f]{64}$/)
  const reconfirm = page.getByRole('region', { name: who.region })
  await expect(reconfirm).toContainText(who.amendment)
  await expect(reconfirm).toContainText(who.added)
  await checkA11y()

  // Confirming unchanged is refused: the new must-have has no answer yet.
  await reconfirm.getByRole('button', { name: who.confirm }).click()
  await expect(page.getByRole('alert').first()).toBeVisible()
  await checkA11y()
  const met = page.getByRole('group', { name: who.met })
  await met.getByLabel(who.yes).check()
  await page
    .getByLabel(who.how)
    .fill('Sensorerna har inbyggt 4G-modem och fungerar utan fast bredband.')
  await page.getByRole('button', { name: who.replace }).click()
  const after = page.getByRole('region', { name: who.status })
  await expect(after).toContainText(who.submitted)
  await expect(after).not.toContainText(who.needsReconfirmation)
  const newReceipt = await after.locator('code').first().textContent()
  expect(newReceipt).toMatch(/^[0-9a-f]{64}$/)
  expect(newReceipt).not.toBe(oldReceipt)
  await expect(page.getByRole('region', { name: who.region })).toHaveCount(0)
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
