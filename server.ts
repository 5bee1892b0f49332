/**
 * Testarena's HTTP server: Express in front of Remix. It validates the environment, migrates (and
 * on a new database seeds) SQLite, sets the security headers and CSP nonce, refuses cross-site
 * writes, and delivers queued mail when SMTP is configured.
 */
import { randomBytes } from 'node:crypto'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express, { type NextFunction, type Request, type Response } from 'express'
import helmet from 'helmet'
import { openDatabase } from './db/connection'
import { migrateToLatest } from './db/migrator'
import { seedIfEmpty } from './app/seed'
import { deleteExpiredSessions } from './app/auth/session.server'
import { anchorIfDue } from './app/models/audit-anchors.server'
import { assertSealKeys } from './app/models/bid-seal.server'
import { remindPendingOutcomes } from './app/models/call-outcomes.server'
import { eraseExpiredRequests } from './app/models/reference-call-requests.server'
import { getDb } from './app/utils/db.server'
import { startMailWorker } from './app/utils/mailer.server'
import { startNotificationWorker } from './app/utils/notification-worker.server'
import { now } from './app/utils/clock.server'
import { getEnv } from './app/utils/env.server'
import { API_BASE, preflightHeaders } from './app/utils/api.server'
import { bodyLimitFor, declaresMoreThan, isFormContentType } from './app/utils/body-limit.server'
import { isDatabaseBusy } from './app/utils/http-errors.server'
import { pageCache } from './app/utils/page-cache.server'
import {
  createRemixHandler,
  isWrite,
  requestOrigin,
  sendFault,
  tooLargeFault,
  tooLargeParams,
} from './app/utils/remix-express.server'

/**
 * Non-GET requests must come from this site: the Origin (or Sec-Fetch-Site) says so. The site is
 * the public origin (APP_ORIGIN) or the origin the request was addressed to, where
 * X-Forwarded-Proto/-Host count only from a trusted proxy (docs/operations/proxy.md).
 */
export function isSameOriginWrite(req: Request, allowedOrigin: string): boolean {
  if (!isWrite(req.method)) return true
  // RFC 8058 one-click unsubscribe: the mail provider posts from elsewhere; the signed token in the
  // path is the authority, and all the post can do is stop mail (decision record 035).
  if (req.method === 'POST' && /^\/unsubscribe\/[^/]+$/.test(req.path)) return true
  const origin = req.get('origin')
  if (origin) {
    if (origin === allowedOrigin) return true
    return origin === requestOrigin(req)
  }
  // Browsers send Origin on every POST; without it, accept only a same-origin fetch.
  return req.get('sec-fetch-site') === 'same-origin'
}

export async function createApp(options: {
  build: () => Promise<ServerBuild>
  vite?: { middlewares: express.RequestHandler }
}) {
  const env = getEnv()
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', env.TRUST_PROXY ? 1 : false)
  app.use(compression())

  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64')
    next()
  })
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          'default-src': ["'self'"],
          'script-src': [
            "'self'",
            (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`,
            "'strict-dynamic'",
          ],
          'style-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          'font-src': ["'self'"],
          'connect-src': env.NODE_ENV === 'development' ? ["'self'", 'ws:'] : ["'self'"],
          'object-src': ["'none'"],
          'base-uri': ["'none'"],
          'frame-ancestors': ["'none'"],
          'form-action': ["'self'"],
          ...(env.secureCookies ? { 'upgrade-insecure-requests': [] } : {}),
        },
      },
      strictTransportSecurity: env.secureCookies
        ? { maxAge: 63072000, includeSubDomains: true }
        : false,
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      crossOriginEmbedderPolicy: false,
    }),
  )

  // The open-data API (issue 17) may be read from any site: its CORS preflight is answered here,
  // before the same-origin check that guards every write.
  app.options(`${API_BASE}/*`, (_req, res) => {
    res.removeHeader('Cross-Origin-Resource-Policy')
    res.set(preflightHeaders()).status(204).end()
  })
  // helmet's same-origin resource policy stays on the pages; the API's answers set their own.
  app.use(API_BASE, (_req, res, next) => {
    res.removeHeader('Cross-Origin-Resource-Policy')
    next()
  })

  app.use((req, res, next) => {
    if (isSameOriginWrite(req, env.APP_ORIGIN)) return next()
    const origin = req.get('origin')
    sendFault(req, res, 'crossSite', origin ? { origin, expected: env.APP_ORIGIN } : {})
  })

  // A write carries a form as a browser sends it, within its route's limit: a larger declared
  // body is refused before any of it is read (chunked bodies are counted as they stream).
  app.use((req, res, next) => {
    if (!isWrite(req.method)) return next()
    if (!isFormContentType(req.get('content-type'))) return sendFault(req, res, 'unsupportedType')
    const limit = bodyLimitFor(req.path)
    if (declaresMoreThan(req.get('content-length'), limit)) {
      return sendFault(req, res, tooLargeFault(limit), tooLargeParams(limit))
    }
    next()
  })

  if (options.vite) {
    app.use(options.vite.middlewares)
    app.use(express.static('public', { maxAge: '1h', index: false }))
  } else {
    app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }))
    // Vite copies public/ into build/client. Only paths that look like files are looked up on
    // disk; pages (which never contain a dot) go straight to Remix without a stat per request.
    const files = express.static('build/client', { maxAge: '1h', index: false })
    app.use((req, res, next) => (req.path.includes('.') ? files(req, res, next) : next()))
  }

  // Rendered pages of visitors without a session, with this request's nonce (decision 044).
  if (env.PAGE_CACHE) app.use(pageCache(env.DATABASE_PATH))

  app.all(
    '*',
    createRemixHandler({
      build: options.build,
      mode: env.NODE_ENV,
      getLoadContext: (req, res) => ({
        cspNonce: res.locals.cspNonce as string,
        clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
      }),
    }),
  )

  // Errors outside Remix's own handling: a busy database is a 503, never a 500 with a stack.
  app.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error)
    if (isDatabaseBusy(error)) {
      console.warn(`Database busy: answered 503 to ${req.method} ${req.path}`)
      return sendFault(req, res, 'busy')
    }
    console.error(error)
    sendFault(req, res, 'internal')
  })
  return app
}

async function main() {
  const env = getEnv()
  const { db, sqlite } = openDatabase(env.DATABASE_PATH)
  await migrateToLatest(db)
  if (env.SEED_DEMO) {
    // The demo history is written as it happened, on a connection whose SQLite clock follows the
    // seed's (app/seed/shared.ts); it is closed before the server takes requests.
    const seeding = openDatabase(env.DATABASE_PATH, { clock: now })
    const seeded = await seedIfEmpty(seeding.db)
    await seeding.db.destroy()
    if (seeded) console.log('Seeded demo data (see README: demo logins).')
  }
  // Refuses to start when sealed bids cannot be opened with the bid seal keys (decision 023).
  await assertSealKeys(db)
  await deleteExpiredSessions(db)
  // Reference-call requests past their 90 days lose their personal data, now and hourly.
  await eraseExpiredRequests(db)
  // The audit chain's head, daily (also hourly below); a failure is logged, never fatal.
  await anchorIfDue(db).catch(console.error)
  await db.destroy()
  void sqlite

  let build: () => Promise<ServerBuild>
  let vite: { middlewares: express.RequestHandler } | undefined
  if (env.NODE_ENV === 'development') {
    const { createServer } = await import('vite')
    const devServer = await createServer({ server: { middlewareMode: true } })
    vite = devServer
    build = () => devServer.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>
  } else {
    // server.ts runs from the project's root (tsx) or bundled as build/server.js (decision 043).
    const root = import.meta.url.endsWith('/build/server.js') ? '../' : './'
    const path = new URL(`${root}build/server/index.js`, import.meta.url).href
    const loaded = (await import(path)) as ServerBuild
    build = async () => loaded
  }

  const app = await createApp({ build, vite })
  startMailWorker()
  // Follows and saved searches: fan-out, reminders and digests, outside the requests (decision 035).
  startNotificationWorker()
  // Ended sessions are deleted when next presented; this clears the ones never presented again.
  // Every call past its deadline without an outcome reminds its buyer (at most weekly per call).
  setInterval(
    () => {
      void deleteExpiredSessions(getDb()).catch(console.error)
      void remindPendingOutcomes(getDb()).catch(console.error)
      void eraseExpiredRequests(getDb()).catch(console.error)
      void anchorIfDue(getDb()).catch(console.error)
    },
    60 * 60 * 1000,
  ).unref()
  app.listen(env.PORT, env.HOST, () => {
    console.log(`Testarena is running at http://localhost:${env.PORT} (${env.NODE_ENV})`)
  })
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
