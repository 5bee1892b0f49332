import { getFormProps } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { formatDay, formatIndicatorValue } from '~/components/agenda-figures'
import { useIntentForm } from '~/components/agenda-form'
import {
  ChoiceGroup,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextareaField,
  TextField,
} from '~/components/forms'
import { useLocale, useT } from '~/i18n/use-t'
import {
  AGENDA_METRICS,
  goalSchema,
  indicatorSchema,
  INDICATOR_UNITS,
  linkSchema,
  measurementSchema,
  publishSchema,
  targetSchema,
} from '~/utils/agenda-schema'

// The small forms of a goal's editing page, each with its own hidden intent and error summary.

interface IndicatorChoice {
  id: number
  label: string
  source_kind: 'live' | 'manual'
  unit: 'count' | 'percent'
  target_value: number
  target_date: string
  measurements: ReadonlyArray<{ id: number; measured_on: string; value: number }>
}

function Hidden({ intent }: { intent: string }) {
  return <input type="hidden" name="intent" value={intent} />
}

export function GoalTextForm({ goal }: { goal: { title: string; description: string } }) {
  const t = useT()
  const [form, fields] = useIntentForm('goal', goalSchema, goal)
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <Hidden intent="goal" />
      <ErrorSummary form={form} />
      <TextField meta={fields.title} label={t('agenda.field.goalTitle')} />
      <TextareaField
        meta={fields.description}
        label={t('agenda.field.goalDescription')}
        required={false}
      />
      <div className="actions">
        <SubmitButton>{t('agenda.goal.save')}</SubmitButton>
      </div>
    </Form>
  )
}

export function PublishGoalForm() {
  const t = useT()
  const [form] = useIntentForm('publish', publishSchema)
  return (
    <section aria-labelledby="publish-goal-title">
      <h2 id="publish-goal-title">{t('agenda.goal.publishTitle')}</h2>
      <p>{t('agenda.goal.publishIntro')}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <Hidden intent="publish" />
        <ErrorSummary form={form} />
        <div className="actions">
          <SubmitButton>{t('agenda.goal.publish')}</SubmitButton>
        </div>
      </Form>
    </section>
  )
}

export function IndicatorForm({
  themes,
}: {
  themes: ReadonlyArray<{ code: string; name: string }>
}) {
  const t = useT()
  const [form, fields] = useIntentForm('indicator', indicatorSchema(themes))
  return (
    <>
      <h3>{t('agenda.indicator.newTitle')}</h3>
      <Form method="post" {...getFormProps(form)} className="stack">
        <Hidden intent="indicator" />
        <ErrorSummary form={form} />
        <TextField meta={fields.label} label={t('agenda.field.label')} />
        <ChoiceGroup
          meta={fields.source_kind}
          type="radio"
          legend={t('agenda.field.source')}
          options={[
            { value: 'live', label: t('agenda.source.live') },
            { value: 'manual', label: t('agenda.source.manual') },
          ]}
        />
        <SelectField
          meta={fields.metric}
          label={t('agenda.field.metric')}
          hint={t('agenda.field.metricHint')}
          required={false}
          options={AGENDA_METRICS.map((m) => ({ value: m, label: t(`agenda.metric.${m}`) }))}
        />
        <SelectField
          meta={fields.theme_code}
          label={t('agenda.field.theme')}
          hint={t('agenda.field.themeHint')}
          required={false}
          options={themes.map((th) => ({ value: th.code, label: th.name }))}
        />
        <SelectField
          meta={fields.unit}
          label={t('agenda.field.unit')}
          hint={t('agenda.field.unitHint')}
          required={false}
          options={INDICATOR_UNITS.map((u) => ({ value: u, label: t(`agenda.unit.${u}`) }))}
        />
        <TextField
          meta={fields.target_value}
          type="number"
          label={t('agenda.field.targetValue')}
          width="short"
        />
        <TextField
          meta={fields.target_date}
          type="date"
          label={t('agenda.field.targetDate')}
          width="medium"
        />
        <div className="actions">
          <SubmitButton>{t('agenda.indicator.add')}</SubmitButton>
        </div>
      </Form>
    </>
  )
}

export function TargetForm({
  indicators,
  published,
}: {
  indicators: ReadonlyArray<IndicatorChoice>
  published: boolean
}) {
  const t = useT()
  const locale = useLocale()
  const [form, fields] = useIntentForm('target', targetSchema)
  return (
    <>
      <h3>{t('agenda.target.title')}</h3>
      <p>{published ? t('agenda.target.introPublished') : t('agenda.target.introDraft')}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <Hidden intent="target" />
        <ErrorSummary form={form} />
        <SelectField
          meta={fields.indicator_id}
          label={t('agenda.field.indicator')}
          options={indicators.map((i) => ({
            value: String(i.id),
            label: t('agenda.target.option', {
              label: i.label,
              value: formatIndicatorValue(i.target_value, i.unit, locale),
              date: formatDay(i.target_date, locale),
            }),
          }))}
        />
        <TextField
          meta={fields.target_value}
          type="number"
          label={t('agenda.field.targetValue')}
          width="short"
        />
        <TextField
          meta={fields.target_date}
          type="date"
          label={t('agenda.field.targetDate')}
          width="medium"
        />
        <TextareaField
          meta={fields.reason}
          label={t('agenda.field.reason')}
          hint={t('agenda.field.reasonHint')}
          required={published}
          rows={3}
        />
        <div className="actions">
          <SubmitButton>{t('agenda.target.save')}</SubmitButton>
        </div>
      </Form>
    </>
  )
}

export function MeasurementForm({ indicators }: { indicators: ReadonlyArray<IndicatorChoice> }) {
  const t = useT()
  const locale = useLocale()
  const manual = indicators.filter((i) => i.source_kind === 'manual')
  const [form, fields] = useIntentForm(
    'measurement',
    measurementSchema,
    manual.length === 1 ? { indicator_id: String(manual[0]!.id) } : undefined,
  )
  return (
    <>
      <h3>{t('agenda.measurement.title')}</h3>
      <p>{t('agenda.measurement.intro')}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <Hidden intent="measurement" />
        <ErrorSummary form={form} />
        <SelectField
          meta={fields.indicator_id}
          label={t('agenda.field.manualIndicator')}
          options={manual.map((i) => ({ value: String(i.id), label: i.label }))}
        />
        <TextField
          meta={fields.measured_on}
          type="date"
          label={t('agenda.field.measuredOn')}
          width="medium"
        />
        <TextField
          meta={fields.value}
          type="number"
          label={t('agenda.field.value')}
          width="short"
        />
        <TextField
          meta={fields.source}
          label={t('agenda.field.measurementSource')}
          hint={t('agenda.field.measurementSourceHint')}
        />
        <SelectField
          meta={fields.corrects}
          label={t('agenda.field.corrects')}
          hint={t('agenda.field.correctsHint')}
          required={false}
          placeholder={t('agenda.field.correctsNone')}
          options={manual.flatMap((i) =>
            i.measurements.map((m) => ({
              value: String(m.id),
              label: t('agenda.measurement.option', {
                label: i.label,
                date: formatDay(m.measured_on, locale),
                value: formatIndicatorValue(m.value, i.unit, locale),
              }),
            })),
          )}
        />
        <div className="actions">
          <SubmitButton>{t('agenda.measurement.save')}</SubmitButton>
        </div>
      </Form>
    </>
  )
}

export function LinkForm({
  initiatives,
}: {
  initiatives: ReadonlyArray<{ id: number; title: string }>
}) {
  const t = useT()
  const [form, fields] = useIntentForm('link', linkSchema)
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      <Hidden intent="link" />
      <ErrorSummary form={form} />
      <SelectField
        meta={fields.initiative_id}
        label={t('agenda.field.initiative')}
        hint={t('agenda.field.initiativeHint')}
        options={initiatives.map((i) => ({ value: String(i.id), label: i.title }))}
      />
      <div className="actions">
        <SubmitButton>{t('agenda.link.add')}</SubmitButton>
      </div>
    </Form>
  )
}
