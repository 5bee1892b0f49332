import { Link } from '@remix-run/react'
import { formatDate } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import type { RecordedCheck } from '~/models/initiative-overlap.server'

// What the overlap check left on an initiative's page (decision record 030): the initiatives
// linked to it as related, for everyone; the choices recorded about it, only for members of the
// organisation that made them. The related ones are RelatedItems in ~/components/overlap-step.

function ChoiceText({ check }: { check: RecordedCheck }) {
  const t = useT()
  const title = check.chosen_title ?? ''
  if (check.choice === 'join') return <p>{t('overlap.checks.join', { title })}</p>
  if (check.choice === 'related') return <p>{t('overlap.checks.related', { title })}</p>
  return <p>{t('overlap.checks.continue', { reason: check.reason ?? '' })}</p>
}

export function RecordedChecks({ checks }: { checks: readonly RecordedCheck[] }) {
  const t = useT()
  const locale = useLocale()
  if (checks.length === 0) return null
  return (
    <section aria-labelledby="overlap-checks-heading">
      <h2 id="overlap-checks-heading">{t('overlap.checks.title')}</h2>
      <p className="hint">{t('overlap.checks.hint')}</p>
      {checks.map((check) => (
        <div key={check.id} className="card">
          <p className="meta">
            {t('overlap.checks.when', {
              date: formatDate(check.checked_at, locale),
              name: check.checked_by_name,
              organisation: check.organisation_name,
            })}
          </p>
          <ChoiceText check={check} />
          <p>{t('overlap.checks.shown')}</p>
          <ul>
            {check.candidates.map((c) => (
              <li key={c.id}>
                <Link to={`/initiatives/${c.id}`}>{c.title}</Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  )
}
