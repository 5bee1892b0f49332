import { PlainText } from '~/components/plain-text'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'

export interface QaEntry {
  id: number
  number: number
  kind: 'answer' | 'clarification' | 'correction'
  question_text: string | null
  body: string
  published_at: number
  corrects_number: number | null
  corrected_by: number[]
}

/** The anchor of a published entry, so a correction can link to what it corrects. */
export function qaAnchor(number: number) {
  return `svar-${number}`
}

/**
 * The public questions and answers: every entry dated, in publication order. A correction is a new
 * entry linked to the one it corrects; the corrected entry stays as it was, with a pointer onward.
 */
export function QaList({
  entries,
  headingLevel = 3,
}: {
  entries: QaEntry[]
  headingLevel?: 3 | 4
}) {
  const t = useT()
  const locale = useLocale()
  const Heading = headingLevel === 3 ? 'h3' : 'h4'
  return (
    <ol className="qa-list">
      {entries.map((e) => (
        <li key={e.id} id={qaAnchor(e.number)} className="qa-entry">
          <article aria-labelledby={`${qaAnchor(e.number)}-title`}>
            <Heading id={`${qaAnchor(e.number)}-title`}>
              {t(`callPublic.qa.kind.${e.kind}`, { number: e.number })}
            </Heading>
            <p className="meta">
              {t('callPublic.qa.published', { date: formatDateTime(e.published_at, locale) })}
              {e.corrects_number !== null ? (
                <>
                  {' · '}
                  <a href={`#${qaAnchor(e.corrects_number)}`}>
                    {t('callPublic.qa.corrects', { number: e.corrects_number })}
                  </a>
                </>
              ) : null}
            </p>
            {e.question_text !== null ? (
              <div className="qa-question">
                <p className="qa-label">{t('callPublic.qa.question')}</p>
                <PlainText text={e.question_text} />
              </div>
            ) : null}
            <div className="qa-answer">
              <p className="qa-label">
                {e.kind === 'answer' ? t('callPublic.qa.answer') : t('callPublic.qa.text')}
              </p>
              <PlainText text={e.body} />
            </div>
            {e.corrected_by.length > 0 ? (
              <p className="notice notice--warn">
                {e.corrected_by.map((n, i) => (
                  <span key={n}>
                    {i > 0 ? ' ' : null}
                    <a href={`#${qaAnchor(n)}`}>{t('callPublic.qa.correctedBy', { number: n })}</a>
                  </span>
                ))}
              </p>
            ) : null}
          </article>
        </li>
      ))}
    </ol>
  )
}
