import { expect, test } from './fixtures'

// The read API's documentation (issue 17 part 5, decision record 041): a developer at a region
// finds "Öppna data (API)" in the footer, reads how paging and the problem types work on a 320 px
// phone, and follows the link to the OpenAPI document.

test('a developer reads the API documentation and opens the OpenAPI document', async ({
  page,
  checkA11y,
}) => {
  await page.setViewportSize({ width: 320, height: 740 })
  await page.goto('/')
  await page.getByRole('contentinfo').getByRole('link', { name: 'Öppna data (API)' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Öppna data: Testarenas API')
  await checkA11y()
  await expect(page.getByRole('heading', { name: 'GET /api/v1/test-beds/{id}' })).toBeVisible()
  await expect(page.locator('#problem-not-found')).toHaveText('404 Not Found')
  await expect(page.locator('#problem-bad-request')).toBeVisible()
  await expect(page.locator('#problem-too-many-requests')).toBeVisible()
  // Nothing wider than the phone: the page reflows (WCAG 1.4.10).
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBeLessThanOrEqual(0)

  const href = await page
    .getByRole('link', { name: 'Hela beskrivningen som OpenAPI 3.1 (JSON)' })
    .getAttribute('href')
  expect(href).toBe('/api/v1/openapi.json')
  const answer = await page.request.get(href!)
  expect(answer.headers()['content-type']).toContain('application/json')
  const doc = (await answer.json()) as { openapi: string; paths: Record<string, unknown> }
  expect(doc.openapi).toMatch(/^3\.1\./)
  expect(Object.keys(doc.paths)).toContain('/api/v1/test-beds/{id}')
})
