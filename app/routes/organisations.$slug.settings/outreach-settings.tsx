import { Link } from '@remix-run/react'
import { useT } from '~/i18n/use-t'

// The company's outreach choice lives on its outreach page (decision record 032), where the link in
// every outreach mail leads; settings points there.
export function OutreachSettingsSection({ slug }: { slug: string }) {
  const t = useT()
  return (
    <section aria-labelledby="outreach-settings-title">
      <h2 id="outreach-settings-title">{t('outreach.settings.title')}</h2>
      <p>
        <Link to={`/organisations/${slug}/outreach-received`}>{t('outreach.settings.link')}</Link>
      </p>
    </section>
  )
}
