import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireUser } from '~/auth/guards.server'
import { ChoiceGroup, ErrorSummary, SubmitButton } from '~/components/forms'
import { DoneNotice } from '~/components/problem'
import { formatDate } from '~/i18n/format'
import commonMessages from '~/i18n/messages/common'
import notificationsMessages from '~/i18n/messages/notifications'
import { useLocale, useT } from '~/i18n/use-t'
import { listFollows } from '~/models/follows.server'
import { getModes, setModes } from '~/models/notification-preferences.server'
import { DELIVERY_MODES, NOTIFICATION_CHANNELS } from '~/domain/vocabularies'
import { getDb } from '~/utils/db.server'
import { pageTitle } from '~/utils/meta'
import { clientIp } from '~/utils/request.server'
import { modesSchema } from './schema'
import { FeedsSettingsSection } from '~/components/feeds-settings-section'
import feedsMessages from '~/i18n/messages/feeds'

export const handle = { i18n: [commonMessages, notificationsMessages, feedsMessages] }

export const meta: MetaFunction = ({ matches }) =>
  pageTitle(matches, 'notifications.settings.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const db = getDb()
  const [modes, follows] = await Promise.all([getModes(db, user.id), listFollows(db, user.id)])
  const params = new URL(request.url).searchParams
  const saved = params.get('saved') === '1'
  return { modes, follows, saved, unfollowed: params.get('follow') === 'removed' }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const submission = parseWithZod(await request.formData(), { schema: modesSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply() }, { status: 400 })
  }
  await setModes(getDb(), { userId: user.id, modes: submission.value, ip: clientIp(context) })
  return redirect('/account/notifications?saved=1')
}

export default function NotificationSettings() {
  const { modes, follows, saved, unfollowed } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const [form, fields] = useForm({
    id: 'notification-settings',
    lastResult: actionData?.result,
    defaultValue: modes,
    constraint: getZodConstraint(modesSchema),
    shouldValidate: 'onSubmit',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: modesSchema }),
  })
  const options = DELIVERY_MODES.map((m) => ({ value: m, label: t(`notifications.mode.${m}`) }))
  return (
    <>
      <h1>{t('notifications.settings.title')}</h1>
      {saved ? <DoneNotice>{t('notifications.settings.saved')}</DoneNotice> : null}
      {unfollowed ? <DoneNotice>{t('notifications.unfollowed')}</DoneNotice> : null}
      <p>
        <Link to="/notifications">{t('notifications.title')}</Link>
      </p>
      <section aria-labelledby="delivery-title">
        <h2 id="delivery-title">{t('notifications.settings.delivery')}</h2>
        <p>{t('notifications.settings.deliveryIntro')}</p>
        <Form method="post" {...getFormProps(form)} className="stack">
          <ErrorSummary form={form} />
          {NOTIFICATION_CHANNELS.map((channel) => (
            <ChoiceGroup
              key={channel}
              meta={fields[channel]}
              type="radio"
              legend={t(`notifications.channel.${channel}`)}
              hint={t(`notifications.channel.${channel}.help`)}
              options={options}
            />
          ))}
          <SubmitButton>{t('notifications.settings.save')}</SubmitButton>
        </Form>
      </section>
      <section aria-labelledby="follows-title">
        <h2 id="follows-title">{t('notifications.settings.follows')}</h2>
        {follows.length === 0 ? (
          <p>{t('notifications.settings.noFollows')}</p>
        ) : (
          <ul className="follow-list">
            {follows.map((f) => (
              <li key={`${f.type}-${f.id}`}>
                <span className="meta">{t(`notifications.settings.type.${f.type}`)}</span>{' '}
                <Link to={f.path}>{f.title}</Link>{' '}
                <span className="meta">
                  {t('notifications.settings.since', { date: formatDate(f.since, locale) })}
                </span>
                <Form method="post" action="/follow" className="inline-form">
                  <input type="hidden" name="type" value={f.type} />
                  <input type="hidden" name="id" value={f.id} />
                  <input type="hidden" name="intent" value="unfollow" />
                  <input type="hidden" name="redirectTo" value="/account/notifications" />
                  <button type="submit" className="link-button">
                    {t('notifications.settings.unfollow', { title: f.title })}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
      <FeedsSettingsSection />
    </>
  )
}
