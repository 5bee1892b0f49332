import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { requireUser } from '~/auth/guards.server'
import { pageFilter } from '~/components/catalogue/filters'
import { Pagination } from '~/components/pagination'
import { DoneNotice } from '~/components/problem'
import { formatDateTime } from '~/i18n/format'
import { getLocale } from '~/i18n/locale.server'
import catalogueMessages from '~/i18n/messages/catalogue'
import commonMessages from '~/i18n/messages/common'
import notificationsMessages from '~/i18n/messages/notifications'
import { useLocale, useT } from '~/i18n/use-t'
import { listNotifications, markAllRead } from '~/models/notifications.server'
import { getDb } from '~/utils/db.server'
import { pageTitle } from '~/utils/meta'

export const handle = { i18n: [commonMessages, catalogueMessages, notificationsMessages] }

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'notifications.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const url = new URL(request.url)
  const page = pageFilter.parse(url.searchParams.get('page') ?? undefined) ?? 1
  const list = await listNotifications(getDb(), user.id, getLocale(request), page)
  return { ...list, page, marked: url.searchParams.get('marked') === '1' }
}

/** "Mark all as read": the only write here. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  await markAllRead(getDb(), user.id)
  return redirect('/notifications?marked=1')
}

export default function Notifications() {
  const { rows, hasMore, page, marked } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  const unread = rows.filter((r) => r.unread).length
  return (
    <>
      <h1>{t('notifications.title')}</h1>
      {marked ? <DoneNotice>{t('notifications.markedRead')}</DoneNotice> : null}
      <p>{t('notifications.intro')}</p>
      <p>
        <Link to="/account/notifications">{t('notifications.settingsLink')}</Link>
      </p>
      {rows.length === 0 ? (
        <p>{t('notifications.none')}</p>
      ) : (
        <>
          {unread > 0 ? (
            <Form method="post">
              <button type="submit" className="button button--secondary">
                {t('notifications.markAllRead')}
              </button>
            </Form>
          ) : null}
          <ol className="notification-list" aria-label={t('notifications.table.caption')}>
            {rows.map((row) => (
              <li
                key={row.id}
                className={row.unread ? 'notification notification--unread' : 'notification'}
              >
                <p className="notification__kind">
                  {row.unread ? <span className="badge">{t('notifications.isUnread')}</span> : null}{' '}
                  {t(`notifications.kind.${row.kind}`)}
                  {' · '}
                  <span className="meta">
                    {row.viaSearch ? t('notifications.why.search') : t('notifications.why.follow')}
                  </span>
                </p>
                <p className="notification__title">
                  <Link to={`/notifications/${row.id}`}>{row.title}</Link>
                </p>
                <p className="meta">
                  {t('notifications.from', { organisation: row.organisation })} ·{' '}
                  <time dateTime={new Date(row.at * 1000).toISOString()}>
                    {formatDateTime(row.at, locale)}
                  </time>
                </p>
              </li>
            ))}
          </ol>
          <Pagination
            page={page}
            pages={hasMore ? page + 1 : page}
            hrefFor={(p) => (p > 1 ? `/notifications?page=${p}` : '/notifications')}
          />
        </>
      )}
    </>
  )
}
