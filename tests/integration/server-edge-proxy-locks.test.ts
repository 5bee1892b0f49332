import { existsSync } from 'node:fs'
import type { Server } from 'node:http'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ServerBuild } from '@remix-run/node'
import SQLite from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openDatabase } from '#db/connection'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { resetEnvCache } from '~/utils/env.server'
import { createUser, sessionCookieFor } from '../helpers/factories'
import { close, listen, send } from '../helpers/http-server'
import { actions, APP_ORIGIN, form, serveStubBuild, stubBuild } from '../helpers/server-edge-setup'

/**
 * The server under stress (issue 13): body limits, content types, proxies and a locked database,
 * through the real Express app of server.ts, the real handleError of entry.server.tsx and a
 * stand-in Remix build whose pages are real document routes (so Remix's own cross-site check
 * runs), with the real account route for database writes.
 * This file: proxies, a database locked by another connection, and the real production build.
 */

let base: string
serveStubBuild((url) => (base = url))

describe('behind a proxy', () => {
  test('a proxy that does not pass the public Host: a form from APP_ORIGIN still works', async () => {
    // The browser is on APP_ORIGIN; the server sees the proxy's Host (127.0.0.1:port).
    const reply = await send(base, '/form', { headers: form(APP_ORIGIN), body: 'text=hej' })
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toEqual({ actionData: { 'routes/form': { text: 3 } } })
  })

  test('without TRUST_PROXY, a client’s X-Forwarded-Host is ignored, for better and worse', async () => {
    const own = await send(base, '/form', {
      headers: form(base, { 'X-Forwarded-Host': 'evil.example' }),
      body: 'text=hej',
    })
    expect(own.status).toBe(200)
    const spoofed = await send(base, '/form', {
      headers: form('http://evil.example', { 'X-Forwarded-Host': 'evil.example' }),
      body: 'text=hej',
    })
    expect(spoofed.status).toBe(403)
  })

  test('a Host that is not a host is a 400 page', async () => {
    const reply = await send(base, '/form', {
      method: 'GET',
      headers: { Host: 'someone@evil.example' },
    })
    expect(reply.status).toBe(400)
    expect(reply.body).toContain('Adressen i begäran är inte giltig')
  })

  describe('with TRUST_PROXY and a proxy that passes X-Forwarded-Proto and -Host', () => {
    let proxied: { server: Server; base: string }
    beforeAll(async () => {
      process.env.TRUST_PROXY = 'true'
      resetEnvCache()
      proxied = await listen(async () => stubBuild)
    })
    afterAll(async () => {
      delete process.env.TRUST_PROXY
      resetEnvCache()
      await close(proxied.server)
    })

    const public_ = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'testarena.example' }

    test('a form from the public origin works', async () => {
      const reply = await send(proxied.base, '/form', {
        headers: form('https://testarena.example', public_),
        body: 'text=hej',
      })
      expect(reply.status).toBe(200)
      expect(JSON.parse(reply.body)).toEqual({ actionData: { 'routes/form': { text: 3 } } })
    })

    test('an X-Forwarded-Host that does not match the form’s origin is a translated 403', async () => {
      const before = actions.length
      const reply = await send(proxied.base, '/form', {
        headers: form('https://testarena.example', {
          'X-Forwarded-Proto': 'https',
          'X-Forwarded-Host': 'internal.example',
        }),
        body: 'text=hej',
      })
      expect(reply.status).toBe(403)
      expect(reply.body).toContain('Begäran från annan webbplats nekad')
      expect(reply.body).toContain('https://testarena.example')
      expect(actions.length).toBe(before)

      const english = await send(proxied.base, '/form', {
        headers: form('https://testarena.example', {
          'X-Forwarded-Host': 'internal.example',
          'Accept-Language': 'en',
        }),
        body: 'text=hej',
      })
      expect(english.status).toBe(403)
      expect(english.body).toContain('<html lang="en">')
      expect(english.body).toContain('Cross-site request refused')
    })

    test('the page shows a hostile origin as text, not markup', async () => {
      const reply = await send(proxied.base, '/form', {
        headers: form('https://<script>x</script>.example'),
        body: 'text=hej',
      })
      expect(reply.status).toBe(403)
      expect(reply.body).not.toContain('<script>')
    })
  })
})

describe('a database locked by another connection', () => {
  // The app's connection, with its SQLite handle, so a test can shorten busy_timeout.
  let sqlite: SQLite.Database
  let cookie: string
  let userId: number
  beforeAll(async () => {
    await getDb().destroy()
    const opened = openDatabase(process.env.DATABASE_PATH!, { clock: now })
    globalThis.__testarenaDb = opened.db
    sqlite = opened.sqlite
    const user = await createUser(getDb(), { name: 'Före' })
    userId = user.id
    cookie = await sessionCookieFor(getDb(), userId)
  })

  /**
   * A second connection in another thread (the app's waits block this one) that takes the write
   * lock, renames the user, and commits after `holdMs` or when released.
   */
  async function holdWriteLock(holdMs: number) {
    const signal = new Int32Array(new SharedArrayBuffer(4))
    const worker = new Worker(
      `
      const { parentPort, workerData } = require('node:worker_threads')
      const Database = require('better-sqlite3')
      const db = new Database(workerData.path)
      db.exec('BEGIN IMMEDIATE')
      db.prepare('UPDATE users SET name = ? WHERE id = ?').run('Låst av annan', workerData.userId)
      parentPort.postMessage('locked')
      Atomics.wait(new Int32Array(workerData.signal), 0, 0, workerData.holdMs)
      db.exec('COMMIT')
      db.close()
      parentPort.postMessage('released')
      `,
      {
        eval: true,
        workerData: { path: process.env.DATABASE_PATH, userId, holdMs, signal: signal.buffer },
      },
    )
    const released = new Promise<void>((done, fail) => {
      worker.on('message', (m) => m === 'released' && done())
      worker.on('error', fail)
    })
    await new Promise<void>((done, fail) => {
      worker.on('message', (m) => m === 'locked' && done())
      worker.on('error', fail)
    })
    // The lock is really held: a connection that will not wait is refused.
    const probe = new SQLite(process.env.DATABASE_PATH!, { timeout: 0 })
    expect(() => probe.exec('BEGIN IMMEDIATE')).toThrow(/locked|busy/i)
    probe.close()
    return {
      released,
      release() {
        Atomics.store(signal, 0, 1)
        Atomics.notify(signal, 0)
      },
    }
  }

  function rename(name: string, extra: Record<string, string> = {}) {
    return send(base, '/account', {
      headers: form(base, { Cookie: cookie, ...extra }),
      body: new URLSearchParams({ intent: 'name', name }).toString(),
    })
  }

  async function nameOf() {
    const row = await getDb()
      .selectFrom('users')
      .select('name')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow()
    return row.name
  }

  test('a write waits for another connection’s lock (held ~1 s) and succeeds', async () => {
    const lock = await holdWriteLock(1000)
    const reply = await rename('Efter')
    await lock.released
    expect(reply.status).toBe(302)
    expect(reply.headers.location).toBe('/account?saved=name')
    // Both writes happened, the app's after the other connection's commit.
    expect(await nameOf()).toBe('Efter')
  })

  test('a lock held past busy_timeout answers 503 with Retry-After and a page, never 500', async () => {
    sqlite.pragma('busy_timeout = 100')
    const lock = await holdWriteLock(60_000)
    try {
      const reply = await rename('Aldrig')
      const english = await rename('Never', { 'Accept-Language': 'en' })
      expect(reply.status).toBe(503)
      expect(reply.headers['retry-after']).toBe('5')
      expect(reply.body).toContain('Testarena är upptagen just nu')
      expect(english.status).toBe(503)
      expect(english.body).toContain('Testarena is busy right now')
    } finally {
      lock.release()
      await lock.released
      sqlite.pragma('busy_timeout = 5000')
    }
    expect(await nameOf()).toBe('Låst av annan')
  })
})

const realBuild = resolve('build/server/index.js')

describe.skipIf(!existsSync(realBuild))('with the real production build', () => {
  let real: { server: Server; base: string }
  beforeAll(async () => {
    real = await listen(
      () => import(/* @vite-ignore */ pathToFileURL(realBuild).href) as Promise<ServerBuild>,
    )
  })
  afterAll(async () => {
    await close(real.server)
  })

  test('a JSON login is a 415 page', async () => {
    const reply = await send(real.base, '/login', {
      headers: { 'Content-Type': 'application/json', Origin: real.base },
      body: JSON.stringify({ email: 'a@b.se', password: 'x' }),
    })
    expect(reply.status).toBe(415)
    expect(reply.body).toContain('Formuläret kunde inte tas emot')
  })

  test('a login form from APP_ORIGIN through a proxy that keeps its own Host reaches the form', async () => {
    const reply = await send(real.base, '/login', {
      headers: form(APP_ORIGIN, { 'Accept-Language': 'sv' }),
      body: new URLSearchParams({
        email: 'ingen@example.test',
        password: 'fel-lösenord',
      }).toString(),
    })
    // The login form answers (wrong password), where Remix's own check used to throw a 500.
    expect(reply.status).toBe(400)
    expect(reply.body).toContain('<form')
  })
})
