import { Form, Link, useLocation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { Pagination } from '~/components/pagination'
import { formatCount } from '~/i18n/format'
import type { MessageKey } from '~/i18n/messages'
import { useLocale, useT } from '~/i18n/use-t'

// The public lists (test beds, calls, references) as one page: a GET filter form that works
// without JavaScript, then the results with their count, the cards and numbered pages in the
// query string. Each route brings its fields, its cards and its texts (keys of its own namespace).

export interface CatalogueResult<Item> {
  items: readonly Item[]
  total: number
  page: number
  pages: number
  /** True when the count stopped at its cap: the heading then says "1 000+" (formatCount). */
  capped?: boolean
}

/** The keys of the result count: none, one and `{count}` of them ("1 000+" when capped). */
export interface CountKeys {
  none: MessageKey
  one: MessageKey
  many: MessageKey
}

export function CataloguePage<Item>({
  title,
  intro,
  views,
  filter,
  fields,
  result,
  countKeys,
  notes,
  order,
  empty,
  listClassName,
  card,
  hrefFor,
  results,
}: {
  title: string
  intro: string
  /** Other ways to show the same results (links that keep the filters), under the intro. */
  views?: ReactNode
  /** The filter form: its heading, where it sends, its button, and the link that clears it. */
  filter: { title: string; action: string; submit: string; clear: string; filtered: boolean }
  /** The form's fields, between the heading and the buttons. */
  fields: ReactNode
  result: CatalogueResult<Item>
  countKeys: CountKeys
  /** Notes shown under the count, before the order or the empty text (e.g. the CPV filter). */
  notes?: ReactNode
  /** How the results are ordered, when there are any. */
  order: ReactNode
  /** What is said when nothing is found. */
  empty: string
  listClassName: string
  card: (item: Item) => ReactNode
  hrefFor: (page: number) => string
  /** What shows instead of the counted list (another view of the same filters). */
  results?: ReactNode
}) {
  const t = useT()
  const locale = useLocale()
  const location = useLocation()
  const capped = result.capped === true
  const count = formatCount({ total: result.total, capped }, locale)
  const countText = capped
    ? t(countKeys.many, { count })
    : result.total === 0
      ? t(countKeys.none)
      : result.total === 1
        ? t(countKeys.one)
        : t(countKeys.many, { count })
  return (
    <>
      <h1>{title}</h1>
      <p className="lead">{intro}</p>
      {views}

      <section aria-labelledby="filter-title">
        <h2 id="filter-title">{filter.title}</h2>
        {/* Remounted on every search so the fields show what the address says (e.g. after "clear"). */}
        <Form
          key={location.search}
          method="get"
          action={filter.action}
          className="filters catalogue-filters"
          role="search"
          aria-labelledby="filter-title"
        >
          {fields}
          <div className="actions">
            <button type="submit" className="button">
              {filter.submit}
            </button>
            {filter.filtered ? <Link to={filter.action}>{filter.clear}</Link> : null}
          </div>
        </Form>
      </section>

      {results ?? (
        <section aria-labelledby="results-title">
          <h2 id="results-title" aria-live="polite" aria-atomic="true">
            {countText}
          </h2>
          {notes}
          {result.total > 0 ? <p className="meta">{order}</p> : <p>{empty}</p>}
          {result.items.length > 0 ? (
            <ul className={listClassName}>{result.items.map(card)}</ul>
          ) : null}
          <Pagination page={result.page} pages={result.pages} hrefFor={hrefFor} />
        </section>
      )}
    </>
  )
}

/** A yes/no filter ("open now"): a checkbox that sends `name=1` when ticked. */
export function FilterFlag({
  name,
  label,
  checked,
}: {
  name: string
  label: string
  checked: boolean
}) {
  const id = `filter-${name}`
  return (
    <div className="choice">
      <input id={id} name={name} type="checkbox" value="1" defaultChecked={checked} />
      <label htmlFor={id}>{label}</label>
    </div>
  )
}
