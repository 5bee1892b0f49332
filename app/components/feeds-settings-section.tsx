import { Link } from '@remix-run/react'
import { useT } from '~/i18n/use-t'

// The notification settings page's section on calendar and feed addresses (decision record 038).
// The page lists `feedsMessages` in handle.i18n.

export function FeedsSettingsSection() {
  const t = useT()
  return (
    <section aria-labelledby="feeds-settings-title">
      <h2 id="feeds-settings-title">{t('feeds.settings.title')}</h2>
      <p>{t('feeds.settings.intro')}</p>
      <p>
        <Link to="/account/feeds">{t('feeds.settings.link')}</Link>
      </p>
    </section>
  )
}
