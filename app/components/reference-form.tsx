import type { FieldMetadata } from '@conform-to/react'
import { translateError, useT } from '~/i18n/use-t'
import type { ReferenceFormInput } from '~/utils/reference-schema'
import { CheckboxField, ChoiceGroup, TextareaField, TextField } from './forms'

// The fields of a reference case, shared by the new-draft page and the edit page. Everything
// works as a plain form: the English fields and the result rows are always there, and the
// server checks the same schema (app/utils/reference-schema.ts).

type Fields = ReturnType<
  FieldMetadata<ReferenceFormInput, ReferenceFormInput, string[]>['getFieldset']
>

export function ReferenceFormFields({ fields }: { fields: Fields }) {
  const t = useT()
  return (
    <>
      <fieldset className="stack reference-form-part">
        <legend>{t('reference.form.swedish')}</legend>
        <p className="hint">{t('reference.form.swedishHint')}</p>
        <TextField meta={fields.title_sv} label={t('reference.field.title')} />
        <TextareaField
          meta={fields.summary_sv}
          label={t('reference.field.summary')}
          hint={t('reference.hint.summary')}
          rows={3}
        />
        <TextareaField meta={fields.challenge_sv} label={t('reference.field.challenge')} />
        <TextareaField meta={fields.solution_sv} label={t('reference.field.solution')} />
        <TextareaField
          meta={fields.deployment_sv}
          label={t('reference.field.deployment')}
          hint={t('reference.hint.deployment')}
        />
        <TextareaField
          meta={fields.participants_sv}
          label={t('reference.field.participants')}
          rows={3}
        />
        <TextareaField
          meta={fields.quote_sv}
          label={t('reference.field.quote')}
          hint={t('reference.hint.quote')}
          required={false}
          rows={3}
        />
        <TextField
          meta={fields.quote_by_role}
          label={t('reference.field.quoteByRole')}
          hint={t('reference.hint.quoteByRole')}
          required={false}
        />
      </fieldset>

      <fieldset className="stack reference-form-part">
        <legend>{t('reference.form.whereWhen')}</legend>
        <TextField
          meta={fields.place}
          label={t('reference.field.place')}
          hint={t('reference.hint.place')}
        />
        <TextField
          meta={fields.started_on}
          type="date"
          label={t('reference.field.startedOn')}
          width="medium"
        />
        <TextField
          meta={fields.ended_on}
          type="date"
          label={t('reference.field.endedOn')}
          hint={t('reference.hint.endedOn')}
          required={false}
          width="medium"
        />
      </fieldset>

      <ResultRows rows={fields.results} />

      <fieldset className="stack reference-form-part">
        <legend>{t('reference.form.verdict')}</legend>
        <ChoiceGroup
          meta={fields.would_use_again}
          legend={t('reference.field.wouldUseAgain')}
          type="radio"
          options={[
            { value: 'yes', label: t('reference.yes') },
            { value: 'no', label: t('reference.no') },
          ]}
        />
        <CheckboxField
          meta={fields.takes_reference_calls}
          label={t('reference.field.takesReferenceCalls')}
          hint={t('reference.hint.takesReferenceCalls')}
        />
        <TextField
          meta={fields.contact_role}
          label={t('reference.field.contactRole')}
          hint={t('reference.hint.contactRole')}
          required={false}
        />
      </fieldset>

      <fieldset className="stack reference-form-part">
        <legend>{t('reference.form.english')}</legend>
        <p className="hint">{t('reference.form.englishHint')}</p>
        <CheckboxField meta={fields.has_english} label={t('reference.field.hasEnglish')} />
        <TextField meta={fields.title_en} label={t('reference.field.titleEn')} required={false} />
        <TextareaField
          meta={fields.summary_en}
          label={t('reference.field.summaryEn')}
          required={false}
          rows={3}
        />
        <TextareaField
          meta={fields.challenge_en}
          label={t('reference.field.challengeEn')}
          required={false}
        />
        <TextareaField
          meta={fields.solution_en}
          label={t('reference.field.solutionEn')}
          required={false}
        />
        <TextareaField
          meta={fields.deployment_en}
          label={t('reference.field.deploymentEn')}
          required={false}
        />
        <TextareaField
          meta={fields.participants_en}
          label={t('reference.field.participantsEn')}
          required={false}
          rows={3}
        />
        <TextareaField
          meta={fields.quote_en}
          label={t('reference.field.quoteEn')}
          hint={t('reference.hint.quoteEn')}
          required={false}
          rows={3}
        />
      </fieldset>
    </>
  )
}

function ResultRows({ rows }: { rows: Fields['results'] }) {
  const t = useT()
  const list = rows.getFieldList()
  return (
    <fieldset
      id={rows.id}
      tabIndex={-1}
      className={
        rows.errors?.length
          ? 'field field--invalid reference-form-part'
          : 'field reference-form-part'
      }
    >
      <legend>{t('reference.form.results')}</legend>
      <p className="hint">{t('reference.form.resultsHint')}</p>
      {rows.errors?.length ? (
        <p className="field-error" id={rows.errorId}>
          {rows.errors.map((e) => translateError(t, e)).join(' ')}
        </p>
      ) : null}
      <div className="reference-result-rows">
        {list.map((row, i) => {
          const parts = row.getFieldset()
          return (
            <fieldset key={row.key ?? i} className="field reference-result-row">
              <legend>{t('reference.form.resultRow', { n: i + 1 })}</legend>
              <TextField
                meta={parts.label_sv}
                label={t('reference.field.resultLabel')}
                required={false}
              />
              <TextField
                meta={parts.label_en}
                label={t('reference.field.resultLabelEn')}
                required={false}
              />
              <TextField
                meta={parts.value}
                label={t('reference.field.resultValue')}
                inputMode="text"
                required={false}
                width="short"
              />
              <TextField
                meta={parts.unit}
                label={t('reference.field.resultUnit')}
                required={false}
                width="short"
              />
              <TextField
                meta={parts.baseline}
                label={t('reference.field.resultBaseline')}
                required={false}
                width="short"
              />
            </fieldset>
          )
        })}
      </div>
    </fieldset>
  )
}
