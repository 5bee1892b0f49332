/**
 * The route-matching patches (patches/@remix-run+router, decision record 043): the app's routes
 * still match as React Router 6 matched them, and the caches are used. The expectations were
 * taken from the unpatched router (1.23.3) and compared with it over every route path.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import {
  createStaticHandler,
  matchPath,
  matchRoutes,
  type AgnosticRouteObject,
} from '@remix-run/router'
import { createStaticRouter } from 'react-router-dom/server'
import { describe, expect, it } from 'vitest'

interface ManifestRoute {
  id: string
  parentId?: string
  path?: string
  index?: boolean
  caseSensitive?: boolean
}
// @remix-run/dev's own reading of app/routes (what app/routes.ts's flatRoutes() gives Vite).
const { flatRoutes } = createRequire(import.meta.url)(
  '@remix-run/dev/dist/config/flat-routes.js',
) as { flatRoutes: (appDirectory: string) => Record<string, ManifestRoute> }

function appRoutes(): AgnosticRouteObject[] {
  const manifest = Object.values(flatRoutes('app'))
  const children = (parentId: string): AgnosticRouteObject[] =>
    manifest
      .filter((route) => (route.parentId ?? 'root') === parentId)
      .map((route) =>
        route.index
          ? { id: route.id, index: true, path: route.path }
          : {
              id: route.id,
              path: route.path,
              caseSensitive: route.caseSensitive,
              children: children(route.id),
            },
      )
  return [{ id: 'root', path: '', children: children('root') }]
}

function leaf(routes: AgnosticRouteObject[], url: string) {
  const matches = matchRoutes(routes, url)
  const last = matches?.at(-1)
  return last ? [last.route.id, last.params] : [null, {}]
}

const EXPECTED: [string, string | null, Record<string, string>][] = [
  ['/', 'routes/_index', {}],
  ['/calls', 'routes/calls._index', {}],
  ['/calls/', 'routes/calls._index', {}],
  ['/CALLS', 'routes/calls._index', {}],
  ['/calls/42', 'routes/calls.$callId._index', { callId: '42' }],
  ['/calls/42/bid', 'routes/calls.$callId.bid', { callId: '42' }],
  ['/calls/42/evaluation', 'routes/calls.$callId.evaluation._index', { callId: '42' }],
  [
    '/calls/42/evaluation/7',
    'routes/calls.$callId.evaluation.$bidId',
    { callId: '42', bidId: '7' },
  ],
  [
    '/calls/42/documents/abc',
    'routes/calls.$callId.documents.$documentId',
    { callId: '42', documentId: 'abc' },
  ],
  ['/calls.atom', 'routes/calls[.atom]', {}],
  ['/calls.csv', 'routes/calls[.csv]', {}],
  ['/calls/42/calendar.ics', 'routes/calls.$callId.calendar[.ics]', { callId: '42' }],
  ['/robots.txt', 'routes/robots[.txt]', {}],
  ['/sitemap.xml', 'routes/sitemap[.xml]', {}],
  ['/sitemaps/3', 'routes/sitemaps.$part', { part: '3' }],
  [
    '/organisations/region-norrbotten',
    'routes/organisations.$slug._index',
    { slug: 'region-norrbotten' },
  ],
  [
    '/organisations/region-norrbotten/calls',
    'routes/organisations.$slug.calls._index',
    { slug: 'region-norrbotten' },
  ],
  [
    '/organisations/region-norrbotten/calls/new',
    'routes/organisations.$slug.calls.new',
    { slug: 'region-norrbotten' },
  ],
  ['/organisations/new', 'routes/organisations.new', {}],
  [
    '/organisations/x/contacts/5',
    'routes/organisations.$slug.contacts_.$contactId',
    { slug: 'x', contactId: '5' },
  ],
  [
    '/organisations/x/agenda/goals/9',
    'routes/organisations.$slug.agenda.goals.$goalId',
    { slug: 'x', goalId: '9' },
  ],
  ['/account/feeds', 'routes/account_.feeds', {}],
  ['/account/searches/new', 'routes/account_.searches.new', {}],
  ['/account/searches/12', 'routes/account_.searches.$searchId', { searchId: '12' }],
  ['/test-beds/7/applications', 'routes/test-beds.$offerId.applications._index', { offerId: '7' }],
  [
    '/test-beds/7/applications/3',
    'routes/test-beds.$offerId.applications.$applicationId',
    { offerId: '7', applicationId: '3' },
  ],
  ['/api/v1/calls', 'routes/api.v1.calls._index', {}],
  ['/api/v1/ocds/releases.jsonl.gz', 'routes/api.v1.ocds.releases[.jsonl.gz]', {}],
  ['/api/v1/openapi.json', 'routes/api.v1.openapi[.json]', {}],
  ['/search', 'routes/search', {}],
  ['/signup/confirm/tok', 'routes/signup_.confirm.$token', { token: 'tok' }],
  ['/references/%C3%A5%20b', 'routes/references.$referenceId._index', { referenceId: 'å b' }],
  ['/nope', null, {}],
  ['/calls/42/nope', null, {}],
  ['/unsubscribe/a%2Fb', 'routes/unsubscribe.$token', { token: 'a/b' }],
]

describe('route matching with the cached branches and compiled paths', () => {
  const routes = appRoutes()

  it('matches every app URL as the unpatched router did, the first time and again', () => {
    expect(routes[0]?.children?.length).toBeGreaterThan(100)
    for (const round of [1, 2, 3]) {
      for (const [url, id, params] of EXPECTED) {
        expect([round, url, ...leaf(routes, url)]).toEqual([round, url, id, params])
      }
    }
  })

  it('matches optional segments, splats, index routes, dots and case-sensitive paths', () => {
    const synthetic: AgnosticRouteObject[] = [
      {
        id: 'layout',
        path: '/',
        children: [
          { id: 'home', index: true },
          { id: 'lang-about', path: ':lang?/about' },
          { id: 'files', path: 'files/*' },
          { id: 'feed', path: 'feed.xml' },
          { id: 'exact', path: 'Exact', caseSensitive: true },
          { id: 'item', path: 'items/:id' },
          { id: 'item-new', path: 'items/new' },
          { id: 'catch-all', path: '*' },
        ],
      },
    ]
    const cases: [string, string, Record<string, string | undefined>][] = [
      ['/', 'home', {}],
      ['/about', 'lang-about', { lang: undefined }],
      ['/sv/about', 'lang-about', { lang: 'sv' }],
      ['/files', 'files', { '*': '' }],
      ['/files/a/b.pdf', 'files', { '*': 'a/b.pdf' }],
      ['/feed.xml', 'feed', {}],
      ['/feedxxml', 'catch-all', { '*': 'feedxxml' }],
      ['/Exact', 'exact', {}],
      ['/exact', 'catch-all', { '*': 'exact' }],
      ['/items/new', 'item-new', {}],
      ['/items/7', 'item', { id: '7' }],
      ['/ITEMS/7/', 'item', { id: '7' }],
    ]
    for (const round of [1, 2]) {
      for (const [url, id, params] of cases) {
        expect([round, url, ...leaf(synthetic, url)]).toEqual([round, url, id, params])
      }
    }
  })

  it('builds new match objects on every call, also when the URL was matched before', () => {
    const first = matchRoutes(routes, '/calls/42')
    const second = matchRoutes(routes, '/calls/42')
    expect(second).toEqual(first)
    expect(second).not.toBe(first)
    expect(second?.[1]?.params).not.toBe(first?.[1]?.params)
  })

  it('flattens and ranks a routes array once: routes added to the same array later are not seen', () => {
    const routesArray: AgnosticRouteObject[] = [{ id: 'a', path: '/a' }]
    expect(matchRoutes(routesArray, '/b')).toBeNull()
    routesArray.push({ id: 'b', path: '/b' })
    // The same array: its branches were cached (the unpatched router would find /b now).
    expect(matchRoutes(routesArray, '/b')).toBeNull()
    // A new array is flattened anew.
    expect(matchRoutes([...routesArray], '/b')?.[0]?.route.id).toBe('b')
  })

  it('compiles a path into its RegExp once per (path, caseSensitive, end)', () => {
    const Original = globalThis.RegExp
    let built = 0
    globalThis.RegExp = new Proxy(Original, {
      construct(target, args: [string, string?]) {
        built += 1
        return new target(...args)
      },
    })
    try {
      const pattern = { path: '/compile-once/:id', caseSensitive: false, end: true }
      expect(matchPath(pattern, '/compile-once/1')?.params).toEqual({ id: '1' })
      const afterFirst = built
      expect(afterFirst).toBeGreaterThan(0)
      expect(matchPath(pattern, '/compile-once/2')?.params).toEqual({ id: '2' })
      expect(matchPath({ ...pattern }, '/compile-once/3')?.params).toEqual({ id: '3' })
      expect(built).toBe(afterFirst)
      matchPath({ ...pattern, end: false }, '/compile-once/4/more')
      expect(built).toBeGreaterThan(afterFirst)
    } finally {
      globalThis.RegExp = Original
    }
  })

  it("builds the static router's data routes once per routes array (react-router-dom patch)", async () => {
    const staticRoutes = [{ id: 'home', path: '/' }]
    const context = await createStaticHandler(staticRoutes).query(new Request('http://x/'))
    if (context instanceof Response) throw new Error('no context')
    const first = createStaticRouter(staticRoutes, context)
    const second = createStaticRouter(staticRoutes, context)
    expect(second.routes).toBe(first.routes)
    expect(createStaticRouter([...staticRoutes], context).routes).not.toBe(first.routes)
  })

  it('is patched in both builds Node and Vite load, CommonJS and ES module', () => {
    for (const file of ['router.cjs.js', 'router.js']) {
      const text = readFileSync(`node_modules/@remix-run/router/dist/${file}`, 'utf8')
      expect(text).toContain('let ranked = rankedBranches(routes);')
      expect(text).toContain('function compilePathUncached(')
    }
  })
})
