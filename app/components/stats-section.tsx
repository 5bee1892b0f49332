import { formatNumber } from '~/i18n/format'
import { useLocale } from '~/i18n/use-t'

type Figures = ReadonlyArray<{ label: string; value: number }>

/** A few large figures, each under its label. */
export function Stats({ stats }: { stats: Figures }) {
  const locale = useLocale()
  return (
    <dl className="stats">
      {stats.map((s) => (
        <div key={s.label}>
          <dt>{s.label}</dt>
          <dd>{formatNumber(s.value, locale)}</dd>
        </div>
      ))}
    </dl>
  )
}

/** A section of figures under a heading (the home page's, an offer's). */
export function StatsSection({
  id,
  title,
  stats,
}: {
  /** The heading's id, which labels the section. */
  id: string
  title: string
  stats: Figures
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <Stats stats={stats} />
    </section>
  )
}
