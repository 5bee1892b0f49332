import { getFormProps } from '@conform-to/react'
import { Form, Link } from '@remix-run/react'
import { CheckboxField, ErrorSummary, SubmitButton } from '~/components/forms'
import { formatDateTime, formatNumber } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import { declareSchema } from './schema'
import { Section, useIntentForm, type View } from './section-helpers'

export function Evaluators({ view }: { view: View }) {
  const t = useT()
  const locale = useLocale()
  const { me, evaluators, bids, call } = view
  const isDialogue = call.procedure === 'market_dialogue'
  const [form, fields] = useIntentForm('declare', declareSchema)
  return (
    <>
      <Section id="declare" title={t('evaluation.declare.heading')}>
        {me.declaredAt !== null ? (
          <p>{t('evaluation.declare.done', { date: formatDateTime(me.declaredAt, locale) })}</p>
        ) : me.conflict ? (
          <p className="notice notice--warn">{t('evaluation.declare.conflict')}</p>
        ) : (
          <>
            <p>{t('evaluation.declare.body')}</p>
            <Form method="post" {...getFormProps(form)} className="stack">
              <ErrorSummary form={form} />
              <input type="hidden" name="intent" value="declare" />
              <CheckboxField meta={fields.no_conflict!} label={t('evaluation.declare.confirm')} />
              <SubmitButton>{t('evaluation.declare.submit')}</SubmitButton>
            </Form>
          </>
        )}
      </Section>

      <Section id="evaluators" title={t('evaluation.evaluators.heading')}>
        {evaluators.length === 0 ? (
          <p>{t('evaluation.evaluators.empty')}</p>
        ) : (
          <table>
            <caption>{t('evaluation.evaluators.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('evaluation.evaluators.name')}</th>
                <th scope="col">{t('evaluation.evaluators.declared')}</th>
                {isDialogue ? null : <th scope="col">{t('evaluation.evaluators.progress')}</th>}
              </tr>
            </thead>
            <tbody>
              {evaluators.map((e) => (
                <tr key={e.userId}>
                  <th scope="row">{e.name}</th>
                  <td>{formatDateTime(e.declaredAt, locale)}</td>
                  {isDialogue ? null : (
                    <td>
                      {t('evaluation.progress', {
                        scored: formatNumber(e.scored, locale),
                        required: formatNumber(e.required, locale),
                      })}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      <Section id="bids" title={t('evaluation.bids.heading')}>
        {bids === null ? (
          <p>{t('evaluation.bids.hidden')}</p>
        ) : bids.length === 0 ? (
          <p>{t('evaluation.record.empty')}</p>
        ) : (
          <table>
            <caption>{t('evaluation.bids.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('evaluation.bids.company')}</th>
                {isDialogue ? null : <th scope="col">{t('evaluation.bids.mine')}</th>}
                <th scope="col">{t('evaluation.bids.read')}</th>
              </tr>
            </thead>
            <tbody>
              {bids.map((b) => (
                <tr key={b.id}>
                  <th scope="row">{b.companyName}</th>
                  {isDialogue ? null : (
                    <td>{t('evaluation.progress', { scored: b.scored, required: b.required })}</td>
                  )}
                  <td>
                    <Link to={`/calls/${call.id}/evaluation/${b.id}`}>
                      {t(isDialogue ? 'evaluation.bids.readLink' : 'evaluation.bids.scoreLink', {
                        company: b.companyName,
                      })}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </>
  )
}
