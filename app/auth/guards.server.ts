import { redirect } from '@remix-run/node'
import { getDb } from '~/utils/db.server'
import { type SessionUser, readSessionToken, validateSessionToken } from './session.server'

const cache = new WeakMap<Request, Promise<SessionUser | null>>()

/** The signed-in user, or null. Validated once per request however many loaders ask. */
export function getOptionalUser(request: Request): Promise<SessionUser | null> {
  let pending = cache.get(request)
  if (!pending) {
    const token = readSessionToken(request)
    pending = token ? validateSessionToken(getDb(), token) : Promise.resolve(null)
    cache.set(request, pending)
  }
  return pending
}

/** The signed-in user; anyone else is sent to the login page and brought back afterwards. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getOptionalUser(request)
  if (user) return user
  const url = new URL(request.url)
  const back = url.pathname + url.search
  throw redirect(`/login?${new URLSearchParams({ redirectTo: back })}`)
}

/** For the login and sign-up pages: a signed-in user goes to the home page. */
export async function requireAnonymous(request: Request): Promise<void> {
  if (await getOptionalUser(request)) throw redirect('/')
}

/** Platform administrators only; to anyone else the page does not exist. */
export async function requirePlatformAdmin(request: Request): Promise<SessionUser> {
  const user = await requireUser(request)
  if (!user.isPlatformAdmin) throw notFound()
  return user
}

export function notFound(): Response {
  return new Response('Not found', { status: 404 })
}
