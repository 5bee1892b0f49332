import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { createSession, sessionCookie } from '~/auth/session.server'
import { SubmitButton } from '~/components/forms'
import { useT } from '~/i18n/use-t'
import { confirmSignup, isSignupConfirmationValid } from '~/models/signup.server'
import { getDb } from '~/utils/db.server'
import { pageTitle } from '~/utils/meta'
import { clientIp, safeRedirect } from '~/utils/request.server'
import { tokenSchema } from './schema'
import authMessages from '~/i18n/messages/auth'

export const handle = { i18n: [authMessages] }

const DEFAULT_AFTER_CONFIRM = '/my/organisations'
// An unknown, used or expired link answers 410 with a page explaining what to do, never a 500.
const GONE = 410

export const meta: MetaFunction = ({ matches, data: loaderData }) =>
  pageTitle(
    matches,
    (loaderData as { valid?: boolean } | undefined)?.valid
      ? 'auth.confirmEmail.title'
      : 'auth.confirmEmail.invalid.title',
  )

// Opening the link only shows a button: mail scanners that fetch links must not use it up.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = tokenSchema.safeParse(params.token)
  const valid = token.success && (await isSignupConfirmationValid(getDb(), token.data))
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get('redirectTo'), '')
  return data({ valid, redirectTo }, { status: valid ? 200 : GONE })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const formData = await request.formData()
  const token = tokenSchema.safeParse(params.token)
  if (!token.success) return data({ invalid: true as const }, { status: GONE })
  const ip = clientIp(context)
  const db = getDb()
  const user = await confirmSignup(db, token.data, { ip })
  if (!user) return data({ invalid: true as const }, { status: GONE })
  const session = await createSession(db, user.id, {
    ip,
    userAgent: request.headers.get('User-Agent'),
  })
  return redirect(safeRedirect(formData.get('redirectTo'), DEFAULT_AFTER_CONFIRM), {
    headers: { 'Set-Cookie': sessionCookie(session.token, session.expiresAt) },
  })
}

export default function ConfirmEmail() {
  const { valid, redirectTo } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  if (!valid || actionData?.invalid) {
    const query = redirectTo ? `?${new URLSearchParams({ redirectTo })}` : ''
    return (
      <>
        <h1>{t('auth.confirmEmail.invalid.title')}</h1>
        <p>{t('auth.confirmEmail.invalid.body')}</p>
        <div className="actions">
          <Link className="button" to={`/login${query}`}>
            {t('auth.confirmEmail.invalid.login')}
          </Link>
          <Link className="button button--secondary" to={`/signup${query}`}>
            {t('auth.confirmEmail.invalid.signup')}
          </Link>
        </div>
      </>
    )
  }
  return (
    <>
      <h1>{t('auth.confirmEmail.title')}</h1>
      <p>{t('auth.confirmEmail.intro')}</p>
      <Form method="post" className="stack">
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <SubmitButton>{t('auth.confirmEmail.submit')}</SubmitButton>
      </Form>
    </>
  )
}
