import { Link } from '@remix-run/react'
import { EventTime, type EventSummaryItem } from '~/components/event-summary'
import { useT } from '~/i18n/use-t'

// The initiative's events (decision record 031) on its page: the next upcoming and the latest
// past ones (bounded by the model), each a link to the event's page; a cancelled one says so.

interface InitiativeEvent extends EventSummaryItem {
  id: number
  title: string
}

function EventList({ items }: { items: readonly InitiativeEvent[] }) {
  const t = useT()
  return (
    <ul>
      {items.map((e) => (
        <li key={e.id}>
          <Link to={`/events/${e.id}`}>{e.title}</Link>
          {e.status === 'cancelled' ? (
            <>
              {' '}
              <span className="badge badge--error">{t('events.cancelledBadge')}</span>
            </>
          ) : null}
          <br />
          <span className="meta">
            {t(`events.kind.${e.kind}`)} · <EventTime item={e} />
          </span>
        </li>
      ))}
    </ul>
  )
}

export function InitiativeEvents({
  upcoming,
  past,
  full,
}: {
  upcoming: readonly InitiativeEvent[]
  past: readonly InitiativeEvent[]
  /** Whether either list reached its bound, so there may be more. */
  full: boolean
}) {
  const t = useT()
  return (
    <section aria-labelledby="events-heading">
      <h2 id="events-heading">{t('events.initiative.title')}</h2>
      {upcoming.length + past.length === 0 ? <p>{t('events.initiative.none')}</p> : null}
      {full ? <p>{t('events.initiative.bounds')}</p> : null}
      {upcoming.length > 0 ? (
        <>
          <h3>{t('events.initiative.upcoming')}</h3>
          <EventList items={upcoming} />
        </>
      ) : null}
      {past.length > 0 ? (
        <>
          <h3>{t('events.initiative.past')}</h3>
          <EventList items={past} />
        </>
      ) : null}
    </section>
  )
}
