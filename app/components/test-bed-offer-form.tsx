import type { ReactNode } from 'react'
import { useT } from '~/i18n/use-t'
import {
  CheckboxField,
  ChoiceGroup,
  type Option,
  SelectField,
  TextareaField,
  TextField,
} from './forms'
import { LocationFields } from './organisation-form'
import type { FrozenOffer, OfferFields, OfferFormOptionsData } from './test-bed-offer-defaults'
import { CriteriaFields, FrozenCriteria, FrozenTerms, TermsFields } from './test-bed-offer-terms'

// The fieldsets of the test-bed offer form, shared by the new-offer and edit pages. Terms and
// criteria are inputs while the offer is a draft and read-only once it is published
// (test-bed-offer-terms.tsx); the field names and starting values are in test-bed-offer-defaults.ts.

function Heading({ level, children }: { level: 2 | 3; children: ReactNode }) {
  return level === 2 ? <h2>{children}</h2> : <h3>{children}</h3>
}

const TRL_OPTIONS: Option[] = Array.from({ length: 9 }, (_, i) => ({
  value: String(i + 1),
  label: String(i + 1),
}))

/**
 * Every section of the offer form. `frozen` (a published offer) turns terms and criteria into
 * read-only text and keeps only the deadline editable while a round is open.
 */
export function OfferFormFields({
  fields,
  options,
  frozen,
  headingLevel,
}: {
  fields: OfferFields
  options: OfferFormOptionsData
  frozen: FrozenOffer | null
  headingLevel: 2 | 3
}) {
  const t = useT()
  const plainHint = t('offers.form.plainTextHint')
  return (
    <>
      <Heading level={headingLevel}>{t('offers.form.section.about')}</Heading>
      <TextField
        meta={fields.title}
        label={t('offers.field.title')}
        hint={t('offers.form.titleHint')}
      />
      <TextareaField
        meta={fields.summary}
        label={t('offers.field.summary')}
        hint={t('offers.form.summaryHint')}
        rows={3}
      />
      <TextareaField
        meta={fields.description}
        label={t('offers.field.description')}
        hint={plainHint}
        rows={10}
      />
      <ChoiceGroup
        meta={fields.themes}
        type="checkbox"
        legend={t('offers.field.themes')}
        hint={t('offers.form.themesHint')}
        options={options.themes.map((theme) => ({ value: theme.code, label: theme.name }))}
      />

      <Heading level={headingLevel}>{t('offers.form.section.place')}</Heading>
      <LocationFields
        county={fields.county_code}
        municipality={fields.municipality_code}
        counties={options.counties}
        municipalities={options.municipalities}
        municipalityRequired={false}
        labels={{
          county: t('offers.field.county_code'),
          municipality: t('offers.field.municipality_code'),
          municipalityHint: t('offers.form.municipalityHint'),
        }}
      />
      <TextareaField
        meta={fields.places}
        label={t('offers.field.places')}
        hint={t('offers.form.placesHint')}
        required={false}
        rows={3}
      />

      <Heading level={headingLevel}>{t('offers.form.section.provides')}</Heading>
      <TextareaField
        meta={fields.environments}
        label={t('offers.field.environments')}
        hint={plainHint}
        required={false}
      />
      <TextareaField
        meta={fields.test_users}
        label={t('offers.field.test_users')}
        hint={t('offers.form.testUsersHint')}
        required={false}
        rows={3}
      />
      <TextField
        meta={fields.test_user_count}
        label={t('offers.field.test_user_count')}
        hint={t('offers.form.countHint')}
        inputMode="numeric"
        required={false}
        width="short"
      />
      <TextareaField
        meta={fields.staff_time}
        label={t('offers.field.staff_time')}
        required={false}
        rows={3}
      />
      <TextareaField
        meta={fields.data_access}
        label={t('offers.field.data_access')}
        required={false}
        rows={3}
      />
      <TextareaField
        meta={fields.premises}
        label={t('offers.field.premises')}
        required={false}
        rows={3}
      />
      <TextareaField
        meta={fields.equipment}
        label={t('offers.field.equipment')}
        required={false}
        rows={3}
      />

      <Heading level={headingLevel}>{t('offers.form.section.accepts')}</Heading>
      <p className="hint">{t('offers.form.trlHint')}</p>
      <SelectField meta={fields.trl_min} label={t('offers.field.trl_min')} options={TRL_OPTIONS} />
      <SelectField meta={fields.trl_max} label={t('offers.field.trl_max')} options={TRL_OPTIONS} />
      <fieldset className="field">
        <legend>{t('offers.form.requirements')}</legend>
        <CheckboxField meta={fields.requires_ce_marking} label={t('offers.form.ce')} />
        <CheckboxField meta={fields.requires_dpia} label={t('offers.form.dpia')} />
        <CheckboxField meta={fields.requires_insurance} label={t('offers.form.insurance')} />
      </fieldset>
      <TextareaField
        meta={fields.other_requirements}
        label={t('offers.field.other_requirements')}
        hint={plainHint}
        required={false}
        rows={3}
      />

      <Heading level={headingLevel}>{t('offers.form.section.capacity')}</Heading>
      <TextField
        meta={fields.capacity}
        label={t('offers.field.capacity')}
        hint={t('offers.form.capacityHint')}
        inputMode="numeric"
        width="short"
      />
      <TextField
        width="medium"
        meta={fields.available_from}
        label={t('offers.field.available_from')}
        hint={t('offers.form.dateHint')}
        type="date"
      />
      <TextField
        width="medium"
        meta={fields.available_until}
        label={t('offers.field.available_until')}
        hint={t('offers.form.untilHint')}
        type="date"
        required={false}
      />

      <Heading level={headingLevel}>{t('offers.form.section.terms')}</Heading>
      {frozen ? <FrozenTerms fields={fields} frozen={frozen} /> : <TermsFields fields={fields} />}

      <Heading level={headingLevel}>{t('offers.form.section.contact')}</Heading>
      <TextField
        meta={fields.contact_role}
        label={t('offers.field.contact_role')}
        hint={t('offers.form.contactRoleHint')}
      />
      <TextField
        meta={fields.contact_email}
        label={t('offers.field.contact_email')}
        hint={t('offers.form.contactEmailHint')}
        type="email"
        autoComplete="off"
      />

      <Heading level={headingLevel}>{t('offers.form.section.criteria')}</Heading>
      {frozen ? <FrozenCriteria criteria={frozen.criteria} /> : <CriteriaFields fields={fields} />}
    </>
  )
}
