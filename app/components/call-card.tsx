import { Link } from '@remix-run/react'
import type { Procedure } from '#db/schema'
import { CallDeadline, CallStatusBadge, ProcedureLabel } from '~/components/call-labels'
import { formatMoney } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import type { ShownCallStatus } from '~/utils/call-status'

export interface CallCardData {
  id: number
  title: string
  summary: string
  procedure: Procedure
  shown_status: ShownCallStatus
  tender_deadline: number
  estimated_value_sek: number | null
  buyer_name: string
  county_name: string
  themes: { code: string; name: string }[]
}

/** One call in a list: who buys what, by which procedure, until when. */
export function CallCard({
  call,
  heading: Heading = 'h3',
}: {
  call: CallCardData
  heading?: 'h2' | 'h3'
}) {
  const t = useT()
  const locale = useLocale()
  return (
    <li className="card call-card">
      <Heading>
        <Link to={`/calls/${call.id}`}>{call.title}</Link>
      </Heading>
      <p className="meta">
        {call.buyer_name} · {call.county_name}
      </p>
      <p>{call.summary}</p>
      <dl className="offer-facts">
        <div>
          <dt>{t('callPublic.card.status')}</dt>
          <dd>
            <CallStatusBadge status={call.shown_status} />
          </dd>
        </div>
        <div>
          <dt>{t('callPublic.card.procedure')}</dt>
          <dd>
            <ProcedureLabel procedure={call.procedure} />
          </dd>
        </div>
        <div>
          <dt>{t('callPublic.card.deadline')}</dt>
          <dd>
            <CallDeadline kind="tender" at={call.tender_deadline} />
          </dd>
        </div>
        {call.estimated_value_sek !== null ? (
          <div>
            <dt>{t('callPublic.card.value')}</dt>
            <dd>{formatMoney(call.estimated_value_sek, locale)}</dd>
          </div>
        ) : null}
        {call.themes.length > 0 ? (
          <div>
            <dt>{t('callPublic.card.themes')}</dt>
            <dd>{call.themes.map((th) => th.name).join(', ')}</dd>
          </div>
        ) : null}
      </dl>
    </li>
  )
}
