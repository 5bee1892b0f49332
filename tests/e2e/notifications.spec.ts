import { expect, logIn, test, visit } from './fixtures'

// Malin of Bodens Kylservice follows Region Skåne's open PCP on triage support; Eva of the region
// publishes an amendment; Malin finds it among her notifications (the fan-out runs beside the
// requests, decision record 035), opens it, and stops following from her settings.

const CALL = 'Förkommersiell upphandling: AI-stöd för triagering i primärvården'

test('a company follows a call and is notified of its amendment', async ({
  page,
  checkA11y,
  javaScriptEnabled,
}) => {
  await logIn(page, 'malin.sandstrom@bodenskyl.test', '/calls')
  await page.getByRole('link', { name: CALL }).click()
  await expect(page.getByRole('heading', { level: 1, name: CALL })).toBeVisible()
  const callPath = new URL(page.url()).pathname
  await page.getByRole('button', { name: 'Följ upphandlingen' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Du följer nu detta.' })).toBeVisible()
  await checkA11y()

  const why = `Vi förtydligar kraven på loggning (${javaScriptEnabled ? 'med' : 'utan'} JavaScript).`
  await logIn(page, 'eva.lindgren@skane.test', `${callPath}/amend`)
  await expect(page.getByRole('heading', { level: 1, name: /Publicera en rättelse/ })).toBeVisible()
  await page.getByLabel('Vad ändras och varför').fill(why)
  await page.getByRole('button', { name: 'Publicera rättelsen' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: 'Rättelsen är publicerad' }),
  ).toBeVisible()

  await logIn(page, 'malin.sandstrom@bodenskyl.test', '/notifications')
  await expect(page.getByRole('heading', { level: 1, name: 'Aviseringar' })).toBeVisible()
  const amended = page
    .getByRole('listitem')
    .filter({ hasText: 'Ändring i upphandlingen' })
    .filter({ hasText: CALL })
  await expect(async () => {
    await page.reload()
    await expect(amended.first()).toBeVisible({ timeout: 1000 })
  }).toPass({ timeout: 20_000 })
  await expect(page.getByRole('link', { name: /Aviseringar, \d+ olästa/ })).toBeVisible()
  await checkA11y()
  await amended.first().getByRole('link', { name: CALL }).click()
  await expect(page.getByRole('heading', { level: 1, name: CALL })).toBeVisible()

  await visit(page, '/account/notifications', checkA11y)
  await page.getByRole('button', { name: `Sluta följa ${CALL}` }).click()
  await expect(
    page.getByRole('status').filter({ hasText: 'Du följer inte längre detta.' }),
  ).toBeVisible()
  await checkA11y()
})
