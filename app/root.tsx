import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import { getOptionalUser } from '~/auth/guards.server'
import { FindabilityHead } from '~/components/findability-head'
import { SiteFooter, SiteHeader } from '~/components/layout'
import { getLocale } from '~/i18n/locale.server'
import commonMessages from '~/i18n/messages/common'
import findabilityMessages from '~/i18n/messages/findability'
import { useLocale, useT } from '~/i18n/use-t'
import { getEnv } from '~/utils/env.server'
import { useNonce } from '~/utils/nonce'
import { metaTranslator, previewMeta } from '~/utils/meta'
import type { RootData } from '~/utils/root-data'
import { unreadCount } from '~/models/notifications.server'
import { getDb } from '~/utils/db.server'
import appCss from '~/styles/app.css?url'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: appCss },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request)
  return {
    locale: getLocale(request),
    user: user
      ? {
          id: user.id,
          name: user.name,
          email: user.email,
          isPlatformAdmin: user.isPlatformAdmin,
          unread: await unreadCount(getDb(), user.id),
        }
      : null,
    devTools: getEnv().devTools,
    origin: getEnv().APP_ORIGIN,
  } satisfies RootData
}

// The texts of the layout and the error pages, on every page; each route declares its own (decision 025).
export const handle = { i18n: [commonMessages, findabilityMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, error }) => {
  const t = metaTranslator(matches)
  if (!error) return [{ title: t('app.name') }, ...previewMeta(t, t('app.name'))]
  const status = isRouteErrorResponse(error) ? error.status : 500
  const title = status === 404 ? t('notFound.title') : t('error.title')
  return [{ title: `${title} – ${t('app.name')}` }]
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce()
  const locale = useLocale()
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <FindabilityHead />
        <Links />
      </head>
      <body>
        <SiteHeader />
        <main id="main" tabIndex={-1} className="container">
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  return <Outlet />
}

export function ErrorBoundary() {
  const error = useRouteError()
  const t = useT()
  let title = t('error.title')
  let body: ReactNode = t('error.body')
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = t('notFound.title')
      body = t('notFound.body')
    } else if (error.status === 403) {
      title = t('error.forbidden.title')
      body = t('error.forbidden.body')
    } else if (error.status === 429) {
      title = t('error.tooManyRequests.title')
      body =
        typeof error.data === 'string' ? error.data : t('errors.tooManyRequests', { minutes: 15 })
    } else if (error.status === 400) {
      title = t('error.badRequest.title')
      body = t('errors.invalid')
    }
  }
  return (
    <ErrorPage title={title}>
      <p>{body}</p>
    </ErrorPage>
  )
}

function ErrorPage({ title, children }: { title: string; children: ReactNode }) {
  const t = useT()
  return (
    <>
      <h1>{title}</h1>
      {children}
      <p>
        <a href="/">{t('error.backHome')}</a>
      </p>
    </>
  )
}
