import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'

/**
 * A home-page section: a heading, the newest cards (or a sentence when there are none) and, where
 * given, a link to the whole list.
 */
export function CardsSection({
  id,
  title,
  empty,
  all,
  cards,
  listClassName = 'cards',
}: {
  /** The heading's id, which labels the section. */
  id: string
  title: string
  /** Shown instead of the list when there are no cards. */
  empty: string
  all?: { to: string; label: string }
  cards: ReactNode[]
  listClassName?: string
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {cards.length === 0 ? <p>{empty}</p> : <ul className={listClassName}>{cards}</ul>}
      {all ? (
        <p>
          <Link to={all.to}>{all.label}</Link>
        </p>
      ) : null}
    </section>
  )
}
