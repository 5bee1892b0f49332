import { Link } from '@remix-run/react'
import type { SizeClass } from '#db/schema'
import { PlainText } from '~/components/plain-text'
import { Stats } from '~/components/stats-section'
import { formatDateTime, formatDecimal, formatNumber } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import { TableScroll } from './table-scroll'

export interface BidCountsData {
  micro: number
  small: number
  medium: number
  sme: number
  large: number
  unknown: number
  total: number
}

/** Valid bids by company size, shown only after the tender deadline. */
export function BidCounts({ counts }: { counts: BidCountsData }) {
  const t = useT()
  const locale = useLocale()
  const rows: { label: string; value: number }[] = [
    { label: t('callPublic.bids.sme'), value: counts.sme },
    { label: t('callPublic.bids.micro'), value: counts.micro },
    { label: t('callPublic.bids.small'), value: counts.small },
    { label: t('callPublic.bids.medium'), value: counts.medium },
    { label: t('callPublic.bids.large'), value: counts.large },
  ]
  if (counts.unknown > 0) {
    rows.push({ label: t('callPublic.bids.unknown'), value: counts.unknown })
  }
  return (
    <>
      <p>
        {counts.total === 1
          ? t('callPublic.bids.totalOne')
          : t('callPublic.bids.total', { count: formatNumber(counts.total, locale) })}
      </p>
      <Stats stats={rows} />
    </>
  )
}

export interface OutcomeData {
  status: 'awarded' | 'unsuccessful' | 'cancelled' | 'concluded'
  decided_at: number
  reason: string
  standstill_ends_at?: number
  standstill_over?: boolean
  contract_signed_at?: number | null
  criteria?: { id: number; title: string; weight: number }[]
  bids?: {
    company_name: string | null
    company_slug: string | null
    size_class: SizeClass | null
    winner: boolean
    number: number
    score: number
    criterion_scores: (number | null)[]
  }[]
  failed_count?: number
}

function score(value: number | null, locale: 'sv' | 'en') {
  return value === null ? '–' : formatDecimal(value, locale, 2)
}

/** The decision: winners with size class and scores, or why the call ended without an award. */
export function Outcome({ outcome }: { outcome: OutcomeData }) {
  const t = useT()
  const locale = useLocale()
  const decided = formatDateTime(outcome.decided_at, locale)
  if (outcome.status !== 'awarded') {
    return (
      <>
        <p>{t(`callPublic.outcome.${outcome.status}`, { date: decided })}</p>
        <h3>{t('callPublic.outcome.reason')}</h3>
        <PlainText text={outcome.reason} />
      </>
    )
  }
  const winners = (outcome.bids ?? []).filter((b) => b.winner)
  const criteria = outcome.criteria ?? []
  return (
    <>
      <p>{t('callPublic.outcome.awarded', { date: decided })}</p>
      <h3>{t('callPublic.outcome.winners')}</h3>
      <ul className="plain-list">
        {winners.map((w) => (
          <li key={w.number}>
            {w.company_slug ? (
              <Link to={`/organisations/${w.company_slug}`}>{w.company_name}</Link>
            ) : (
              w.company_name
            )}
            {' · '}
            {w.size_class ? t(`callPublic.size.${w.size_class}`) : t('callPublic.size.unknown')}
            {' · '}
            {t('callPublic.outcome.score', { score: score(w.score, locale) })}
          </li>
        ))}
      </ul>
      <h3>{t('callPublic.outcome.reasons')}</h3>
      <PlainText text={outcome.reason} />
      <dl className="details">
        {outcome.standstill_ends_at !== undefined ? (
          <>
            <dt>{t('callPublic.outcome.standstill')}</dt>
            <dd>{formatDateTime(outcome.standstill_ends_at, locale)}</dd>
          </>
        ) : null}
        <dt>{t('callPublic.outcome.contract')}</dt>
        <dd>
          {outcome.contract_signed_at
            ? t('callPublic.outcome.contractSigned', {
                date: formatDateTime(outcome.contract_signed_at, locale),
              })
            : outcome.standstill_over
              ? t('callPublic.outcome.contractNotYet')
              : t('callPublic.outcome.contractStandstill')}
        </dd>
      </dl>
      <h3>{t('callPublic.outcome.scores')}</h3>
      <p>{t('callPublic.outcome.scoresIntro')}</p>
      <TableScroll label={t('callPublic.outcome.scoresCaption')}>
        <table>
          <caption>{t('callPublic.outcome.scoresCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('callPublic.outcome.bid')}</th>
              {criteria.map((c) => (
                <th scope="col" key={c.id}>
                  {t('callPublic.outcome.criterion', { title: c.title, weight: c.weight })}
                </th>
              ))}
              <th scope="col">{t('callPublic.outcome.total')}</th>
            </tr>
          </thead>
          <tbody>
            {(outcome.bids ?? []).map((b) => (
              <tr key={b.number}>
                <th scope="row">
                  {b.winner
                    ? t('callPublic.outcome.winnerRow', { name: b.company_name ?? '' })
                    : t('callPublic.outcome.anonRow', { number: b.number })}
                </th>
                {b.criterion_scores.map((s, i) => (
                  <td key={criteria[i]?.id ?? i}>{score(s, locale)}</td>
                ))}
                <td>{score(b.score, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {outcome.failed_count ? (
        <p>{t('callPublic.outcome.failed', { count: outcome.failed_count })}</p>
      ) : null}
    </>
  )
}
