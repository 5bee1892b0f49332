import { Link } from '@remix-run/react'
import { useT } from '~/i18n/use-t'
import type { SimilarInitiative } from '~/models/initiative-overlap.server'
import { InitiativePeriod } from './initiative-card'
import { ChoiceGroup, type FieldMeta, TextareaField } from './forms'

// The second step of the new-initiative form (decision record 030): the similar initiatives of
// other organisations, then one choice — join one as co-owner, link as related, or continue with
// a reason. Rendered inside the same <form>, so every value entered above is sent again.

type Candidate = SimilarInitiative

function Reasons({ c }: { c: Candidate }) {
  const t = useT()
  const reasons = [
    c.text ? t('overlap.why.text') : null,
    c.themes > 0 ? t('overlap.why.themes') : null,
    c.cpv > 0 ? t('overlap.why.cpv') : null,
    c.counties > 0 ? t('overlap.why.counties') : null,
    c.period === 1 ? t('overlap.why.period') : null,
  ].filter((r): r is string => r !== null)
  return <p className="meta">{t('overlap.foundBecause', { reasons: reasons.join(', ') })}</p>
}

export function OverlapStep({
  candidates,
  fields,
}: {
  candidates: readonly Candidate[]
  fields: { overlap_choice: FieldMeta; overlap_reason: FieldMeta }
}) {
  const t = useT()
  const options = [
    ...candidates.flatMap((c) => [
      { value: `related:${c.id}`, label: t('overlap.choice.related', { title: c.title }) },
      { value: `join:${c.id}`, label: t('overlap.choice.join', { title: c.title }) },
    ]),
    { value: 'continue', label: t('overlap.choice.continue') },
  ]
  return (
    <section className="overlap-step" aria-labelledby="overlap-heading">
      <h2 id="overlap-heading">{t('overlap.title')}</h2>
      <p>{t('overlap.intro')}</p>
      <input type="hidden" name="overlap_shown" value={candidates.map((c) => c.id).join(',')} />
      <ul className="overlap-candidates" aria-label={t('overlap.listLabel')}>
        {candidates.map((c) => (
          <li key={c.id} className="card">
            <h3>
              <Link to={`/initiatives/${c.id}`} target="_blank" rel="noopener">
                {c.title}
              </Link>
            </h3>
            <p className="meta">
              {t('overlap.owners', { owners: c.owners })} ·{' '}
              <InitiativePeriod from={c.starts_on} to={c.ends_on} />
            </p>
            <p>{c.summary}</p>
            <Reasons c={c} />
          </li>
        ))}
      </ul>
      <ChoiceGroup
        meta={fields.overlap_choice}
        legend={t('overlap.choice.legend')}
        hint={t('overlap.choice.hint')}
        options={options}
        type="radio"
      />
      <TextareaField
        meta={fields.overlap_reason}
        label={t('overlap.reason')}
        hint={t('overlap.reasonHint')}
        required={false}
        rows={3}
      />
    </section>
  )
}
