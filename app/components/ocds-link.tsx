import { useT } from '~/i18n/use-t'

// The small "Open data (OCDS)" link of a public call to its OCDS record package (decision record
// 040). A route that renders it lists `ocdsMessages` in handle.i18n.

export function OcdsRecordLink({ href }: { href: string }) {
  const t = useT()
  return (
    <p className="calendar-link">
      <a href={href} type="application/json">
        {t('ocds.record.link')}
      </a>
    </p>
  )
}
