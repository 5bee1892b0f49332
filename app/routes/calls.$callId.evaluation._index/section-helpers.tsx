import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Form, useActionData } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { z } from 'zod'
import { ErrorSummary, SubmitButton, TextareaField } from '~/components/forms'
import { useT } from '~/i18n/use-t'
import type { action, loader } from './route'
import type { Intent } from './schema'

// What the sections of the evaluation page share: one Conform form per intent, the section frame,
// a form that is only a button, and a form that asks for a reason.

export type View = Awaited<ReturnType<typeof loader>>

/** A Conform form for one intent; it shows only the answers to its own submissions. */
export function useIntentForm<S extends z.ZodTypeAny>(
  intent: Intent,
  schema: S,
  defaultValue?: Record<string, string | string[]>,
) {
  const actionData = useActionData<typeof action>()
  const lastResult =
    actionData && 'intent' in actionData && actionData.intent === intent
      ? (actionData.result as SubmissionResult<string[]>)
      : undefined
  return useForm({
    id: intent,
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
}

export function Section({
  id,
  title,
  children,
}: {
  id: string
  title: string
  children: ReactNode
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="evaluation-section">
      <h2 id={`${id}-heading`}>{title}</h2>
      {children}
    </section>
  )
}

export function ButtonForm({
  intent,
  schema,
  label,
}: {
  intent: Intent
  schema: z.ZodTypeAny
  label: string
}) {
  const [form] = useIntentForm(intent, schema)
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value={intent} />
      <SubmitButton>{label}</SubmitButton>
    </Form>
  )
}

export function ReasonForm({
  intent,
  schema,
  title,
  body,
  label,
  submit,
}: {
  intent: Intent
  schema: z.ZodTypeAny
  title: string
  body: string
  label: string
  submit: string
}) {
  const t = useT()
  const [form, fields] = useIntentForm(intent, schema)
  return (
    <Section id={intent} title={title}>
      <p>{body}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <input type="hidden" name="intent" value={intent} />
        <TextareaField meta={fields.reason!} label={label} hint={t('evaluation.reasonHint')} />
        <SubmitButton>{submit}</SubmitButton>
      </Form>
    </Section>
  )
}
