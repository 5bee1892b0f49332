import type { TestInfo } from '@playwright/test'
import { expect, latestMailTo, test, visit, logInThroughForm } from './fixtures'

// The demo seed publishes one year of Good examples (the Stockholm year of the seed time minus 12
// days): Polarsensor × Luleå won the test-bed category with an honourable mention for Bergskraft's
// heated walkways. The administrator's journey opens a future year of its own per project, so it
// also runs again on a database where the other project has run.

const WINNER = 'Nyckelfri hemtjänst i Bergnäset'
const MENTION = 'Prognosstyrd markvärme på Storgatan'

function futureYear(testInfo: TestInfo): number {
  return testInfo.project.name === 'no-javascript' ? 2032 : 2031
}

test('a visitor reads the published year: winners, an honourable mention, the motivation', async ({
  page,
  checkA11y,
}) => {
  await visit(page, '/competitions', checkA11y)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Goda exempel – årets tävling')
  const published = page.getByRole('listitem').filter({ hasText: 'Resultatet publicerat' }).first()
  const link = published.getByRole('link')
  const label = (await link.textContent()) ?? ''
  const year = /\d{4}/.exec(label)?.[0]
  expect(year).toBeTruthy()
  await link.click()

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Goda exempel ${year}`)
  const category = page.getByRole('region', { name: 'Årets testbäddssamarbete' })
  await expect(category.getByRole('heading', { level: 3, name: WINNER })).toBeVisible()
  await expect(category.getByRole('heading', { name: 'Hedersomnämnanden' })).toBeVisible()
  await expect(category.getByRole('heading', { level: 4, name: MENTION })).toBeVisible()
  await expect(category.getByText('Vinnare', { exact: true })).toBeVisible()
  await expect(
    category.getByText(/^Luleå kommun och Polarsensor visar hur en testbädd ska användas/),
  ).toBeVisible()
  await expect(category.getByRole('link', { name: WINNER })).toHaveAttribute(
    'href',
    /^\/references\/\d+$/,
  )
  await expect(
    page.getByRole('region', { name: 'Årets innovationsupphandling' }).getByRole('heading', {
      name: 'Digitalt läkemedelsstöd för äldre i ordinärt boende',
    }),
  ).toBeVisible()
  await expect(
    page.getByRole('region', { name: 'Juryn' }).getByRole('listitem').filter({
      hasText: 'Per Holmgren',
    }),
  ).toBeVisible()
  await checkA11y()

  // In English: the jury's motivation in English; a Swedish-only title stays Swedish.
  await page.getByRole('button', { name: 'In English' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Good examples ${year}`)
  const inEnglish = page.getByRole('region', { name: 'Test-bed collaboration of the year' })
  await expect(
    inEnglish.getByText(/^Luleå municipality and Polarsensor show how a test bed should be used/),
  ).toBeVisible()
  await expect(inEnglish.getByText('Honourable mention', { exact: true })).toBeVisible()
  await expect(inEnglish.locator('[lang="sv"]', { hasText: MENTION })).toBeVisible()
  await checkA11y()
})

test('an administrator opens a future year with a category and appoints a juror', async ({
  page,
  checkA11y,
}, testInfo) => {
  const year = futureYear(testInfo)
  await logInThroughForm(page, checkA11y, 'admin@testarena.test', '/admin/competitions')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tävlingar')
  await checkA11y()

  // Nothing filled in: the error summary, and nothing created.
  await page.getByRole('button', { name: 'Starta tävlingen' }).click()
  const summary = page.getByRole('alert')
  await expect(
    summary.getByRole('heading', { name: /^Det finns \d+ fel i formuläret$/ }),
  ).toBeVisible()
  await expect(summary.getByRole('link', { name: 'Fyll i fältet.' }).first()).toBeVisible()
  await checkA11y()

  await page.getByLabel('År', { exact: true }).fill(String(year))
  await page
    .getByLabel('Introduktion på svenska')
    .fill(`Goda exempel ${year}: samarbeten som visar vägen för fler kommuner och regioner.`)
  await page
    .getByLabel('Introduktion på engelska')
    .fill(`Good examples ${year}: collaborations that show the way for more public bodies.`)
  await page.getByLabel('Nomineringen stänger').fill(`${year}-03-31T12:00`)
  await page.getByRole('button', { name: 'Starta tävlingen' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Goda exempel ${year} – administration`,
  )
  await expect(page.getByRole('status')).toHaveText(
    'Tävlingen är startad och nomineringen är öppen.',
  )
  await checkA11y()

  await page.getByLabel('Namn på svenska').fill('Årets digitala omställning')
  await page.getByLabel('Namn på engelska').fill('Digital transformation of the year')
  await page
    .getByLabel('Beskrivning på svenska')
    .fill('En referens där ett nytt arbetssätt infördes i hela verksamheten.')
  await page
    .getByLabel('Beskrivning på engelska')
    .fill('A reference in which a new way of working was introduced across the organisation.')
  await page.getByRole('button', { name: 'Lägg till kategorin' }).click()
  await expect(page.getByRole('status')).toHaveText('Kategorin är tillagd.')
  await expect(
    page.getByRole('heading', { level: 3, name: /^Årets digitala omställning/ }),
  ).toBeVisible()
  await checkA11y()

  await page.getByLabel('Jurymedlemmens e-postadress').fill('per.holmgren@pitea-sciencepark.test')
  await page.getByRole('button', { name: 'Utse till jurymedlem' }).click()
  await expect(page.getByRole('status')).toHaveText(
    'Jurymedlemmen är utsedd och har fått ett mejl.',
  )
  await expect(
    page
      .getByRole('table', { name: 'Juryns medlemmar' })
      .getByRole('row', { name: /Per Holmgren/ }),
  ).toBeVisible()
  // Before the close, starting the jury is explained and refused.
  await expect(page.getByText(/^Juryarbetet kan startas när nomineringen har stängt/)).toBeVisible()
  await page.getByRole('button', { name: 'Starta juryarbetet' }).click()
  await expect(
    page.getByRole('alert').getByText('Juryarbetet kan startas först när nomineringen har stängt.'),
  ).toBeVisible()
  await checkA11y()

  const mail = await latestMailTo(page, 'per.holmgren@pitea-sciencepark.test')
  expect(mail).toContain(`Goda exempel ${year}`)
  expect(mail).toContain(`/competitions/${year}/jury`)

  // The demo year's standings: averages with a decimal comma, scores per cleared juror.
  await visit(page, '/admin/competitions', checkA11y)
  await page
    .getByRole('row')
    .filter({ hasText: 'Resultatet publicerat' })
    .first()
    .getByRole('link')
    .click()
  const standings = page.getByRole('table', { name: 'Ställning i Årets testbäddssamarbete' })
  const winnerRow = standings.getByRole('row').filter({ hasText: WINNER })
  await expect(winnerRow).toContainText('8,67')
  await expect(winnerRow).toContainText('3 av 3 utan jäv')
  await expect(winnerRow).toContainText('Vinnare')
  await expect(page.getByRole('button', { name: /^Starta juryarbetet|^Publicera/ })).toHaveCount(0)
  await checkA11y()

  await visit(page, `/competitions/${year}`, checkA11y)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Goda exempel ${year}`)
  await expect(page.getByText('Nominering pågår', { exact: true })).toBeVisible()
  await expect(
    page.getByRole('heading', { level: 2, name: 'Årets digitala omställning' }),
  ).toBeVisible()
  await expect(page.getByRole('link', { name: 'Till juryns arbetssida' })).toHaveCount(0)
})

test('a juror nominates a published reference in the open year and opens the jury pages', async ({
  page,
  checkA11y,
}, testInfo) => {
  const year = futureYear(testInfo)
  // Anyone signed in may nominate; Per Holmgren is also on both years' juries.
  await logInThroughForm(
    page,
    checkA11y,
    'per.holmgren@pitea-sciencepark.test',
    `/competitions/${year}`,
  )
  await page.getByRole('link', { name: 'Nominera en referens' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Nominera till Goda exempel ${year}`,
  )
  await checkA11y()

  await page.getByLabel('Kategori').selectOption({ label: 'Årets digitala omställning' })
  await page
    .getByLabel('Referens', { exact: true })
    .selectOption({ label: `${WINNER} (Polarsensor AB och Luleå kommun)` })
  await page.getByLabel('Varför är referensen ett gott exempel?').fill('Bra.')
  await page.getByRole('button', { name: 'Skicka nomineringen' }).click()
  await expect(
    page.getByRole('alert').getByRole('link', { name: 'Skriv minst 20 tecken.' }),
  ).toBeVisible()
  await checkA11y()

  await page
    .getByLabel('Varför är referensen ett gott exempel?')
    .fill(
      'Hela hemtjänsten i kommunen arbetar nu utan fysiska nycklar, och tiden går till brukarna.',
    )
  await page.getByRole('button', { name: 'Skicka nomineringen' }).click()
  await expect(page.getByRole('status')).toHaveText(
    'Tack! Nomineringen är registrerad och parterna har fått besked.',
  )
  const mine = page.getByRole('region', { name: 'Dina nomineringar' })
  await expect(mine.getByRole('heading', { level: 3, name: WINNER })).toBeVisible()
  await checkA11y()

  await visit(page, `/competitions/${year}`, checkA11y)
  await expect(
    page
      .getByRole('region', { name: 'Årets digitala omställning' })
      .getByRole('link', { name: WINNER }),
  ).toBeVisible()

  // The jury page: nothing to judge before the close; the demo year's work, read-only.
  await page.getByRole('link', { name: 'Till juryns arbetssida' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    `Juryarbete – Goda exempel ${year}`,
  )
  await expect(page.getByText(/^Juryarbetet börjar när nomineringen har stängt/)).toBeVisible()
  await checkA11y()
  await visit(page, '/competitions', checkA11y)
  await page
    .getByRole('listitem')
    .filter({ hasText: 'Resultatet publicerat' })
    .first()
    .getByRole('link')
    .click()
  await page.getByRole('link', { name: 'Till juryns arbetssida' }).click()
  await expect(page.getByText('Du har gått igenom 3 av 3 nomineringar.')).toBeVisible()
  await expect(
    page.getByRole('article').filter({ hasText: WINNER }).getByText('Din poäng: 9 av 10.'),
  ).toBeVisible()
  await checkA11y()
})
