import type { MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { EventPlace, EventSeats, EventTime } from '~/components/event-summary'
import { FeedLink } from '~/components/feed-link'
import { CsvLink } from '~/components/csv-link'
import csvMessages from '~/i18n/messages/csv'
import eventsMessages from '~/i18n/messages/events'
import feedsMessages from '~/i18n/messages/feeds'
import { feedAlternateMeta, feedHref } from '~/utils/feed-links'
import { useT } from '~/i18n/use-t'
import { listEvents } from '~/models/event-reads.server'
import { getDb } from '~/utils/db.server'
import { localeFromMatches, metaTranslator, pageTitle } from '~/utils/meta'

// The public list of events (decision record 031): upcoming ones soonest first, then past ones.

export const handle = { i18n: [eventsMessages, feedsMessages, csvMessages] }

export const meta: MetaFunction = ({ matches }) => [
  ...pageTitle(matches, 'events.list.title'),
  feedAlternateMeta(
    feedHref('/events', '', localeFromMatches(matches)),
    metaTranslator(matches)('feeds.events.title'),
  ),
]

export async function loader() {
  const db = getDb()
  const [upcoming, past] = await Promise.all([listEvents(db, 'upcoming'), listEvents(db, 'past')])
  return { upcoming, past }
}

type Item = Awaited<ReturnType<typeof loader>>['upcoming'][number]

function EventCard({ item }: { item: Item }) {
  const t = useT()
  return (
    <li className="card">
      <h3>
        <Link to={`/events/${item.id}`}>{item.title}</Link>
      </h3>
      <p className="meta">
        {t(`events.kind.${item.kind}`)} · <EventTime item={item} />
      </p>
      <p>
        <EventPlace item={item} />
      </p>
      <p>{t('events.organiser', { name: item.organiser_name })}</p>
      {item.initiative_title ? <p>{t('events.partOf', { title: item.initiative_title })}</p> : null}
      <p>
        <EventSeats item={item} />
      </p>
    </li>
  )
}

export default function Events() {
  const { upcoming, past } = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <>
      <h1>{t('events.list.title')}</h1>
      <p>{t('events.list.intro')}</p>
      <FeedLink listPath="/events" />
      <CsvLink listPath="/events" />
      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t('events.list.upcoming')}</h2>
        {upcoming.length ? (
          <ul className="cards">
            {upcoming.map((item) => (
              <EventCard key={item.id} item={item} />
            ))}
          </ul>
        ) : (
          <p>{t('events.list.empty')}</p>
        )}
      </section>
      <section aria-labelledby="past-title">
        <h2 id="past-title">{t('events.list.past')}</h2>
        {past.length ? (
          <ul className="cards">
            {past.map((item) => (
              <EventCard key={item.id} item={item} />
            ))}
          </ul>
        ) : (
          <p>{t('events.list.pastEmpty')}</p>
        )}
      </section>
    </>
  )
}
