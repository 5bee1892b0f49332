import AxeBuilder from '@axe-core/playwright'
import { type Browser, expect, type Page, test as base } from '@playwright/test'

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  )
}

/**
 * axe needs JavaScript in the page. Without it (the no-javascript project), the exact HTML the
 * server sent is replayed at the same address in a JavaScript-enabled page, with the app's own
 * scripts blocked, so what is checked is what a no-JavaScript visitor got.
 */
async function axeViolationsWithoutJs(browser: Browser, page: Page): Promise<string[]> {
  const html = await page.content()
  const url = page.url()
  const context = await browser.newContext({ javaScriptEnabled: true })
  try {
    const replay = await context.newPage()
    await replay.route('**/*', async (route) => {
      const requestUrl = route.request().url()
      if (requestUrl === url)
        return route.fulfill({ status: 200, contentType: 'text/html', body: html })
      if (route.request().resourceType() === 'script') return route.abort()
      return route.continue()
    })
    await replay.goto(url)
    return await axeViolations(replay)
  } finally {
    await context.close()
  }
}

/** `checkA11y()` runs axe (WCAG 2.1 A and AA) on the page as it is now; call it on every page a test visits. */
export const test = base.extend<{ checkA11y: () => Promise<void> }>({
  checkA11y: async ({ page, browser, javaScriptEnabled }, use) => {
    await use(async () => {
      const violations = javaScriptEnabled
        ? await axeViolations(page)
        : await axeViolationsWithoutJs(browser, page)
      expect(violations, `axe violations on ${page.url()}`).toEqual([])
    })
  },
})

export { expect }

export const DEMO_PASSWORD = 'testarena-demo'

/** Goes to a path and runs axe on what loads. */
export async function visit(page: Page, path: string, checkA11y: () => Promise<void>) {
  await page.goto(path)
  await checkA11y()
}

/** The newest mail to an address, read from the development outbox page like a person would. */
export async function latestMailTo(page: Page, address: string): Promise<string> {
  await page.goto(`/dev/outbox?to=${encodeURIComponent(address)}`)
  const message = page.getByRole('article').first()
  return (await message.textContent()) ?? ''
}

/** The first http(s) link in a text. */
export function linkIn(text: string): string {
  const match = /https?:\/\/\S+/.exec(text)
  if (!match) throw new Error(`No link in: ${text}`)
  return match[0]
}

/**
 * After a sign-up form is sent: the page says to check the mail (in either language), the newest
 * mail to the address holds the confirmation link, and its button confirms and logs in.
 */
export async function confirmSignupFromMail(
  page: Page,
  checkA11y: () => Promise<void>,
  email: string,
) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    /^(Titta i din e-post|Check your email)$/,
  )
  await expect(page.getByRole('status')).toContainText(email)
  const link = linkIn(await latestMailTo(page, email))
  expect(link).toMatch(/\/signup\/confirm\/[a-z2-7]{32}(\?|$)/)
  await visit(page, link, checkA11y)
  await page.getByRole('button', { name: /^(Bekräfta och logga in|Confirm and log in)$/ }).click()
}
