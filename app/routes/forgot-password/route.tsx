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
import { enforceFormLimit } from '~/auth/limits.server'
import { ErrorSummary, HoneypotField, SubmitButton, TextField } from '~/components/forms'
import { useT } from '~/i18n/use-t'
import { requestPasswordReset } from '~/models/users.server'
import { getDb } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { checkHoneypot } from '~/utils/honeypot.server'
import { pageTitle } from '~/utils/meta'
import { clientIp } from '~/utils/request.server'
import { schema } from './schema'
import authMessages from '~/i18n/messages/auth'
import errorsMessages from '~/i18n/messages/errors'

export const handle = { i18n: [authMessages, errorsMessages] }

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'auth.forgot.title')

export async function loader({ request }: LoaderFunctionArgs) {
  return { sent: new URL(request.url).searchParams.get('sent') === '1' }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData()
  checkHoneypot(formData)
  const submission = parseWithZod(formData, { schema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply() }, { status: 400 })
  }
  const ip = clientIp(context)
  enforceFormLimit(request, ip)
  await requestPasswordReset(getDb(), submission.value.email, getEnv().APP_ORIGIN, { ip })
  // The same answer whether or not the address has an account.
  return redirect('/forgot-password?sent=1')
}

export default function ForgotPassword() {
  const { sent } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const [form, fields] = useForm({
    id: 'forgot-password',
    lastResult: actionData?.result,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  return (
    <>
      <h1>{t('auth.forgot.title')}</h1>
      {sent ? (
        <p className="notice notice--ok" role="status">
          {t('auth.forgot.sent')}
        </p>
      ) : (
        <>
          <p>{t('auth.forgot.intro')}</p>
          <Form method="post" {...getFormProps(form)} className="stack">
            <ErrorSummary form={form} />
            <HoneypotField />
            <TextField
              meta={fields.email}
              label={t('auth.email')}
              type="email"
              autoComplete="email"
            />
            <SubmitButton>{t('auth.forgot.submit')}</SubmitButton>
          </Form>
        </>
      )}
      <p>
        <Link to="/login">{t('auth.forgot.backToLogin')}</Link>
      </p>
    </>
  )
}
