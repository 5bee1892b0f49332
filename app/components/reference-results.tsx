import type { ReferenceResult } from '#db/schema'
import { formatDate, formatNumber } from '~/i18n/format'
import type { Locale } from '~/i18n/locales'
import { useLocale, useT, useTranslator } from '~/i18n/use-t'

/** A result's label in the language shown (the Swedish one when no English label exists). */
export function resultLabel(result: ReferenceResult, lang: Locale): string {
  return lang === 'en' && result.label_en ? result.label_en : result.label_sv
}

/** "2 min", "1 250 kWh", "95 %": a measured number with its unit, the Swedish way in Swedish. */
export function formatMeasure(value: number, unit: string, locale: Locale): string {
  const number = formatNumber(value, locale)
  return unit ? `${number}\u00a0${unit}` : number
}

/**
 * "2 min (från 16 min)": the value and, when measured, what it was before — in `lang` when given
 * (the language of the version shown), else the page's.
 */
export function ResultValue({ result, lang }: { result: ReferenceResult; lang?: Locale }) {
  const page = useLocale()
  const locale = lang ?? page
  const t = useTranslator(locale)
  const value = formatMeasure(result.value, result.unit, locale)
  if (result.baseline === null) return <>{value}</>
  return (
    <>
      {t('reference.result.valueFromBaseline', {
        value,
        baseline: formatMeasure(result.baseline, result.unit, locale),
      })}
    </>
  )
}

/** The period of a case: "1 mars 2026 – 30 juni 2026", or "sedan 1 mars 2026 (pågår)". */
export function ReferencePeriod({
  startedOn,
  endedOn,
}: {
  startedOn: number
  endedOn: number | null
}) {
  const t = useT()
  const locale = useLocale()
  const from = formatDate(startedOn, locale)
  if (endedOn === null) return <>{t('reference.period.ongoing', { from })}</>
  return <>{t('reference.period.range', { from, to: formatDate(endedOn, locale) })}</>
}

/** The results table ("Resultat"): what was measured, the value, and the baseline when known. */
export function ReferenceResultsTable({
  results,
  lang,
  heading: Heading = 'h2',
}: {
  results: ReferenceResult[]
  /** The language of the version shown: headings, labels and numbers follow it. */
  lang: Locale
  heading?: 'h2' | 'h3'
}) {
  const t = useTranslator(lang)
  const locale = lang
  if (results.length === 0) return null
  // The baseline column only when something was measured before.
  const baselines = results.some((r) => r.baseline !== null)
  return (
    <section aria-labelledby="reference-results-heading" className="reference-results">
      <Heading id="reference-results-heading">{t('reference.results.heading')}</Heading>
      <div className="reference-table-wrap">
        <table>
          <caption className="visually-hidden">{t('reference.results.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reference.results.label')}</th>
              <th scope="col" className="reference-num">
                {t('reference.results.value')}
              </th>
              {baselines ? (
                <th scope="col" className="reference-num">
                  {t('reference.results.baseline')}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {results.map((r, i) => (
              <tr key={i}>
                <th scope="row" lang={lang === 'en' && r.label_en ? 'en' : 'sv'}>
                  {resultLabel(r, lang)}
                </th>
                <td className="reference-num">{formatMeasure(r.value, r.unit, locale)}</td>
                {baselines ? (
                  <td className="reference-num">
                    {r.baseline === null
                      ? t('reference.results.noBaseline')
                      : formatMeasure(r.baseline, r.unit, locale)}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
