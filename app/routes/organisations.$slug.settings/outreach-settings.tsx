import { Link } from '@remix-run/react'
import { OutreachOptOutForm } from '~/components/outreach-opt-out'
import { useT } from '~/i18n/use-t'

// The company's choice to receive no outreach (decision record 032). The form posts to the
// company's outreach page, where the link in every outreach mail leads and its answer is shown.
export function OutreachSettingsSection({ slug, optedOut }: { slug: string; optedOut: boolean }) {
  const t = useT()
  return (
    <section aria-labelledby="outreach-settings-title">
      <h2 id="outreach-settings-title">{t('outreach.settings.title')}</h2>
      <OutreachOptOutForm id="outreach-settings" slug={slug} optedOut={optedOut} />
      <p>
        <Link to={`/organisations/${slug}/outreach-received`}>{t('outreach.settings.link')}</Link>
      </p>
    </section>
  )
}
