import { Form, useLocation } from '@remix-run/react'
import { useT } from '~/i18n/use-t'

/**
 * The search box in the site header (issue 16 part 5): a plain GET form to /search, so it works
 * without JavaScript. On the search page itself it shows what was searched for. Not a second
 * `search` landmark: the lists' own filter forms are the page's search landmark. The button says
 * "Sök" and is named "Sök i hela Testarena" (its visible text first, WCAG 2.5.3), so it is not
 * taken for a list's own search button.
 */
export function HeaderSearch() {
  const t = useT()
  const location = useLocation()
  const current =
    location.pathname === '/search' ? (new URLSearchParams(location.search).get('q') ?? '') : ''
  return (
    <Form method="get" action="/search" className="header-search">
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
      <button type="submit" className="button button--secondary" aria-label={t('searchBox.label')}>
        {t('searchBox.submit')}
      </button>
    </Form>
  )
}
