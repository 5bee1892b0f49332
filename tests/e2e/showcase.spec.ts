import { expect, latestMailTo, test, visit } from './fixtures'

// The public showcase on the demo data: three published references (Polarsensor × Luleå from the
// keyless home-care pilot, Nattugglan × Region Norrbotten from the awarded medication call,
// Bergskraft × Luleå from the winter-walkways pilot), and a fourth once references.spec.ts has
// had Polarsensor approve the road-sensor case (it runs first on the same database). The journeys
// only add reference-call requests, each from an address of its own.

const KEYLESS = 'Nyckelfri hemtjänst i Bergnäset'
const MEDICATION = 'Digitalt läkemedelsstöd för äldre i ordinärt boende'
const WALKWAYS = 'Prognosstyrd markvärme på Storgatan'

test('a visitor filters the gallery and opens a case', async ({ page, checkA11y }) => {
  await visit(page, '/references', checkA11y)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Referenser')
  await expect(page.getByRole('heading', { name: /^[34] referenser$/ })).toBeVisible()
  await expect(page.getByRole('link', { name: KEYLESS })).toBeVisible()

  // The winter-road test bed is about mobility; the home-care and medication cases are not.
  const filters = page.getByRole('search', { name: 'Filtrera referenser' })
  await filters.getByLabel('Tema').selectOption({ label: 'Mobilitet och transporter' })
  await filters.getByRole('button', { name: 'Visa referenser' }).click()
  await expect(page).toHaveURL(/theme=mobility/)
  await expect(page.getByRole('heading', { name: /^(1 referens|2 referenser)$/ })).toBeVisible()
  await expect(page.getByRole('link', { name: WALKWAYS })).toBeVisible()
  await expect(page.getByRole('link', { name: KEYLESS })).toHaveCount(0)
  await expect(page.getByRole('link', { name: MEDICATION })).toHaveCount(0)
  await checkA11y()

  // A search that nothing matches says so; clearing the filters shows everything again.
  await page.getByRole('link', { name: 'Rensa filter' }).click()
  await expect(page.getByRole('heading', { name: /^[34] referenser$/ })).toBeVisible()
  await filters.getByLabel('Sök').fill('läkemedelsstöd')
  await filters.getByLabel('Företagets storlek').selectOption({ label: 'Stort företag' })
  await filters.getByRole('button', { name: 'Visa referenser' }).click()
  await expect(page).toHaveURL(/size=large/)
  await expect(page.getByRole('heading', { name: 'Inga referenser' })).toBeVisible()
  await expect(filters.getByLabel('Sök')).toHaveValue('läkemedelsstöd')
  await expect(page.getByText('Inga publicerade referenser matchar.')).toBeVisible()
  await checkA11y()

  await filters.getByLabel('Företagets storlek').selectOption({ label: 'Alla storlekar' })
  await filters.getByRole('button', { name: 'Visa referenser' }).click()
  await expect(page.getByRole('heading', { name: '1 referens' })).toBeVisible()
  await page.getByRole('link', { name: MEDICATION }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(MEDICATION)
  await checkA11y()
})

test('a visitor requests a reference call and the named contact is mailed', async ({
  page,
  checkA11y,
}, testInfo) => {
  const email = `ingrid.${testInfo.project.name}.${Date.now()}@tromso.test`
  await visit(page, '/references', checkA11y)
  await page.getByRole('link', { name: KEYLESS }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(KEYLESS)
  await page.getByRole('link', { name: 'Be om ett referenssamtal' }).click()

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Be om ett referenssamtal')
  await expect(
    page.getByText('Enhetschef hemtjänst hos Luleå kommun får din förfrågan'),
  ).toBeVisible()
  await checkA11y()

  // Sent without consent: refused, and what was typed is kept.
  await page.getByLabel('Ditt namn').fill('Ingrid Haugen')
  await page.getByLabel('Din e-postadress').fill(email)
  await page.getByLabel('Din organisation').fill('Tromsø kommune')
  await page.getByLabel(/^Land/).fill('Norge')
  await page
    .getByLabel('Meddelande')
    .fill('Vi planerar nyckelfri hemtjänst i Tromsø och vill höra hur vintern gick.')
  await page.getByRole('button', { name: 'Skicka förfrågan' }).click()
  const summary = page.getByRole('alert')
  await expect(summary.getByRole('heading', { name: 'Det finns 1 fel i formuläret' })).toBeVisible()
  await expect(page.getByLabel('Din organisation')).toHaveValue('Tromsø kommune')
  await checkA11y()

  await page.getByLabel(/Jag godkänner att uppgifterna används/).check()
  await page.getByRole('button', { name: 'Skicka förfrågan' }).click()
  await expect(page.getByText('Tack! Din förfrågan är skickad.')).toBeVisible()
  await expect(page.getByText('Dina uppgifter raderas efter 90 dagar.')).toBeVisible()
  await checkA11y()

  // Erik Nilsson consented to be named: the request reaches him, with the address to reply to.
  const mail = await latestMailTo(page, 'erik.nilsson@lulea.test')
  expect(mail).toContain(`Förfrågan om referenssamtal: ${KEYLESS}`)
  expect(mail).toContain('Ingrid Haugen')
  expect(mail).toContain(email)
  expect(mail).toContain('raderas från Testarena efter 90 dagar')
})

test('a company’s reference portfolio renders, also for print', async ({ page, checkA11y }) => {
  await visit(page, '/organisations/polarsensor', checkA11y)
  await expect(page.getByRole('heading', { name: 'Verifierade referenser' })).toBeVisible()
  await page.getByRole('link', { name: 'Referensportfölj (utskriftsvänlig)' }).click()

  await expect(page).toHaveURL(/\/organisations\/polarsensor\/portfolio$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Polarsensor AB')
  // The company's size in its facts (its reference cards name it too, in brackets).
  await expect(page.getByRole('definition').filter({ hasText: /^Mikroföretag$/ })).toBeVisible()
  for (const section of [
    'Referenser',
    'Genomförda piloter',
    'Vunna kontrakt',
    'Utmärkelser för goda exempel',
  ]) {
    await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible()
  }
  const references = page.getByRole('region', { name: 'Referenser', exact: true })
  await expect(references.getByRole('link', { name: KEYLESS })).toBeVisible()
  const pilots = page.getByRole('table', { name: 'Piloter som Polarsensor AB har genomfört' })
  await expect(pilots.getByRole('row').filter({ hasText: 'Luleå kommun' }).first()).toBeVisible()
  const placements = page.getByRole('table', { name: /goda exempel för Polarsensor AB/ })
  await expect(placements.getByRole('row').filter({ hasText: 'Vinnare' })).toHaveCount(1)
  await checkA11y()

  // On paper: the site's header and navigation go, the portfolio and its address stay.
  await page.emulateMedia({ media: 'print' })
  await expect(page.getByRole('banner')).toBeHidden()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(page.getByText('/organisations/polarsensor/portfolio')).toBeVisible()
})

test('a public body’s profile lists the references it stands behind', async ({
  page,
  checkA11y,
}) => {
  await visit(page, '/organisations/lulea-kommun', checkA11y)
  const references = page.getByRole('region', { name: 'Referenser vi står bakom' })
  await expect(references.getByRole('link', { name: KEYLESS })).toBeVisible()
  await expect(references.getByRole('link', { name: WALKWAYS })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Testbäddar' })).toBeVisible()
  await expect(
    page.getByRole('region', { name: 'Upphandlingar' }).getByRole('link').first(),
  ).toBeVisible()

  await references.getByRole('link', { name: WALKWAYS }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(WALKWAYS)
  await checkA11y()
})
