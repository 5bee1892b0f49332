import { createRequestHandler, type ServerBuild } from '@remix-run/node'
import * as entryServer from '~/entry.server'
// eslint-disable-next-line no-restricted-imports -- the real root module is rendered, not its data read
import * as root from '~/root'
import { testContext } from './requests'

// A page rendered as the browser gets it: the app's entry.server, root (layout, <head>) and the
// given route modules behind Remix's request handler, without a build. For tests of what is in
// the HTML (the <head>'s links and meta tags, JSON-LD), which loader tests cannot see.

type RouteModule = Record<string, unknown>

/** A Remix build of the real entry.server and root with `routes` under the root. */
export function pageBuild(routes: Record<string, { path: string; module: RouteModule }>) {
  const manifest = (id: string, path: string, parentId?: string) => ({
    id,
    path,
    parentId,
    module: `/${id}.js`,
    hasAction: false,
    hasLoader: true,
    hasClientAction: false,
    hasClientLoader: false,
    hasErrorBoundary: id === 'root',
  })
  return {
    mode: 'production',
    basename: undefined,
    future: {},
    isSpaMode: false,
    publicPath: '/',
    assetsBuildDirectory: 'build/client',
    assets: {
      entry: { module: '/entry.js', imports: [] },
      routes: {
        root: manifest('root', ''),
        ...Object.fromEntries(
          Object.entries(routes).map(([id, r]) => [id, manifest(id, r.path, 'root')]),
        ),
      },
      url: '/manifest.js',
      version: 'test',
    },
    entry: { module: entryServer },
    routes: {
      root: { id: 'root', path: '', module: root },
      ...Object.fromEntries(
        Object.entries(routes).map(([id, r]) => [
          id,
          { id, path: r.path, parentId: 'root', module: r.module },
        ]),
      ),
    },
  } as unknown as ServerBuild
}

export function pageRenderer(routes: Record<string, { path: string; module: RouteModule }>) {
  const handle = createRequestHandler(pageBuild(routes), 'production')
  /** The page at `path` as a crawler gets it (rendered in full), with its status and HTML. */
  return async (path: string, headers: Record<string, string> = {}) => {
    const response = await handle(
      new Request(`http://localhost:3000${path}`, {
        headers: { 'User-Agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)', ...headers },
      }),
      testContext,
    )
    return { status: response.status, html: await response.text() }
  }
}
