import { useLocation } from '@remix-run/react'
import { formatNumber } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import { CSV_MAX_ROWS, csvHref } from '~/utils/csv-links'

// "Download as CSV" beside a public list (decision record 042), with the list's current filters.
// A route that renders it lists `csvMessages` in handle.i18n.

export function CsvLink({ listPath }: { listPath: string }) {
  const t = useT()
  const locale = useLocale()
  const location = useLocation()
  return (
    <p className="csv-link">
      <a href={csvHref(listPath, location.search)} type="text/csv" download>
        {t('csv.download', { max: formatNumber(CSV_MAX_ROWS, locale) })}
      </a>
    </p>
  )
}
