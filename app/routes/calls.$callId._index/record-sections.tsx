import { Link } from '@remix-run/react'
import { CallDeadline } from '~/components/call-labels'
import { PlainText } from '~/components/plain-text'
import { formatDate, formatNumber } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import type { PublicCall } from '~/models/call-catalogue.server'

// What the call's record shows since it was published: documents, amendments, and the buyer's
// disclosure of earlier involvement.

export function DocumentsSection({ call }: { call: PublicCall }) {
  const t = useT()
  const locale = useLocale()
  return (
    <section aria-labelledby="documents-title">
      <h2 id="documents-title">{t('callPublic.documents.title')}</h2>
      {call.documents.length === 0 ? (
        <p>{t('callPublic.documents.none')}</p>
      ) : (
        <ul className="plain-list">
          {call.documents.map((d) => (
            <li key={d.id}>
              <a href={`/calls/${call.id}/documents/${d.id}`}>{d.title}</a>{' '}
              <span className="meta">
                {t('callPublic.documents.file', {
                  type: d.extension.toUpperCase(),
                  size: formatNumber(Math.max(1, Math.round(d.size / 1024)), locale),
                })}
                {d.removed_in !== null
                  ? ` ${t('callPublic.documents.superseded', { number: d.removed_in })}`
                  : d.added_in !== null
                    ? ` ${t('callPublic.documents.added', { number: d.added_in })}`
                    : null}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

export function AmendmentsSection({ call }: { call: PublicCall }) {
  const t = useT()
  const locale = useLocale()
  if (call.amendments.length === 0) return null
  return (
    <section aria-labelledby="amendments-title">
      <h2 id="amendments-title">{t('callPublic.amendments.title')}</h2>
      <ol className="qa-list">
        {call.amendments.map((a) => (
          <li key={a.id} className="qa-entry">
            <h3>
              {t('callPublic.amendments.number', {
                number: a.number,
                date: formatDate(a.published_at, locale),
              })}
            </h3>
            <PlainText text={a.summary} />
            {a.criteriaAdded.length + a.documentsAdded.length > 0 ? (
              <p>
                {t('callPublic.amendments.added', {
                  items: [...a.criteriaAdded, ...a.documentsAdded].map((c) => c.title).join(', '),
                })}
              </p>
            ) : null}
            {a.criteriaRemoved.length + a.documentsRemoved.length > 0 ? (
              <p>
                {t('callPublic.amendments.removed', {
                  items: [...a.criteriaRemoved, ...a.documentsRemoved]
                    .map((c) => c.title)
                    .join(', '),
                })}
              </p>
            ) : null}
            <p className="meta">
              <CallDeadline kind="tender" at={a.tender_deadline} />
              {' · '}
              <CallDeadline kind="question" at={a.question_deadline} />
              {a.changes_terms ? ` · ${t('callPublic.amendments.changesTerms')}` : null}
            </p>
          </li>
        ))}
      </ol>
    </section>
  )
}

export function DisclosureSection({ call }: { call: PublicCall }) {
  const t = useT()
  const hasDisclosure =
    call.prior_involvement.trim() !== '' || call.involved.length > 0 || call.links.length > 0
  if (!hasDisclosure) return null
  return (
    <section aria-labelledby="disclosure-title">
      <h2 id="disclosure-title">{t('callPublic.disclosure.title')}</h2>
      <p>{t('callPublic.disclosure.intro')}</p>
      {call.prior_involvement.trim() ? <PlainText text={call.prior_involvement} /> : null}
      {call.involved.length > 0 ? (
        <>
          <h3>{t('callPublic.disclosure.involved')}</h3>
          <ul className="plain-list">
            {call.involved.map((c) => (
              <li key={c.slug}>
                <Link to={`/organisations/${c.slug}`}>{c.name}</Link>
                {' – '}
                {c.involvement}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {call.links.length > 0 ? (
        <>
          <h3>{t('callPublic.disclosure.links')}</h3>
          <ul className="plain-list">
            {call.links.map((l) => (
              <li key={l.id}>
                {l.linked_call_id !== null ? (
                  <Link to={`/calls/${l.linked_call_id}`}>{l.linked_title}</Link>
                ) : (
                  t('callPublic.disclosure.pilot', {
                    offer: l.offer_title ?? '',
                    company: l.pilot_company_name ?? '',
                  })
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}
