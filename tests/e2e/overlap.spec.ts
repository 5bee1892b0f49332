import { expect, test, visit, logInThroughForm, logOut } from './fixtures'

// Overlap detection before saving (issue 15, part 4): Luleå records a planned procurement like
// Skellefteå's; before the save the form shows Skellefteå's planned call, refuses to go on without
// a choice or without a reason to continue, and saves Luleå's linked as related. Both public pages
// show the link; only Luleå sees its recorded choice. The demo's own overlap (Skellefteå ↔ Luleå)
// is on the public pages too.

const ERIK = 'erik.nilsson@lulea.test'
const SKELLEFTEA_CALL = 'Innovationsupphandling: digital nattillsyn i hemtjänsten 2027'
const LULEA_CALL = 'Innovationsupphandling: digital tillsyn i ordinärt boende 2027'

test('the demo overlap: Skellefteå’s planned call is linked as related to Luleå’s', async ({
  page,
  checkA11y,
}) => {
  await visit(page, '/initiatives', checkA11y)
  await page.getByRole('link', { name: SKELLEFTEA_CALL }).click()
  const related = page.getByRole('region', { name: 'Relaterade initiativ' })
  await expect(related.getByRole('link', { name: LULEA_CALL })).toBeVisible()
  // A visitor does not see the recorded choice.
  await expect(page.getByRole('heading', { name: 'Överlappskontroll' })).toHaveCount(0)
  await checkA11y()
})

test('Luleå sees a similar planned call before saving, must choose, and links its own as related', async ({
  page,
  checkA11y,
}) => {
  test.slow()
  const title = `Digital nattillsyn med sensorer i hemtjänsten ${Date.now().toString(36)}`
  await logInThroughForm(page, checkA11y, ERIK)
  await visit(page, '/organisations/lulea-kommun/initiatives/new', checkA11y)
  await page
    .getByRole('combobox', { name: 'Typ av initiativ' })
    .selectOption({ label: 'Planerad upphandling' })
  await page.getByLabel('Namn', { exact: true }).fill(title)
  await page
    .getByLabel('Sammanfattning')
    .fill('Luleå kommun planerar att upphandla digital nattillsyn för hemtjänstens brukare.')
  await page.getByLabel('Startdatum').fill('2027-05-01')
  await page.getByLabel('Slutdatum').fill('2027-12-31')
  await page.getByLabel('Kontaktroll').fill('Upphandlingsansvarig, socialförvaltningen')
  await page.getByLabel('Funktionsadress för e-post').fill('upphandling@lulea.test')
  await page.getByRole('checkbox', { name: 'Välfärdsteknik' }).check()
  await page.getByRole('checkbox', { name: 'Norrbottens län' }).check()
  await page.getByRole('button', { name: 'Spara initiativet' }).click()

  // The first submit saves nothing: the similar ones, every value kept.
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Inget är sparat än: det finns liknande initiativ.' }),
  ).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Liknande initiativ finns redan' })).toBeVisible()
  const list = page.getByRole('list', { name: 'Liknande initiativ från andra organisationer' })
  await expect(list.getByRole('link', { name: SKELLEFTEA_CALL })).toBeVisible()
  await expect(list).toContainText('Ägs av Skellefteå kommun')
  await expect(page.getByLabel('Namn', { exact: true })).toHaveValue(title)
  await checkA11y()

  // No choice: the error summary and the message by the group, the candidates still there.
  await page.getByRole('button', { name: 'Spara med vårt val' }).click()
  const summary = page.getByRole('alert').filter({ hasText: /fel i formuläret/ })
  await expect(summary).toContainText('Välj vad ni vill göra med de liknande träffarna.')
  await expect(list.getByRole('link', { name: SKELLEFTEA_CALL })).toBeVisible()
  await expect(page.getByLabel('Namn', { exact: true })).toHaveValue(title)
  await checkA11y()

  // Continue anyway without a reason: the reason field says so.
  await page.getByRole('radio', { name: /Fortsätt ändå/ }).check()
  await page.getByRole('button', { name: 'Spara med vårt val' }).click()
  await expect(summary).toContainText('Skriv varför ni fortsätter')
  await checkA11y()

  // Link as related to Skellefteå's planned call.
  await page
    .getByRole('radio', {
      name: `Spara vårt initiativ och länka det som relaterat till ”${SKELLEFTEA_CALL}”`,
    })
    .check()
  await page.getByRole('button', { name: 'Spara med vårt val' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Initiativet är sparat.' })).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)
  const related = page.getByRole('region', { name: 'Relaterade initiativ' })
  await expect(related.getByRole('link', { name: SKELLEFTEA_CALL })).toBeVisible()
  const record = page.getByRole('region', { name: 'Överlappskontroll' })
  await expect(record).toContainText(`Länkade initiativet som relaterat till ”${SKELLEFTEA_CALL}”.`)
  await expect(record).toContainText('Erik Nilsson (Luleå kommun)')
  await checkA11y()

  // Skellefteå's public page lists Luleå's new one as related.
  await related.getByRole('link', { name: SKELLEFTEA_CALL }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SKELLEFTEA_CALL)
  await expect(
    page.getByRole('region', { name: 'Relaterade initiativ' }).getByRole('link', { name: title }),
  ).toBeVisible()
  await checkA11y()
})

// The same step on a new call (decision record 030, revision): Erik of Luleå drafts a call like
// Region Norrbotten's published fall-prevention call; the form shows it first, needs a choice,
// and saves Luleå's draft linked as related. The draft's page shows the link to Luleå only.
const NORRBOTTEN_CALL = 'Fallprevention med sensorer i särskilt boende'

/** A datetime-local value `days` from now (the browser runs in Europe/Stockholm). */
function inDays(days: number): string {
  const d = new Date(Date.now() + days * 86400 * 1000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T12:00`
}

test('Luleå sees a similar published call before saving a call draft and links it as related', async ({
  page,
  checkA11y,
}) => {
  test.slow()
  const title = `Fallsensorer i Luleås särskilda boenden ${Date.now().toString(36)}`
  await logInThroughForm(page, checkA11y, ERIK)
  await visit(page, '/organisations/lulea-kommun/calls/new', checkA11y)
  await page.getByLabel(/^Öppet förfarande/).check()
  await page.getByLabel('Upphandlingens rubrik').fill(title)
  await page
    .getByLabel('Sammanfattning')
    .fill('Sensorer som upptäcker ökad fallrisk och larmar personalen i särskilt boende.')
  await page
    .getByLabel('Behovet', { exact: true })
    .fill('Fallen i våra särskilda boenden ska bli färre, utan kameror i boenderummen.')
  await page.getByLabel('Välfärdsteknik').check()
  await page.getByLabel('CPV-koder', { exact: false }).first().fill('33195000')
  await page.getByLabel('Uppskattat värde (kronor)').fill('1 500 000')
  await page.getByLabel('Sista dag för frågor (svensk tid)').fill(inDays(20))
  await page.getByLabel('Sista anbudsdag (svensk tid)').fill(inDays(45))
  const first = page.getByRole('group', { name: 'Kriterium 1', exact: true })
  await first.getByLabel('Rubrik').fill('Träffsäkerhet')
  await first.getByLabel('Vikt (procent)').fill('100')
  await page.getByRole('button', { name: 'Spara utkast' }).click()

  // The first submit saves nothing: the similar published call, every value kept.
  await expect(page.getByRole('status').filter({ hasText: 'Inget är sparat än' })).toBeVisible()
  await expect(
    page.getByRole('heading', { name: 'Liknande utlysningar finns redan' }),
  ).toBeVisible()
  const list = page.getByRole('list', {
    name: 'Liknande publicerade utlysningar från andra organisationer',
  })
  await expect(list.getByRole('link', { name: NORRBOTTEN_CALL })).toBeVisible()
  await expect(list).toContainText('Upphandlande organisation: Region Norrbotten')
  await expect(page.getByLabel('Upphandlingens rubrik')).toHaveValue(title)
  await checkA11y()

  // No choice: the error summary, the candidates still there, the values kept.
  await page.getByRole('button', { name: 'Spara med vårt val' }).click()
  const summary = page.getByRole('alert').filter({ hasText: /fel i formuläret/ })
  await expect(summary).toContainText('Välj vad ni vill göra med de liknande träffarna.')
  await expect(list.getByRole('link', { name: NORRBOTTEN_CALL })).toBeVisible()
  await expect(page.getByLabel('Upphandlingens rubrik')).toHaveValue(title)
  await checkA11y()

  await page
    .getByRole('radio', {
      name: `Spara vårt utkast och länka det som relaterat till ”${NORRBOTTEN_CALL}”`,
    })
    .check()
  await page.getByRole('button', { name: 'Spara med vårt val' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Utkastet är sparat' })).toBeVisible()
  await checkA11y()

  // The draft's page (Luleå's own) shows the related call.
  const callId = /\/calls\/(\d+)\/edit/.exec(page.url())![1]
  await visit(page, `/calls/${callId}`, checkA11y)
  const related = page.getByRole('region', { name: 'Relaterade utlysningar' })
  await expect(related.getByRole('link', { name: NORRBOTTEN_CALL })).toBeVisible()
})

// The same step on a new test-bed offer (decision record 030, revision): Erik of Luleå drafts an
// offer like Piteå Science Park's published smart-buildings test bed; the form shows it first,
// needs a choice and a reason to go on anyway, and saves Luleå's draft linked as related. The
// draft's page shows the link to Luleå; Piteå's public page does not show a draft.
const PITEA_OFFER = 'Testbädd för smarta byggnader i Piteå'

test('Luleå sees a similar published test bed before saving an offer draft and links it as related', async ({
  page,
  checkA11y,
}) => {
  test.slow()
  const title = `Smarta byggnader i Luleås skolor ${Date.now().toString(36)}`
  await logInThroughForm(page, checkA11y, ERIK)
  await visit(page, '/organisations/lulea-kommun/test-beds/new', checkA11y)
  await page.getByLabel('Rubrik').fill(title)
  await page
    .getByLabel('Sammanfattning', { exact: true })
    .fill('Testa sensorer och styrning för energi i Luleås skolor och förskolor under en vinter.')
  await page
    .getByLabel('Beskrivning', { exact: true })
    .fill('Vi erbjuder tre skolbyggnader med mätdata från fastighetssystemet.')
  await page.getByRole('checkbox', { name: 'Energi' }).check()
  await page.getByRole('combobox', { name: 'Lägsta TRL' }).selectOption('4')
  await page.getByRole('combobox', { name: 'Högsta TRL' }).selectOption('7')
  await page.getByLabel('Kapacitet (piloter samtidigt)').fill('2')
  await page.getByLabel('Tillgänglig från').fill(inDays(40).slice(0, 10))
  await page.getByLabel('Marknadsvärde (kr)').fill('50 000')
  await page.getByLabel('Kontaktroll').fill('Energistrateg, fastighetsavdelningen')
  await page.getByLabel('Kontaktens e-postadress').fill('energi.test@lulea.test')
  const first = page.getByRole('group', { name: 'Kriterium 1' })
  await first.getByLabel(/^Kriterium/).fill('Förväntad energibesparing')
  await first.getByRole('combobox', { name: 'Bedömning' }).selectOption({ label: 'Poäng 0–5' })
  await page.getByRole('button', { name: 'Spara utkast' }).click()

  // The first submit saves nothing: the similar published test bed, every value kept.
  await expect(page.getByRole('status').filter({ hasText: 'Inget är sparat än' })).toBeVisible()
  await expect(
    page.getByRole('heading', { name: 'Liknande testbäddar erbjuds redan' }),
  ).toBeVisible()
  const list = page.getByRole('list', {
    name: 'Liknande publicerade testbäddar från andra organisationer',
  })
  await expect(list.getByRole('link', { name: PITEA_OFFER })).toBeVisible()
  await expect(list).toContainText('Erbjuds av Piteå Science Park')
  await expect(page.getByLabel('Rubrik')).toHaveValue(title)
  await checkA11y()

  // No choice: the error summary, the candidates still there, the values kept.
  await page.getByRole('button', { name: 'Spara med vårt val' }).click()
  const summary = page.getByRole('alert').filter({ hasText: /fel i formuläret/ })
  await expect(summary).toContainText('Välj vad ni vill göra med de liknande träffarna.')
  await expect(list.getByRole('link', { name: PITEA_OFFER })).toBeVisible()
  await expect(page.getByLabel('Rubrik')).toHaveValue(title)
  await checkA11y()

  // Continue anyway without a reason: the reason field says so.
  await page.getByRole('radio', { name: /Fortsätt ändå/ }).check()
  await page.getByRole('button', { name: 'Spara med vårt val' }).click()
  await expect(summary).toContainText('Skriv varför ni fortsätter')
  await checkA11y()

  await page
    .getByRole('radio', {
      name: `Spara vårt utkast och länka det som relaterat till ”${PITEA_OFFER}”`,
    })
    .check()
  await page.getByRole('button', { name: 'Spara med vårt val' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Utkastet är sparat' })).toBeVisible()
  await checkA11y()

  // The draft's page (Luleå's own) shows the related test bed.
  const offerId = /\/test-beds\/(\d+)\/edit/.exec(page.url())![1]
  await visit(page, `/test-beds/${offerId}`, checkA11y)
  const related = page.getByRole('region', { name: 'Relaterade testbäddar' })
  await expect(related.getByRole('link', { name: PITEA_OFFER })).toBeVisible()
  // Piteå's page shows Luleå's draft to Luleå only; a visitor does not see it.
  await related.getByRole('link', { name: PITEA_OFFER }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(PITEA_OFFER)
  const back = page.getByRole('region', { name: 'Relaterade testbäddar' })
  await expect(back.getByRole('link', { name: title })).toBeVisible()
  await checkA11y()
  const pitea = page.url()
  await logOut(page)
  await visit(page, pitea, checkA11y)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(PITEA_OFFER)
  await expect(page.getByRole('link', { name: title })).toHaveCount(0)
})
