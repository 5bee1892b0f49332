import { DEMO_PASSWORD, expect, logIn, test, visit } from './fixtures'

// Anna of Region Norrbotten drafts a call, fixes the weights the form refuses, attaches a
// document, publishes, and then extends the deadline by a published amendment. Malin of Bodens
// Kyl & Energi follows the call once it is out and finds the amendment among her notifications.

/** A datetime-local value `days` from now (the browser runs in Europe/Stockholm). */
function inDays(days: number): string {
  const d = new Date(Date.now() + days * 86400 * 1000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T12:00`
}

test('a buyer creates, fixes, documents, publishes and amends a call', async ({
  page,
  checkA11y,
  javaScriptEnabled,
}) => {
  const title = `Digital nattpatrull ${javaScriptEnabled ? 'med' : 'utan'} JavaScript`
  await visit(page, '/login?redirectTo=%2Forganisations%2Fregion-norrbotten%2Fcalls', checkA11y)
  await page.getByLabel('E-postadress').fill('anna.lindqvist@norrbotten.test')
  await page.getByLabel('Lösenord', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Logga in' }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: 'Upphandlingar – Region Norrbotten' }),
  ).toBeVisible()
  await checkA11y()

  await page.getByRole('link', { name: 'Ny upphandling' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Ny upphandling' })).toBeVisible()
  await checkA11y()

  await page.getByLabel(/^Innovationspartnerskap/).check()
  await page.getByLabel('Upphandlingens rubrik').fill(title)
  await page
    .getByLabel('Sammanfattning')
    .fill('Ett innovationspartnerskap för tryggare nätter i hemtjänsten.')
  await page
    .getByLabel('Behovet', { exact: true })
    .fill('Nattpersonalen ska veta att brukaren mår bra utan att behöva väcka hen.')
  await page.getByLabel('Funktionskrav (behov, inte lösning)').check()
  await page.getByLabel('Välfärdsteknik').check()
  await page.getByLabel('CPV-koder', { exact: false }).first().fill('72000000')
  await page.getByLabel('Uppskattat värde (kronor)').fill('2 000 000')
  await page.getByLabel('Sista dag för frågor (svensk tid)').fill(inDays(20))
  await page.getByLabel('Sista anbudsdag (svensk tid)').fill(inDays(45))
  await page
    .getByRole('group', { name: 'Skall-krav 1', exact: true })
    .getByLabel('Rubrik')
    .fill('Uppfyller GDPR')
  const first = page.getByRole('group', { name: 'Kriterium 1', exact: true })
  await first.getByLabel('Rubrik').fill('Nytta för brukaren')
  await first.getByLabel('Vikt (procent)').fill('60')
  const second = page.getByRole('group', { name: 'Kriterium 2', exact: true })
  await second.getByLabel('Rubrik').fill('Pris')
  await second.getByLabel('Vikt (procent)').fill('30')
  await page.getByRole('button', { name: 'Spara utkast' }).click()

  // The weights sum to 90: the summary says so and links to the criteria; values are kept.
  const summary = page.getByRole('alert')
  await expect(
    summary.getByRole('link', { name: 'Vikterna summerar till 90; de måste summera till 100.' }),
  ).toBeVisible()
  await expect(page.getByLabel('Upphandlingens rubrik')).toHaveValue(title)
  await checkA11y()

  await page
    .getByRole('group', { name: 'Kriterium 2', exact: true })
    .getByLabel('Vikt (procent)')
    .fill('40')
  await page.getByRole('button', { name: 'Spara utkast' }).click()
  // Similar published calls of other buyers may be shown first (the overlap step): go on anyway.
  const saved = page.getByRole('status').filter({ hasText: 'Utkastet är sparat' })
  const overlap = page.getByRole('heading', { name: 'Liknande utlysningar finns redan' })
  await expect(saved.or(overlap)).toBeVisible()
  if (await overlap.isVisible()) {
    await page.getByRole('radio', { name: /Fortsätt ändå/ }).check()
    await page.getByLabel('Skäl att fortsätta ändå').fill('Vår nattpatrull gäller hela länet.')
    await page.getByRole('button', { name: 'Spara med vårt val' }).click()
  }
  await expect(saved).toBeVisible()
  await expect(
    page.getByRole('heading', { level: 1, name: `Upphandlingen ${title}` }),
  ).toBeVisible()
  await checkA11y()

  // A document on the draft.
  await page.getByLabel('Dokumentets rubrik').fill('Förfrågningsunderlag')
  await page.getByLabel('Fil', { exact: true }).setInputFiles({
    name: 'underlag.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Förfrågningsunderlag\nKrav och villkor för nattillsynen.\n'),
  })
  await page.getByRole('button', { name: 'Ladda upp' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: 'Dokumentet är uppladdat' }),
  ).toBeVisible()
  await expect(page.getByRole('link', { name: 'Förfrågningsunderlag' })).toBeVisible()
  await checkA11y()

  await page.getByRole('button', { name: 'Publicera upphandlingen' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: 'Upphandlingen är publicerad' }),
  ).toBeVisible()
  await checkA11y()

  // Malin follows the new call.
  const callPath = new URL(page.url()).pathname.replace(/\/edit$/, '')
  await logIn(page, 'malin.sandstrom@bodenskyl.test', callPath)
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await page.getByRole('button', { name: 'Följ upphandlingen' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Du följer nu detta.' })).toBeVisible()
  await checkA11y()

  // An amendment that extends the deadline.
  await logIn(page, 'anna.lindqvist@norrbotten.test', `${callPath}/edit`)
  await expect(page.getByRole('link', { name: 'Publicera en rättelse' })).toBeVisible()
  await page.getByRole('link', { name: 'Publicera en rättelse' }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: `Publicera en rättelse av ${title}` }),
  ).toBeVisible()
  await checkA11y()
  await page
    .getByLabel('Vad ändras och varför')
    .fill('Vi förlänger anbudstiden med en vecka efter önskemål från flera företag.')
  await page.getByLabel('Sista anbudsdag (svensk tid)').fill(inDays(52))
  await page.getByRole('button', { name: 'Publicera rättelsen' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: 'Rättelsen är publicerad' }),
  ).toBeVisible()
  await checkA11y()

  await page.getByRole('link', { name: 'Alla era upphandlingar' }).click()
  const row = page.getByRole('row', { name: new RegExp(title) })
  await expect(row.getByText('Öppen för anbud')).toBeVisible()
  await checkA11y()
  // Malin sees the amendment among her notifications (the fan-out runs beside the requests).
  await logIn(page, 'malin.sandstrom@bodenskyl.test', '/notifications')
  await expect(page.getByRole('heading', { level: 1, name: 'Aviseringar' })).toBeVisible()
  const amended = page.getByRole('listitem').filter({ hasText: 'Ändring i upphandlingen' })
  await expect(async () => {
    await page.reload()
    await expect(amended.filter({ hasText: title })).toBeVisible({ timeout: 1000 })
  }).toPass({ timeout: 20_000 })
  await expect(page.getByRole('link', { name: /Aviseringar, \d+ olästa/ })).toBeVisible()
  await checkA11y()
  await amended.filter({ hasText: title }).getByRole('link', { name: title }).click()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  // Unfollowing from the settings page.
  await visit(page, '/account/notifications', checkA11y)
  await page.getByRole('button', { name: `Sluta följa ${title}` }).click()
  await expect(
    page.getByRole('status').filter({ hasText: 'Du följer inte längre detta.' }),
  ).toBeVisible()
})
