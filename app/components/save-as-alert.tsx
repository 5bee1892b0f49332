import { Link, useLocation } from '@remix-run/react'
import type { SavedSearchItemKind } from '#db/schema'
import { useT } from '~/i18n/use-t'

// "Save as alert" on a catalogue (issue 16 part 2): a link to a new saved search prefilled from
// the list's current filters. A route that renders it lists `savedSearchMessages` in handle.i18n.

/** The "save as alert" link of a catalogue, from its current query string. */
export function saveAsAlertHref(kind: SavedSearchItemKind, search: string): string {
  const params = new URLSearchParams(search)
  params.delete('page')
  params.set('kind', kind)
  return `/account/searches/new?${params}`
}

export function SaveAsAlertLink({ kind }: { kind: SavedSearchItemKind }) {
  const t = useT()
  const location = useLocation()
  return (
    <p className="save-as-alert">
      <Link to={saveAsAlertHref(kind, location.search)}>{t('savedSearch.saveAsAlert')}</Link>
    </p>
  )
}

/** The link from the account page to the saved searches. */
export function SavedSearchesAccountLink() {
  const t = useT()
  return (
    <p>
      <Link to="/account/searches">{t('savedSearch.accountLink')}</Link>
    </p>
  )
}
