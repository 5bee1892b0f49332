import { expect, latestMailTo, logIn, test, visit } from './fixtures'

// The public side of a procurement (demo seed: Region Norrbotten's open innovation partnership
// "Trygg nattillsyn i hemtjänsten"). Sara of Nattugglan follows it and asks a question; Anna of
// the region answers it; everyone sees the answer without Sara's name, and those mailed read it so.
// Sara stops following at the end so the journey runs again (both projects share one database).

const NATTILLSYN = 'Trygg nattillsyn i hemtjänsten'

test('a visitor filters the procurements and opens one', async ({ page, checkA11y }) => {
  await visit(page, '/calls', checkA11y)
  await expect(page.getByRole('heading', { level: 1, name: 'Upphandlingar' })).toBeVisible()
  const search = page.getByRole('search')
  await search.getByLabel('Sökord').fill('NATTILLSYN')
  await search.getByLabel('Förfarande').selectOption({ label: 'Innovationspartnerskap' })
  await search.getByLabel('Län').selectOption({ label: 'Norrbottens län' })
  await search.getByRole('button', { name: 'Visa upphandlingar' }).click()
  await expect(page.getByRole('heading', { level: 2, name: '1 upphandling' })).toBeVisible()
  await expect(page).toHaveURL(/procedure=innovation_partnership/)
  await checkA11y()

  // A CPV prefix that no call uses finds nothing.
  await page.goto('/calls?q=nattillsyn&cpv=03')
  await expect(page.getByRole('heading', { level: 2, name: 'Inga upphandlingar' })).toBeVisible()
  await page.goBack()

  await page.getByRole('link', { name: NATTILLSYN }).click()
  await expect(page.getByRole('heading', { level: 1, name: NATTILLSYN })).toBeVisible()
  // The terms in force include the must-have the amendment added, and the amendment says so.
  await expect(
    page
      .getByRole('region', { name: 'Villkor som gäller' })
      .getByText('Fungerar med enbart mobilnät'),
  ).toBeVisible()
  const amendments = page.getByRole('region', { name: 'Ändringar' })
  await expect(amendments.getByRole('heading', { name: /^Ändring 1,/ })).toBeVisible()
  await expect(amendments.getByText('Tillagt: Fungerar med enbart mobilnät.')).toBeVisible()
  const qa = page.getByRole('region', { name: 'Frågor och svar' })
  await expect(qa.getByText('Testfasen omfattar 60 brukare', { exact: false })).toBeVisible()
  // Nothing about bids before the deadline, and a visitor is asked to log in to take part.
  await expect(page.getByRole('heading', { name: 'Inkomna anbud' })).toHaveCount(0)
  await expect(qa.getByRole('link', { name: /Logga in för att ställa en fråga/ })).toBeVisible()
  await checkA11y()
})

test('Sara follows and asks, Anna answers, everyone sees it without Sara’s name', async ({
  page,
  checkA11y,
  javaScriptEnabled,
}) => {
  const marker = javaScriptEnabled ? 'med JavaScript' : 'utan JavaScript'
  const published = `Behöver sensorerna fungera vid strömavbrott längre än åtta timmar (${marker})?`
  const asked = `Vi på Nattugglan undrar: ${published}`
  const answer = `Ja, i minst tolv timmar, med larm när batteriet är lågt (${marker}).`

  await logIn(page, 'sara.berg@nattugglan.test', '/calls')
  await page.getByRole('link', { name: NATTILLSYN }).click()
  await expect(page.getByRole('heading', { level: 1, name: NATTILLSYN })).toBeVisible()
  const callUrl = new URL(page.url()).pathname
  const actions = page.getByRole('region', { name: 'Vad du kan göra' })
  await expect(actions.getByRole('link', { name: 'Lämna anbud' })).toBeVisible()
  await actions.getByRole('button', { name: 'Följ upphandlingen' }).click()
  await expect(page.getByRole('status')).toContainText('Du följer nu detta.')
  await expect(actions).toContainText('Du följer upphandlingen.')
  await checkA11y()

  // An empty question is refused with the form's error summary.
  const qa = page.getByRole('region', { name: 'Frågor och svar' })
  await qa.getByRole('button', { name: 'Skicka frågan' }).click()
  await expect(page.getByRole('alert')).toContainText('Skriv din fråga.')
  await checkA11y()
  await page.getByLabel('Din fråga').fill(asked)
  await page.getByRole('button', { name: 'Skicka frågan' }).click()
  await expect(page.getByRole('status')).toContainText('Frågan är skickad')
  await checkA11y()

  // Anna, for Region Norrbotten, publishes it without what identifies the asker.
  await logIn(page, 'anna.lindqvist@norrbotten.test', `${callUrl}/questions`)
  await expect(
    page.getByRole('heading', { level: 1, name: `Frågor om ${NATTILLSYN}` }),
  ).toBeVisible()
  await checkA11y()
  const question = page.getByRole('article').filter({ hasText: asked })
  await expect(question.getByLabel('Frågan som den publiceras')).toHaveValue(asked)
  await question.getByRole('button', { name: 'Publicera svaret för alla' }).click()
  await expect(page.getByRole('alert')).toContainText('Skriv texten som ska publiceras.')
  await checkA11y()
  const again = page.getByRole('article').filter({ hasText: asked })
  await again.getByLabel('Frågan som den publiceras').fill(published)
  await again.getByLabel('Svar', { exact: true }).fill(answer)
  await again.getByRole('button', { name: 'Publicera svaret för alla' }).click()
  await expect(page.getByRole('status')).toContainText('Svaret är publicerat')
  await checkA11y()

  // A visitor sees the question as published and the answer, and nothing about who asked.
  await page.context().clearCookies()
  await visit(page, callUrl, checkA11y)
  const publicQa = page.getByRole('region', { name: 'Frågor och svar' })
  await expect(publicQa.getByText(published)).toBeVisible()
  await expect(publicQa.getByText(answer)).toBeVisible()
  await expect(publicQa).not.toContainText('Nattugglan')
  await expect(page.locator('body')).not.toContainText('Sara Berg')

  // Everyone told of the answer by mail reads it as published, without Sara's name; Sara, who
  // follows, is told by a notification (decision record 035).
  const mail = await latestMailTo(page, 'johan.lundberg@polarsensor.test')
  expect(mail).toContain(published)
  expect(mail).toContain(answer)
  expect(mail).not.toContain('Sara Berg')
  expect(mail).not.toContain('Vi på Nattugglan')

  // Sara stops following, so the journey can run again.
  await logIn(page, 'sara.berg@nattugglan.test', callUrl)
  await page
    .getByRole('region', { name: 'Vad du kan göra' })
    .getByRole('button', { name: 'Sluta följa' })
    .click()
  await expect(page.getByRole('status')).toContainText('Du följer inte längre detta.')
})
