import type { MemberRole } from '#db/schema'
import { getOrganisationForMember } from '~/models/organisations.server'
import { getDb } from '~/utils/db.server'
import { slugSchema } from '~/utils/slug'
import { notFound, requireUser } from './guards.server'

/**
 * The signed-in user and the organisation named by the `slug` param, when the user is a member
 * (with `role: 'admin'`, an administrator). To anyone else the page does not exist: 404.
 */
export async function requireOrganisationMember(
  request: Request,
  params: { slug?: string },
  options: { role?: MemberRole } = {},
) {
  const user = await requireUser(request)
  const slug = slugSchema.safeParse(params.slug)
  if (!slug.success) throw notFound()
  const org = await getOrganisationForMember(getDb(), slug.data, user.id)
  if (!org || (options.role === 'admin' && org.role !== 'admin')) throw notFound()
  return { user, org }
}
