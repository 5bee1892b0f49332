import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Form, Link, useActionData } from '@remix-run/react'
import { ErrorSummary, SubmitButton, TextareaField } from '~/components/forms'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import type { PublicCall } from '~/models/call-catalogue.server'
import type { action } from './route'
import { askSchema } from './schema'

/** The question form, or a sentence saying why the viewer cannot ask. */
export function Ask({ call, loginHref }: { call: PublicCall; loginHref: string }) {
  const t = useT()
  const locale = useLocale()
  const block = call.viewer.ask_block
  if (block === 'login') {
    return (
      <p>
        <Link to={loginHref}>{t('callPublic.ask.login')}</Link>
      </p>
    )
  }
  if (block !== null) {
    return (
      <p>
        {t(`callPublic.ask.blocked.${block}`, {
          date: formatDateTime(call.question_deadline, locale),
        })}
      </p>
    )
  }
  return <AskForm call={call} />
}

function AskForm({ call }: { call: PublicCall }) {
  const t = useT()
  const locale = useLocale()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'ask',
    lastResult: actionData?.result,
    constraint: getZodConstraint(askSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: askSchema }),
  })
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <h3>{t('callPublic.ask.title')}</h3>
      <ErrorSummary form={form} />
      <p>{t('callPublic.ask.explain', { date: formatDateTime(call.question_deadline, locale) })}</p>
      <input type="hidden" name="intent" value="ask" />
      <TextareaField
        meta={fields.body}
        label={t('callPublic.ask.body')}
        hint={t('callPublic.ask.hint')}
      />
      <SubmitButton>{t('callPublic.ask.submit')}</SubmitButton>
    </Form>
  )
}
