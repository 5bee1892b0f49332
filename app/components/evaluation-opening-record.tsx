import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'

export interface OpeningRecordProps {
  openedAt: number
  openedByName: string
  bids: {
    bidId: number
    companyName: string
    submittedAt: number
    receiptHash: string
    /** Why the bid could not be opened at the opening (decision 023), or null. */
    sealProblem: 'key_missing' | 'tampered' | 'content_mismatch' | null
  }[]
  notOpened: { drafts: number; notReconfirmed: number }
}

/** The opening record: who opened, when (with zone), which bids with their receipts. */
export function OpeningRecord({ record }: { record: OpeningRecordProps }) {
  const t = useT()
  const locale = useLocale()
  const unopened = record.bids.filter((b) => b.sealProblem !== null)
  return (
    <section aria-labelledby="opening-record-heading" className="evaluation-section">
      <h2 id="opening-record-heading">{t('evaluation.record.heading')}</h2>
      <p>
        {t('evaluation.record.openedBy', {
          name: record.openedByName,
          date: formatDateTime(record.openedAt, locale),
        })}
      </p>
      {record.bids.length === 0 ? (
        <p>{t('evaluation.record.empty')}</p>
      ) : (
        <table>
          <caption>{t('evaluation.record.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('evaluation.record.company')}</th>
              <th scope="col">{t('evaluation.record.received')}</th>
              <th scope="col">{t('evaluation.record.receipt')}</th>
            </tr>
          </thead>
          <tbody>
            {record.bids.map((b) => (
              <tr key={b.bidId}>
                <th scope="row">{b.companyName}</th>
                <td>{formatDateTime(b.submittedAt, locale)}</td>
                <td className="break-anywhere">
                  <code>{b.receiptHash}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {unopened.length > 0 ? (
        <div className="notice notice--warn">
          <h3>{t('evaluation.record.unopened')}</h3>
          <ul>
            {unopened.map((b) => (
              <li key={b.bidId}>
                {b.sealProblem
                  ? t(`evaluation.record.problem.${b.sealProblem}`, { company: b.companyName })
                  : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {record.notOpened.drafts + record.notOpened.notReconfirmed > 0 ? (
        <p className="hint">{t('evaluation.record.notOpened', record.notOpened)}</p>
      ) : null}
    </section>
  )
}
