import { expect, test, visit } from './fixtures'

test('the home page shows the seeded marketplace in Swedish and switches to English', async ({
  page,
  checkA11y,
}) => {
  await visit(page, '/', checkA11y)
  await expect(page).toHaveTitle(/Testarena/)
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Offentlig sektor som testarena och första referenskund',
  )
  // Other specs add organisations, so only the count of recent ones is stable here.
  const recent = page.getByRole('region', { name: 'Senast anslutna organisationer' })
  await expect(recent.getByRole('link')).toHaveCount(6)
  // The newest procurements open for bids (other specs publish more, so at most three).
  const calls = page.getByRole('region', { name: 'Öppna upphandlingar' })
  await expect(calls.getByRole('heading', { level: 3 }).first()).toBeVisible()
  expect(await calls.getByRole('heading', { level: 3 }).count()).toBeLessThanOrEqual(3)
  await expect(calls.getByRole('link', { name: 'Se alla upphandlingar' })).toHaveAttribute(
    'href',
    '/calls',
  )

  await page.getByRole('button', { name: 'In English' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'The public sector as a test arena and first reference customer',
  )
  await expect(page.getByRole('region', { name: 'Open procurements' })).toBeVisible()
  await checkA11y()

  await page.getByRole('button', { name: 'På svenska' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'sv')
})

test('a skip link leads to the main content', async ({ page, checkA11y }) => {
  await visit(page, '/accessibility', checkA11y)
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Hoppa till innehållet' })
  await expect(skip).toBeFocused()
  await expect(page.getByRole('main')).toBeVisible()
  await expect(page.getByRole('contentinfo')).toBeVisible()
  await expect(page.getByRole('banner')).toBeVisible()
})

test('an unknown address answers a translated 404 page', async ({ page, checkA11y }) => {
  const response = await page.goto('/finns-inte')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sidan hittades inte')
  await checkA11y()
})

test.describe('a visitor whose browser prefers English', () => {
  test.use({ locale: 'en-GB' })
  test('gets English without choosing it', async ({ page, checkA11y }) => {
    await visit(page, '/', checkA11y)
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.getByRole('link', { name: 'Organisations', exact: true })).toBeVisible()
  })
})
