import { Link } from '@remix-run/react'
import { PlainText } from '~/components/plain-text'
import { ReferencePeriod, ReferenceResultsTable } from '~/components/reference-results'
import { formatDate } from '~/i18n/format'
import type { Locale } from '~/i18n/locales'
import { useLocale, useT, useTranslator } from '~/i18n/use-t'
import type { ReferenceView } from '~/models/reference-cases.server'

/** The case itself, in the version chosen; headings follow that version's language. */
export function ReferenceContent({
  reference: r,
  lang,
  hasEnglish,
}: {
  reference: ReferenceView
  lang: Locale
  hasEnglish: boolean
}) {
  const ui = useT()
  const locale = useLocale()
  const t = useTranslator(lang)
  const en = lang === 'en'
  const text = {
    title: en ? r.title_en! : r.title_sv,
    summary: en ? r.summary_en! : r.summary_sv,
    challenge: en ? r.challenge_en! : r.challenge_sv,
    solution: en ? r.solution_en! : r.solution_sv,
    deployment: en ? r.deployment_en! : r.deployment_sv,
    participants: en ? r.participants_en! : r.participants_sv,
    quote: en ? (r.quote_en ?? '') : r.quote_sv,
  }
  return (
    <article className="reference-case" lang={lang === locale ? undefined : lang}>
      {r.status === 'published' ? (
        <p className="meta reference-kicker">{t('reference.page.kicker')}</p>
      ) : null}
      <h1>{text.title}</h1>
      <div className="reference-versions">
        <p>{t(hasEnglish ? 'reference.page.languagesBoth' : 'reference.page.languagesSv')}</p>
        {hasEnglish ? (
          <nav aria-label={ui('reference.page.versionNav')} lang={locale}>
            <ul className="reference-version-switch">
              {(['sv', 'en'] as const).map((l) => (
                <li key={l}>
                  <Link
                    to={`?lang=${l}`}
                    lang={l}
                    aria-current={l === lang ? 'page' : undefined}
                    preventScrollReset
                  >
                    {l === 'sv'
                      ? ui('reference.languages.svName')
                      : ui('reference.languages.enName')}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </div>
      <p className="lead">{text.summary}</p>
      <dl className="details reference-facts">
        <dt>{t('reference.page.publicBody')}</dt>
        <dd>
          <Link to={`/organisations/${r.publicBody.slug}`}>{r.publicBody.name}</Link>
        </dd>
        <dt>{t('reference.page.company')}</dt>
        <dd>
          <Link to={`/organisations/${r.company.slug}`}>{r.company.name}</Link>
          {r.company.size_class ? ` (${t(`org.size.${r.company.size_class}`)})` : null}
        </dd>
        <dt>{t('reference.page.source')}</dt>
        <dd>
          {r.source.kind === 'pilot' ? (
            <>
              {t('reference.page.fromPilot')}{' '}
              <Link to={`/test-beds/${r.source.offerId}`} lang="sv">
                {r.source.title}
              </Link>
            </>
          ) : (
            <>
              {t('reference.page.fromCall')}{' '}
              <Link to={`/calls/${r.source.callId}`} lang="sv">
                {r.source.title}
              </Link>
            </>
          )}
        </dd>
        <dt>{t('reference.page.place')}</dt>
        <dd>{r.place}</dd>
        <dt>{t('reference.page.period')}</dt>
        <dd>
          <PeriodIn lang={lang} startedOn={r.started_on} endedOn={r.ended_on} />
        </dd>
        <dt>{t('reference.page.wouldUseAgain')}</dt>
        <dd>{t(r.would_use_again ? 'reference.yes' : 'reference.no')}</dd>
        {r.first_published_at !== null ? (
          <>
            <dt>{t('reference.page.firstPublished')}</dt>
            <dd>{formatDate(r.first_published_at, lang)}</dd>
          </>
        ) : null}
      </dl>

      <h2>{t('reference.page.challenge')}</h2>
      <PlainText text={text.challenge} />
      <h2>{t('reference.page.solution')}</h2>
      <PlainText text={text.solution} />
      <h2>{t('reference.page.deployment')}</h2>
      <PlainText text={text.deployment} />
      <h2>{t('reference.page.participants')}</h2>
      <PlainText text={text.participants} />

      <ReferenceResultsTable results={r.results} lang={lang} />

      {text.quote ? (
        <figure className="reference-quote">
          <blockquote>
            <p>{text.quote}</p>
          </blockquote>
          <figcaption>{t('reference.page.quoteBy', { role: r.quote_by_role })}</figcaption>
        </figure>
      ) : null}

      {r.takes_reference_calls ? (
        <section aria-labelledby="reference-calls-heading" className="reference-calls">
          <h2 id="reference-calls-heading">{t('reference.page.callsHeading')}</h2>
          <p>
            {r.contact_name
              ? t('reference.page.contactNamed', {
                  role: r.contact_role,
                  name: r.contact_name,
                  organisation: r.publicBody.name,
                })
              : t('reference.page.contactRole', {
                  role: r.contact_role,
                  organisation: r.publicBody.name,
                })}
          </p>
          {r.status === 'published' ? (
            <p className="reference-call-link">
              <Link to={`/references/${r.id}/contact`} className="button">
                {t('reference.page.requestCall')}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}
    </article>
  )
}

/** The period in the version's language (the shared component follows the page's language). */
function PeriodIn({
  lang,
  startedOn,
  endedOn,
}: {
  lang: Locale
  startedOn: number
  endedOn: number | null
}) {
  const locale = useLocale()
  const t = useTranslator(lang)
  if (lang === locale) return <ReferencePeriod startedOn={startedOn} endedOn={endedOn} />
  const from = formatDate(startedOn, lang)
  return (
    <>
      {endedOn === null
        ? t('reference.period.ongoing', { from })
        : t('reference.period.range', { from, to: formatDate(endedOn, lang) })}
    </>
  )
}
