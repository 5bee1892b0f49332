import { useLocation } from '@remix-run/react'
import { useT } from '~/i18n/use-t'
import { feedHref } from '~/utils/feed-links'

// The visible "Subscribe (Atom)" link of a list (decision record 038). A route that renders it
// lists `feedsMessages` in handle.i18n and puts `feedAlternateMeta` in its meta.

export function FeedLink({ listPath }: { listPath: string }) {
  const t = useT()
  const location = useLocation()
  return (
    <p className="feed-link">
      <a href={feedHref(listPath, location.search)} type="application/atom+xml">
        {t('feeds.subscribe')}
      </a>
    </p>
  )
}

/** "Add to calendar": a call's or a test bed's dates as an .ics file (needs `feedsMessages`). */
export function CalendarLink({ href }: { href: string }) {
  const t = useT()
  return (
    <p className="calendar-link">
      <a href={href} type="text/calendar">
        {t('feeds.calendar.add')}
      </a>
    </p>
  )
}
