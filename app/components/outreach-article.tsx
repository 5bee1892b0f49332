import type { SizeClass } from '#db/schema'
import { useT } from '~/i18n/use-t'

// One sent outreach (decision record 032): subject, who sent it when, the message, the criteria it
// was sent by and how many companies it reached. The sender's list and the company's list show it.

export interface OutreachView {
  subject: string
  body: string
  matched_count: number
  opted_out_count: number
  recipient_count: number
  criteria: {
    size_classes: SizeClass[]
    sectors: string[]
    county: string | null
    municipalities: string[]
    themes: string[]
  }
}

export function OutreachArticle({
  outreach,
  byline,
  level = 3,
}: {
  outreach: OutreachView
  byline: string
  /** The heading level of the subject: 2 on a page of outreaches, 3 inside a section. */
  level?: 2 | 3
}) {
  const t = useT()
  const Heading = level === 2 ? 'h2' : 'h3'
  const { criteria } = outreach
  const all = t('outreach.criteria.all')
  return (
    <article className="card outreach-article">
      <Heading>{outreach.subject}</Heading>
      <p className="meta">{byline}</p>
      <p className="prewrap">{outreach.body}</p>
      <dl className="details">
        <dt>{t('outreach.criteria.size')}</dt>
        <dd>{criteria.size_classes.map((s) => t(`org.size.${s}`)).join(', ')}</dd>
        <dt>{t('outreach.criteria.sectors')}</dt>
        <dd>{criteria.sectors.length ? criteria.sectors.join(', ') : all}</dd>
        <dt>{t('outreach.criteria.area')}</dt>
        <dd>
          {criteria.municipalities.length
            ? `${criteria.municipalities.join(', ')} (${criteria.county ?? ''})`
            : (criteria.county ?? t('outreach.criteria.sweden'))}
        </dd>
        <dt>{t('outreach.criteria.themes')}</dt>
        <dd>{criteria.themes.length ? criteria.themes.join(', ') : all}</dd>
      </dl>
      <p>
        {t('outreach.counts', {
          recipients: outreach.recipient_count,
          matched: outreach.matched_count,
          optedOut: outreach.opted_out_count,
        })}
      </p>
    </article>
  )
}
