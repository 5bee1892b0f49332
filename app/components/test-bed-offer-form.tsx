import type { FieldMetadata } from '@conform-to/react'
import type { ReactNode } from 'react'
import {
  ACCESS_MODELS,
  CRITERION_KINDS,
  type CriterionKind,
  type Intake,
  type AccessModel,
} from '#db/schema'
import { formatDateTime, formatMoney } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import { CRITERION_ROWS } from '~/utils/test-bed-offer-schema'
import { toStockholmDateInput, toStockholmDateTimeInput } from '~/utils/stockholm-time'
import {
  CheckboxField,
  ChoiceGroup,
  type Option,
  SelectField,
  TextareaField,
  TextField,
} from './forms'
import { LocationFields } from './organisation-form'
import { AccessModelLabel, IntakeLabel } from './test-bed-labels'

// The fieldsets of the test-bed offer form, shared by the new-offer and edit pages. Terms and
// criteria are inputs while the offer is a draft and read-only once it is published.

type Meta = FieldMetadata<any, any, string[]>
interface CriterionRowValue {
  title?: string
  description?: string
  kind?: CriterionKind
}

/** The form's fields as both the draft and the published schema name them. */
export interface OfferFields {
  title: Meta
  summary: Meta
  description: Meta
  themes: Meta
  county_code: Meta
  municipality_code: Meta
  places: Meta
  environments: Meta
  test_users: Meta
  test_user_count: Meta
  staff_time: Meta
  data_access: Meta
  premises: Meta
  equipment: Meta
  trl_min: Meta
  trl_max: Meta
  requires_ce_marking: Meta
  requires_dpia: Meta
  requires_insurance: Meta
  other_requirements: Meta
  capacity: Meta
  available_from: Meta
  available_until: Meta
  intake: Meta
  deadline: Meta
  access_model: Meta
  market_value_sek: Meta
  price_sek: Meta
  contact_role: Meta
  contact_email: Meta
  criteria: FieldMetadata<CriterionRowValue[] | undefined, any, string[]>
}

export interface OfferFormOptionsData {
  themes: ReadonlyArray<{ code: string; name: string }>
  counties: ReadonlyArray<{ code: string; name: string }>
  municipalities: ReadonlyArray<{ code: string; short_name: string; county_code: string }>
}

/** What a published offer shows instead of inputs for its fixed terms and criteria. */
export interface FrozenOffer {
  intake: Intake
  deadline: number | null
  access_model: AccessModel
  market_value_sek: number
  price_sek: number
  /** A round whose deadline is still ahead may move it later. */
  deadlineOpen: boolean
  criteria: ReadonlyArray<{ id: number; title: string; description: string; kind: CriterionKind }>
}

function blankCriteria(count: number): CriterionRowValue[] {
  return Array.from({ length: count }, () => ({ kind: 'score' as const }))
}

/** Starting values for a new offer: the host's own county and municipality, free rolling intake. */
export function newOfferDefaults(host: { county_code: string; municipality_code: string | null }) {
  return {
    county_code: host.county_code,
    municipality_code: host.municipality_code ?? undefined,
    intake: 'rolling',
    access_model: 'free',
    criteria: blankCriteria(CRITERION_ROWS),
  }
}

/** The stored offer as form values (dates in Stockholm time, booleans as checkbox values). */
export function offerDefaults(
  offer: {
    title: string
    summary: string
    description: string
    county_code: string
    municipality_code: string | null
    places: string
    environments: string
    test_users: string
    test_user_count: number | null
    staff_time: string
    data_access: string
    premises: string
    equipment: string
    trl_min: number
    trl_max: number
    requires_ce_marking: number
    requires_dpia: number
    requires_insurance: number
    other_requirements: string
    capacity: number
    available_from: number
    available_until: number | null
    intake: Intake
    deadline: number | null
    access_model: AccessModel
    market_value_sek: number
    price_sek: number
    contact_role: string
    contact_email: string
  },
  themes: string[],
  criteria: ReadonlyArray<{ title: string; description: string; kind: CriterionKind }>,
) {
  const rows: CriterionRowValue[] = criteria.map((c) => ({
    title: c.title,
    description: c.description,
    kind: c.kind,
  }))
  return {
    title: offer.title,
    summary: offer.summary,
    description: offer.description,
    themes,
    county_code: offer.county_code,
    municipality_code: offer.municipality_code ?? undefined,
    places: offer.places,
    environments: offer.environments,
    test_users: offer.test_users,
    test_user_count: offer.test_user_count === null ? undefined : String(offer.test_user_count),
    staff_time: offer.staff_time,
    data_access: offer.data_access,
    premises: offer.premises,
    equipment: offer.equipment,
    trl_min: String(offer.trl_min),
    trl_max: String(offer.trl_max),
    requires_ce_marking: offer.requires_ce_marking ? 'on' : undefined,
    requires_dpia: offer.requires_dpia ? 'on' : undefined,
    requires_insurance: offer.requires_insurance ? 'on' : undefined,
    other_requirements: offer.other_requirements,
    capacity: String(offer.capacity),
    available_from: toStockholmDateInput(offer.available_from),
    available_until:
      offer.available_until === null ? undefined : toStockholmDateInput(offer.available_until),
    intake: offer.intake,
    deadline: offer.deadline === null ? undefined : toStockholmDateTimeInput(offer.deadline),
    access_model: offer.access_model,
    market_value_sek: String(offer.market_value_sek),
    price_sek: offer.access_model === 'cost_sharing' ? String(offer.price_sek) : undefined,
    contact_role: offer.contact_role,
    contact_email: offer.contact_email,
    criteria: [...rows, ...blankCriteria(Math.max(0, CRITERION_ROWS - rows.length))],
  }
}

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

function TermsFields({ fields }: { fields: OfferFields }) {
  const t = useT()
  return (
    <>
      <ChoiceGroup
        meta={fields.intake}
        type="radio"
        legend={t('offers.field.intake')}
        options={[
          { value: 'rolling', label: t('offers.form.intakeRolling') },
          { value: 'round', label: t('offers.form.intakeRound') },
        ]}
      />
      <TextField
        width="medium"
        meta={fields.deadline}
        label={t('offers.form.deadline')}
        hint={t('offers.form.deadlineHint')}
        type="datetime-local"
        required={false}
      />
      <ChoiceGroup
        meta={fields.access_model}
        type="radio"
        legend={t('offers.field.access_model')}
        hint={t('offers.form.accessHelp')}
        options={ACCESS_MODELS.map((m) => ({
          value: m,
          label:
            m === 'free'
              ? t('offers.form.accessFree')
              : m === 'paid'
                ? t('offers.form.accessPaid')
                : t('offers.form.accessCostSharing'),
        }))}
      />
      <TextField
        meta={fields.market_value_sek}
        label={t('offers.field.market_value_sek')}
        hint={t('offers.form.marketValueHint')}
        inputMode="numeric"
        width="medium"
      />
      <TextField
        meta={fields.price_sek}
        label={t('offers.field.price_sek')}
        hint={t('offers.form.priceHint')}
        inputMode="numeric"
        width="medium"
        required={false}
      />
    </>
  )
}

function FrozenTerms({ fields, frozen }: { fields: OfferFields; frozen: FrozenOffer }) {
  const t = useT()
  const locale = useLocale()
  return (
    <>
      <p className="hint">{t('offers.frozen.termsHelp')}</p>
      <dl className="details">
        <dt>{t('offers.field.intake')}</dt>
        <dd>
          <IntakeLabel intake={frozen.intake} deadline={null} />
        </dd>
        {frozen.deadline !== null && !frozen.deadlineOpen ? (
          <>
            <dt>{t('offers.field.deadline')}</dt>
            <dd>
              {formatDateTime(frozen.deadline, locale)} {t('offers.frozen.deadlinePassed')}
            </dd>
          </>
        ) : null}
        <dt>{t('offers.field.access_model')}</dt>
        <dd>
          <AccessModelLabel model={frozen.access_model} />
        </dd>
        <dt>{t('offers.field.market_value_sek')}</dt>
        <dd>{formatMoney(frozen.market_value_sek, locale)}</dd>
        <dt>{t('offers.field.price_sek')}</dt>
        <dd>{formatMoney(frozen.price_sek, locale)}</dd>
      </dl>
      {frozen.deadlineOpen ? (
        <TextField
          width="medium"
          meta={fields.deadline}
          label={t('offers.form.deadline')}
          hint={t('offers.form.deadlineLaterHint')}
          type="datetime-local"
        />
      ) : null}
    </>
  )
}

function CriteriaFields({ fields }: { fields: OfferFields }) {
  const t = useT()
  const rows = fields.criteria.getFieldList()
  const kinds = CRITERION_KINDS.map((k) => ({ value: k, label: t(`testBed.criterion.kind.${k}`) }))
  return (
    <>
      <p className="hint">{t('offers.form.criteriaHelp')}</p>
      {rows.map((row, i) => {
        const parts = row.getFieldset()
        return (
          <fieldset key={row.key ?? i} className="field criterion-row">
            <legend>{t('offers.form.criterion', { n: i + 1 })}</legend>
            <TextField
              meta={parts.title}
              label={t('offers.form.criterionTitle')}
              required={false}
            />
            <TextareaField
              meta={parts.description}
              label={t('offers.form.criterionDescription')}
              required={false}
              rows={2}
            />
            <SelectField meta={parts.kind} label={t('offers.form.criterionKind')} options={kinds} />
          </fieldset>
        )
      })}
    </>
  )
}

/** The published criteria, read-only. */
export function FrozenCriteria({ criteria }: { criteria: FrozenOffer['criteria'] }) {
  const t = useT()
  return (
    <>
      <p className="hint">{t('offers.frozen.criteriaHelp')}</p>
      {criteria.length === 0 ? (
        <p>{t('offers.frozen.none')}</p>
      ) : (
        <ol className="criteria-list">
          {criteria.map((c) => (
            <li key={c.id}>
              <strong>{c.title}</strong> ({t(`testBed.criterion.kind.${c.kind}`)})
              {c.description ? <p className="prewrap">{c.description}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </>
  )
}
