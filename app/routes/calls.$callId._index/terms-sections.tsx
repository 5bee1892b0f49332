import { Link } from '@remix-run/react'
import { ProcedureLabel } from '~/components/call-labels'
import { PlainText } from '~/components/plain-text'
import { formatDateTime, formatMoney, formatNumber } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import type { PublicCall } from '~/models/call-catalogue.server'

// The call's published terms: its dates, the need, the facts, the requirements and criteria.

export function DatesSection({ call }: { call: PublicCall }) {
  const t = useT()
  const locale = useLocale()
  return (
    <section aria-labelledby="dates-title">
      <h2 id="dates-title">{t('callPublic.dates.title')}</h2>
      <dl className="details">
        {call.published_at !== null ? (
          <>
            <dt>{t('callPublic.dates.published')}</dt>
            <dd>{formatDateTime(call.published_at, locale)}</dd>
          </>
        ) : null}
        <dt>{t('callPublic.dates.question')}</dt>
        <dd>{formatDateTime(call.question_deadline, locale)}</dd>
        <dt>{t('callPublic.dates.answers')}</dt>
        <dd>{formatDateTime(call.answers_due_at, locale)}</dd>
        <dt>{t('callPublic.dates.tender')}</dt>
        <dd>
          <strong>{formatDateTime(call.tender_deadline, locale)}</strong>
        </dd>
        <dt>{t('callPublic.dates.standstill')}</dt>
        <dd>
          {call.standstill_ends_at !== null
            ? t('callPublic.dates.standstillEnds', {
                days: call.standstill_days,
                date: formatDateTime(call.standstill_ends_at, locale),
              })
            : t('callPublic.dates.standstillDays', { days: call.standstill_days })}
        </dd>
      </dl>
    </section>
  )
}

export function NeedSection({ call }: { call: PublicCall }) {
  const t = useT()
  return (
    <section aria-labelledby="need-title">
      <h2 id="need-title">{t('callPublic.call.need')}</h2>
      <PlainText text={call.need} />
      {call.functional_requirements || call.novel_to_market || call.includes_rnd ? (
        <ul className="call-flags">
          {call.functional_requirements ? <li>{t('call.flag.functional_requirements')}</li> : null}
          {call.novel_to_market ? <li>{t('call.flag.novel_to_market')}</li> : null}
          {call.includes_rnd ? <li>{t('call.flag.includes_rnd')}</li> : null}
        </ul>
      ) : null}
    </section>
  )
}

export function FactsSection({ call }: { call: PublicCall }) {
  const t = useT()
  const locale = useLocale()
  return (
    <section aria-labelledby="facts-title">
      <h2 id="facts-title">{t('callPublic.call.facts')}</h2>
      <dl className="details">
        <dt>{t('callPublic.call.procedure')}</dt>
        <dd>
          <ProcedureLabel procedure={call.procedure} />
          <span className="hint"> – {t(`call.procedure.${call.procedure}.help`)}</span>
        </dd>
        <dt>{t('callPublic.call.region')}</dt>
        <dd>
          {call.municipality_name
            ? `${call.municipality_name}, ${call.county_name}`
            : call.county_name}
        </dd>
        {call.estimated_value_sek !== null ? (
          <>
            <dt>{t('callPublic.call.value')}</dt>
            <dd>{formatMoney(call.estimated_value_sek, locale)}</dd>
          </>
        ) : null}
        <dt>{t('callPublic.call.maxWinners')}</dt>
        <dd>{formatNumber(call.max_winners, locale)}</dd>
        {call.cpv.length > 0 ? (
          <>
            <dt>{t('callPublic.call.cpv')}</dt>
            <dd>
              <ul className="plain-list">
                {call.cpv.map((c) => (
                  <li key={c.code}>
                    <Link to={`/calls?cpv=${c.code}`}>{c.code}</Link>
                    {c.label ? ` ${c.label}` : null}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {call.themes.length > 0 ? (
          <>
            <dt>{t('callPublic.call.themes')}</dt>
            <dd>{call.themes.map((th) => th.name).join(', ')}</dd>
          </>
        ) : null}
      </dl>
    </section>
  )
}

export function TermsSection({ call }: { call: PublicCall }) {
  const t = useT()
  return (
    <section aria-labelledby="terms-title">
      <h2 id="terms-title">{t('callPublic.terms.title')}</h2>
      <p>{t('callPublic.terms.intro')}</p>
      <h3>{t('callPublic.terms.requirements')}</h3>
      {call.requirements.length === 0 ? (
        <p>{t('callPublic.terms.noRequirements')}</p>
      ) : (
        <ol className="criteria-list">
          {call.requirements.map((c) => (
            <li key={c.id}>
              <strong>{c.title}</strong>
              {c.description.trim() ? <PlainText text={c.description} /> : null}
            </li>
          ))}
        </ol>
      )}
      {call.criteria.length > 0 ? (
        <>
          <h3>{t('callPublic.terms.criteria')}</h3>
          <ol className="criteria-list">
            {call.criteria.map((c) => (
              <li key={c.id}>
                <strong>{c.title}</strong>{' '}
                <span className="meta">({t('call.weight', { weight: c.weight ?? 0 })})</span>
                {c.description.trim() ? <PlainText text={c.description} /> : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  )
}
