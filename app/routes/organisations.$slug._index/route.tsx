import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getOptionalUser, notFound } from '~/auth/guards.server'
import { FollowButton } from '~/components/follow-button'
import notificationsMessages from '~/i18n/messages/notifications'
import { isFollowing } from '~/models/follows.server'
import { OrganisationKindLabel, VerificationBadge } from '~/components/organisation-labels'
import { formatOrgNumber } from '~/i18n/format'
import { getLocale } from '~/i18n/locale.server'
import { useT } from '~/i18n/use-t'
import { getOrganisationProfile } from '~/models/organisations.server'
import { getDb } from '~/utils/db.server'
import { summary } from '~/utils/canonical'
import { pageTitle } from '~/utils/meta'
import { slugSchema } from './schema'
import type { OrganisationKind } from '#db/schema'
import type { MessageKey } from '~/i18n/messages'
import { DoneNotice } from '~/components/problem'
import { getPublicBodyShowcase, listCompanyReferences } from '~/models/showcase.server'
import { CompanySections, PublicBodySections } from './showcase-sections'
import applicationsMessages from '~/i18n/messages/applications'
import callsMessages from '~/i18n/messages/calls'
import contactsMessages from '~/i18n/messages/contacts'
import offersMessages from '~/i18n/messages/offers'
import organisationsMessages from '~/i18n/messages/organisations'
import outreachMessages from '~/i18n/messages/outreach'
import { canReachOut } from '~/domain/outreach'
import pilotsMessages from '~/i18n/messages/pilots'
import referencesMessages from '~/i18n/messages/references'
import showcaseMessages from '~/i18n/messages/showcase'
import testbedsMessages from '~/i18n/messages/testbeds'
import agendaMessages from '~/i18n/messages/agenda'
import { hasPublishedAgenda } from '~/models/agenda-reads.server'

export const handle = {
  i18n: [
    notificationsMessages,
    applicationsMessages,
    callsMessages,
    contactsMessages,
    offersMessages,
    organisationsMessages,
    outreachMessages,
    pilotsMessages,
    referencesMessages,
    showcaseMessages,
    testbedsMessages,
    agendaMessages,
  ],
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => data?.org.name ?? t('notFound.title'), undefined, {
    description: summary(data?.org.description),
  })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = slugSchema.safeParse(params.slug)
  if (!slug.success) throw notFound()
  const user = await getOptionalUser(request)
  const locale = getLocale(request)
  const org = await getOrganisationProfile(
    getDb(),
    slug.data,
    user ? { id: user.id, isPlatformAdmin: user.isPlatformAdmin } : null,
    locale,
  )
  if (!org) throw notFound()
  // What the organisation stands behind in public (issue 5): only published things.
  // Intermediaries host no pilots and are no party to a reference case (decision 026).
  const showcase =
    org.kind === 'public_body'
      ? { kind: 'public_body' as const, ...(await getPublicBodyShowcase(getDb(), org.id, locale)) }
      : org.kind === 'company'
        ? {
            kind: 'company' as const,
            references: await listCompanyReferences(getDb(), org.id, locale),
          }
        : null
  const url = new URL(request.url)
  const notice = url.searchParams.has('registered')
    ? 'registered'
    : url.searchParams.has('joined')
      ? 'joined'
      : null
  const agenda = org.public_body_type === 'region' && (await hasPublishedAgenda(getDb(), org.id))
  const follow = {
    signedIn: user !== null,
    following: await isFollowing(getDb(), user?.id, { type: 'organisation', id: org.id }),
  }
  return { org, showcase, agenda, follow, notice: org.viewer_role ? notice : null }
}

/** The organisation's own pages, for its members: what each kind of organisation manages. */
function manageLinks(org: {
  kind: OrganisationKind
  public_body_type: string | null
  viewer_role: string | null
  verification_status: string
}): Array<[string, MessageKey]> {
  const company = org.kind === 'company'
  const publicBody = org.kind === 'public_body'
  const links: Array<[string, MessageKey, boolean]> = [
    ['settings', 'orgProfile.settings', org.viewer_role === 'admin'],
    ['members', 'orgProfile.membersLink', true],
    ['test-beds', 'offers.orgLink', publicBody],
    ['calls', 'call.orgLink.calls', publicBody],
    ['initiatives', 'initiative.orgLink', !company],
    [
      'agenda/edit',
      'agenda.orgLink.edit',
      org.public_body_type === 'region' && org.verification_status === 'verified',
    ],
    ['contacts', 'contacts.orgLink.ledger', !company && org.verification_status === 'verified'],
    ['events', 'event.orgLink', !company && org.verification_status === 'verified'],
    ['contacts-about-us', 'contacts.orgLink.aboutUs', company],
    ['pilots', 'pilots.profile.pilotsLink', org.kind !== 'intermediary'],
    ['references', 'showcase.profile.manageReferences', org.kind !== 'intermediary'],
    ['state-aid', 'pilots.profile.stateAidLink', company],
    ['applications', 'applications.profileLink', company],
    ['bids', 'call.orgLink.bids', company],
    ['reach', 'outreach.orgLink.reach', canReachOut(org)],
    ['outreach', 'outreach.orgLink.sent', canReachOut(org)],
    ['outreach-received', 'outreach.orgLink.received', company],
  ]
  return links.filter(([, , shown]) => shown).map(([path, label]) => [path, label])
}

export default function OrganisationProfile() {
  const { org, showcase, agenda, follow, notice } = useLoaderData<typeof loader>()
  const t = useT()
  const base = `/organisations/${org.slug}`
  return (
    <>
      {notice ? (
        <DoneNotice>
          {notice === 'registered' ? t('orgProfile.registered') : t('orgProfile.joined')}
        </DoneNotice>
      ) : null}
      <h1>{org.name}</h1>
      <p className="meta">
        <OrganisationKindLabel
          kind={org.kind}
          publicBodyType={org.public_body_type}
          intermediaryType={org.intermediary_type}
          sizeClass={org.size_class}
        />{' '}
        <VerificationBadge status={org.verification_status} />
      </p>
      {org.viewer_role ? null : <FollowButton type="organisation" id={org.id} {...follow} />}
      {org.kind === 'company' ? (
        <p>
          <Link className="button" to={`${base}/portfolio`}>
            {t('showcase.profile.portfolioLink')}
          </Link>
        </p>
      ) : null}
      {org.viewer_role && org.verification_status === 'pending' ? (
        <div className="notice notice--warn">
          <p>{t('orgProfile.pending')}</p>
        </div>
      ) : null}
      {org.viewer_role && org.verification_status === 'rejected' ? (
        <div className="notice notice--warn">
          <p>{t('orgProfile.rejected', { note: org.verification_note ?? '' })}</p>
          {org.viewer_role === 'admin' ? <p>{t('orgProfile.rejectedHelp')}</p> : null}
        </div>
      ) : null}

      {agenda ? (
        <p>
          <Link to={`${base}/agenda`}>{t('agenda.orgLink.public')}</Link>
        </p>
      ) : null}
      {org.viewer_role ? (
        <nav aria-label={t('orgProfile.manage')}>
          <ul className="actions">
            {manageLinks(org).map(([path, label]) => (
              <li key={path}>
                <Link to={`${base}/${path}`}>{t(label)}</Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      <h2>{t('orgProfile.details')}</h2>
      <dl className="details">
        <dt>{t('orgProfile.kind')}</dt>
        <dd>
          <OrganisationKindLabel
            kind={org.kind}
            publicBodyType={org.public_body_type}
            intermediaryType={org.intermediary_type}
            sizeClass={org.size_class}
          />
        </dd>
        <dt>{t('orgProfile.orgNumber')}</dt>
        <dd>{formatOrgNumber(org.org_number)}</dd>
        <dt>{t('orgProfile.county')}</dt>
        <dd>{org.county_name}</dd>
        {org.municipality_name ? (
          <>
            <dt>{t('orgProfile.municipality')}</dt>
            <dd>{org.municipality_name}</dd>
          </>
        ) : null}
        {org.sectors.length > 0 ? (
          <>
            <dt>{t('orgProfile.sectors')}</dt>
            <dd>
              <ul className="plain-list">
                {org.sectors.map((s) => (
                  <li key={s.code}>{s.name}</li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {org.website ? (
          <>
            <dt>{t('orgProfile.website')}</dt>
            <dd>
              <a href={org.website} rel="nofollow ugc noopener noreferrer">
                {org.website}
              </a>
            </dd>
          </>
        ) : null}
        <dt>{t('orgProfile.members')}</dt>
        <dd>{org.member_count}</dd>
      </dl>

      <h2>{t('orgProfile.about')}</h2>
      {org.description ? (
        <p className="prewrap">{org.description}</p>
      ) : (
        <p className="meta">{t('orgProfile.noDescription')}</p>
      )}

      {showcase?.kind === 'public_body' ? (
        <PublicBodySections slug={org.slug} showcase={showcase} />
      ) : null}
      {showcase?.kind === 'company' ? (
        <CompanySections slug={org.slug} references={showcase.references} />
      ) : null}
    </>
  )
}
