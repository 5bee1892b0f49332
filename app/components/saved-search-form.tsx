import { type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { useMemo } from 'react'
import { PROCEDURES } from '~/domain/vocabularies'
import { useT } from '~/i18n/use-t'
import { CPV_MAX_CODES } from '~/utils/cpv'
import { MAX_SEARCH_WORDS } from '~/utils/folded-words'
import {
  SAVED_SEARCH_KIND_VALUES,
  type SavedSearchFormInput,
  type SavedSearchFormValue,
  savedSearchSchema,
  TRL_LEVELS,
} from '~/utils/saved-search-schema'
import { CpvCodesField } from './cpv-field'
import { ChoiceGroup, type FieldMeta, SelectField, TextField } from './forms'

// The form of a saved search (issue 16 part 2), shared by the new and the edit page.

type FormOptions = Parameters<typeof savedSearchSchema>[0]

/** The saved-search form's state: validated by the same schema as the action. */
export function useSavedSearchForm(
  options: FormOptions,
  defaults: Record<string, unknown>,
  lastResult: SubmissionResult<string[]> | undefined,
) {
  const schema = useMemo(() => savedSearchSchema(options), [options])
  return useForm<SavedSearchFormInput, SavedSearchFormValue>({
    id: 'saved-search',
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: defaults,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
}

export interface SavedSearchFields {
  name: FieldMeta
  kinds: FieldMeta
  themes: FieldMeta
  cpv_codes: FieldMeta
  county_code: FieldMeta
  municipality_code: FieldMeta
  procedure: FieldMeta
  trl_min: FieldMeta
  trl_max: FieldMeta
  query: FieldMeta
}

export function SavedSearchFormFields({
  fields,
  options,
  cpvLabels,
}: {
  fields: SavedSearchFields
  options: {
    themes: ReadonlyArray<{ code: string; name: string }>
    counties: ReadonlyArray<{ code: string; name: string }>
    municipalities: ReadonlyArray<{ code: string; short_name: string; county_code: string }>
  }
  cpvLabels: ReadonlyArray<{ code: string; label: string }>
}) {
  const t = useT()
  const county = typeof fields.county_code.value === 'string' ? fields.county_code.value : ''
  const trlOptions = TRL_LEVELS.map((level) => ({ value: level, label: level }))
  return (
    <>
      <TextField
        meta={fields.name}
        label={t('savedSearch.form.name')}
        hint={t('savedSearch.form.nameHint')}
      />
      <ChoiceGroup
        meta={fields.kinds}
        type="checkbox"
        legend={t('savedSearch.form.kinds')}
        options={SAVED_SEARCH_KIND_VALUES.map((k) => ({
          value: k,
          label: t(`savedSearch.kind.${k}`),
        }))}
      />
      <TextField
        meta={fields.query}
        label={t('savedSearch.form.query')}
        hint={t('savedSearch.form.queryHint', { words: MAX_SEARCH_WORDS })}
        required={false}
      />
      <ChoiceGroup
        meta={fields.themes}
        type="checkbox"
        required={false}
        legend={t('savedSearch.form.themes')}
        hint={t('savedSearch.form.themesHint')}
        options={options.themes.map((theme) => ({ value: theme.code, label: theme.name }))}
      />
      <CpvCodesField
        meta={fields.cpv_codes}
        label={t('savedSearch.form.cpv')}
        hint={t('savedSearch.form.cpvHint', { max: CPV_MAX_CODES })}
        labels={cpvLabels}
      />
      <SelectField
        meta={fields.county_code}
        label={t('savedSearch.form.county')}
        required={false}
        placeholder={t('savedSearch.form.countyAll')}
        options={options.counties.map((c) => ({ value: c.code, label: c.name }))}
      />
      <SelectField
        meta={fields.municipality_code}
        label={t('savedSearch.form.municipality')}
        required={false}
        placeholder={t('savedSearch.form.municipalityAll')}
        hint={t('savedSearch.form.municipalityHint')}
        options={options.municipalities
          .filter((m) => !county || m.county_code === county)
          .map((m) => ({ value: m.code, label: m.short_name }))}
      />
      <SelectField
        meta={fields.procedure}
        label={t('savedSearch.form.procedure')}
        required={false}
        hint={t('savedSearch.form.procedureHint')}
        placeholder={t('savedSearch.form.procedureAll')}
        options={PROCEDURES.map((p) => ({ value: p, label: t(`call.procedure.${p}`) }))}
      />
      <SelectField
        meta={fields.trl_min}
        label={t('savedSearch.form.trlMin')}
        required={false}
        hint={t('savedSearch.form.trlHint')}
        placeholder={t('savedSearch.form.trlAny')}
        options={trlOptions}
      />
      <SelectField
        meta={fields.trl_max}
        label={t('savedSearch.form.trlMax')}
        required={false}
        placeholder={t('savedSearch.form.trlAny')}
        options={trlOptions}
      />
    </>
  )
}
