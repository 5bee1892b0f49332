import { getFormProps } from '@conform-to/react'
import { Form } from '@remix-run/react'
import {
  CheckboxField,
  ChoiceGroup,
  ErrorSummary,
  SubmitButton,
  TextareaField,
} from '~/components/forms'
import { PlainText } from '~/components/plain-text'
import { formatDateTime, formatNumber } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import { awardSchema, cancelSchema, signSchema } from './schema'
import { ButtonForm, Section, useIntentForm, type View } from './section-helpers'

// The decision's sections: award, the decision made, the contract, and cancelling the call.

export function AwardForm({ view }: { view: View }) {
  const t = useT()
  const locale = useLocale()
  const passing = (view.ranking ?? []).filter((r) => r.passes)
  const preselected = passing.slice(0, view.call.maxWinners).map((r) => String(r.bidId))
  const [form, fields] = useIntentForm('award', awardSchema, { bid_ids: preselected })
  return (
    <Section id="award" title={t('evaluation.award.heading')}>
      <p>{t('evaluation.award.body', { max: view.call.maxWinners })}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <input type="hidden" name="intent" value="award" />
        <ChoiceGroup
          meta={fields.bid_ids!}
          type="checkbox"
          legend={t('evaluation.award.bids')}
          options={passing.map((r) => ({
            value: String(r.bidId),
            label: t('evaluation.award.option', {
              company: r.companyName,
              score: formatNumber(r.score, locale),
            }),
          }))}
        />
        <TextareaField
          meta={fields.reason!}
          label={t('evaluation.award.reason')}
          hint={t('evaluation.award.reasonHint', { days: view.call.standstillDays })}
        />
        <SubmitButton>{t('evaluation.award.submit')}</SubmitButton>
      </Form>
    </Section>
  )
}

export function Decision({ view }: { view: View }) {
  const t = useT()
  const locale = useLocale()
  const { call } = view
  if (call.decidedAt === null) return null
  return (
    <Section id="decision" title={t('evaluation.decision.heading')}>
      <p>
        {t('evaluation.decision.decided', {
          date: formatDateTime(call.decidedAt, locale),
          name: call.decidedByName ?? '',
        })}
      </p>
      <dl className="details">
        <dt>{t('evaluation.decision.reason')}</dt>
        <dd>
          <PlainText text={call.outcomeReason ?? ''} />
        </dd>
      </dl>
      {call.standstillEndsAt !== null ? (
        <p>
          {t('evaluation.decision.standstill', {
            date: formatDateTime(call.standstillEndsAt, locale),
          })}
        </p>
      ) : null}
    </Section>
  )
}

export function Contract({ view }: { view: View }) {
  const t = useT()
  const locale = useLocale()
  const { call } = view
  return (
    <Section id="contract" title={t('evaluation.sign.heading')}>
      {call.contractSignedAt !== null ? (
        <p>{t('evaluation.sign.done', { date: formatDateTime(call.contractSignedAt, locale) })}</p>
      ) : (
        <>
          <p>{t('evaluation.sign.body')}</p>
          <ButtonForm intent="sign" schema={signSchema} label={t('evaluation.sign.submit')} />
        </>
      )}
    </Section>
  )
}

export function CancelForm() {
  const t = useT()
  const [form, fields] = useIntentForm('cancel', cancelSchema)
  return (
    <Section id="cancel" title={t('evaluation.cancel.heading')}>
      <p>{t('evaluation.cancel.body')}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <input type="hidden" name="intent" value="cancel" />
        <TextareaField
          meta={fields.reason!}
          label={t('evaluation.cancel.reason')}
          hint={t('evaluation.reasonHint')}
        />
        <CheckboxField meta={fields.confirm!} label={t('evaluation.cancel.confirm')} />
        <button type="submit" className="button button--danger">
          {t('evaluation.cancel.submit')}
        </button>
      </Form>
    </Section>
  )
}
