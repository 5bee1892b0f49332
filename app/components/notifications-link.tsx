import { NavLink } from '@remix-run/react'
import { useT } from '~/i18n/use-t'

/** The header's link to the notifications, with the unread count ("99+" above 99). */
export function NotificationsLink({ unread }: { unread: number }) {
  const t = useT()
  const shown = unread > 99 ? '99+' : String(unread)
  return (
    <NavLink
      to="/notifications"
      aria-label={unread > 0 ? t('nav.notificationsUnread', { count: shown }) : undefined}
    >
      {t('nav.notifications')}
      {unread > 0 ? (
        <span className="badge" aria-hidden="true">
          {shown}
        </span>
      ) : null}
    </NavLink>
  )
}
