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

const PASSWORD = 'fjällräv-i-snöstorm-2026'
const NEW_PASSWORD = 'midnattssol-över-abisko-77'

function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@e2e.test`
}

/** After sign-up or login the user lands on their organisations; their account page shows who they are. */
async function expectLoggedIn(
  page: Page,
  checkA11y: () => Promise<void>,
  email: string,
  landing = '/my/organisations',
) {
  await expect(page).toHaveURL((url) => url.pathname === landing)
  await visit(page, '/account', checkA11y)
  await expect(page.getByText(email)).toBeVisible()
  await expect(page.getByRole('button', { name: /^(Logga ut|Log out)$/ })).toBeVisible()
}

/** Fills in and sends the Swedish sign-up form. */
async function sendSignUp(page: Page, checkA11y: () => Promise<void>, name: string, email: string) {
  await visit(page, '/signup', checkA11y)
  await page.getByLabel('Namn').fill(name)
  await page.getByLabel('E-postadress').fill(email)
  await page.getByLabel('Lösenord', { exact: true }).fill(PASSWORD)
  await page.getByLabel('Upprepa lösenordet').fill(PASSWORD)
  await page.getByRole('button', { name: 'Skapa konto' }).click()
}

/** Signs up through the Swedish form and confirms the address; leaves the new user logged in. */
async function signUp(page: Page, checkA11y: () => Promise<void>, name: string, email: string) {
  await sendSignUp(page, checkA11y, name, email)
  await confirmSignupFromMail(page, checkA11y, email)
  await expectLoggedIn(page, checkA11y, email)
}

async function logIn(page: Page, email: string, password: string) {
  await page.getByLabel('E-postadress').fill(email)
  await page.getByLabel('Lösenord', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Logga in' }).click()
}

test('a new visitor signs up, confirms the address from the mail, logs out and logs in again', async ({
  page,
  checkA11y,
}) => {
  test.slow()
  const email = uniqueEmail('ny')
  await visit(page, '/signup', checkA11y)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Skapa konto')

  // A first attempt with a mismatched confirmation keeps the name and email but not the passwords.
  await page.getByLabel('Namn').fill('Nora Nyström')
  await page.getByLabel('E-postadress').fill(email)
  await page.getByLabel('Lösenord', { exact: true }).fill(PASSWORD)
  await page.getByLabel('Upprepa lösenordet').fill(`${PASSWORD}x`)
  await page.getByRole('button', { name: 'Skapa konto' }).click()
  const summary = page.getByRole('alert')
  await expect(summary.getByRole('heading')).toHaveText('Det finns 1 fel i formuläret')
  await expect(summary.getByRole('link', { name: 'Lösenorden är inte likadana.' })).toBeVisible()
  await checkA11y()
  await expect(page.getByLabel('Namn')).toHaveValue('Nora Nyström')
  await expect(page.getByLabel('E-postadress')).toHaveValue(email)

  await page.getByLabel('Lösenord', { exact: true }).fill(PASSWORD)
  await page.getByLabel('Upprepa lösenordet').fill(PASSWORD)
  await page.getByRole('button', { name: 'Skapa konto' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Titta i din e-post')
  await expect(page.getByRole('status')).toContainText(`Vi har skickat ett mejl till ${email}.`)
  await checkA11y()

  // Until the address is confirmed the account cannot be used; the right password learns why.
  await visit(page, '/login', checkA11y)
  await logIn(page, email, PASSWORD)
  await expect(page.getByRole('alert')).toContainText(
    'Du behöver bekräfta din e-postadress innan du kan logga in.',
  )
  await checkA11y()

  const mail = await latestMailTo(page, email)
  expect(mail).toContain('Bekräfta din e-postadress i Testarena')
  const link = linkIn(mail)
  expect(link).toMatch(/\/signup\/confirm\/[a-z2-7]{32}$/)
  await visit(page, link, checkA11y)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bekräfta din e-postadress')
  await page.getByRole('button', { name: 'Bekräfta och logga in' }).click()
  await expectLoggedIn(page, checkA11y, email)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mitt konto')
  await expect(page.getByText('Den här inloggningen')).toBeVisible()

  await page.getByRole('button', { name: 'Logga ut', exact: true }).click()
  await expect(page).toHaveURL(/\/$/)
  await expect(page.getByRole('link', { name: 'Logga in' })).toBeVisible()
  await checkA11y()

  // The confirmation link worked once.
  const used = await page.goto(link)
  expect(used?.status()).toBe(410)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Länken fungerar inte')
  await checkA11y()

  // Signing up again with the address gets the same answer; the owner is told by mail.
  await sendSignUp(page, checkA11y, 'Någon Annan', email)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Titta i din e-post')
  await expect(page.getByRole('status')).toContainText(`Vi har skickat ett mejl till ${email}.`)
  expect(await latestMailTo(page, email)).toContain(
    'Någon försökte skapa ett konto med din e-postadress',
  )

  await page.goto('/')
  await page.getByRole('link', { name: 'Logga in' }).click()
  await checkA11y()
  await logIn(page, email, PASSWORD)
  // Logging in from the header brings the user back to the page they were on.
  await expectLoggedIn(page, checkA11y, email, '/')
})

test('a wrong password shows the error summary without saying whether the account exists', async ({
  page,
  checkA11y,
}) => {
  await visit(page, '/login', checkA11y)
  await logIn(page, 'anna.lindqvist@norrbotten.test', 'helt-fel-lösenord')
  const summary = page.getByRole('alert')
  await expect(summary).toContainText('Fel e-postadress eller lösenord.')
  await expect(page.getByLabel('E-postadress')).toHaveValue('anna.lindqvist@norrbotten.test')
  await expect(page.getByLabel('Lösenord', { exact: true })).toHaveValue('')
  await checkA11y()

  await logIn(page, uniqueEmail('finns-inte'), 'helt-fel-lösenord')
  await expect(page.getByRole('alert')).toContainText('Fel e-postadress eller lösenord.')
  await checkA11y()
})

test('a forgotten password is reset through the link in the mail', async ({ page, checkA11y }) => {
  // A long journey with many axe runs (each a fresh browser context without JavaScript).
  test.slow()
  const email = uniqueEmail('glomsk')
  await signUp(page, checkA11y, 'Gustav Glömsk', email)
  await logOut(page)

  await visit(page, '/login', checkA11y)
  await page.getByRole('link', { name: 'Glömt lösenordet?' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Glömt lösenordet')
  await checkA11y()
  await page.getByLabel('E-postadress').fill(email)
  await page.getByRole('button', { name: 'Skicka länk' }).click()
  await expect(page.getByRole('status')).toContainText(
    'Om det finns ett konto med den e-postadressen',
  )
  await checkA11y()

  const mail = await latestMailTo(page, email)
  await checkA11y()
  expect(mail).toContain('Återställ ditt lösenord')
  const link = linkIn(mail)
  expect(link).toMatch(/\/reset-password\/[a-z2-7]{32}$/)

  await visit(page, link, checkA11y)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Välj ett nytt lösenord')
  await page.getByLabel('Nytt lösenord').fill('kort')
  await page.getByLabel('Upprepa det nya lösenordet').fill('kort')
  await page.getByRole('button', { name: 'Spara nytt lösenord' }).click()
  await expect(page.getByRole('alert')).toContainText('Lösenordet måste ha minst 8 tecken.')
  await checkA11y()

  await page.getByLabel('Nytt lösenord').fill(NEW_PASSWORD)
  await page.getByLabel('Upprepa det nya lösenordet').fill(NEW_PASSWORD)
  await page.getByRole('button', { name: 'Spara nytt lösenord' }).click()
  await expect(page).toHaveURL(/\/login\?reset=1$/)
  await expect(page.getByRole('status')).toContainText('Ditt lösenord är ändrat.')
  await checkA11y()

  await logIn(page, email, PASSWORD)
  await expect(page.getByRole('alert')).toContainText('Fel e-postadress eller lösenord.')
  await logIn(page, email, NEW_PASSWORD)
  await expectLoggedIn(page, checkA11y, email)

  // The link worked once.
  const again = await page.goto(link)
  expect(again?.status()).toBe(410)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Länken fungerar inte')
  await expect(page.getByRole('link', { name: 'Begär en ny länk' })).toBeVisible()
  await checkA11y()
})

test.describe('in English', () => {
  test('a user changes their password on the account page, which ends their other sessions', async ({
    page,
    browser,
    javaScriptEnabled,
    checkA11y,
  }) => {
    test.slow()
    const email = uniqueEmail('english')
    await visit(page, '/', checkA11y)
    await page.getByRole('button', { name: 'In English' }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')

    await visit(page, '/signup', checkA11y)
    await page.getByLabel('Name').fill('Edith English')
    await page.getByLabel('Email address').fill(email)
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD)
    await page.getByLabel('Repeat the password').fill(PASSWORD)
    await page.getByRole('button', { name: 'Create account' }).click()
    await confirmSignupFromMail(page, checkA11y, email)
    await expectLoggedIn(page, checkA11y, email)

    // A second browser logged in to the same account.
    const other = await browser.newContext({ javaScriptEnabled, locale: 'en-GB' })
    try {
      const otherPage = await other.newPage()
      await otherPage.goto('/login')
      await otherPage.getByLabel('Email address').fill(email)
      await otherPage.getByLabel('Password', { exact: true }).fill(PASSWORD)
      await otherPage.getByRole('button', { name: 'Log in' }).click()
      await expect(otherPage).toHaveURL(/\/my\/organisations$/)

      await visit(page, '/account', checkA11y)
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('My account')
      await expect(
        page.getByRole('list', { name: 'Active sessions' }).getByRole('listitem'),
      ).toHaveCount(2)

      await page.getByLabel('Current password').fill('not-my-password')
      await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD)
      await page.getByLabel('Repeat the new password').fill(NEW_PASSWORD)
      await page.getByRole('button', { name: 'Change password' }).click()
      await expect(page.getByRole('alert')).toContainText('The current password is wrong.')
      await checkA11y()

      await page.getByLabel('Current password').fill(PASSWORD)
      await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD)
      await page.getByLabel('Repeat the new password').fill(NEW_PASSWORD)
      await page.getByRole('button', { name: 'Change password' }).click()
      await expect(page.getByRole('status')).toContainText('Your password has been changed.')
      await expect(
        page.getByRole('list', { name: 'Active sessions' }).getByRole('listitem'),
      ).toHaveCount(1)
      await checkA11y()

      // The other browser has been logged out.
      await otherPage.goto('/account')
      await expect(otherPage).toHaveURL(/\/login\?redirectTo=%2Faccount/)
    } finally {
      await other.close()
    }

    // Logged out before /login is asked for: a signed-in visitor is sent on from there.
    await logOut(page)
    await page.goto('/login')
    await page.getByLabel('Email address').fill(email)
    await page.getByLabel('Password', { exact: true }).fill(NEW_PASSWORD)
    await page.getByRole('button', { name: 'Log in' }).click()
    await expectLoggedIn(page, checkA11y, email)
  })
})

test('a demo user can log in with the demo password and lands where they were going', async ({
  page,
  checkA11y,
}) => {
  await visit(page, '/login?redirectTo=%2Faccount', checkA11y)
  await logIn(page, 'lars.ek@norrbotten.test', DEMO_PASSWORD)
  await expect(page).toHaveURL(/\/account$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mitt konto')
  await checkA11y()
})
