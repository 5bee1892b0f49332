import { ACCESS_MODELS, CRITERION_KINDS } from '~/domain/vocabularies'
import { formatDateTime, formatMoney } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import { ChoiceGroup, SelectField, TextareaField, TextField } from './forms'
import { AccessModelLabel, IntakeLabel } from './test-bed-labels'
import type { FrozenOffer, OfferFields } from './test-bed-offer-defaults'

// The offer form's terms and criteria: inputs while the offer is a draft, read-only text once it
// is published (only a round's deadline may still move later).

export function TermsFields({ fields }: { fields: OfferFields }) {
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

export function FrozenTerms({ fields, frozen }: { fields: OfferFields; frozen: FrozenOffer }) {
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

export function CriteriaFields({ fields }: { fields: OfferFields }) {
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
