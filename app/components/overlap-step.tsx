import { Link } from '@remix-run/react'
import { useT } from '~/i18n/use-t'
import type { SimilarityScores } from '~/models/initiative-overlap.server'
import { InitiativePeriod } from './initiative-card'
import { ChoiceGroup, type FieldMeta, TextareaField } from './forms'

// The second step of the new-initiative and new-call forms (decision record 030): the similar
// initiatives (or published calls) of other organisations, then one choice — join an initiative
// as co-owner, link as related, or continue with a reason. Rendered inside the same <form>, so
// every value entered above is sent again.

type Candidate = SimilarityScores & {
  id: number
  title: string
  summary: string
  owners: string
  starts_on: string | null
  ends_on: string | null
}

/** What is checked: initiatives may be joined; calls only linked. */
export type OverlapKind = 'initiative' | 'call'

/** The notice above the form when similar ones were found (the first step's result). */
export function OverlapNotice({ kind = 'initiative' }: { kind?: OverlapKind }) {
  const t = useT()
  return (
    <div className="notice notice--warn" role="status">
      <p>
        {t(kind === 'call' ? 'overlap.call.notice' : 'overlap.notice')}{' '}
        <a href="#overlap-heading">{t('overlap.noticeLink')}</a>
      </p>
    </div>
  )
}

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
  kind = 'initiative',
}: {
  candidates: readonly Candidate[]
  fields: { overlap_choice: FieldMeta; overlap_reason: FieldMeta }
  kind?: OverlapKind
}) {
  const t = useT()
  const call = kind === 'call'
  const options = [
    ...candidates.flatMap((c) => [
      {
        value: `related:${c.id}`,
        label: t(call ? 'overlap.call.choice.related' : 'overlap.choice.related', {
          title: c.title,
        }),
      },
      ...(call
        ? []
        : [{ value: `join:${c.id}`, label: t('overlap.choice.join', { title: c.title }) }]),
    ]),
    {
      value: 'continue',
      label: t(call ? 'overlap.call.choice.continue' : 'overlap.choice.continue'),
    },
  ]
  return (
    <section className="overlap-step" aria-labelledby="overlap-heading">
      <h2 id="overlap-heading">{t(call ? 'overlap.call.title' : 'overlap.title')}</h2>
      <p>{t(call ? 'overlap.call.intro' : 'overlap.intro')}</p>
      <input type="hidden" name="overlap_shown" value={candidates.map((c) => c.id).join(',')} />
      <ul
        className="overlap-candidates"
        aria-label={t(call ? 'overlap.call.listLabel' : 'overlap.listLabel')}
      >
        {candidates.map((c) => (
          <li key={c.id} className="card">
            <h3>
              <Link
                to={call ? `/calls/${c.id}` : `/initiatives/${c.id}`}
                target="_blank"
                rel="noopener"
              >
                {c.title}
              </Link>
            </h3>
            <p className="meta">
              {t(call ? 'overlap.call.buyer' : 'overlap.owners', { owners: c.owners })} ·{' '}
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

/** The items linked as related, on an initiative's or a call's page; nothing when none. */
export function RelatedItems({
  related,
  kind = 'initiative',
}: {
  related: ReadonlyArray<{ id: number; title: string; owners: string }>
  kind?: OverlapKind
}) {
  const t = useT()
  if (related.length === 0) return null
  return (
    <section aria-labelledby="related-heading">
      <h2 id="related-heading">
        {t(kind === 'call' ? 'overlap.call.related.title' : 'overlap.related.title')}
      </h2>
      <ul>
        {related.map((r) => (
          <li key={r.id}>
            <Link to={kind === 'call' ? `/calls/${r.id}` : `/initiatives/${r.id}`}>{r.title}</Link>{' '}
            {t('overlap.related.owners', { owners: r.owners })}
          </li>
        ))}
      </ul>
    </section>
  )
}
