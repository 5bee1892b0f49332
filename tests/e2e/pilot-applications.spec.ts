import { DEMO_PASSWORD, expect, latestMailTo, test, visit } from './fixtures'

// Sara of Nattugglan applies to pilot in Skellefteå's energy-storage offer (demo seed: rolling,
// no applications), and withdraws at the end, so the journey can run again on the same data.

const ENERGILAGER = 'Energilager i kommunala fastigheter'

test('a company member saves a draft, submits with a receipt, follows it and withdraws it', async ({
  page,
  checkA11y,
}) => {
  await visit(page, '/login?redirectTo=%2Ftest-beds', checkA11y)
  await page.getByLabel('E-postadress').fill('sara.berg@nattugglan.test')
  await page.getByLabel('Lösenord', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Logga in' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Testbäddar' })).toBeVisible()

  await page.getByRole('link', { name: ENERGILAGER }).click()
  await expect(page.getByRole('heading', { level: 1, name: ENERGILAGER })).toBeVisible()
  await checkA11y()
  await page
    .getByRole('region', { name: 'Vad du kan göra' })
    .getByRole('link', { name: 'Ansök om att pilotera' })
    .click()

  // The form: the offer's TRL range and requirements are shown next to the questions.
  await expect(
    page.getByRole('heading', { level: 1, name: `Ansök om att pilotera: ${ENERGILAGER}` }),
  ).toBeVisible()
  await expect(page.getByText('Erbjudandet tar emot TRL 5–8.', { exact: false })).toBeVisible()
  await expect(page.getByText('Ansvarsförsäkring')).toBeVisible()
  await checkA11y()

  // A draft may be incomplete.
  await page.getByLabel('Produktens eller tjänstens namn').fill('Nattugglan Effektvakt')
  await page.getByLabel('Teknisk mognadsgrad (TRL)').selectOption({ label: 'TRL 6' })
  await page.getByRole('button', { name: 'Spara utkast' }).click()
  await expect(page.getByRole('status')).toContainText('Utkastet är sparat')
  await expect(page.getByLabel('Produktens eller tjänstens namn')).toHaveValue(
    'Nattugglan Effektvakt',
  )
  await expect(page.getByLabel('Teknisk mognadsgrad (TRL)')).toHaveValue('6')
  await checkA11y()

  // Submitting it incomplete lists every missing answer, and keeps what was written.
  await page.getByRole('button', { name: 'Skicka in ansökan' }).click()
  const summary = page.getByRole('alert')
  await expect(
    summary.getByRole('heading', { name: 'Det finns 10 fel i formuläret' }),
  ).toBeVisible()
  await expect(
    summary.getByRole('link', { name: 'Kryssa i rutan för att skicka in ansökan.' }),
  ).toHaveCount(2)
  await expect(page.getByLabel('Produktens eller tjänstens namn')).toHaveValue(
    'Nattugglan Effektvakt',
  )
  await checkA11y()

  await page
    .getByLabel('Beskrivning av produkten eller tjänsten')
    .fill('Styrning som flyttar laddning och värme bort från effekttopparna.')
  await page
    .getByLabel('Vad vill företaget testa och lära sig?')
    .fill('Hur mycket sänks effekttopparna i en skolbyggnad under en vinter?')
  await page.getByLabel('Önskad start').fill('2027-01-10')
  await page.getByLabel('Önskat slut').fill('2027-04-30')
  await page.getByLabel('Antal testanvändare').fill('4')
  await page
    .getByLabel('Vilka testanvändare behövs?')
    .fill('Fastighetsskötare och kommunens energistrateg.')
  await page
    .getByLabel('Data och dataskydd (GDPR)')
    .fill('Effektdata per kvart; inga personuppgifter.')
  await page
    .getByLabel('Vad bidrar företaget med?')
    .fill('Styrenheter, installation av behörig elinstallatör och support.')
  await page.getByLabel('Vi uppfyller kraven som erbjudandet ställer.').check()
  await page.getByLabel('Företaget har ingen intressekonflikt med Skellefteå kommun.').check()
  await page.getByRole('button', { name: 'Skicka in ansökan' }).click()

  // The receipt: the exact time received, with its time zone, and the checksum.
  await expect(page).toHaveURL(/\/applications\/\d+\?notice=submitted$/)
  await expect(
    page.getByRole('heading', { level: 1, name: `Ansökan till ${ENERGILAGER}` }),
  ).toBeVisible()
  await expect(page.getByRole('status')).toContainText('Ansökan är inskickad')
  const receipt = page.getByRole('region', { name: 'Kvitto' })
  await expect(receipt).toContainText(/Mottagen \d{1,2} \w+ \d{4} kl\. \d{2}:\d{2} CES?T/)
  const hash = (await receipt.locator('code').textContent()) ?? ''
  expect(hash).toMatch(/^[0-9a-f]{64}$/)
  await expect(page.getByText('Nattugglan Effektvakt')).toBeVisible()
  await checkA11y()
  const applicationUrl = new URL(page.url()).pathname

  // The same receipt by mail.
  const mail = await latestMailTo(page, 'sara.berg@nattugglan.test')
  expect(mail).toContain(`Kvitto: ansökan till ${ENERGILAGER} är mottagen`)
  expect(mail).toContain(hash)
  await checkA11y()

  // The company's list, reached from its profile.
  await visit(page, '/organisations/nattugglan-omsorgsteknik', checkA11y)
  await page.getByRole('link', { name: 'Ansökningar om pilot' }).click()
  await expect(
    page.getByRole('heading', {
      level: 1,
      name: 'Ansökningar om pilot från Nattugglan Omsorgsteknik AB',
    }),
  ).toBeVisible()
  const current = page.getByRole('table', { name: 'Aktuella ansökningar' })
  const row = current.getByRole('row').filter({ hasText: ENERGILAGER })
  await expect(row).toContainText('Inskickad')
  await checkA11y()
  await row.getByRole('link', { name: ENERGILAGER }).click()
  await expect(page).toHaveURL(new RegExp(`${applicationUrl}$`))

  // Withdraw, with a confirmation step.
  await page.getByRole('button', { name: 'Återkalla ansökan' }).click()
  await expect(page.getByRole('heading', { name: 'Återkalla ansökan?' })).toBeVisible()
  await checkA11y()
  await page.getByRole('button', { name: 'Ja, återkalla ansökan' }).click()
  await expect(page.getByRole('status')).toContainText('Ansökan är återkallad')
  await expect(page.getByText('Återkallad', { exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Återkalla ansökan' })).toHaveCount(0)
  await checkA11y()
})
