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
import { requireAnonymous } from '~/auth/guards.server'
import { enforceFormLimit } from '~/auth/limits.server'
import { isCommonPassword } from '~/auth/password.server'
import { createSession, sessionCookie } from '~/auth/session.server'
import { ErrorSummary, HoneypotField, SubmitButton, TextField } from '~/components/forms'
import { getLocale } from '~/i18n/locale.server'
import { useT } from '~/i18n/use-t'
import { signUp } from '~/models/signup.server'
import { getDb } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { checkHoneypot } from '~/utils/honeypot.server'
import { pageTitle } from '~/utils/meta'
import { clientIp, safeRedirect } from '~/utils/request.server'
import { invitationTokenIn, signupSchema } from './schema'
import authMessages from '~/i18n/messages/auth'
import errorsMessages from '~/i18n/messages/errors'

export const handle = { i18n: [authMessages, errorsMessages] }

const DEFAULT_AFTER_SIGNUP = '/my/organisations'
const clientSchema = signupSchema()

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'auth.signup.title')

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request)
  const url = new URL(request.url)
  return {
    redirectTo: safeRedirect(url.searchParams.get('redirectTo'), ''),
    // An invitation link can bring the invited address along.
    email: (url.searchParams.get('email') ?? '').slice(0, 254),
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request)
  const formData = await request.formData()
  checkHoneypot(formData)
  const submission = parseWithZod(formData, {
    schema: signupSchema({ isCommon: isCommonPassword }),
  })
  if (submission.status !== 'success') {
    return data(
      { result: submission.reply({ hideFields: ['password', 'confirm'] }) },
      { status: 400 },
    )
  }
  const ip = clientIp(context)
  enforceFormLimit(request, ip)
  const { name, email, password } = submission.value
  const redirectTo = safeRedirect(submission.value.redirectTo, '')
  const db = getDb()
  const outcome = await signUp(
    db,
    {
      name,
      email,
      password,
      locale: getLocale(request),
      invitationToken: invitationTokenIn(redirectTo),
    },
    { ip, origin: getEnv().APP_ORIGIN, redirectTo: redirectTo || null },
  )
  if (outcome.status === 'confirmed') {
    // Signed up from an open invitation to this very address: the invitation proved it.
    const session = await createSession(db, outcome.user.id, {
      ip,
      userAgent: request.headers.get('User-Agent'),
    })
    return redirect(redirectTo || DEFAULT_AFTER_SIGNUP, {
      headers: { 'Set-Cookie': sessionCookie(session.token, session.expiresAt) },
    })
  }
  // The same answer whether or not the address has an account: the mail says what comes next.
  return data({ sent: email })
}

export default function Signup() {
  const { redirectTo, email } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const [form, fields] = useForm({
    id: 'signup',
    lastResult: actionData && 'result' in actionData ? actionData.result : undefined,
    defaultValue: { email },
    constraint: getZodConstraint(clientSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: clientSchema }),
  })
  const loginHref = redirectTo ? `/login?${new URLSearchParams({ redirectTo })}` : '/login'
  if (actionData && 'sent' in actionData) {
    const again = redirectTo ? `/signup?${new URLSearchParams({ redirectTo })}` : '/signup'
    return (
      <>
        <h1>{t('auth.signup.sent.title')}</h1>
        <p className="notice notice--ok" role="status">
          {t('auth.signup.sent.body', { email: actionData.sent })}
        </p>
        <p>
          <Link to={again} reloadDocument>
            {t('auth.signup.sent.again')}
          </Link>
        </p>
      </>
    )
  }
  return (
    <>
      <h1>{t('auth.signup.title')}</h1>
      <p>{t('auth.signup.intro')}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <HoneypotField />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          meta={fields.name}
          label={t('auth.signup.name')}
          hint={t('auth.signup.nameHint')}
          autoComplete="name"
        />
        <TextField meta={fields.email} label={t('auth.email')} type="email" autoComplete="email" />
        <TextField
          meta={fields.password}
          label={t('auth.password')}
          hint={t('auth.passwordHint')}
          type="password"
          autoComplete="new-password"
        />
        <TextField
          meta={fields.confirm}
          label={t('auth.confirm')}
          type="password"
          autoComplete="new-password"
        />
        <SubmitButton>{t('auth.signup.submit')}</SubmitButton>
      </Form>
      <p>
        {t('auth.signup.haveAccount')} <Link to={loginHref}>{t('auth.signup.loginLink')}</Link>
      </p>
    </>
  )
}
