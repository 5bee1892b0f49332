import { Link } from '@remix-run/react'
import type { InitiativeKind, InitiativeStatus } from '#db/schema'
import { formatDate } from '~/i18n/format'
import type { MessageKey } from '~/i18n/messages'
import { useLocale, useT } from '~/i18n/use-t'

// An initiative in a list (the public register, an organisation's list): its name, owners
// ("Region Norrbotten + IUC Norrbotten"), kind, status and period.

export interface InitiativeListItem {
  id: number
  kind: InitiativeKind
  title: string
  summary: string
  status: InitiativeStatus
  starts_on: string | null
  ends_on: string | null
  owners: ReadonlyArray<{ id: number; slug: string; name: string }>
}

/** A calendar date (YYYY-MM-DD) in words, e.g. "1 mars 2027". */
function useCalendarDate() {
  const locale = useLocale()
  return (day: string) => formatDate(Date.parse(`${day}T12:00:00Z`) / 1000, locale)
}

export function InitiativePeriod({ from, to }: { from: string | null; to: string | null }) {
  const t = useT()
  const date = useCalendarDate()
  if (from && to) return <>{t('initiative.period', { from: date(from), to: date(to) })}</>
  if (from) return <>{t('initiative.periodFrom', { from: date(from) })}</>
  if (to) return <>{t('initiative.periodTo', { to: date(to) })}</>
  return <>{t('initiative.periodNone')}</>
}

export function InitiativeStatusBadge({ status }: { status: InitiativeStatus }) {
  const t = useT()
  return (
    <span className={`badge badge--initiative-${status}`}>
      {t(`initiative.status.${status}` as MessageKey)}
    </span>
  )
}

export function ownerNames(owners: InitiativeListItem['owners']) {
  return owners.map((o) => o.name).join(' + ')
}

export function InitiativeCard({ item, level = 3 }: { item: InitiativeListItem; level?: 2 | 3 }) {
  const t = useT()
  const Heading = level === 2 ? 'h2' : 'h3'
  return (
    <li className="card initiative-card">
      <Heading>
        <Link to={`/initiatives/${item.id}`}>{item.title}</Link>
      </Heading>
      <p className="meta">
        {t(`initiative.kind.${item.kind}` as MessageKey)} ·{' '}
        <InitiativeStatusBadge status={item.status} /> ·{' '}
        <InitiativePeriod from={item.starts_on} to={item.ends_on} />
      </p>
      <p>
        <span className="visually-hidden">{t('initiative.owners')}: </span>
        <strong>{ownerNames(item.owners)}</strong>
      </p>
      <p>{item.summary}</p>
    </li>
  )
}
