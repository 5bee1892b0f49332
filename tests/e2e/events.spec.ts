import type { Page } from '@playwright/test'
import { expect, test, visit, logInThroughForm, logOut } from './fixtures'

// Events (issue 15 part 8, decision record 031): IUC Norrbotten's Smart industri B2B forum is full
// (Polarsensor and Bergskraft) with Vårdkraft waiting. A visitor reads it and fetches the calendar
// file; Sara puts Nattugglan on the waiting list (number 2); Mikael gives up Bergskraft's seat, so
// the database hands it to Vårdkraft and Nattugglan moves up to number 1; Sara leaves the queue;
// Linnea, the organiser, sees who has a seat. The series' page lists its events.

const SARA = 'sara.berg@nattugglan.test'
const MIKAEL = 'mikael.sundqvist@bergskraft.test'
const LINNEA = 'linnea.oberg@iucnorrbotten.test'
const FORUM = 'Smart industri B2B-forum Luleå'
const NATTUGGLAN = 'Nattugglan Omsorgsteknik AB'

async function openForum(page: Page, checkA11y: () => Promise<void>) {
  await visit(page, '/events', checkA11y)
  await page.getByRole('link', { name: FORUM }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(FORUM)
  await checkA11y()
}

test('register on the waiting list, move up when a seat is given up, leave; the calendar file', async ({
  page,
  checkA11y,
}) => {
  test.slow()
  await openForum(page, checkA11y)
  await expect(page.getByText('2 av 2 platser bokade · 1 på väntelistan')).toBeVisible()
  await expect(page.getByText(/CET|CEST/).first()).toBeVisible()
  const href = await page
    .getByRole('link', { name: 'Lägg till i kalendern (.ics)' })
    .getAttribute('href')
  const calendar = await page.request.get(href!)
  expect(calendar.headers()['content-type']).toBe('text/calendar; charset=utf-8')
  const ics = await calendar.text()
  expect(ics).toContain('BEGIN:VCALENDAR')
  expect(ics).toMatch(/DTSTART:\d{8}T\d{6}Z/)
  expect(ics).toContain(`SUMMARY:${FORUM}`)
  await expect(
    page.getByRole('link', { name: 'Logga in för att anmäla ditt företag' }),
  ).toBeVisible()

  // The forum is part of the series "Smart industri Norrbotten", whose page lists its events.
  await page.getByRole('link', { name: /^Smart industri Norrbotten – / }).click()
  const seriesEvents = page.getByRole('region', { name: 'Evenemang i initiativet' })
  await expect(seriesEvents.getByRole('link', { name: FORUM })).toBeVisible()
  await expect(
    seriesEvents.getByRole('link', { name: /Rundabordssamtal: digitala tvillingar/ }),
  ).toBeVisible()
  await checkA11y()

  await logInThroughForm(page, checkA11y, SARA)
  await openForum(page, checkA11y)
  await page.getByRole('button', { name: `Ställ ${NATTUGGLAN} på väntelistan` }).click()
  await expect(page.getByRole('status')).toContainText('företaget står på väntelistan')
  await expect(page.getByText(`${NATTUGGLAN} står som nummer 2 på väntelistan.`)).toBeVisible()
  await checkA11y()
  await logOut(page)

  await logInThroughForm(page, checkA11y, MIKAEL)
  await openForum(page, checkA11y)
  await expect(page.getByText('Bergskraft Energi AB har en bekräftad plats.')).toBeVisible()
  await page.getByRole('button', { name: 'Avboka för Bergskraft Energi AB' }).click()
  await expect(page.getByRole('status')).toContainText('Anmälan är avbokad.')
  await expect(page.getByText('2 av 2 platser bokade · 1 på väntelistan')).toBeVisible()
  await checkA11y()
  await logOut(page)

  await logInThroughForm(page, checkA11y, SARA)
  await openForum(page, checkA11y)
  await expect(page.getByText(`${NATTUGGLAN} står som nummer 1 på väntelistan.`)).toBeVisible()
  await page.getByRole('button', { name: `Lämna väntelistan för ${NATTUGGLAN}` }).click()
  await expect(page.getByRole('status')).toContainText('Anmälan är avbokad.')
  await expect(
    page.getByRole('button', { name: `Ställ ${NATTUGGLAN} på väntelistan` }),
  ).toBeVisible()
  await checkA11y()
  await logOut(page)

  await logInThroughForm(page, checkA11y, LINNEA)
  await openForum(page, checkA11y)
  const registrations = page.getByRole('table', { name: /Anmälda företag/ })
  await expect(registrations.getByRole('row')).toHaveCount(3)
  await expect(
    registrations.getByRole('row', { name: /Vårdkraft Digital AB.*Bekräftad/ }),
  ).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Ställ in evenemanget' })).toBeVisible()

  // Last month's round table: attendance was recorded, and it is in IUC's contact ledger.
  await visit(page, '/events', checkA11y)
  await page.getByRole('link', { name: /Rundabordssamtal: digitala tvillingar/ }).click()
  await page.getByRole('link', { name: 'Registrera närvaro' }).click()
  await expect(page.getByRole('group', { name: 'Vårdkraft Digital AB' })).toContainText('Uteblev')
  await expect(page.getByRole('group', { name: NATTUGGLAN })).toContainText('Deltog')
  await checkA11y()
  await visit(page, '/organisations/iuc-norrbotten/contacts', checkA11y)
  const ledger = page.getByRole('table', { name: 'Kontakter ni har registrerat, senaste först' })
  await expect(
    ledger.getByRole('row', { name: /Nattugglan Omsorgsteknik AB.*Deltog i evenemanget/ }),
  ).toBeVisible()
})

test('the organiser publishes an event, and bad input is answered next to the fields', async ({
  page,
  checkA11y,
}) => {
  await logInThroughForm(page, checkA11y, LINNEA)
  await visit(page, '/organisations/iuc-norrbotten', checkA11y)
  await page.getByRole('link', { name: 'Evenemang', exact: true }).last().click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Evenemang – IUC Norrbotten AB')
  await checkA11y()
  await page
    .getByRole('combobox', { name: 'Typ av evenemang' })
    .selectOption({ label: 'Studiebesök' })
  await page.getByLabel('Rubrik').fill('Studiebesök hos Polarsensor i Piteå')
  await page
    .getByLabel('Beskrivning')
    .fill('Vi besöker produktionen och pratar om hur sensorerna testas i kyla.')
  await page.getByLabel('Börjar').fill('2027-04-20T09:00')
  await page.getByLabel('Slutar').fill('2027-04-20T08:00')
  await page.getByLabel('Sista anmälningsdag').fill('2027-04-15T23:59')
  await page.getByLabel('Antal platser').fill('12')
  await page.getByRole('button', { name: 'Publicera evenemanget' }).click()
  await expect(page.getByRole('alert').filter({ hasText: /fel i formuläret/ })).toBeVisible()
  await expect(page.getByLabel('Rubrik')).toHaveValue('Studiebesök hos Polarsensor i Piteå')
  await checkA11y()
  await page.getByLabel('Slutar').fill('2027-04-20T12:00')
  await page.getByLabel(/^Plats/).fill('Polarsensor AB, Haraholmen, Piteå')
  await page.getByRole('button', { name: 'Publicera evenemanget' }).click()
  await expect(page.getByRole('status')).toContainText('Evenemanget är publicerat.')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Studiebesök hos Polarsensor i Piteå',
  )
  await expect(page.getByText('0 av 12 platser bokade')).toBeVisible()
  await checkA11y()
})
