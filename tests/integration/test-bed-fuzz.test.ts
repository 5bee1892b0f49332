import { existsSync } from 'node:fs'
import { request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { seed } from '~/seed'
import { getDb } from '~/utils/db.server'
import { createApp } from '../../server'
import { sessionCookieFor } from '../helpers/factories'

// User input never causes a 500: every test-bed page and action, given malformed ids, queries and
// bodies, as a visitor, a host member and a company member, through the real production build.

const realBuild = resolve('build/server/index.js')
let server: Server | undefined
let base = ''
const cookies: Record<string, string> = {}

beforeAll(async () => {
  if (!existsSync(realBuild)) return
  const db = getDb()
  await seed(db)
  for (const email of ['anna.lindqvist@norrbotten.test', 'sara.berg@nattugglan.test']) {
    const user = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow()
    cookies[email] = await sessionCookieFor(db, user.id)
  }
  const app = await createApp({
    build: () => import(/* @vite-ignore */ pathToFileURL(realBuild).href) as Promise<ServerBuild>,
  })
  server = await new Promise<Server>((done) => {
    const s = app.listen(0, '127.0.0.1', () => done(s))
  })
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  if (server) await new Promise<void>((done) => server!.close(() => done()))
})

const ids = ['1', '2', '0', '-1', 'abc', '1.5', '99999999999999999999', '%00', '1%27%20OR%201%3D1']
const long = 'ö'.repeat(100_000)

function pathsFor(id: string): string[] {
  return [
    `/test-beds/${id}`,
    `/test-beds/${id}/edit`,
    `/test-beds/${id}/history`,
    `/test-beds/${id}/apply`,
    `/test-beds/${id}/apply?company=${id}`,
    `/test-beds/${id}/applications`,
    `/test-beds/1/applications/${id}`,
    `/applications/${id}`,
    `/applications/${id}?confirm=${id}`,
    `/pilots/${id}`,
  ]
}

const pages = [
  ...ids.flatMap(pathsFor),
  '/test-beds?q=%22&theme=nope&county=999&trl=42&access=gratis&open=maybe&page=-3',
  `/test-beds?q=${encodeURIComponent('NEAR("a" b) OR * ^ -x:y')}&page=abc`,
  `/test-beds?q=${encodeURIComponent(long.slice(0, 1000))}`,
  '/test-beds?theme=energy&theme=mobility&page=1e9',
  ...['region-norrbotten', 'nattugglan-omsorgsteknik', 'no-such-org', 'X'].flatMap((slug) => [
    `/organisations/${slug}/test-beds`,
    `/organisations/${slug}/test-beds/new`,
    `/organisations/${slug}/applications`,
    `/organisations/${slug}/pilots`,
    `/organisations/${slug}/state-aid`,
  ]),
]

const bodies: Record<string, string>[] = [
  {},
  { intent: 'nonsense' },
  { intent: 'submit', trl: 'ten', proposed_start: '2027-02-30', proposed_end: 'x', company: '../' },
  {
    intent: 'save',
    title: long,
    capacity: '-1',
    trl_min: '9',
    trl_max: '1',
    deadline: '2020-01-01T25:99',
    market_value_sek: '1e99',
    price_sek: 'NaN',
    intake: 'weekly',
    access_model: 'free',
    themes: 'nope',
    county_code: '99',
    'criteria[0].kind': 'maybe',
  },
  { intent: 'publish' },
  { intent: 'withdraw' },
  { intent: 'delete' },
  { decision: 'accept', reason: long, starts_on: '0000-00-00', score_1: '99', met_3: 'perhaps' },
  { intent: 'message', body: long },
  { intent: 'report', what_tested: '', results: long },
  { intent: 'respond', response: '\u0000' },
]

/** node:http without keep-alive: a route that answers before reading a large body may close. */
function statusOf(
  path: string,
  options: { method?: string; headers: Record<string, string>; body?: string },
): Promise<number> {
  return new Promise((done, fail) => {
    const req = httpRequest(
      base + path,
      { method: options.method ?? 'GET', headers: options.headers, agent: false },
      (res) => {
        res.resume()
        res.on('end', () => done(res.statusCode ?? 0))
      },
    )
    req.on('error', fail)
    req.end(options.body)
  })
}

test.skipIf(!existsSync(realBuild))(
  'no test-bed page or action answers 500 to malformed input, for any kind of user',
  async () => {
    const failures: string[] = []
    const seen = new Set<number>()
    for (const who of [null, ...Object.keys(cookies)]) {
      const headers: Record<string, string> = { 'Accept-Language': 'sv', Origin: base }
      if (who) headers.Cookie = cookies[who]!
      for (const path of pages) {
        const get = await statusOf(path, { headers })
        seen.add(get)
        if (get >= 500) failures.push(`GET ${path} as ${who ?? 'visitor'}: ${get}`)
        // Pages without an action answer 405 to any POST; the rest get every body.
        if (
          !/\/(edit|apply|new)\b|^\/applications\/|^\/pilots\/|\/applications\/[^/?]+$/.test(path)
        )
          continue
        for (const body of bodies) {
          const status = await statusOf(path, {
            method: 'POST',
            headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams(body).toString(),
          })
          seen.add(status)
          if (status >= 500) {
            failures.push(`POST ${path} ${JSON.stringify(body).slice(0, 80)} as ${who}: ${status}`)
          }
        }
      }
    }
    expect(failures).toEqual([])
    // The inputs reached real pages, refusals and validation, not only one kind of answer.
    for (const status of [200, 302, 400, 404]) expect(seen).toContain(status)
  },
  // A hang guard: about 25 s of CPU, which `npm test` gives it niced behind the browser runs.
  600_000,
)
