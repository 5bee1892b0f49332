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
import { useEffect, useState } from 'react'
import { requireAnonymous } from '~/auth/guards.server'
import { createSession, sessionCookie } from '~/auth/session.server'
import { chosenLocale, localeCookie } from '~/i18n/locale.server'
import { getEnv } from '~/utils/env.server'
import { ErrorSummary, HoneypotField, SubmitButton, TextField } from '~/components/forms'
import { useT } from '~/i18n/use-t'
import { authenticate, setUserLocale } from '~/models/users.server'
import { getDb } from '~/utils/db.server'
import { checkHoneypot } from '~/utils/honeypot.server'
import { pageTitle } from '~/utils/meta'
import { clientIp, safeRedirect } from '~/utils/request.server'
import { schema } from './schema'
import authMessages from '~/i18n/messages/auth'
import errorsMessages from '~/i18n/messages/errors'

export const handle = { i18n: [authMessages, errorsMessages] }

const DEFAULT_AFTER_LOGIN = '/my/organisations'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'auth.login.title')

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  const url = new URL(request.url)
  return {
    redirectTo: safeRedirect(url.searchParams.get('redirectTo'), ''),
    resetDone: url.searchParams.get('reset') === '1',
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request)
  const formData = await request.formData()
  checkHoneypot(formData)
  const submission = parseWithZod(formData, { schema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: ['password'] }) }, { status: 400 })
  }
  const { email, password, redirectTo } = submission.value
  const ip = clientIp(context)
  const db = getDb()
  const outcome = await authenticate(db, email, password, ip)
  if (outcome.status === 'throttled') {
    const minutes = Math.max(1, Math.ceil(outcome.retryAfterMs / 60_000))
    return data(
      {
        result: submission.reply({
          formErrors: [`errors.tooManyRequests|${JSON.stringify({ minutes })}`],
          hideFields: ['password'],
        }),
      },
      { status: 429, headers: { 'Retry-After': String(Math.ceil(outcome.retryAfterMs / 1000)) } },
    )
  }
  if (outcome.status === 'invalid') {
    return data(
      { result: submission.reply({ formErrors: ['auth.login.failed'], hideFields: ['password'] }) },
      { status: 400 },
    )
  }
  if (outcome.status === 'unconfirmed') {
    // Only someone who knows the password learns this (sign-up confirmation, point 9).
    return data(
      {
        result: submission.reply({
          formErrors: ['auth.login.unconfirmed'],
          hideFields: ['password'],
        }),
      },
      { status: 403 },
    )
  }
  // A new token at every login, so a token planted before login is worth nothing after it.
  const session = await createSession(db, outcome.user.id, {
    ip,
    userAgent: request.headers.get('User-Agent'),
  })
  // A language picked on this browser wins and is remembered for mail; otherwise the account's
  // language follows the user to this browser.
  const picked = chosenLocale(request)
  if (picked) await setUserLocale(db, outcome.user.id, picked)
  const headers = new Headers()
  headers.append('Set-Cookie', sessionCookie(session.token, session.expiresAt))
  if (!picked)
    headers.append('Set-Cookie', localeCookie(outcome.user.locale, getEnv().secureCookies))
  return redirect(safeRedirect(redirectTo, DEFAULT_AFTER_LOGIN), { headers })
}

export default function Login() {
  const { redirectTo, resetDone } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const [form, fields] = useForm({
    id: 'login',
    lastResult: actionData?.result,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  // After a failed attempt the password is typed afresh, with or without JavaScript: a new key
  // gives a new, empty input.
  const [attempts, setAttempts] = useState(0)
  useEffect(() => {
    if (actionData) setAttempts((n) => n + 1)
  }, [actionData])
  const signupHref = redirectTo ? `/signup?${new URLSearchParams({ redirectTo })}` : '/signup'
  return (
    <>
      <h1>{t('auth.login.title')}</h1>
      {resetDone ? (
        <p className="notice notice--ok" role="status">
          {t('auth.login.resetDone')}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <HoneypotField />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          meta={fields.email}
          label={t('auth.email')}
          type="email"
          autoComplete="username"
        />
        <div key={attempts}>
          <TextField
            meta={fields.password}
            label={t('auth.password')}
            type="password"
            autoComplete="current-password"
          />
        </div>
        <div className="actions">
          <SubmitButton>{t('auth.login.submit')}</SubmitButton>
          <Link to="/forgot-password">{t('auth.login.forgot')}</Link>
        </div>
      </Form>
      <p>
        {t('auth.login.noAccount')} <Link to={signupHref}>{t('auth.login.signupLink')}</Link>
      </p>
    </>
  )
}
