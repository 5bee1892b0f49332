import type { Page } from '@playwright/test'
import {
  confirmSignupFromMail,
  DEMO_PASSWORD,
  expect,
  latestMailTo,
  linkIn,
  test,
  visit,
  logOut,
} from './fixtures'

const PASSWORD = 'norrsken-över-kebnekaise-42'

function suffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
}

/** A valid, unused municipality-style organisation number (212…-…, Luhn check digit). */
function municipalityOrgNumber(): string {
  const body = `2120${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`
  let sum = 0
  for (let i = 0; i < 9; i++) {
    let v = Number(body[i]) * (i % 2 === 0 ? 2 : 1)
    if (v > 9) v -= 9
    sum += v
  }
  return `${body.slice(0, 6)}-${body.slice(6)}${(10 - (sum % 10)) % 10}`
}

async function logIn(page: Page, checkA11y: () => Promise<void>, email: string, password: string) {
  await visit(page, '/login', checkA11y)
  await page.getByLabel('E-postadress').fill(email)
  await page.getByLabel('Lösenord', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Logga in' }).click()
  await expect(page.getByRole('button', { name: 'Logga ut', exact: true })).toBeVisible()
}

async function signUp(page: Page, checkA11y: () => Promise<void>, name: string, email: string) {
  await visit(page, '/signup', checkA11y)
  await page.getByLabel('Namn').fill(name)
  await page.getByLabel('E-postadress').fill(email)
  await page.getByLabel('Lösenord', { exact: true }).fill(PASSWORD)
  await page.getByLabel('Upprepa lösenordet').fill(PASSWORD)
  await page.getByRole('button', { name: 'Skapa konto' }).click()
  await confirmSignupFromMail(page, checkA11y, email)
  await expect(page.getByRole('button', { name: 'Logga ut', exact: true })).toBeVisible()
}

/** Registers a municipality in Norrbotten as the signed-in user; it starts awaiting verification. */
async function registerMunicipality(page: Page, checkA11y: () => Promise<void>, name: string) {
  await visit(page, '/organisations/new', checkA11y)
  await page.getByRole('radio', { name: 'Offentlig aktör' }).check()
  await page.getByLabel('Organisationens namn').fill(name)
  await page.getByLabel('Organisationsnummer').fill(municipalityOrgNumber())
  await page.getByRole('radio', { name: 'Kommun', exact: true }).check()
  await page.getByRole('combobox', { name: 'Län' }).selectOption({ label: 'Norrbottens län' })
  await page.getByRole('combobox', { name: 'Kommun' }).selectOption({ label: 'Luleå' })
  await page.getByRole('button', { name: 'Registrera organisationen' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
}

test('a platform administrator rejects one new public body with a reason and verifies another; their administrator gets both mails', async ({
  page,
  checkA11y,
}) => {
  // Sign-up, two registrations and a review, each page checked with axe: give it room.
  test.setTimeout(150_000)
  const id = suffix()
  const email = `kommunadmin-${id}@e2e.test`
  const rejected = `Avslagsby kommun ${id}`
  const verified = `Godkända kommun ${id}`
  const reason = `Organisationsnumret ${id} hör inte till en kommun.`

  await signUp(page, checkA11y, 'Kim Kommunsson', email)
  await registerMunicipality(page, checkA11y, rejected)
  await registerMunicipality(page, checkA11y, verified)
  await logOut(page)

  await logIn(page, checkA11y, 'admin@testarena.test', DEMO_PASSWORD)
  await page.getByRole('link', { name: 'Verifieringar' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verifieringar')
  await checkA11y()

  const toReject = page.getByRole('region', { name: rejected })
  await expect(toReject).toContainText('Kim Kommunsson')
  await expect(toReject).toContainText(email)
  await expect(toReject).toContainText('Norrbottens län')

  // Rejecting without a reason: the error summary names the problem and links to the field.
  await toReject.getByRole('button', { name: `Avslå ${rejected}` }).click()
  const summary = toReject.getByRole('alert')
  await expect(summary.getByRole('heading')).toHaveText('Det finns 1 fel i formuläret')
  await expect(
    summary.getByRole('link', { name: 'Skriv en motivering när du avslår en ansökan.' }),
  ).toBeVisible()
  await checkA11y()
  await expect(page.getByRole('region', { name: rejected })).toBeVisible()

  await toReject.getByLabel('Motivering').fill(reason)
  await toReject.getByRole('button', { name: `Avslå ${rejected}` }).click()
  await expect(page.getByRole('status')).toHaveText(
    `${rejected} har fått avslag. Organisationens administratörer har fått e-post med motiveringen.`,
  )
  await expect(page.getByRole('region', { name: rejected })).toHaveCount(0)
  await checkA11y()

  await page
    .getByRole('region', { name: verified })
    .getByRole('button', { name: `Verifiera ${verified}` })
    .click()
  await expect(page.getByRole('status')).toHaveText(
    `${verified} är verifierad. Organisationens administratörer har fått e-post om beslutet.`,
  )
  await expect(page.getByRole('region', { name: verified })).toHaveCount(0)
  await checkA11y()

  // The outbox, newest first: the approval, then the rejection with its reason.
  const approval = await latestMailTo(page, email)
  await checkA11y()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Utkorg (utveckling)')
  await expect(page.getByLabel('Mottagarens e-postadress')).toHaveValue(email)
  expect(approval).toContain(`${verified} är verifierad i Testarena`)
  const link = linkIn(approval)
  expect(link).toMatch(/\/organisations\/[a-z0-9-]+$/)
  const rejection = page.getByRole('article').filter({
    has: page.getByRole('heading', { name: `${rejected} kunde inte verifieras i Testarena` }),
  })
  await expect(rejection).toContainText(`Motivering: ${reason}`)
  await expect(rejection).toContainText('Inte skickad ännu')

  await page.getByRole('article').first().getByRole('link', { name: link }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(verified)
  await expect(page.getByText('Verifierad', { exact: true }).first()).toBeVisible()
  await checkA11y()
})

test('the outbox filters by recipient with a plain form', async ({ page, checkA11y }) => {
  await visit(page, '/dev/outbox', checkA11y)
  await page.getByLabel('Mottagarens e-postadress').fill(`ingen-${suffix()}@e2e.test`)
  await page.getByRole('button', { name: 'Visa', exact: true }).click()
  await expect(page).toHaveURL(/\/dev\/outbox\?to=ingen-/)
  await expect(page.getByText(/^Ingen e-post till ingen-/)).toBeVisible()
  await expect(page.getByRole('article')).toHaveCount(0)
  await checkA11y()
  await page.getByRole('link', { name: 'Visa all e-post' }).click()
  await expect(page).toHaveURL(/\/dev\/outbox$/)
  await checkA11y()
})

test('to anyone but a platform administrator the verification page does not exist', async ({
  page,
  checkA11y,
}) => {
  await logIn(page, checkA11y, 'sara.berg@nattugglan.test', DEMO_PASSWORD)
  await expect(page.getByRole('link', { name: 'Verifieringar' })).toHaveCount(0)
  const response = await page.goto('/admin/verifications')
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sidan hittades inte')
  await checkA11y()
})
