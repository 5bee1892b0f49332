import { createHash } from 'node:crypto'
import { appendFileSync, readFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import { type Browser, expect, type Page, test as base } from '@playwright/test'

/**
 * axe in the page itself (legacy mode): the default runs axe per frame and then again in a new
 * blank page to merge the results, which cost twice the check on pages without frames, as ours
 * are. Only violations are collected in full. (`options` replaces what `withTags` set, so it
 * comes first.)
 */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .setLegacyMode()
    .analyze()
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  )
}

interface Snapshot {
  url: string
  html: string
}

/**
 * axe needs JavaScript in the page. Without it (the no-javascript project), the exact HTML the
 * server sent is replayed at the same address in a JavaScript-enabled page, with the app's own
 * scripts blocked, so what is checked is what a no-JavaScript visitor got. One replay page per
 * worker serves every check: a browser context per check cost more than the check itself.
 */
async function openReplay(browser: Browser) {
  const context = await browser.newContext({ javaScriptEnabled: true })
  const replay = await context.newPage()
  let current: Snapshot = { url: '', html: '' }
  await replay.route('**/*', async (route) => {
    const request = route.request()
    if (request.url() === current.url && request.resourceType() === 'document')
      return route.fulfill({ status: 200, contentType: 'text/html', body: current.html })
    if (request.resourceType() === 'script') return route.abort()
    return route.continue()
  })
  return {
    async check(snapshot: Snapshot): Promise<string[]> {
      // The document request carries no fragment; a blank page first makes every check a load.
      current = { url: snapshot.url.replace(/#.*$/, ''), html: snapshot.html }
      await replay.goto('about:blank')
      await replay.goto(current.url)
      return axeViolations(replay)
    },
    close: () => context.close(),
  }
}

type Replay = Awaited<ReturnType<typeof openReplay>>

/**
 * Markup that already passed axe passes again: the same path, width and markup (scripts, nonces
 * and the server's own origin aside, which differ every request or project and render nothing
 * axe checks) give the same result, and a run of axe costs about a second. Within a worker the
 * set is in memory; `npm test` also shares it between the two projects' runs through the file
 * AXE_SHARED_PASSES (new for every run, so a changed stylesheet is always checked again).
 */
const passed = new Set<string>()
const sharedFile = process.env.AXE_SHARED_PASSES
function sameMarkup(url: string, width: number, html: string): string {
  const { origin, pathname, search } = new URL(url)
  const markup = html
    .replace(/<script\b[\s\S]*?<\/script>/g, '')
    .replace(/ nonce="[^"]*"/g, '')
    .replaceAll(origin, '')
  return createHash('sha256').update(`${pathname}${search}\n${width}\n${markup}`).digest('hex')
}
function passedBefore(key: string): boolean {
  if (passed.has(key)) return true
  if (!sharedFile) return false
  try {
    return readFileSync(sharedFile, 'utf8').includes(key)
  } catch {
    return false
  }
}
function remember(key: string): void {
  passed.add(key)
  if (sharedFile) appendFileSync(sharedFile, `${key}\n`)
}

/** `checkA11y()` runs axe (WCAG 2.1 A and AA) on the page as it is now; call it on every page a test visits. */
export const test = base.extend<{ checkA11y: () => Promise<void> }, { replay: Replay }>({
  replay: [
    async ({ browser }, use) => {
      const replay = await openReplay(browser)
      await use(replay)
      await replay.close()
    },
    { scope: 'worker' },
  ],
  checkA11y: async ({ page, javaScriptEnabled, replay }, use) => {
    await use(async () => {
      // A check right after a visible element may see a document still arriving (a streamed
      // page under load): the snapshot would hold an input whose label has not come yet.
      await page.waitForLoadState('load')
      const html = await page.content()
      const key = sameMarkup(page.url(), page.viewportSize()?.width ?? 0, html)
      if (passedBefore(key)) return
      const violations = javaScriptEnabled
        ? await axeViolations(page)
        : await replay.check({ url: page.url(), html })
      expect(violations, `axe violations on ${page.url()}`).toEqual([])
      remember(key)
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

/** Logs in as a demo user (cookies cleared first) and lands on `redirectTo`. */
export async function logIn(page: Page, email: string, redirectTo: string) {
  await page.context().clearCookies()
  await page.goto(`/login?${new URLSearchParams({ redirectTo })}`)
  await page.getByLabel('E-postadress').fill(email)
  await page.getByLabel('Lösenord', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Logga in' }).click()
}

/**
 * Logs in as a demo user through the login form (checked with axe), landing on `to`, and waits
 * for the header's log-out button. Cookies are kept: log out or clear them first to switch user.
 */
export async function logInThroughForm(
  page: Page,
  checkA11y: () => Promise<void>,
  email: string,
  to?: string,
) {
  await visit(page, to ? `/login?redirectTo=${encodeURIComponent(to)}` : '/login', checkA11y)
  await page.getByLabel('E-postadress').fill(email)
  await page.getByLabel('Lösenord', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Logga in' }).click()
  await expect(page.getByRole('button', { name: /^(Logga ut|Log out)$/ })).toBeVisible()
}

/** Logs out from the header and waits until the log-in link shows, so the next page is anonymous. */
export async function logOut(page: Page) {
  await page.getByRole('button', { name: /^(Logga ut|Log out)$/ }).click()
  await expect(page.getByRole('link', { name: /^(Logga in|Log in)$/ })).toBeVisible()
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
