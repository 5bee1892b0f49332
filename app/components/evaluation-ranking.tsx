import type { SizeClass } from '#db/schema'
import { formatNumber } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'

export interface RankingRow {
  bidId: number
  companyName: string
  sizeClass: SizeClass | null
  passes: boolean
  score: number
  awarded: boolean
}

/** The valid bids ranked: must-haves met (in words, not only colour), weighted score, winners. */
export function RankingTable({ rows }: { rows: RankingRow[] }) {
  const t = useT()
  const locale = useLocale()
  return (
    <table>
      <caption>{t('evaluation.ranking.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('evaluation.ranking.rank')}</th>
          <th scope="col">{t('evaluation.ranking.company')}</th>
          <th scope="col">{t('evaluation.ranking.size')}</th>
          <th scope="col">{t('evaluation.ranking.passes')}</th>
          <th scope="col">{t('evaluation.ranking.score')}</th>
          <th scope="col">{t('evaluation.ranking.award')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r.bidId}>
            <td>{i + 1}</td>
            <th scope="row">{r.companyName}</th>
            <td>{r.sizeClass ? t(`org.size.${r.sizeClass}`) : t('evaluation.sizeUnknown')}</td>
            <td>
              <span className={r.passes ? 'badge badge--ok' : 'badge badge--error'}>
                {t(r.passes ? 'evaluation.ranking.met' : 'evaluation.ranking.notMet')}
              </span>
            </td>
            <td>{t('evaluation.ranking.scoreValue', { score: formatNumber(r.score, locale) })}</td>
            <td>{r.awarded ? t('evaluation.ranking.winner') : null}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
