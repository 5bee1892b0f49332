import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { CompetitionFields, updateCompetitionSchema } from '~/components/competition-form'
import { ErrorSummary, SubmitButton, TextareaField } from '~/components/forms'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import type { AdminCompetition } from '~/models/competitions-admin-view.server'
import { toStockholmDateTimeInput } from '~/utils/stockholm-time'
import { useResultFor } from './section-helpers'

export function EditSection({ competition: c }: { competition: AdminCompetition }) {
  const t = useT()
  const locale = useLocale()
  const closeMovable = c.status === 'nominating' && !c.closed
  const [form, fields] = useForm({
    id: 'competition-edit',
    lastResult: useResultFor('update'),
    defaultValue: {
      intro_sv: c.introSv,
      intro_en: c.introEn,
      nominations_close: toStockholmDateTimeInput(c.nominationsCloseAt),
    },
    constraint: getZodConstraint(updateCompetitionSchema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: updateCompetitionSchema }),
  })
  return (
    <section aria-labelledby="edit-heading">
      <h2 id="edit-heading">{t('competition.admin.editHeading')}</h2>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        {closeMovable ? (
          <CompetitionFields fields={fields} closeHint={t('competition.hint.closeLater')} />
        ) : (
          <>
            <TextareaField meta={fields.intro_sv} label={t('competition.field.introSv')} rows={4} />
            <TextareaField meta={fields.intro_en} label={t('competition.field.introEn')} rows={4} />
            <input
              type="hidden"
              name={fields.nominations_close.name}
              value={toStockholmDateTimeInput(c.nominationsCloseAt)}
            />
            <p className="hint">
              {t('competition.admin.closeFixed', {
                time: formatDateTime(c.nominationsCloseAt, locale),
              })}
            </p>
          </>
        )}
        <SubmitButton name="intent" value="update">
          {t('competition.admin.save')}
        </SubmitButton>
      </Form>
    </section>
  )
}
