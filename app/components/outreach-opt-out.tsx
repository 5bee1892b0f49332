import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { z } from 'zod'
import { CheckboxField, ErrorSummary, SubmitButton } from '~/components/forms'
import { useT } from '~/i18n/use-t'

// A company's choice to receive no outreach (decision record 032), on its outreach page and in its
// settings; both post to /organisations/<slug>/outreach-received.

export const optOutSchema = z.object({
  opted_out: z
    .boolean()
    .optional()
    .transform((v) => v ?? false),
})

export function OutreachOptOutForm({
  id,
  slug,
  optedOut,
  lastResult,
}: {
  id: string
  slug: string
  optedOut: boolean
  lastResult?: SubmissionResult<string[]>
}) {
  const t = useT()
  const [form, fields] = useForm({
    id,
    lastResult,
    constraint: getZodConstraint(optOutSchema),
    defaultValue: { opted_out: optedOut ? 'on' : undefined },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: optOutSchema }),
  })
  return (
    <>
      <p>{optedOut ? t('outreach.optOut.stateOut') : t('outreach.optOut.stateIn')}</p>
      <Form
        method="post"
        action={`/organisations/${slug}/outreach-received`}
        {...getFormProps(form)}
        className="stack"
      >
        <ErrorSummary form={form} />
        <CheckboxField
          meta={fields.opted_out}
          label={t('outreach.optOut.label')}
          hint={t('outreach.optOut.hint')}
        />
        <div className="actions">
          <SubmitButton>{t('outreach.optOut.save')}</SubmitButton>
        </div>
      </Form>
    </>
  )
}
