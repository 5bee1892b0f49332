import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { requireUser } from '~/auth/guards.server'
import { isCommonPassword } from '~/auth/password.server'
import { listUserSessions } from '~/auth/session.server'
import { ErrorSummary, SubmitButton, TextField } from '~/components/forms'
import { formatDateTime } from '~/i18n/format'
import type { MessageKey } from '~/i18n/messages'
import { useLocale, useT } from '~/i18n/use-t'
import { DomainError } from '~/models/errors.server'
import {
  changePassword,
  getUserById,
  revokeOtherSessions,
  revokeUserSession,
  updateUserName,
} from '~/models/users.server'
import { getDb } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { pageTitle } from '~/utils/meta'
import { clientIp } from '~/utils/request.server'
import { intentSchema, nameSchema, passwordSchema, revokeSchema } from './schema'
import accountMessages from '~/i18n/messages/account'
import authMessages from '~/i18n/messages/auth'
import errorsMessages from '~/i18n/messages/errors'
import { SavedSearchesAccountLink } from '~/components/save-as-alert'
import savedSearchMessages from '~/i18n/messages/saved-searches'

export const handle = { i18n: [accountMessages, authMessages, errorsMessages, savedSearchMessages] }

const clientPasswordSchema = passwordSchema()

const NOTICES = {
  name: 'account.saved.name',
  password: 'account.saved.password',
  revoked: 'account.saved.revoked',
  revokedOthers: 'account.saved.revokedOthers',
} as const satisfies Record<string, MessageKey>

function isNotice(value: string | null): value is keyof typeof NOTICES {
  return value !== null && Object.hasOwn(NOTICES, value)
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'account.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const db = getDb()
  const [account, sessions] = await Promise.all([
    getUserById(db, user.id),
    listUserSessions(db, user.id),
  ])
  if (!account) throw redirect('/login')
  const saved = new URL(request.url).searchParams.get('saved')
  return {
    account: { name: account.name, email: account.email },
    sessions: sessions.map((s) => ({
      id: s.id,
      createdAt: s.created_at,
      lastSeenAt: s.last_seen_at,
      ip: s.ip,
      userAgent: s.user_agent,
      current: s.id === user.sessionId,
    })),
    notice: isNotice(saved) ? saved : null,
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const formData = await request.formData()
  const intent = intentSchema.safeParse({ intent: formData.get('intent') })
  if (!intent.success) throw new Response('Bad request', { status: 400 })
  const db = getDb()
  const ip = clientIp(context)

  switch (intent.data.intent) {
    case 'name': {
      const submission = parseWithZod(formData, { schema: nameSchema })
      if (submission.status !== 'success') {
        return data({ intent: 'name' as const, result: submission.reply() }, { status: 400 })
      }
      await updateUserName(db, user.id, submission.value.name, ip)
      return redirect('/account?saved=name')
    }
    case 'password': {
      const submission = parseWithZod(formData, {
        schema: passwordSchema({ isCommon: isCommonPassword, personal: [user.email, user.name] }),
      })
      const hideFields = ['currentPassword', 'password', 'confirm']
      if (submission.status !== 'success') {
        return data(
          { intent: 'password' as const, result: submission.reply({ hideFields }) },
          { status: 400 },
        )
      }
      try {
        await changePassword(
          db,
          user.id,
          user.sessionId,
          submission.value.currentPassword,
          submission.value.password,
          {
            ip,
            origin: getEnv().APP_ORIGIN,
          },
        )
      } catch (e) {
        if (e instanceof DomainError && e.code === 'wrong_password') {
          return data(
            {
              intent: 'password' as const,
              result: submission.reply({
                fieldErrors: { currentPassword: [e.messageKey] },
                hideFields,
              }),
            },
            { status: 400 },
          )
        }
        throw e
      }
      return redirect('/account?saved=password')
    }
    case 'revoke': {
      const parsed = revokeSchema.safeParse({ sessionId: formData.get('sessionId') })
      // Only the user's own sessions match; anything else is simply not there.
      const revoked =
        parsed.success &&
        (await revokeUserSession(db, user.id, parsed.data.sessionId, user.sessionId, ip))
      if (!revoked) throw new Response('Not found', { status: 404 })
      return redirect('/account?saved=revoked')
    }
    case 'revokeOthers': {
      await revokeOtherSessions(db, user.id, user.sessionId, ip)
      return redirect('/account?saved=revokedOthers')
    }
  }
}

export default function Account() {
  const { account, sessions, notice } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const [nameForm, nameFields] = useForm({
    id: 'account-name',
    lastResult: actionData?.intent === 'name' ? actionData.result : undefined,
    defaultValue: { name: account.name },
    constraint: getZodConstraint(nameSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: nameSchema }),
  })
  const [passwordForm, passwordFields] = useForm({
    id: 'account-password',
    lastResult: actionData?.intent === 'password' ? actionData.result : undefined,
    constraint: getZodConstraint(clientPasswordSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: clientPasswordSchema }),
  })
  const others = sessions.filter((s) => !s.current)
  return (
    <>
      <h1>{t('account.title')}</h1>
      <SavedSearchesAccountLink />
      {notice ? (
        <p className="notice notice--ok" role="status">
          {t(NOTICES[notice])}
        </p>
      ) : null}

      <section aria-labelledby="details-title">
        <h2 id="details-title">{t('account.details.title')}</h2>
        <dl className="details">
          <dt>{t('account.email')}</dt>
          <dd>{account.email}</dd>
          <dt>{t('account.name')}</dt>
          <dd>{account.name}</dd>
        </dl>
        <Form method="post" {...getFormProps(nameForm)} className="stack">
          <ErrorSummary form={nameForm} />
          <TextField meta={nameFields.name} label={t('account.name')} autoComplete="name" />
          <SubmitButton name="intent" value="name">
            {t('account.name.submit')}
          </SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="password-title">
        <h2 id="password-title">{t('account.password.title')}</h2>
        <p>{t('account.password.intro')}</p>
        <Form method="post" {...getFormProps(passwordForm)} className="stack">
          <ErrorSummary form={passwordForm} />
          <TextField
            meta={passwordFields.currentPassword}
            label={t('account.password.current')}
            type="password"
            autoComplete="current-password"
          />
          <TextField
            meta={passwordFields.password}
            label={t('account.password.new')}
            hint={t('auth.passwordHint')}
            type="password"
            autoComplete="new-password"
          />
          <TextField
            meta={passwordFields.confirm}
            label={t('account.password.confirm')}
            type="password"
            autoComplete="new-password"
          />
          <SubmitButton name="intent" value="password">
            {t('account.password.submit')}
          </SubmitButton>
        </Form>
      </section>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('account.sessions.title')}</h2>
        <p>{t('account.sessions.intro')}</p>
        <ul className="cards" aria-label={t('account.sessions.listLabel')}>
          {sessions.map((s) => (
            <li className="card" key={s.id}>
              <h3>
                {s.current ? (
                  <span className="badge badge--ok">{t('account.sessions.current')}</span>
                ) : (
                  t('account.sessions.other')
                )}
              </h3>
              <dl className="details">
                <dt>{t('account.sessions.createdAt')}</dt>
                <dd>{formatDateTime(s.createdAt, locale)}</dd>
                <dt>{t('account.sessions.lastSeen')}</dt>
                <dd>{formatDateTime(s.lastSeenAt, locale)}</dd>
                <dt>{t('account.sessions.ip')}</dt>
                <dd>{s.ip ?? t('account.sessions.unknown')}</dd>
                <dt>{t('account.sessions.userAgent')}</dt>
                <dd className="break-anywhere">{s.userAgent ?? t('account.sessions.unknown')}</dd>
              </dl>
              {s.current ? null : (
                <Form method="post" className="actions">
                  <input type="hidden" name="sessionId" value={s.id} />
                  <button
                    type="submit"
                    className="button button--secondary"
                    name="intent"
                    value="revoke"
                  >
                    {t('account.sessions.revoke')}
                    <span className="visually-hidden">
                      {' '}
                      {t('account.sessions.revokeContext', {
                        time: formatDateTime(s.lastSeenAt, locale),
                      })}
                    </span>
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
        {others.length > 0 ? (
          <Form method="post" className="actions">
            <button
              type="submit"
              className="button button--danger"
              name="intent"
              value="revokeOthers"
            >
              {t('account.sessions.revokeOthers')}
            </button>
          </Form>
        ) : (
          <p>{t('account.sessions.noOthers')}</p>
        )}
      </section>
    </>
  )
}
