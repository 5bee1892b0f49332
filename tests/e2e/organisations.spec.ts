import type { Page } from '@playwright/test'
import { confirmSignupFromMail, expect, latestMailTo, linkIn, test, visit } from './fixtures'

const PASSWORD = 'norrsken-över-kebnekaise-31'

function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`
}

function uniqueEmail(prefix: string): string {
  return `${prefix}-${uniqueSuffix()}@e2e.test`
}

/**
 * A random organisation number that passes the check-digit (Luhn) test, formatted NNNNNN-NNNN.
 * The third digit is 2–9, as for every legal person.
 */
function validOrgNumber(): string {
  const body = `55${2 + Math.floor(Math.random() * 8)}${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`
  let sum = 0
  for (let i = 0; i < 9; i++) {
    let v = Number(body[i]) * (i % 2 === 0 ? 2 : 1)
    if (v > 9) v -= 9
    sum += v
  }
  const digits = body + String((10 - (sum % 10)) % 10)
  return `${digits.slice(0, 6)}-${digits.slice(6)}`
}

function withWrongCheckDigit(orgNumber: string): string {
  const last = Number(orgNumber.at(-1))
  return orgNumber.slice(0, -1) + String((last + 1) % 10)
}

const texts = {
  sv: {
    name: 'Namn',
    email: 'E-postadress',
    password: 'Lösenord',
    confirm: 'Upprepa lösenordet',
    signup: 'Skapa konto',
    company: 'Företag',
    orgName: 'Organisationens namn',
    orgNumber: 'Organisationsnummer',
    small: /^Litet företag/,
    county: 'Län',
    municipality: 'Kommun',
    website: /^Webbplats/,
    description: /^Kort beskrivning/,
    register: 'Registrera organisationen',
    registerLink: 'Registrera en ny organisation',
  },
  en: {
    name: 'Name',
    email: 'Email address',
    password: 'Password',
    confirm: 'Repeat the password',
    signup: 'Create account',
    company: 'Company',
    orgName: 'Name of the organisation',
    orgNumber: 'Organisation number',
    small: /^Small enterprise/,
    county: 'County',
    municipality: 'Municipality',
    website: /^Website/,
    description: /^Short description/,
    register: 'Register the organisation',
    registerLink: 'Register a new organisation',
  },
}
type Texts = (typeof texts)['sv']

/** Fills in the sign-up form (already open) and sends it. */
async function signUp(page: Page, l: Texts, name: string, email: string) {
  await page.getByLabel(l.name, { exact: true }).fill(name)
  await expect(page.getByLabel(l.email)).toBeVisible()
  if ((await page.getByLabel(l.email).inputValue()) !== email)
    await page.getByLabel(l.email).fill(email)
  await page.getByLabel(l.password, { exact: true }).fill(PASSWORD)
  await page.getByLabel(l.confirm).fill(PASSWORD)
  await page.getByRole('button', { name: l.signup }).click()
}

/**
 * Fills in the registration form for a small company in Luleå, Norrbotten. The organisation
 * number comes last so that a wrong one is reported when the form is sent.
 */
async function fillCompany(page: Page, l: Texts, name: string, orgNumber: string) {
  await page.getByRole('radio', { name: l.company, exact: true }).check()
  await page.getByLabel(l.orgName).fill(name)
  await page.getByRole('radio', { name: l.small }).check()
  await page.getByRole('combobox', { name: l.county }).selectOption('25')
  await page.getByRole('combobox', { name: l.municipality }).selectOption('2580')
  await page.getByRole('checkbox', { name: /^J – / }).check()
  await page.getByLabel(l.website).fill('https://e2e.example')
  await page.getByLabel(l.description).fill('Vi testar hela kedjan.')
  await page.getByLabel(l.orgNumber).fill(orgNumber)
}

test('a new user registers a company, corrects a wrong organisation number and finds it in the directory', async ({
  page,
  checkA11y,
}) => {
  // Many pages, each checked with axe (replayed without JavaScript in that project).
  test.slow()
  const l = texts.sv
  const suffix = uniqueSuffix()
  const name = `E2E Fjällsensor ${suffix} AB`
  const orgNumber = validOrgNumber()

  const frida = uniqueEmail('frida')
  await visit(page, '/signup', checkA11y)
  await signUp(page, l, 'Frida Fjäll', frida)
  await checkA11y()
  await confirmSignupFromMail(page, checkA11y, frida)
  await expect(page).toHaveURL(/\/my\/organisations/)
  await checkA11y()
  await page.getByRole('main').getByRole('link', { name: l.registerLink }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Registrera en organisation')
  await checkA11y()

  // A wrong check digit: the summary links to the field and everything typed is kept.
  await fillCompany(page, l, name, withWrongCheckDigit(orgNumber))
  await page.getByLabel(l.orgNumber).press('Enter')
  const summary = page.getByRole('alert')
  await expect(summary.getByRole('heading')).toHaveText('Det finns 1 fel i formuläret')
  const errorLink = summary.getByRole('link', {
    name: 'Ange ett giltigt organisationsnummer, till exempel 556016-0680.',
  })
  await expect(errorLink).toHaveAttribute('href', '#register-organisation-org_number')
  await checkA11y()
  await expect(page.getByLabel(l.orgName)).toHaveValue(name)
  await expect(page.getByLabel(l.orgNumber)).toHaveValue(withWrongCheckDigit(orgNumber))
  await expect(page.getByRole('radio', { name: l.small })).toBeChecked()
  await expect(page.getByRole('combobox', { name: l.county })).toHaveValue('25')
  await expect(page.getByRole('combobox', { name: l.municipality })).toHaveValue('2580')
  await expect(page.getByRole('checkbox', { name: /^J – / })).toBeChecked()
  await expect(page.getByLabel(l.description)).toHaveValue('Vi testar hela kedjan.')

  await page.getByLabel(l.orgNumber).fill(orgNumber)
  await page.getByLabel(l.orgNumber).press('Enter')

  // The public profile.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
  await expect(page.getByRole('status')).toHaveText(
    'Organisationen är registrerad och du är dess administratör.',
  )
  await expect(page.getByText(orgNumber, { exact: true })).toBeVisible()
  await expect(page.getByText('Luleå kommun', { exact: true })).toBeVisible()
  await expect(page.getByText('Informations- och kommunikationsverksamhet')).toBeVisible()
  await checkA11y()

  // Its administrator edits it, and cannot leave as its only administrator.
  await page.getByRole('link', { name: 'Inställningar' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Inställningar för ${name}`)
  await expect(page.getByLabel(l.orgName)).toHaveValue(name)
  await checkA11y()
  await page.getByLabel(l.description).fill('Vi testar hela kedjan, från sensor till journal.')
  await page.getByRole('button', { name: 'Spara', exact: true }).click()
  await expect(page.getByRole('status')).toHaveText('Ändringarna är sparade.')
  await expect(page.getByLabel(l.description)).toHaveValue(
    'Vi testar hela kedjan, från sensor till journal.',
  )
  await page.getByRole('link', { name: 'Till organisationens sida' }).click()
  await page.getByRole('link', { name: 'Medlemmar och inbjudningar' }).click()
  await page.getByRole('button', { name: `Lämna ${name}` }).click()
  await expect(page.getByRole('alert')).toContainText(
    'Organisationen måste ha minst en administratör.',
  )
  await checkA11y()

  // The directory finds it by name, kind and county, and not in another county.
  await visit(page, '/organisations', checkA11y)
  await page.getByLabel('Sök på namn').fill(suffix)
  await page.getByLabel('Typ av organisation').selectOption({ label: 'Företag' })
  await page.getByLabel('Län').selectOption({ label: 'Norrbottens län' })
  await page.getByRole('button', { name: 'Visa' }).click()
  await expect(page).toHaveURL(/kind=company/)
  await expect(page.getByRole('link', { name })).toBeVisible()
  await expect(page.getByText('1 organisation', { exact: true })).toBeVisible()
  await checkA11y()
  await page.getByLabel('Län').selectOption({ label: 'Stockholms län' })
  await page.getByRole('button', { name: 'Visa' }).click()
  await expect(page).toHaveURL(/county=01/)
  await expect(page.getByText('Inga organisationer matchar filtret.')).toBeVisible()
  await expect(page.getByRole('link', { name })).toHaveCount(0)
  await checkA11y()
})

test('the directory filters the demo public bodies by kind and county', async ({
  page,
  checkA11y,
}) => {
  await visit(page, '/organisations?kind=public_body&county=25', checkA11y)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Organisationer')
  await expect(page.getByRole('link', { name: 'Region Norrbotten' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Luleå kommun' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Nattugglan Omsorgsteknik AB' })).toHaveCount(0)
  await expect(page.getByLabel('Typ av organisation')).toHaveValue('public_body')
  await page.getByRole('link', { name: 'Rensa filter' }).click()
  await expect(page.getByRole('link', { name: 'Nattugglan Omsorgsteknik AB' })).toBeVisible()
  await checkA11y()
})

test.describe('in English', () => {
  test.use({ locale: 'en-GB' })

  test('an administrator invites a colleague, who signs up with the invited address and joins', async ({
    page,
    checkA11y,
  }) => {
    test.slow()
    const l = texts.en
    const name = `E2E Polar Invite ${uniqueSuffix()} AB`
    const colleague = uniqueEmail('colleague')

    // The administrator: a new account with a new company.
    const ada = uniqueEmail('ada')
    await visit(page, '/signup', checkA11y)
    await signUp(page, l, 'Ada Admin', ada)
    await confirmSignupFromMail(page, checkA11y, ada)
    await expect(page).toHaveURL(/\/my\/organisations/)
    await visit(page, '/organisations/new', checkA11y)
    await fillCompany(page, l, name, validOrgNumber())
    await page.getByRole('button', { name: l.register }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
    await page.getByRole('link', { name: 'Members and invitations' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Members of ${name}`)
    await checkA11y()

    await page.getByLabel('Email address').fill(colleague)
    await page.getByRole('radio', { name: 'Member' }).check()
    await page.getByRole('button', { name: 'Send invitation' }).click()
    await expect(page.getByRole('status')).toHaveText('The invitation has been sent.')
    await expect(page.getByRole('rowheader', { name: colleague })).toBeVisible()
    await checkA11y()
    await page.getByRole('button', { name: 'Log out' }).click()
    await expect(page.getByRole('link', { name: 'Log in', exact: true })).toBeVisible()

    // The colleague reads the mail, opens the link, creates an account and joins.
    const mail = await latestMailTo(page, colleague)
    expect(mail).toContain(`Ada Admin invites you to ${name} on Testarena`)
    const link = linkIn(mail)
    expect(link).toMatch(/\/invitations\/[a-z2-7]{32}$/)
    await visit(page, link, checkA11y)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Invitation to ${name}`)
    await expect(page.getByText('Ada Admin has invited you to join')).toBeVisible()
    await page.getByRole('main').getByRole('link', { name: 'Create account' }).click()
    await expect(page.getByLabel('Email address')).toHaveValue(colleague)
    await checkA11y()
    await signUp(page, l, 'Colin Colleague', colleague)

    // The invitation link proved the address: no confirmation mail, straight back to it.
    await expect(page).toHaveURL(link)
    await checkA11y()
    await page.getByRole('button', { name: `Join ${name}` }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
    await expect(page.getByRole('status')).toHaveText(
      'Welcome! You are now a member of the organisation.',
    )
    await checkA11y()

    // A member sees the members but cannot manage the organisation.
    await expect(page.getByRole('link', { name: 'Settings' })).toHaveCount(0)
    await page.getByRole('link', { name: 'Members and invitations' }).click()
    await expect(page.getByRole('rowheader', { name: /Colin Colleague/ })).toBeVisible()
    await expect(page.getByRole('rowheader', { name: /Ada Admin/ })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Send invitation' })).toHaveCount(0)
    await checkA11y()

    // The link is used up.
    await visit(page, link, checkA11y)
    await expect(
      page.getByText('This invitation has already been used or withdrawn.'),
    ).toBeVisible()
  })
})
