import { Link } from '@remix-run/react'
import type { ReferenceResult, SizeClass } from '#db/schema'
import { ReferencePeriod, ResultValue, resultLabel } from '~/components/reference-results'
import type { Locale } from '~/i18n/locales'
import { useLocale, useT } from '~/i18n/use-t'

/** What a gallery or portfolio card needs to show one published reference case. */
export interface ReferenceCardData {
  id: number
  /** When the case was first published (the Atom feed's `updated`; decision record 038). */
  firstPublishedAt?: number | null
  titleSv: string
  titleEn: string | null
  summarySv: string
  summaryEn: string | null
  publicBodyName: string
  publicBodySlug: string
  companyName: string
  companySlug: string
  companySizeClass: SizeClass | null
  startedOn: number
  endedOn: number | null
  firstResult: ReferenceResult | null
  themes: { code: string; name: string }[]
}

/**
 * The version a viewer reads: their own language when the case has it, else Swedish (every case
 * has a Swedish version).
 */
export function shownLanguage(locale: Locale, hasEnglish: boolean): Locale {
  return locale === 'en' && hasEnglish ? 'en' : 'sv'
}

/** "Svenska · English": the languages a case is written in, as badges (text, not colour). */
export function ReferenceLanguages({ hasEnglish }: { hasEnglish: boolean }) {
  const t = useT()
  return (
    <span className="reference-languages">
      <span className="visually-hidden">{t('reference.languages.label')} </span>
      <span className="badge" lang="sv">
        {t('reference.languages.svName')}
      </span>
      {hasEnglish ? (
        <>
          {' · '}
          <span className="badge" lang="en">
            {t('reference.languages.enName')}
          </span>
        </>
      ) : null}
    </span>
  )
}

/** One published reference in a list: what was done, between whom, when, and one result. */
export function ReferenceCard({
  reference,
  heading: Heading = 'h3',
}: {
  reference: ReferenceCardData
  heading?: 'h2' | 'h3'
}) {
  const t = useT()
  const locale = useLocale()
  const hasEnglish = reference.titleEn !== null && reference.summaryEn !== null
  const lang = shownLanguage(locale, hasEnglish)
  const title = lang === 'en' ? reference.titleEn! : reference.titleSv
  const summary = lang === 'en' ? reference.summaryEn! : reference.summarySv
  const result = reference.firstResult
  return (
    <li className="card reference-card">
      <Heading lang={lang === locale ? undefined : lang}>
        <Link to={`/references/${reference.id}`}>{title}</Link>
      </Heading>
      <p className="meta">
        {reference.publicBodyName} · {reference.companyName}
        {reference.companySizeClass ? ` (${t(`org.size.${reference.companySizeClass}`)})` : null}
      </p>
      <p lang={lang === locale ? undefined : lang}>{summary}</p>
      <dl className="offer-facts">
        <div>
          <dt>{t('reference.card.period')}</dt>
          <dd>
            <ReferencePeriod startedOn={reference.startedOn} endedOn={reference.endedOn} />
          </dd>
        </div>
        {result ? (
          <div>
            <dt lang={lang === locale ? undefined : lang}>{resultLabel(result, lang)}</dt>
            <dd lang={lang === locale ? undefined : lang}>
              <ResultValue result={result} lang={lang} />
            </dd>
          </div>
        ) : null}
        {reference.themes.length > 0 ? (
          <div>
            <dt>{t('reference.card.themes')}</dt>
            <dd>{reference.themes.map((th) => th.name).join(', ')}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('reference.card.languages')}</dt>
          <dd>
            <ReferenceLanguages hasEnglish={hasEnglish} />
          </dd>
        </div>
      </dl>
    </li>
  )
}
