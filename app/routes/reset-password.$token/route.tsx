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
import { isCommonPassword } from '~/auth/password.server'
import { clearSessionCookie } from '~/auth/session.server'
import { ErrorSummary, HoneypotField, SubmitButton, TextField } from '~/components/forms'
import { useT } from '~/i18n/use-t'
import { DomainError } from '~/models/errors.server'
import { isPasswordResetValid, passwordResetAccount, resetPassword } from '~/models/users.server'
import { getDb } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { checkHoneypot } from '~/utils/honeypot.server'
import { pageTitle } from '~/utils/meta'
import { clientIp } from '~/utils/request.server'
import { resetSchema, tokenSchema } from './schema'
import authMessages from '~/i18n/messages/auth'
import errorsMessages from '~/i18n/messages/errors'

export const handle = { i18n: [authMessages, errorsMessages] }

const clientSchema = resetSchema()

export const meta: MetaFunction = ({ matches, data: loaderData }) =>
  pageTitle(
    matches,
    (loaderData as { valid?: boolean } | undefined)?.valid
      ? 'auth.reset.title'
      : 'auth.reset.invalid.title',
  )

// An unknown, used or expired link answers 410 with a page explaining what to do, never a 500.
const GONE = 410

export async function loader({ params }: LoaderFunctionArgs) {
  const token = tokenSchema.safeParse(params.token)
  const valid = token.success && (await isPasswordResetValid(getDb(), token.data))
  return data({ valid }, { status: valid ? 200 : GONE })
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const formData = await request.formData()
  checkHoneypot(formData)
  const token = tokenSchema.safeParse(params.token)
  // The link first: a used or unknown link says so, whatever was typed.
  const account = token.success ? await passwordResetAccount(getDb(), token.data) : null
  if (!token.success || !account) return data({ invalid: true as const }, { status: GONE })
  const submission = parseWithZod(formData, {
    schema: resetSchema({ isCommon: isCommonPassword, personal: [account.email, account.name] }),
  })
  if (submission.status !== 'success') {
    return data(
      { result: submission.reply({ hideFields: ['password', 'confirm'] }) },
      { status: 400 },
    )
  }
  try {
    await resetPassword(getDb(), token.data, submission.value.password, {
      ip: clientIp(context),
      origin: getEnv().APP_ORIGIN,
    })
  } catch (e) {
    if (e instanceof DomainError && (e.code === 'reset_invalid' || e.code === 'reset_used')) {
      return data({ invalid: true as const }, { status: GONE })
    }
    throw e
  }
  // Every session of the account has ended, this browser's included.
  return redirect('/login?reset=1', { headers: { 'Set-Cookie': clearSessionCookie() } })
}

export default function ResetPassword() {
  const { valid } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const [form, fields] = useForm({
    id: 'reset-password',
    lastResult: actionData && 'result' in actionData ? actionData.result : undefined,
    constraint: getZodConstraint(clientSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: clientSchema }),
  })
  if (!valid || (actionData && 'invalid' in actionData)) {
    return (
      <>
        <h1>{t('auth.reset.invalid.title')}</h1>
        <p>{t('auth.reset.invalid.body')}</p>
        <p>
          <Link className="button" to="/forgot-password">
            {t('auth.reset.invalid.again')}
          </Link>
        </p>
      </>
    )
  }
  return (
    <>
      <h1>{t('auth.reset.title')}</h1>
      <p>{t('auth.reset.intro')}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <HoneypotField />
        <TextField
          meta={fields.password}
          label={t('auth.reset.password')}
          hint={t('auth.passwordHint')}
          type="password"
          autoComplete="new-password"
        />
        <TextField
          meta={fields.confirm}
          label={t('auth.reset.confirm')}
          type="password"
          autoComplete="new-password"
        />
        <SubmitButton>{t('auth.reset.submit')}</SubmitButton>
      </Form>
    </>
  )
}
