import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { useMemo } from 'react'
import { ChoiceGroup, ErrorSummary, SubmitButton } from '~/components/forms'
import { useT } from '~/i18n/use-t'
import { themeInterestsSchema } from './schema'

// The company's theme interests (decision record 032, Revision): what an outreach may target.
// A form of its own on the settings page; the database lets only the company's members write them.

export function ThemeSettingsSection({
  themes,
  chosen,
  lastResult,
}: {
  themes: ReadonlyArray<{ code: string; name: string }>
  chosen: string[]
  lastResult: SubmissionResult<string[]> | undefined
}) {
  const t = useT()
  const schema = useMemo(() => themeInterestsSchema(themes), [themes])
  const [form, fields] = useForm({
    id: 'theme-settings',
    lastResult,
    constraint: getZodConstraint(schema),
    defaultValue: { theme_codes: chosen },
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  return (
    <section aria-labelledby="theme-settings-title">
      <h2 id="theme-settings-title">{t('outreach.themes.title')}</h2>
      <p>{t('outreach.themes.intro')}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <ChoiceGroup
          meta={fields.theme_codes}
          type="checkbox"
          required={false}
          legend={t('outreach.themes.legend')}
          options={themes.map((theme) => ({ value: theme.code, label: theme.name }))}
        />
        <div className="actions">
          <SubmitButton name="intent" value="themes">
            {t('outreach.themes.save')}
          </SubmitButton>
        </div>
      </Form>
    </section>
  )
}
