import { expect, test, visit, logInThroughForm, logOut } from './fixtures'

// SME reach and broadcast outreach (issue 15 part 6, decision record 032): Region Norrbotten sees
// which companies in Norrbotten Testarena has never reached, finds its outreach to all micro and
// small companies (one opted out, counted), writes a new one to small manufacturing firms —
// forgetting the size first — interested in climate and environment, previews the count and
// sends; Tornedalens Mätteknik sees both outreaches and opts out, then back in from its settings,
// where it also states one more theme it is interested in.

const ANNA = 'anna.lindqvist@norrbotten.test'
const AINO = 'aino.keskitalo@tornedalsmatteknik.test'

test('a region sees its SME reach, broadcasts to every match after a preview; a company opts out', async ({
  page,
  checkA11y,
}) => {
  test.slow()
  await logInThroughForm(page, checkA11y, ANNA)
  await visit(page, '/organisations/region-norrbotten', checkA11y)
  await page
    .getByRole('link', { name: 'Räckvidd bland små och medelstora företag', exact: true })
    .click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Räckvidd bland företag i Norrbottens län',
  )
  const bySize = page.getByRole('table', { name: 'Efter storlek' })
  await expect(bySize.getByRole('rowheader', { name: 'Litet företag' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Efter kommun' })).toContainText('Haparanda')
  // First-time participants and SME shares: a chart each, the table beside it.
  await expect(page.getByRole('img', { name: /^Nya deltagare per kvartal/ })).toBeVisible()
  await expect(
    page.getByRole('table', { name: 'Nya deltagare per kvartal' }).getByRole('rowheader').first(),
  ).toHaveText(/^\d{4}-Q[1-4]$/)
  await expect(page.getByRole('img', { name: /^Andel små och medelstora företag/ })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Andel små och medelstora företag' })).toContainText(
    'Sökande',
  )
  await checkA11y()

  // Another county, by address.
  await page.getByRole('combobox', { name: 'Län' }).selectOption({ label: 'Västerbottens län' })
  await page.getByRole('button', { name: 'Visa', exact: true }).click()
  await expect(page).toHaveURL(/county=24/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Räckvidd bland företag i Västerbottens län',
  )
  await checkA11y()

  // The outreach sent nine days ago: criteria and counts.
  await visit(page, '/organisations/region-norrbotten/outreach', checkA11y)
  const seeded = page.getByRole('article').filter({
    has: page.getByRole('heading', { name: /Testa er lösning i Norrbottens äldreomsorg/ }),
  })
  await expect(seeded).toContainText('Mikroföretag, Litet företag')
  await expect(seeded).toContainText(/Nådde \d+ företag\. \d+ matchade urvalet; 1 av dem har valt/)

  // A new one: without a size class first — the summary, the message, the text kept.
  await page.getByRole('link', { name: 'Skriv ett nytt utskick' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nytt utskick till företag')
  const subject = 'Frukostmöte om digitala kylkedjor'
  await page.getByLabel('Ämne').fill(subject)
  await page
    .getByLabel('Meddelande')
    .fill('Välkommen till ett frukostmöte om sensorer i kylkedjor, den 14 januari i Luleå.')
  await page.getByRole('checkbox', { name: 'C – Tillverkning' }).check()
  await page.getByRole('button', { name: 'Förhandsgranska mottagare' }).click()
  await expect(page.getByRole('alert').filter({ hasText: /fel i formuläret/ })).toBeVisible()
  await expect(page.getByText('Välj minst en storleksklass.').first()).toBeVisible()
  await expect(page.getByLabel('Ämne')).toHaveValue(subject)
  await checkA11y()

  await page.getByRole('checkbox', { name: 'Litet företag' }).check()
  await page.getByRole('checkbox', { name: 'Klimat och miljö' }).check()
  await page.getByRole('button', { name: 'Förhandsgranska mottagare' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: /företag får meddelandet/ }),
  ).toContainText(/1 av dem har valt bort utskick/)
  await checkA11y()
  await page.getByRole('button', { name: /^Skicka till \d+ företag$/ }).click()
  await expect(page.getByRole('status')).toContainText(/Utskicket är skickat till \d+ företag\./)
  const sent = page
    .getByRole('article')
    .filter({ has: page.getByRole('heading', { name: subject }) })
    .first()
  await expect(sent).toContainText('Klimat och miljö')
  await checkA11y()
  await logOut(page)

  // The company: both outreaches, then no more.
  await logInThroughForm(page, checkA11y, AINO)
  await visit(page, '/organisations/tornedalens-matteknik', checkA11y)
  await page.getByRole('link', { name: 'Utskick till oss', exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Utskick till Tornedalens Mätteknik AB',
  )
  await expect(page.getByRole('heading', { name: subject })).toBeVisible()
  await expect(
    page.getByRole('heading', { name: /Testa er lösning i Norrbottens äldreomsorg/ }),
  ).toBeVisible()
  await checkA11y()
  await page.getByRole('checkbox', { name: /Vi vill inte få utskick/ }).check()
  await page.getByRole('button', { name: 'Spara val' }).click()
  await expect(page.getByRole('status')).toContainText('Sparat: ni får inga utskick.')
  await expect(page.getByText('Ni har valt bort utskick.')).toBeVisible()
  await checkA11y()

  // The same choice in the settings: back in.
  await visit(page, '/organisations/tornedalens-matteknik/settings', checkA11y)
  const section = page.getByRole('region', { name: 'Utskick' })
  await expect(section.getByText('Ni har valt bort utskick.')).toBeVisible()
  await section.getByRole('checkbox', { name: /Vi vill inte få utskick/ }).uncheck()
  await section.getByRole('button', { name: 'Spara val' }).click()
  await expect(page.getByRole('status')).toContainText('Sparat: ni tar emot utskick.')
  await checkA11y()

  // Its themes: what an outreach may target.
  await visit(page, '/organisations/tornedalens-matteknik/settings', checkA11y)
  const themes = page.getByRole('region', { name: 'Teman ni är intresserade av' })
  await expect(themes.getByRole('checkbox', { name: 'Klimat och miljö' })).toBeChecked()
  await themes.getByRole('checkbox', { name: 'Energi' }).check()
  await themes.getByRole('button', { name: 'Spara teman' }).click()
  await expect(page.getByRole('status')).toContainText('Sparat: era teman är uppdaterade.')
  await expect(
    page
      .getByRole('region', { name: 'Teman ni är intresserade av' })
      .getByRole('checkbox', { name: 'Energi' }),
  ).toBeChecked()
  await checkA11y()
})
