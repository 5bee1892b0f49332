import { type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { notFound, requireUser } from '~/auth/guards.server'
import { openNotification } from '~/models/notifications.server'
import { getDb } from '~/utils/db.server'

// Opening a notification marks it read and goes to the page it is about. Someone else's: 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const id = Number(params.notificationId)
  if (!/^[1-9][0-9]{0,14}$/.test(params.notificationId ?? '')) throw notFound()
  const path = await openNotification(getDb(), user.id, id)
  if (!path) throw notFound()
  return redirect(path)
}
