import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { getOptionalUser } from '~/auth/guards.server'
import { clearSessionCookie } from '~/auth/session.server'
import { logOut } from '~/models/users.server'
import { getDb } from '~/utils/db.server'
import { clientIp } from '~/utils/request.server'

/** Logging out is a POST (the header's button), so a link or an image cannot log anyone out. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await getOptionalUser(request)
  if (user) await logOut(getDb(), user.id, user.sessionId, clientIp(context))
  return redirect('/', { headers: { 'Set-Cookie': clearSessionCookie() } })
}

export async function loader() {
  return redirect('/')
}
