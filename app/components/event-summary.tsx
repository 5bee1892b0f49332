import type { EventKind, EventStatus } from '#db/schema'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'

// What every view of an event says about it: kind, time with its zone, place, seats and queue.

export interface EventSummaryItem {
  kind: EventKind
  status: EventStatus
  starts_at: number
  ends_at: number
  venue: string
  online: number
  capacity: number
  confirmed: number
  waiting: number
}

/** "15 mars 2027 kl. 09:00 CET – 15 mars 2027 kl. 16:00 CET". */
export function EventTime({ item }: { item: Pick<EventSummaryItem, 'starts_at' | 'ends_at'> }) {
  const t = useT()
  const locale = useLocale()
  return (
    <>
      {t('events.when', {
        start: formatDateTime(item.starts_at, locale),
        end: formatDateTime(item.ends_at, locale),
      })}
    </>
  )
}

/** The venue, "Digitalt", or both. */
export function EventPlace({ item }: { item: Pick<EventSummaryItem, 'venue' | 'online'> }) {
  const t = useT()
  return (
    <>{[item.venue.trim(), item.online ? t('events.online') : ''].filter(Boolean).join(' · ')}</>
  )
}

/** Seats taken, the queue, and whether the event is full or cancelled. */
export function EventSeats({ item }: { item: EventSummaryItem }) {
  const t = useT()
  if (item.status === 'cancelled') {
    return <span className="badge badge--error">{t('events.cancelledBadge')}</span>
  }
  return (
    <>
      {t('events.seats', { confirmed: item.confirmed, capacity: item.capacity })}
      {item.waiting > 0 ? ` · ${t('events.waitingCount', { count: item.waiting })}` : ''}
    </>
  )
}
