import { Pagination } from '~/components/pagination'
import { formatNumber } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'

// The count and the page links under a contact-ledger list (the organisation's own ledger and
// the company's view of contacts about it): newest first, a page at a time, the count capped.

export function LedgerPages({
  list,
  hrefFor,
}: {
  list: { total: number; capped: boolean; page: number; pages: number }
  hrefFor: (page: number) => string
}) {
  const t = useT()
  const locale = useLocale()
  if (list.total === 0) return null
  const count = formatNumber(list.total, locale)
  return (
    <>
      <p className="meta">
        {list.capped ? t('contacts.list.capped', { count }) : t('contacts.list.count', { count })}
      </p>
      <Pagination page={list.page} pages={list.pages} hrefFor={hrefFor} />
    </>
  )
}
