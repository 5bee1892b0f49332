import type { Page } from '@playwright/test'
import { expect, test, visit, logInThroughForm, logOut } from './fixtures'

// Issue 15: an innovation intermediary registers, waits for verification like a public body, a
// platform administrator verifies it, and the directory lists it under its kind with its type.

function suffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
}

/** A valid, unused company-style organisation number (55…-…, Luhn check digit). */
function companyOrgNumber(): string {
  const body = `556${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`
  let sum = 0
  for (let i = 0; i < 9; i++) {
    let v = Number(body[i]) * (i % 2 === 0 ? 2 : 1)
    if (v > 9) v -= 9
    sum += v
  }
  return `${body.slice(0, 6)}-${body.slice(6)}${(10 - (sum % 10)) % 10}`
}

/** The directory's own GET form, filtered to intermediaries and a name. */
async function searchDirectory(page: Page, checkA11y: () => Promise<void>, name: string) {
  await visit(page, '/organisations', checkA11y)
  await page.getByLabel('Sök på namn').fill(name)
  await page
    .getByRole('combobox', { name: 'Typ av organisation' })
    .selectOption({ label: 'Innovationsstödjande aktör' })
  await page.getByRole('button', { name: 'Visa', exact: true }).click()
  await expect(page).toHaveURL(/kind=intermediary/)
  await checkA11y()
}

test('a science park registers as an intermediary, waits for verification, is verified by a platform administrator and is listed with its type', async ({
  page,
  checkA11y,
}) => {
  test.setTimeout(120_000)
  const name = `Testparken Norr ${suffix()}`

  await logInThroughForm(page, checkA11y, 'henrik.wikstrom@ltu.test')
  await visit(page, '/organisations/new', checkA11y)
  await page.getByRole('radio', { name: 'Innovationsstödjande aktör' }).check()
  await page.getByLabel('Organisationens namn').fill(name)
  await page.getByLabel('Organisationsnummer').fill(companyOrgNumber())
  await page.getByRole('combobox', { name: 'Län' }).selectOption({ label: 'Norrbottens län' })
  await page.getByRole('combobox', { name: 'Kommun' }).selectOption({ label: 'Luleå' })

  // Without a type: the summary names the field, and what was typed is kept.
  await page.getByRole('button', { name: 'Registrera organisationen' }).click()
  const summary = page.getByRole('alert')
  await expect(summary.getByRole('heading')).toHaveText('Det finns 1 fel i formuläret')
  await expect(summary.getByRole('link', { name: 'Välj ett alternativ.' })).toHaveAttribute(
    'href',
    '#register-organisation-intermediary_type',
  )
  await expect(page.getByLabel('Organisationens namn')).toHaveValue(name)
  await checkA11y()

  await page.getByRole('radio', { name: 'Science park', exact: true }).check()
  await page.getByRole('button', { name: 'Registrera organisationen' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
  await expect(page.getByRole('status')).toHaveText(
    'Organisationen är registrerad och du är dess administratör.',
  )
  await expect(page.getByText('Väntar på verifiering', { exact: true })).toBeVisible()
  await expect(page.getByText('Science park', { exact: true }).first()).toBeVisible()
  // Members, settings and initiatives; no test beds, calls, pilots or references to manage.
  const manage = page.getByRole('navigation', { name: 'Hantera organisationen' })
  await expect(manage.getByRole('link', { name: 'Medlemmar och inbjudningar' })).toBeVisible()
  await expect(manage.getByRole('link', { name: 'Initiativ', exact: true })).toBeVisible()
  await expect(manage.getByRole('link')).toHaveCount(3)
  await checkA11y()
  await logOut(page)

  // Not listed while it waits.
  await searchDirectory(page, checkA11y, name)
  await expect(page.getByRole('status')).toHaveText('0 organisationer')

  await logInThroughForm(page, checkA11y, 'admin@testarena.test')
  await page.getByRole('link', { name: 'Verifieringar' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verifieringar')
  const pending = page.getByRole('region', { name })
  await expect(pending).toContainText('Science park')
  await expect(pending).toContainText('Henrik Wikström')
  await checkA11y()
  await pending.getByRole('button', { name: `Verifiera ${name}` }).click()
  await expect(page.getByRole('status')).toHaveText(
    `${name} är verifierad. Organisationens administratörer har fått e-post om beslutet.`,
  )
  await expect(page.getByRole('region', { name })).toHaveCount(0)
  await checkA11y()
  await logOut(page)

  await searchDirectory(page, checkA11y, name)
  await expect(page.getByRole('status')).toHaveText('1 organisation')
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name }) })
  await expect(card).toContainText('Science park · Luleå kommun, Norrbottens län')
  await expect(card).toContainText('Verifierad')
  await card.getByRole('link', { name }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
  await checkA11y()
})

test('the demo intermediaries are in the directory under their kind', async ({
  page,
  checkA11y,
}) => {
  await visit(page, '/organisations?kind=intermediary', checkA11y)
  await expect(
    page
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: 'IUC Norrbotten AB' }) }),
  ).toContainText('Industriellt utvecklingscentrum (IUC)')
  await expect(
    page
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: 'Luleå tekniska universitet' }) }),
  ).toContainText('Universitet eller högskola')
  // The cluster still waits for a platform administrator.
  await expect(page.getByRole('link', { name: 'Digitaliseringsklustret Norrbotten' })).toHaveCount(
    0,
  )
})
