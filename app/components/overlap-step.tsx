import { Link } from '@remix-run/react'
import { useT } from '~/i18n/use-t'
import type { SimilarityScores } from '~/models/initiative-overlap.server'
import { InitiativePeriod } from './initiative-card'
import { ChoiceGroup, type FieldMeta, TextareaField } from './forms'

// The second step of the new-initiative, new-call and new-test-bed-offer forms (decision record
// 030): the similar initiatives (or published calls or test-bed offers) of other organisations,
// then one choice — join an initiative as co-owner, link as related, or continue with a reason.
// Rendered inside the same <form>, so every value entered above is sent again.

type Candidate = SimilarityScores & {
  id: number
  title: string
  summary: string
  owners: string
  starts_on: string | null
  ends_on: string | null
}

/** What is checked: initiatives may be joined; calls and test-bed offers only linked. */
export type OverlapKind = 'initiative' | 'call' | 'offer'

/** The kind's wording and pages (an initiative's is the default). */
const KIND = {
  initiative: {
    notice: 'overlap.notice',
    title: 'overlap.title',
    intro: 'overlap.intro',
    listLabel: 'overlap.listLabel',
    owners: 'overlap.owners',
    related: 'overlap.choice.related',
    continue: 'overlap.choice.continue',
    relatedTitle: 'overlap.related.title',
    path: '/initiatives/',
  },
  call: {
    notice: 'overlap.call.notice',
    title: 'overlap.call.title',
    intro: 'overlap.call.intro',
    listLabel: 'overlap.call.listLabel',
    owners: 'overlap.call.buyer',
    related: 'overlap.call.choice.related',
    continue: 'overlap.call.choice.continue',
    relatedTitle: 'overlap.call.related.title',
    path: '/calls/',
  },
  offer: {
    notice: 'overlap.offer.notice',
    title: 'overlap.offer.title',
    intro: 'overlap.offer.intro',
    listLabel: 'overlap.offer.listLabel',
    owners: 'overlap.offer.host',
    related: 'overlap.offer.choice.related',
    continue: 'overlap.offer.choice.continue',
    relatedTitle: 'overlap.offer.related.title',
    path: '/test-beds/',
  },
} as const

/** The notice above the form when similar ones were found (the first step's result). */
export function OverlapNotice({ kind = 'initiative' }: { kind?: OverlapKind }) {
  const t = useT()
  return (
    <div className="notice notice--warn" role="status">
      <p>
        {t(KIND[kind].notice)} <a href="#overlap-heading">{t('overlap.noticeLink')}</a>
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
  const words = KIND[kind]
  const options = [
    ...candidates.flatMap((c) => [
      { value: `related:${c.id}`, label: t(words.related, { title: c.title }) },
      ...(kind === 'initiative'
        ? [{ value: `join:${c.id}`, label: t('overlap.choice.join', { title: c.title }) }]
        : []),
    ]),
    { value: 'continue', label: t(words.continue) },
  ]
  return (
    <section className="overlap-step" aria-labelledby="overlap-heading">
      <h2 id="overlap-heading">{t(words.title)}</h2>
      <p>{t(words.intro)}</p>
      <input type="hidden" name="overlap_shown" value={candidates.map((c) => c.id).join(',')} />
      <ul className="overlap-candidates" aria-label={t(words.listLabel)}>
        {candidates.map((c) => (
          <li key={c.id} className="card">
            <h3>
              <Link to={`${words.path}${c.id}`} target="_blank" rel="noopener">
                {c.title}
              </Link>
            </h3>
            <p className="meta">
              {t(words.owners, { owners: c.owners })} ·{' '}
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
      <h2 id="related-heading">{t(KIND[kind].relatedTitle)}</h2>
      <ul>
        {related.map((r) => (
          <li key={r.id}>
            <Link to={`${KIND[kind].path}${r.id}`}>{r.title}</Link>{' '}
            {t('overlap.related.owners', { owners: r.owners })}
          </li>
        ))}
      </ul>
    </section>
  )
}
