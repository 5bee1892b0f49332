import { expect, logIn, test, visit } from './fixtures'

// Atom feeds and calendars (issue 16 part 4, decision record 038): Sara at Nattugglan finds the
// calendar and feed addresses from her notification settings, creates a new calendar address
// (the seeded one stops working), fetches it like a calendar app would and finds the deadline of
// the call she follows; then she takes the calls list's Atom link.

test('a person subscribes to a calendar of what she follows and to the calls as Atom', async ({
  page,
  checkA11y,
}) => {
  await logIn(page, 'sara.berg@nattugglan.test', '/account/notifications')
  await expect(page.getByRole('heading', { name: 'Kalender och flöden' })).toBeVisible()
  await checkA11y()
  await page.getByRole('link', { name: 'Kalender- och flödesadresser' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Kalender och flöden')
  await page
    .getByRole('button', { name: 'Skapa ny kalenderadress (den gamla slutar fungera)' })
    .click()
  const status = page.getByRole('status').filter({ hasText: 'Kopiera den nu' })
  await expect(status).toBeVisible()
  await checkA11y()
  const address = (await status.locator('code').textContent()) ?? ''
  expect(address).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/)
  const calendar = await page.request.get(new URL(address).pathname)
  expect(calendar.status()).toBe(200)
  const ics = await calendar.text()
  expect(ics).toContain('BEGIN:VCALENDAR')
  expect(ics.replace(/\r\n /g, '')).toContain(
    'SUMMARY:Sista dag för anbud: Marknadsdialog: nyckelfri hemtjänst',
  )

  await visit(page, '/calls?theme=active_healthy_ageing', checkA11y)
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveCount(
    1,
  )
  const href = await page.getByRole('link', { name: 'Prenumerera (Atom)' }).getAttribute('href')
  expect(href).toBe('/calls.atom?theme=active_healthy_ageing')
  const feed = await page.request.get(href!)
  expect(feed.headers()['content-type']).toContain('application/atom+xml')
  const xml = await feed.text()
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"')
  expect(xml).toContain('<entry>')
  // Beside it, the same list as CSV (decision record 042), with the same filters.
  const csvHref = await page.getByRole('link', { name: /^Ladda ner som CSV/ }).getAttribute('href')
  expect(csvHref).toBe('/calls.csv?theme=active_healthy_ageing')
  const csv = await page.request.get(csvHref!)
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8')
  expect((await csv.text()).replace(/^\uFEFF/, '')).toMatch(/^Id;Titel;/)
})
