import { Link } from '@remix-run/react'
import type { MessageKey } from '~/i18n/messages'
import { useT } from '~/i18n/use-t'

/** The pager's own texts (a navigation label, "Page {page}", "Page {page} of {pages}"). */
export interface PaginationTexts {
  label: MessageKey
  page: MessageKey
  current: MessageKey
}

const CATALOGUE_TEXTS: PaginationTexts = {
  label: 'catalogue.pagination.label',
  page: 'catalogue.pagination.page',
  current: 'catalogue.pagination.current',
}

/** The page numbers to show: the first, the last, and two either side of the current one. */
export function pageWindow(page: number, pages: number): (number | 'gap')[] {
  const shown = new Set([1, pages])
  for (let p = page - 2; p <= page + 2; p++) if (p >= 1 && p <= pages) shown.add(p)
  const sorted = [...shown].sort((a, b) => a - b)
  const out: (number | 'gap')[] = []
  for (const [i, p] of sorted.entries()) {
    const prev = sorted[i - 1]
    if (prev !== undefined && p - prev > 1) out.push('gap')
    out.push(p)
  }
  return out
}

/** Numbered pages as links; the current page is marked with aria-current. */
export function Pagination({
  page,
  pages,
  hrefFor,
  texts = CATALOGUE_TEXTS,
}: {
  page: number
  pages: number
  hrefFor: (page: number) => string
  /** The test-bed catalogue's texts unless another list names its own. */
  texts?: PaginationTexts
}) {
  const t = useT()
  if (pages <= 1) return null
  return (
    <nav aria-label={t(texts.label)}>
      <p className="visually-hidden">{t(texts.current, { page, pages })}</p>
      <ul className="pagination">
        {page > 1 ? (
          <li>
            <Link to={hrefFor(page - 1)} rel="prev">
              {t('pagination.previous')}
            </Link>
          </li>
        ) : null}
        {pageWindow(page, pages).map((p, i) =>
          p === 'gap' ? (
            <li key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              <Link
                to={hrefFor(p)}
                aria-current={p === page ? 'page' : undefined}
                aria-label={t(texts.page, { page: p })}
              >
                {p}
              </Link>
            </li>
          ),
        )}
        {page < pages ? (
          <li>
            <Link to={hrefFor(page + 1)} rel="next">
              {t('pagination.next')}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  )
}
