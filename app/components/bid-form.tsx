import { getFormProps, type SubmissionResult, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { Fragment, type ReactNode, useMemo } from 'react'
import {
  ChoiceGroup,
  ErrorSummary,
  type FieldMeta,
  TextareaField,
  TextField,
} from '~/components/forms'
import { PlainText } from '~/components/plain-text'
import { formatMoney } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import {
  type BidContent,
  bidSchema,
  type BidTerms,
  explanationField,
  metField,
  responseField,
} from '~/utils/bid-schema'

/** A must-have or weighted criterion in force, as the bid pages show it. */
export interface BidTerm {
  id: number
  kind: 'requirement' | 'criterion'
  title: string
  description: string
  weight: number | null
}

function termIds(terms: BidTerm[], priced: boolean): BidTerms {
  return {
    requirements: terms.filter((t) => t.kind === 'requirement').map((t) => t.id),
    criteria: terms.filter((t) => t.kind === 'criterion').map((t) => t.id),
    priced,
  }
}

type Fields = Record<string, FieldMeta>

/**
 * The bid form for the terms in force: per must-have met or not and how, per criterion an
 * answer, the price (not in a market dialogue), the solution and a contact role. The buttons
 * (save, submit, replace) come from the page, which knows the bid's state.
 */
export function BidForm({
  terms,
  priced,
  companySlug,
  defaultValue,
  lastResult,
  children,
}: {
  terms: BidTerm[]
  priced: boolean
  companySlug: string
  defaultValue: Record<string, string | undefined>
  lastResult: SubmissionResult<string[]> | undefined
  children: ReactNode
}) {
  const t = useT()
  const ids = useMemo(() => termIds(terms, priced), [terms, priced])
  const schema = useMemo(() => bidSchema(ids), [ids])
  const [form, fields] = useForm({
    id: 'bid',
    lastResult,
    constraint: getZodConstraint(schema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  const all = fields as unknown as Fields
  const field = (name: string) => all[name] as FieldMeta
  const requirements = terms.filter((term) => term.kind === 'requirement')
  const criteria = terms.filter((term) => term.kind === 'criterion')
  const metOptions = [
    { value: 'yes', label: t('bids.field.met.yes') },
    { value: 'no', label: t('bids.field.met.no') },
  ]
  return (
    <Form method="post" {...getFormProps(form)} className="stack bid-form">
      <ErrorSummary form={form} />
      <input type="hidden" name="company" value={companySlug} />

      {requirements.length > 0 ? (
        <section aria-labelledby="bid-requirements" className="stack">
          <h2 id="bid-requirements">{t('bids.section.requirements')}</h2>
          <p className="hint">{t('bids.section.requirementsHint')}</p>
          {requirements.map((term) => (
            <div className="bid-term" key={term.id}>
              <h3>{term.title}</h3>
              {term.description ? <PlainText text={term.description} /> : null}
              <ChoiceGroup
                type="radio"
                meta={field(metField(term.id))}
                legend={t('bids.field.met', { title: term.title })}
                options={metOptions}
              />
              <TextareaField
                meta={field(explanationField(term.id))}
                label={t('bids.field.explanation', { title: term.title })}
                rows={3}
              />
            </div>
          ))}
        </section>
      ) : null}

      {criteria.length > 0 ? (
        <section aria-labelledby="bid-criteria" className="stack">
          <h2 id="bid-criteria">{t('bids.section.criteria')}</h2>
          {criteria.map((term) => (
            <div className="bid-term" key={term.id}>
              <h3>
                {term.title}{' '}
                <span className="meta">{t('call.weight', { weight: term.weight ?? 0 })}</span>
              </h3>
              {term.description ? <PlainText text={term.description} /> : null}
              <TextareaField
                meta={field(responseField(term.id))}
                label={t('bids.field.response', { title: term.title })}
              />
            </div>
          ))}
        </section>
      ) : null}

      <section aria-labelledby="bid-offer" className="stack">
        <h2 id="bid-offer">{t('bids.section.offer')}</h2>
        <TextareaField
          meta={field('solution_summary')}
          label={t('bids.field.solution_summary')}
          hint={t('bids.field.solution_summaryHint')}
        />
        {priced ? (
          <TextField
            meta={field('price_sek')}
            label={t('bids.field.price_sek')}
            hint={t('bids.field.price_sekHint')}
            inputMode="numeric"
            width="medium"
          />
        ) : null}
        <TextField
          meta={field('contact_role')}
          label={t('bids.field.contact_role')}
          hint={t('bids.field.contact_roleHint')}
        />
      </section>

      <p className="hint">{t('bids.submit.help')}</p>
      <div className="actions">{children}</div>
    </Form>
  )
}

/** A bid as read-only text (after the deadline, or above a confirmation). */
export function BidContentView({
  terms,
  content,
  priced,
}: {
  terms: BidTerm[]
  content: BidContent
  priced: boolean
}) {
  const t = useT()
  const locale = useLocale()
  const empty = <span className="meta">{t('bids.view.empty')}</span>
  const requirements = terms.filter((term) => term.kind === 'requirement')
  const criteria = terms.filter((term) => term.kind === 'criterion')
  return (
    <div className="stack bid-content">
      {requirements.length > 0 ? (
        <>
          <h3>{t('bids.section.requirements')}</h3>
          <dl className="details">
            {requirements.map((term) => {
              const answer = content.requirements.find((r) => r.criterion_id === term.id)
              return (
                <Fragment key={term.id}>
                  <dt>{term.title}</dt>
                  <dd>
                    {answer?.met == null ? (
                      empty
                    ) : (
                      <strong>{t(answer.met ? 'bids.field.met.yes' : 'bids.field.met.no')}</strong>
                    )}
                    {answer?.explanation ? <PlainText text={answer.explanation} /> : null}
                  </dd>
                </Fragment>
              )
            })}
          </dl>
        </>
      ) : null}
      {criteria.length > 0 ? (
        <>
          <h3>{t('bids.section.criteria')}</h3>
          <dl className="details">
            {criteria.map((term) => {
              const answer = content.criteria.find((c) => c.criterion_id === term.id)
              return (
                <Fragment key={term.id}>
                  <dt>{term.title}</dt>
                  <dd>{answer?.response ? <PlainText text={answer.response} /> : empty}</dd>
                </Fragment>
              )
            })}
          </dl>
        </>
      ) : null}
      <h3>{t('bids.section.offer')}</h3>
      <dl className="details">
        <dt>{t('bids.field.solution_summary')}</dt>
        <dd>{content.solution_summary ? <PlainText text={content.solution_summary} /> : empty}</dd>
        {priced ? (
          <>
            <dt>{t('bids.field.price_sek')}</dt>
            <dd>{content.price_sek === null ? empty : formatMoney(content.price_sek, locale)}</dd>
          </>
        ) : null}
        <dt>{t('bids.field.contact_role')}</dt>
        <dd>{content.contact_role || empty}</dd>
      </dl>
    </div>
  )
}
