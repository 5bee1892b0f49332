import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { z } from 'zod'
import { notFound, requireUser } from '~/auth/guards.server'
import { FOLLOW_TARGETS } from '~/domain/vocabularies'
import { follow, unfollow } from '~/models/follows.server'
import { orNotFound } from '~/utils/domain-errors.server'
import { getDb } from '~/utils/db.server'
import { clientIp, safeRedirect } from '~/utils/request.server'

// Follow or stop following (decision record 035): the FollowButton's form, from any page. Something
// the public cannot see answers 404; then back to the page, which says what happened.

const schema = z.object({
  type: z.enum(FOLLOW_TARGETS),
  id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  intent: z.enum(['follow', 'unfollow']),
  redirectTo: z.string().max(500).optional(),
})

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const parsed = schema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) throw notFound()
  const input = {
    userId: user.id,
    target: { type: parsed.data.type, id: parsed.data.id },
    ip: clientIp(context),
  }
  const db = getDb()
  await orNotFound(parsed.data.intent === 'follow' ? follow(db, input) : unfollow(db, input))
  const back = safeRedirect(parsed.data.redirectTo, '/account/notifications')
  const url = new URL(back, 'http://localhost')
  url.searchParams.set('follow', parsed.data.intent === 'follow' ? 'added' : 'removed')
  return redirect(`${url.pathname}${url.search}#follow`)
}

export async function loader() {
  return redirect('/account/notifications')
}
