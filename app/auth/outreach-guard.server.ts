import { canReachOut } from '~/domain/outreach'
import { notFound } from './guards.server'
import { requireOrganisationMember } from './organisation-guard.server'

/**
 * A member of a verified region or intermediary (decision record 032): the SME reach page and
 * outreach are theirs. To anyone else the pages do not exist: 404.
 */
export async function requireOutreachSender(request: Request, params: { slug?: string }) {
  const { user, org } = await requireOrganisationMember(request, params)
  if (!canReachOut(org)) throw notFound()
  return { user, org }
}
