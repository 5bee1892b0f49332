import type { Procedure } from '#db/schema'
import { PROCEDURES } from '~/domain/vocabularies'
import { formatDateTime } from '~/i18n/format'
import { translateError, useLocale, useT } from '~/i18n/use-t'
import { answersDueAt, MINIMUM_PERIOD_DAYS } from '~/utils/call-status'
import { CRITERION_ROWS } from '~/utils/call-schema'
import { cpvCodesText } from '~/utils/cpv'
import { parseStockholmDateTime, toStockholmDateTimeInput } from '~/utils/stockholm-time'
import { CpvCodesField } from './cpv-field'
import { CheckboxField, ChoiceGroup, type FieldMeta, TextareaField, TextField } from './forms'
import { LocationFields } from './organisation-form'

// The fieldsets of a buyer's call form, shared by the new-call page and the draft editor. A
// published call is not edited here: it changes by amendment (/calls/:id/amend).

interface RowValue {
  title?: string
  description?: string
  weight?: string
}
type Rows = FieldMeta<RowValue[] | undefined>

export interface CallFields {
  procedure: FieldMeta
  title: FieldMeta
  summary: FieldMeta
  need: FieldMeta
  functional_requirements: FieldMeta
  novel_to_market: FieldMeta
  includes_rnd: FieldMeta
  estimated_value_sek: FieldMeta
  max_winners: FieldMeta
  county_code: FieldMeta
  municipality_code: FieldMeta
  themes: FieldMeta
  cpv_codes: FieldMeta
  question_deadline: FieldMeta
  tender_deadline: FieldMeta
  standstill_days: FieldMeta
  requirements: Rows
  criteria: Rows
  pilot_links: FieldMeta
  dialogue_links: FieldMeta
  prior_involvement: FieldMeta
  involved: FieldMeta<{ organisation_id?: string; involvement?: string }[] | undefined>
}

export interface CallFormOptionsData {
  themes: ReadonlyArray<{ code: string; name: string }>
  counties: ReadonlyArray<{ code: string; name: string }>
  municipalities: ReadonlyArray<{ code: string; short_name: string; county_code: string }>
  pilots: ReadonlyArray<{ id: number; label: string }>
  dialogues: ReadonlyArray<{ id: number; title: string }>
  companies: ReadonlyArray<{ id: number; name: string }>
}

function blankRows(count: number): RowValue[] {
  return Array.from({ length: count }, () => ({}))
}

function padRows(rows: RowValue[]): RowValue[] {
  return [...rows, ...blankRows(Math.max(0, CRITERION_ROWS - rows.length))]
}

function involvedRows(
  companies: CallFormOptionsData['companies'],
  stored: ReadonlyArray<{ organisation_id: number; involvement: string }>,
) {
  const byId = new Map(stored.map((s) => [s.organisation_id, s.involvement]))
  return companies.map((c) => ({
    organisation_id: String(c.id),
    involvement: byId.get(c.id) ?? '',
  }))
}

/** Starting values for a new call: the buyer's own place, an open procedure, 10 standstill days. */
export function newCallDefaults(
  buyer: { county_code: string; municipality_code: string | null },
  options: CallFormOptionsData,
) {
  return {
    procedure: 'open',
    county_code: buyer.county_code,
    municipality_code: buyer.municipality_code ?? undefined,
    max_winners: '1',
    standstill_days: '10',
    requirements: blankRows(CRITERION_ROWS),
    criteria: blankRows(CRITERION_ROWS),
    involved: involvedRows(options.companies, []),
  }
}

/** A stored draft as form values (times in Stockholm, booleans as checkbox values). */
export function callDefaults(
  draft: {
    call: {
      procedure: Procedure
      title: string
      summary: string
      need: string
      functional_requirements: number
      novel_to_market: number
      includes_rnd: number
      estimated_value_sek: number | null
      max_winners: number
      county_code: string
      municipality_code: string | null
      question_deadline: number
      tender_deadline: number
      standstill_days: number
      prior_involvement: string
    }
    themes: string[]
    cpv: string[]
    criteria: ReadonlyArray<{
      kind: string
      title: string
      description: string
      weight: number | null
    }>
    pilotLinks: number[]
    dialogueLinks: number[]
    involved: ReadonlyArray<{ organisation_id: number; involvement: string }>
  },
  options: CallFormOptionsData,
) {
  const { call } = draft
  const rows = (kind: string) =>
    draft.criteria
      .filter((c) => c.kind === kind)
      .map((c) => ({
        title: c.title,
        description: c.description,
        weight: c.weight === null ? undefined : String(c.weight),
      }))
  return {
    procedure: call.procedure,
    title: call.title,
    summary: call.summary,
    need: call.need,
    functional_requirements: call.functional_requirements ? 'on' : undefined,
    novel_to_market: call.novel_to_market ? 'on' : undefined,
    includes_rnd: call.includes_rnd ? 'on' : undefined,
    estimated_value_sek:
      call.estimated_value_sek === null ? undefined : String(call.estimated_value_sek),
    max_winners: String(call.max_winners),
    county_code: call.county_code,
    municipality_code: call.municipality_code ?? undefined,
    themes: draft.themes,
    cpv_codes: cpvCodesText(draft.cpv),
    question_deadline: toStockholmDateTimeInput(call.question_deadline),
    tender_deadline: toStockholmDateTimeInput(call.tender_deadline),
    standstill_days: String(call.standstill_days),
    requirements: padRows(rows('requirement')),
    criteria: padRows(rows('criterion')),
    pilot_links: draft.pilotLinks.map(String),
    dialogue_links: draft.dialogueLinks.map(String),
    prior_involvement: call.prior_involvement,
    involved: involvedRows(options.companies, draft.involved),
  }
}

/** Every section of the call form. */
export function CallFormFields({
  fields,
  options,
  cpvLabels,
}: {
  fields: CallFields
  options: CallFormOptionsData
  cpvLabels: ReadonlyArray<{ code: string; label: string }>
}) {
  const t = useT()
  const locale = useLocale()
  const tender =
    typeof fields.tender_deadline.value === 'string'
      ? parseStockholmDateTime(fields.tender_deadline.value)
      : null
  return (
    <>
      <h2>{t('callEdit.section.procedure')}</h2>
      <ChoiceGroup
        meta={fields.procedure}
        type="radio"
        legend={t('callEdit.field.procedure')}
        options={PROCEDURES.map((p) => ({
          value: p,
          label: `${t(`call.procedure.${p}`)} – ${t(`call.procedure.${p}.help`)}`,
        }))}
      />

      <h2>{t('callEdit.section.need')}</h2>
      <TextField meta={fields.title} label={t('callEdit.field.title')} />
      <TextareaField
        meta={fields.summary}
        label={t('callEdit.field.summary')}
        hint={t('callEdit.hint.summary')}
        rows={3}
      />
      <TextareaField
        meta={fields.need}
        label={t('callEdit.field.need')}
        hint={t('callEdit.hint.need')}
        rows={10}
      />
      <fieldset className="field">
        <legend>{t('callEdit.field.flags')}</legend>
        <CheckboxField
          meta={fields.functional_requirements}
          label={t('call.flag.functional_requirements')}
        />
        <CheckboxField meta={fields.novel_to_market} label={t('call.flag.novel_to_market')} />
        <CheckboxField meta={fields.includes_rnd} label={t('call.flag.includes_rnd')} />
      </fieldset>
      <ChoiceGroup
        meta={fields.themes}
        type="checkbox"
        legend={t('callEdit.field.themes')}
        options={options.themes.map((theme) => ({ value: theme.code, label: theme.name }))}
      />
      <CpvCodesField meta={fields.cpv_codes} label={t('callEdit.field.cpv')} labels={cpvLabels} />

      <h2>{t('callEdit.section.scope')}</h2>
      <TextField
        meta={fields.estimated_value_sek}
        label={t('callEdit.field.estimatedValue')}
        hint={t('callEdit.hint.estimatedValue')}
        inputMode="numeric"
        width="medium"
        required={false}
      />
      <TextField
        meta={fields.max_winners}
        label={t('callEdit.field.maxWinners')}
        hint={t('callEdit.hint.maxWinners')}
        inputMode="numeric"
        width="short"
        required={false}
      />
      <LocationFields
        county={fields.county_code}
        municipality={fields.municipality_code}
        counties={options.counties}
        municipalities={options.municipalities}
        municipalityRequired={false}
        labels={{
          county: t('callEdit.field.county'),
          municipality: t('callEdit.field.municipality'),
          municipalityHint: t('callEdit.hint.municipality'),
        }}
      />

      <h2>{t('callEdit.section.dates')}</h2>
      <p className="hint">
        {t('callEdit.hint.minimumPeriod', {
          open: MINIMUM_PERIOD_DAYS.open,
          dialogue: MINIMUM_PERIOD_DAYS.market_dialogue,
        })}
      </p>
      <TextField
        width="medium"
        meta={fields.question_deadline}
        label={t('callEdit.field.questionDeadline')}
        hint={t('callEdit.hint.questionDeadline')}
        type="datetime-local"
      />
      <TextField
        width="medium"
        meta={fields.tender_deadline}
        label={t('callEdit.field.tenderDeadline')}
        hint={
          tender === null
            ? t('callEdit.hint.tenderDeadline')
            : `${t('callEdit.hint.tenderDeadline')} ${t('call.deadline.answers', {
                date: formatDateTime(answersDueAt(tender), locale),
              })}.`
        }
        type="datetime-local"
      />
      <TextField
        meta={fields.standstill_days}
        label={t('callEdit.field.standstill')}
        hint={t('callEdit.hint.standstill')}
        inputMode="numeric"
        width="short"
      />

      <h2>{t('callEdit.section.requirements')}</h2>
      <p className="hint">{t('callEdit.hint.requirements')}</p>
      <CriterionRows rows={fields.requirements} weighted={false} />

      <h2>{t('callEdit.section.criteria')}</h2>
      <CriterionRows rows={fields.criteria} weighted />

      <h2>{t('callEdit.section.builds')}</h2>
      <p className="hint">{t('callEdit.hint.builds')}</p>
      {options.pilots.length > 0 ? (
        <ChoiceGroup
          meta={fields.pilot_links}
          type="checkbox"
          legend={t('callEdit.field.pilots')}
          required={false}
          options={options.pilots.map((p) => ({ value: String(p.id), label: p.label }))}
        />
      ) : (
        <p>{t('callEdit.noPilots')}</p>
      )}
      {options.dialogues.length > 0 ? (
        <ChoiceGroup
          meta={fields.dialogue_links}
          type="checkbox"
          legend={t('callEdit.field.dialogues')}
          required={false}
          options={options.dialogues.map((d) => ({ value: String(d.id), label: d.title }))}
        />
      ) : null}
      <TextareaField
        meta={fields.prior_involvement}
        label={t('callEdit.field.disclosure')}
        hint={t('callEdit.hint.disclosure')}
        required={false}
        rows={5}
      />
      {options.companies.length > 0 ? (
        <InvolvedRows fields={fields} companies={options.companies} />
      ) : null}
    </>
  )
}

/**
 * Rows of must-haves or weighted criteria (title, description, weight): the draft editor's list
 * and an amendment's new rows. `legend` names each row (1-based).
 */
export function CriterionRows({
  rows,
  weighted,
  legend,
}: {
  rows: Rows
  weighted: boolean
  legend?: (n: number) => string
}) {
  const t = useT()
  const list = rows.getFieldList()
  return (
    <div
      id={rows.id}
      tabIndex={-1}
      className={rows.errors?.length ? 'field field--invalid call-rows' : 'call-rows'}
    >
      {weighted && !legend ? <p className="hint">{t('callEdit.hint.criteria')}</p> : null}
      {rows.errors?.length ? (
        <p className="field-error" id={rows.errorId}>
          {rows.errors.map((e) => translateError(t, e)).join(' ')}
        </p>
      ) : null}
      {list.map((row, i) => {
        const parts = row.getFieldset()
        return (
          <fieldset key={row.key ?? i} className="field criterion-row">
            <legend>
              {legend
                ? legend(i + 1)
                : weighted
                  ? t('callEdit.row.criterion', { n: i + 1 })
                  : t('callEdit.row.requirement', { n: i + 1 })}
            </legend>
            <TextField meta={parts.title} label={t('callEdit.row.title')} required={false} />
            <TextareaField
              meta={parts.description}
              label={t('callEdit.row.description')}
              required={false}
              rows={2}
            />
            {weighted ? (
              <TextField
                meta={parts.weight}
                label={t('callEdit.row.weight')}
                inputMode="numeric"
                width="short"
                required={false}
              />
            ) : null}
          </fieldset>
        )
      })}
    </div>
  )
}

function InvolvedRows({
  fields,
  companies,
}: {
  fields: CallFields
  companies: CallFormOptionsData['companies']
}) {
  const t = useT()
  const rows = fields.involved.getFieldList()
  return (
    <fieldset className="field">
      <legend>{t('callEdit.field.involved')}</legend>
      <p className="hint">{t('callEdit.hint.involved')}</p>
      {rows.map((row, i) => {
        const parts = row.getFieldset()
        const company = companies[i]
        if (!company) return null
        return (
          <div key={row.key ?? i}>
            <input type="hidden" name={parts.organisation_id.name} value={String(company.id)} />
            <TextField
              meta={parts.involvement}
              label={t('callEdit.row.involvement', { company: company.name })}
              required={false}
            />
          </div>
        )
      })}
    </fieldset>
  )
}
