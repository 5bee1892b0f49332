import type { ReactNode } from 'react'
import type { CompetitionPlacement, CompetitionStatus } from '#db/schema'
import { useLocale, useT } from '~/i18n/use-t'

const STATUS_TONE: Record<CompetitionStatus, string> = {
  nominating: 'badge--ok',
  judging: 'badge--info',
  published: 'badge--muted',
}

/** "Nominering pågår", "Juryn arbetar", "Resultatet publicerat": where a year stands, in words. */
export function CompetitionStatusBadge({ status }: { status: CompetitionStatus }) {
  const t = useT()
  return <span className={`badge ${STATUS_TONE[status]}`}>{t(`competition.status.${status}`)}</span>
}

/** "Vinnare" or "Hedersomnämnande", as a badge (the word carries it, not the colour). */
export function PlacementBadge({ placement }: { placement: CompetitionPlacement }) {
  const t = useT()
  return (
    <span className={`badge ${placement === 'winner' ? 'badge--ok' : 'badge--info'}`}>
      {t(`competition.placement.${placement}`)}
    </span>
  )
}

/**
 * A reference's title in the viewer's language: the English title on an English page when the
 * case has one, otherwise the Swedish title, marked as Swedish on an English page.
 */
export function ReferenceTitle({ titleSv, titleEn }: { titleSv: string; titleEn: string | null }) {
  const locale = useLocale()
  if (locale === 'en' && titleEn) return <>{titleEn}</>
  if (locale === 'en') return <span lang="sv">{titleSv}</span>
  return <>{titleSv}</>
}

/** Text written in one language, marked when it differs from the page's. */
export function InLanguage({ lang, children }: { lang: 'sv' | 'en'; children: ReactNode }) {
  const locale = useLocale()
  return <div lang={lang === locale ? undefined : lang}>{children}</div>
}
