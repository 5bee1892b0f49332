import { getSelectProps } from '@conform-to/react'
import { useEffect, useState } from 'react'
import { INTERMEDIARY_TYPES, PUBLIC_BODY_TYPES, SIZE_CLASSES } from '~/domain/vocabularies'
import { useT } from '~/i18n/use-t'
import {
  ChoiceGroup,
  FieldFrame,
  type FieldMeta,
  type Option,
  SelectField,
  TextareaField,
  TextField,
} from './forms'

interface County {
  code: string
  name: string
}
interface Municipality {
  code: string
  short_name: string
  county_code: string
}

/** True once React runs in the browser; the first render matches the server's HTML. */
function useHydrated() {
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  return hydrated
}

export function PublicBodyTypeField({
  meta,
  required = true,
}: {
  meta: FieldMeta
  required?: boolean
}) {
  const t = useT()
  return (
    <ChoiceGroup
      meta={meta}
      type="radio"
      legend={t('orgForm.publicBodyType')}
      hint={required ? undefined : t('orgForm.publicBodyType.hint')}
      required={required}
      options={PUBLIC_BODY_TYPES.map((v) => ({ value: v, label: t(`org.type.${v}`) }))}
    />
  )
}

/** IUC, cluster, science park, university or funding agency (decision 026). */
export function IntermediaryTypeField({
  meta,
  required = true,
}: {
  meta: FieldMeta
  required?: boolean
}) {
  const t = useT()
  return (
    <ChoiceGroup
      meta={meta}
      type="radio"
      legend={t('orgForm.intermediaryType')}
      hint={
        required
          ? t('orgForm.intermediaryType.hint')
          : `${t('orgForm.intermediaryType.hintOptional')} ${t('orgForm.intermediaryType.hint')}`
      }
      required={required}
      options={INTERMEDIARY_TYPES.map((v) => ({ value: v, label: t(`org.itype.${v}`) }))}
    />
  )
}

/** Size classes as the EU defines small and medium-sized enterprises (Recommendation 2003/361/EC). */
export function SizeClassField({ meta, required = true }: { meta: FieldMeta; required?: boolean }) {
  const t = useT()
  return (
    <ChoiceGroup
      meta={meta}
      type="radio"
      legend={t('orgForm.sizeClass')}
      hint={
        required
          ? t('orgForm.sizeClass.hint')
          : `${t('orgForm.sizeClass.hintCompanies')} ${t('orgForm.sizeClass.hint')}`
      }
      required={required}
      options={SIZE_CLASSES.map((v) => ({
        value: v,
        label: `${t(`org.size.${v}`)}: ${t(`orgForm.sizeDefinition.${v}`)}`,
      }))}
    />
  )
}

export function SectorsField({
  meta,
  sectors,
  required = false,
  companiesOnly = false,
}: {
  meta: FieldMeta
  sectors: ReadonlyArray<{ code: string; name: string }>
  required?: boolean
  companiesOnly?: boolean
}) {
  const t = useT()
  return (
    <ChoiceGroup
      meta={meta}
      type="checkbox"
      legend={t('orgForm.sectors')}
      hint={
        companiesOnly
          ? `${t('orgForm.sectors.hint')} ${t('orgForm.sectors.companiesOnly')}`
          : t('orgForm.sectors.hint')
      }
      required={required}
      options={sectors.map((s) => ({ value: s.code, label: `${s.code} – ${s.name}` }))}
    />
  )
}

/**
 * County and municipality. Without JavaScript the municipality list holds every municipality,
 * grouped by county; with it, only the chosen county's. The server checks that they match.
 */
/**
 * County and municipality. Without JavaScript the municipality list holds every municipality
 * grouped by county; with it, only the chosen county's. Labels default to the organisation form's.
 */
export function LocationFields({
  county,
  municipality,
  counties,
  municipalities,
  municipalityRequired = true,
  labels,
}: {
  county: FieldMeta
  municipality: FieldMeta
  counties: ReadonlyArray<County>
  municipalities: ReadonlyArray<Municipality>
  municipalityRequired?: boolean
  labels?: { county: string; municipality: string; municipalityHint: string }
}) {
  const t = useT()
  const hydrated = useHydrated()
  const chosenCounty = typeof county.value === 'string' && county.value ? county.value : null
  const visible =
    hydrated && chosenCounty ? counties.filter((c) => c.code === chosenCounty) : counties
  const countyOptions: Option[] = counties.map((c) => ({ value: c.code, label: c.name }))
  const props = getSelectProps(municipality, {
    ariaDescribedBy: [
      municipality.descriptionId,
      municipality.errors?.length ? municipality.errorId : null,
    ]
      .filter(Boolean)
      .join(' '),
  })
  return (
    <>
      <SelectField
        meta={county}
        label={labels?.county ?? t('orgForm.county')}
        options={countyOptions}
      />
      <FieldFrame
        meta={municipality}
        label={labels?.municipality ?? t('orgForm.municipality')}
        hint={labels?.municipalityHint ?? t('orgForm.municipality.hint')}
        required={municipalityRequired}
      >
        <select {...props} key={props.key} className="input">
          <option value="">{t('form.select')}</option>
          {visible.map((c) => (
            <optgroup key={c.code} label={c.name}>
              {municipalities
                .filter((m) => m.county_code === c.code)
                .map((m) => (
                  <option key={m.code} value={m.code}>
                    {m.short_name}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </FieldFrame>
    </>
  )
}

export function ProfileFields({
  website,
  description,
}: {
  website: FieldMeta
  description: FieldMeta
}) {
  const t = useT()
  return (
    <>
      <TextField
        meta={website}
        label={t('orgForm.website')}
        hint={t('orgForm.website.hint')}
        inputMode="url"
        autoComplete="url"
        required={false}
      />
      <TextareaField
        meta={description}
        label={t('orgForm.description')}
        hint={t('orgForm.description.hint')}
        required={false}
      />
    </>
  )
}
