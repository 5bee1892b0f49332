import { Form, Link, useLocation, useSearchParams } from '@remix-run/react'
import type { FollowTarget } from '#db/schema'
import { useT } from '~/i18n/use-t'

/**
 * Follow or stop following something (decision record 035): a plain form posted to /follow, which
 * comes back here; a visitor gets a link to log in first. The route must declare the
 * notifications messages (handle.i18n).
 */
export function FollowButton({
  type,
  id,
  following,
  signedIn,
}: {
  type: FollowTarget
  id: number
  following: boolean
  signedIn: boolean
}) {
  const t = useT()
  const location = useLocation()
  const [params] = useSearchParams()
  const here = location.pathname
  const done = params.get('follow')
  if (!signedIn) {
    return (
      <p className="follow">
        <Link to={`/login?${new URLSearchParams({ redirectTo: here })}`}>
          {t('notifications.followLogin')}
        </Link>
      </p>
    )
  }
  return (
    <Form method="post" action="/follow" className="follow" id="follow">
      <input type="hidden" name="type" value={type} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="redirectTo" value={here} />
      {done === 'added' || done === 'removed' ? (
        <p role="status" className="notice notice--ok">
          {t(done === 'added' ? 'notifications.followed' : 'notifications.unfollowed')}
        </p>
      ) : null}
      <p>{following ? t(`notifications.following.${type}`) : t('notifications.followExplain')}</p>
      <button
        type="submit"
        name="intent"
        value={following ? 'unfollow' : 'follow'}
        className={following ? 'button button--secondary' : 'button'}
      >
        {following ? t('notifications.unfollow') : t(`notifications.follow.${type}`)}
      </button>
    </Form>
  )
}
