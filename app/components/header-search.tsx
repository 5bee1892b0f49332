import { Form, useLocation } from '@remix-run/react'
import { useT } from '~/i18n/use-t'

/**
 * The search box in the site header (issue 16 part 5): a plain GET form to /search, so it works
 * without JavaScript. On the search page itself it shows what was searched for.
 */
export function HeaderSearch() {
  const t = useT()
  const location = useLocation()
  const current =
    location.pathname === '/search' ? (new URLSearchParams(location.search).get('q') ?? '') : ''
  return (
    <Form method="get" action="/search" role="search" className="header-search">
      <label htmlFor="header-search-q" className="visually-hidden">
        {t('searchBox.label')}
      </label>
      <input
        id="header-search-q"
        name="q"
        type="search"
        className="input"
        defaultValue={current}
        key={current}
        maxLength={2000}
        autoComplete="off"
      />
      <button type="submit" className="button button--secondary">
        {t('searchBox.submit')}
      </button>
    </Form>
  )
}
