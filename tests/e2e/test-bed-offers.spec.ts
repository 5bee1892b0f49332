import type { Page } from '@playwright/test'
import { expect, test, visit, logInThroughForm } from './fixtures'

const ANNA = 'anna.lindqvist@norrbotten.test'

function suffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
}

/** From Region Norrbotten's profile to a new, empty offer form. */
async function openNewOfferForm(page: Page, checkA11y: () => Promise<void>) {
  await visit(page, '/organisations/region-norrbotten', checkA11y)
  await page.getByRole('link', { name: 'Testbäddserbjudanden' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Testbäddserbjudanden – Region Norrbotten',
  )
  await checkA11y()
  await page.getByRole('link', { name: 'Nytt erbjudande' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nytt testbäddserbjudande')
  await checkA11y()
}

/** Fills in everything but the title, with one selection criterion. */
async function fillOfferDetails(page: Page) {
  await page
    .getByLabel('Sammanfattning', { exact: true })
    .fill('Prova digitala tjänster med äldre och personal i hemtjänsten i Norrbotten.')
  await page
    .getByLabel('Beskrivning', { exact: true })
    .fill('Vi erbjuder:\n- testmiljöer i hemtjänsten\n- personal som hjälper till')
  await page.getByRole('checkbox', { name: 'Aktivt och hälsosamt åldrande' }).check()
  await page.getByRole('combobox', { name: 'Lägsta TRL' }).selectOption('4')
  await page.getByRole('combobox', { name: 'Högsta TRL' }).selectOption('8')
  await page.getByLabel('Kapacitet (piloter samtidigt)').fill('2')
  await page.getByLabel('Tillgänglig från').fill('2027-01-15')
  await page.getByLabel('Marknadsvärde (kr)').fill('60 000')
  await page.getByLabel('Kontaktroll').fill('Innovationssamordnare')
  await page.getByLabel('Kontaktens e-postadress').fill('testbadd@norrbotten.test')
  const first = page.getByRole('group', { name: 'Kriterium 1' })
  await first.getByLabel(/^Kriterium/).fill('Nytta för äldre och personal')
  await first.getByRole('combobox', { name: 'Bedömning' }).selectOption({ label: 'Poäng 0–5' })
}

/** Saves the new draft; similar offers of other hosts may be shown first (the overlap step). */
async function saveNewDraft(page: Page) {
  await page.getByRole('button', { name: 'Spara utkast' }).click()
  const saved = page.getByRole('status').filter({ hasText: 'Utkastet är sparat' })
  const overlap = page.getByRole('heading', { name: 'Liknande testbäddar erbjuds redan' })
  await expect(saved.or(overlap)).toBeVisible()
  if (await overlap.isVisible()) {
    await page.getByRole('radio', { name: /Fortsätt ändå/ }).check()
    await page
      .getByLabel('Skäl att fortsätta ändå')
      .fill('Vår testbädd gäller regionens egna boenden.')
    await page.getByRole('button', { name: 'Spara med vårt val' }).click()
  }
  await expect(saved).toBeVisible()
}

test('Anna drafts an offer, publishes it, edits it with a note and finds the change in its public history', async ({
  page,
  checkA11y,
}) => {
  // A long journey with an axe check on every page; without JavaScript each check replays the page.
  test.slow()
  const title = `Trygg hemtjänst ${suffix()}`
  await logInThroughForm(page, checkA11y, ANNA)
  await openNewOfferForm(page, checkA11y)

  // A first attempt with only a title: the error summary comes first.
  await page.getByLabel('Rubrik').fill(title)
  await page.getByRole('button', { name: 'Spara utkast' }).click()
  const summary = page.getByRole('alert').filter({ hasText: /fel i formuläret/ })
  await expect(summary).toBeVisible()
  await expect(summary.getByRole('link', { name: 'Välj minst ett tema.' })).toBeVisible()
  await expect(page.getByLabel('Rubrik')).toHaveValue(title)
  await checkA11y()

  await fillOfferDetails(page)
  await saveNewDraft(page)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Redigera: ${title}`)
  await checkA11y()

  await page.getByRole('button', { name: 'Publicera' }).click()
  await expect(page.getByRole('status')).toContainText('Erbjudandet är publicerat')
  // Terms and criteria are now read-only.
  await expect(page.getByText('Nytta för äldre och personal')).toBeVisible()
  await expect(page.getByLabel('Marknadsvärde (kr)')).toHaveCount(0)
  await checkA11y()

  await page.getByLabel('Kapacitet (piloter samtidigt)').fill('3')
  await page.getByLabel('Vad har ändrats?').fill('Plats för ännu en pilot.')
  await page.getByRole('button', { name: 'Spara ändringar' }).click()
  await expect(page.getByRole('status')).toContainText('Ändringarna är sparade')
  await checkA11y()

  await page.getByRole('link', { name: 'Historik' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Historik: ${title}`)
  const latest = page.getByRole('article').first()
  await expect(latest.getByRole('heading', { name: 'Version 2' })).toBeVisible()
  await expect(latest).toContainText('Plats för ännu en pilot.')
  await expect(latest).toContainText('Anna Lindqvist, Region Norrbotten')
  await expect(latest.getByRole('row', { name: /Kapacitet/ })).toHaveText(
    /Kapacitet \(piloter samtidigt\)\s*2\s*3/,
  )
  await expect(page.getByRole('article').nth(1)).toContainText('Första publicerade versionen.')
  await checkA11y()

  // The rest of the lifecycle: pause, open again, close and archive.
  await page.getByRole('link', { name: 'Till erbjudandet' }).click()
  await page.getByRole('link', { name: 'Redigera och hantera' }).click()
  for (const [button, notice] of [
    ['Pausa', 'Erbjudandet är pausat'],
    ['Öppna igen', 'Erbjudandet är öppet igen'],
    ['Stäng erbjudandet', 'Erbjudandet är stängt'],
    ['Arkivera', 'Erbjudandet är arkiverat'],
  ] as const) {
    await page.getByRole('button', { name: button }).click()
    await expect(page.getByRole('status')).toContainText(notice)
  }
  await checkA11y()
})

test('Anna deletes a draft after confirming', async ({ page, checkA11y }) => {
  const title = `Utkast att ta bort ${suffix()}`
  await logInThroughForm(page, checkA11y, ANNA)
  await openNewOfferForm(page, checkA11y)
  await page.getByLabel('Rubrik').fill(title)
  await fillOfferDetails(page)
  await saveNewDraft(page)

  await page.getByRole('link', { name: 'Ta bort utkastet' }).click()
  await expect(page.getByRole('heading', { name: 'Vill du ta bort utkastet?' })).toBeVisible()
  await checkA11y()
  await page.getByRole('button', { name: 'Ja, ta bort utkastet' }).click()
  await expect(page.getByRole('status')).toContainText('Utkastet är borttaget.')
  await expect(page.getByRole('link', { name: title })).toHaveCount(0)
  await checkA11y()
})
