import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import commonMessages from '~/i18n/messages/common'
import notificationsMessages from '~/i18n/messages/notifications'
import { useT } from '~/i18n/use-t'
import { unsubscribe } from '~/models/notification-preferences.server'
import { readUnsubscribeToken } from '~/models/signed-links.server'
import { getDb } from '~/utils/db.server'
import { pageTitle } from '~/utils/meta'
import { clientIp } from '~/utils/request.server'

// Stop one kind of notification mail from the link in the mail, logged out (decision record 035).
// Opening the link only asks (mail scanners open links); the button, or the mail program's
// RFC 8058 one-click POST, stops it. A forged or cut token gets a 400 with what to do instead.

export const handle = { i18n: [commonMessages, notificationsMessages] }

export const meta: MetaFunction = ({ matches }) =>
  pageTitle(matches, 'notifications.unsubscribe.title')

export async function loader({ params }: LoaderFunctionArgs) {
  const link = readUnsubscribeToken(params.token ?? '')
  if (!link) throw data({ invalid: true }, { status: 400 })
  return { channel: link.channel, done: false }
}

export async function action({ params, context }: ActionFunctionArgs) {
  const link = readUnsubscribeToken(params.token ?? '')
  if (!link) return data({ channel: null, done: false }, { status: 400 })
  await unsubscribe(getDb(), { ...link, ip: clientIp(context) })
  return { channel: link.channel, done: true }
}

export default function Unsubscribe() {
  const loaded = useLoaderData<typeof loader>()
  const acted = useActionData<typeof action>()
  const t = useT()
  const channel = acted?.channel ?? loaded.channel
  return (
    <>
      <h1>{t('notifications.unsubscribe.title')}</h1>
      {acted?.done ? (
        <p role="status" className="notice notice--ok">
          {t('notifications.unsubscribe.done', {
            channel: t(`notifications.channel.${channel}`),
          })}
        </p>
      ) : acted ? (
        <p role="alert" className="notice notice--error">
          {t('notifications.unsubscribe.invalid')}
        </p>
      ) : (
        <Form method="post" className="stack">
          <p>
            {t('notifications.unsubscribe.question', {
              channel: t(`notifications.channel.${channel}`),
            })}
          </p>
          <button type="submit" className="button">
            {t('notifications.unsubscribe.confirm')}
          </button>
        </Form>
      )}
    </>
  )
}

export function ErrorBoundary() {
  const t = useT()
  return (
    <>
      <h1>{t('notifications.unsubscribe.title')}</h1>
      <p role="alert" className="notice notice--error">
        {t('notifications.unsubscribe.invalid')}
      </p>
    </>
  )
}
