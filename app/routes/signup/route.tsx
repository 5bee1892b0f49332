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
import { DomainError } from '~/models/errors.server'
import { createAccount } from '~/models/users.server'
import { getDb } from '~/utils/db.server'
import { checkHoneypot } from '~/utils/honeypot.server'
import { pageTitle } from '~/utils/meta'
import { clientIp, safeRedirect } from '~/utils/request.server'
import { signupSchema } from './schema'

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
  const { name, email, password, redirectTo } = submission.value
  const db = getDb()
  let user
  try {
    user = await createAccount(db, { name, email, password, locale: getLocale(request) }, { ip })
  } catch (e) {
    if (e instanceof DomainError && e.code === 'email_taken') {
      return data(
        {
          result: submission.reply({
            fieldErrors: { email: [e.messageKey] },
            hideFields: ['password', 'confirm'],
          }),
        },
        { status: 400 },
      )
    }
    throw e
  }
  const session = await createSession(db, user.id, {
    ip,
    userAgent: request.headers.get('User-Agent'),
  })
  return redirect(safeRedirect(redirectTo, DEFAULT_AFTER_SIGNUP), {
    headers: { 'Set-Cookie': sessionCookie(session.token, session.expiresAt) },
  })
}

export default function Signup() {
  const { redirectTo, email } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const [form, fields] = useForm({
    id: 'signup',
    lastResult: actionData?.result,
    defaultValue: { email },
    constraint: getZodConstraint(clientSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: clientSchema }),
  })
  const loginHref = redirectTo ? `/login?${new URLSearchParams({ redirectTo })}` : '/login'
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
