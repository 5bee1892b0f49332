import { getSelectProps } from '@conform-to/react'
import { useT } from '~/i18n/use-t'
import type { MessageKey } from '~/i18n/messages'
import { SIZE_CLASSES } from '~/domain/vocabularies'
import { BUDGET_BANDS, INITIATIVE_KINDS } from '~/utils/initiative-schema'
import { CpvCodesField } from './cpv-field'
import {
  ChoiceGroup,
  type FieldMeta,
  FieldFrame,
  SelectField,
  TextareaField,
  TextField,
} from './forms'

// The fields of the initiative form (new and edit): what it is, its period, budget and
// functional contact, then whom and where it addresses. Works without JavaScript.

export interface InitiativeFields {
  kind: FieldMeta
  title: FieldMeta
  summary: FieldMeta
  description: FieldMeta
  starts_on: FieldMeta
  ends_on: FieldMeta
  budget_band: FieldMeta
  contact_role: FieldMeta
  contact_email: FieldMeta
  themes: FieldMeta
  cpv_codes: FieldMeta
  size_classes: FieldMeta
  sectors: FieldMeta
  counties: FieldMeta
  municipalities: FieldMeta
}

export interface InitiativeFormOptionsView {
  themes: ReadonlyArray<{ code: string; name: string }>
  sectors: ReadonlyArray<{ code: string; name: string }>
  counties: ReadonlyArray<{ code: string; name: string }>
  municipalities: ReadonlyArray<{ code: string; name: string; county_code: string }>
}

/** A `<select multiple>` grouped by county: 290 municipalities are too many for checkboxes. */
function MunicipalitiesField({
  meta,
  options,
}: {
  meta: FieldMeta
  options: InitiativeFormOptionsView
}) {
  const t = useT()
  const props = getSelectProps(meta, { ariaDescribedBy: meta.descriptionId })
  return (
    <FieldFrame
      meta={meta}
      label={t('initiativeForm.municipalities')}
      hint={t('initiativeForm.municipalitiesHint')}
      required={false}
    >
      <select {...props} key={props.key} multiple size={8} className="input">
        {options.counties.map((county) => (
          <optgroup key={county.code} label={county.name}>
            {options.municipalities
              .filter((m) => m.county_code === county.code)
              .map((m) => (
                <option key={m.code} value={m.code}>
                  {m.name}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </FieldFrame>
  )
}

export function InitiativeFormFields({
  fields,
  options,
  cpvLabels,
}: {
  fields: InitiativeFields
  options: InitiativeFormOptionsView
  cpvLabels: ReadonlyArray<{ code: string; label: string }>
}) {
  const t = useT()
  return (
    <>
      <SelectField
        meta={fields.kind}
        label={t('initiativeForm.kind')}
        options={INITIATIVE_KINDS.map((k) => ({
          value: k,
          label: t(`initiative.kind.${k}` as MessageKey),
        }))}
      />
      <TextField meta={fields.title} label={t('initiativeForm.title')} />
      <TextareaField
        meta={fields.summary}
        label={t('initiativeForm.summary')}
        hint={t('initiativeForm.summaryHint')}
        rows={3}
      />
      <TextareaField
        meta={fields.description}
        label={t('initiativeForm.description')}
        required={false}
        rows={8}
      />
      <TextField
        meta={fields.starts_on}
        label={t('initiativeForm.startsOn')}
        hint={t('initiativeForm.dateHint')}
        type="date"
        required={false}
        width="medium"
      />
      <TextField
        meta={fields.ends_on}
        label={t('initiativeForm.endsOn')}
        hint={t('initiativeForm.dateHint')}
        type="date"
        required={false}
        width="medium"
      />
      <SelectField
        meta={fields.budget_band}
        label={t('initiativeForm.budget')}
        options={BUDGET_BANDS.map((b) => ({
          value: b,
          label: t(`initiative.budget.${b}` as MessageKey),
        }))}
      />
      <TextField
        meta={fields.contact_role}
        label={t('initiativeForm.contactRole')}
        hint={t('initiativeForm.contactRoleHint')}
      />
      <TextField
        meta={fields.contact_email}
        label={t('initiativeForm.contactEmail')}
        hint={t('initiativeForm.contactEmailHint')}
        type="email"
        autoComplete="off"
      />
      <ChoiceGroup
        meta={fields.themes}
        type="checkbox"
        required={false}
        legend={t('initiativeForm.themes')}
        options={options.themes.map((theme) => ({ value: theme.code, label: theme.name }))}
      />
      <CpvCodesField meta={fields.cpv_codes} label={t('initiativeForm.cpv')} labels={cpvLabels} />
      <ChoiceGroup
        meta={fields.size_classes}
        type="checkbox"
        required={false}
        legend={t('initiativeForm.sizes')}
        options={SIZE_CLASSES.map((s) => ({
          value: s,
          label: t(`initiative.size.${s}` as MessageKey),
        }))}
      />
      <ChoiceGroup
        meta={fields.sectors}
        type="checkbox"
        required={false}
        legend={t('initiativeForm.sectors')}
        options={options.sectors.map((s) => ({ value: s.code, label: s.name }))}
      />
      <ChoiceGroup
        meta={fields.counties}
        type="checkbox"
        required={false}
        legend={t('initiativeForm.counties')}
        options={options.counties.map((c) => ({ value: c.code, label: c.name }))}
      />
      <MunicipalitiesField meta={fields.municipalities} options={options} />
    </>
  )
}
