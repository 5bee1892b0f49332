import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Fragment } from 'react'
import { type ActionLink, ActionLinks } from '~/components/action-links'
import { RelatedItems } from '~/components/overlap-step'
import { PlainText } from '~/components/plain-text'
import { StatsSection } from '~/components/stats-section'
import {
  AccessModelLabel,
  ApplicationStatusBadge,
  IntakeLabel,
  OfferStatusBadge,
  TrlRange,
} from '~/components/test-bed-labels'
import { getOptionalUser, notFound } from '~/auth/guards.server'
import { FollowButton } from '~/components/follow-button'
import notificationsMessages from '~/i18n/messages/notifications'
import { isFollowing } from '~/models/follows.server'
import { formatDate, formatDateTime, formatMoney, formatNumber } from '~/i18n/format'
import { getLocale } from '~/i18n/locale.server'
import type { MessageKey } from '~/i18n/messages'
import { useLocale, useT } from '~/i18n/use-t'
import { getPublicOffer, type PublicOffer } from '~/models/test-bed-catalogue.server'
import { relatedOffers } from '~/models/test-bed-offer-overlap.server'
import { getDb } from '~/utils/db.server'
import { orNotFound } from '~/utils/domain-errors.server'
import { summary } from '~/utils/canonical'
import { pageTitle } from '~/utils/meta'
import { offerIdSchema } from './schema'
import catalogueMessages from '~/i18n/messages/catalogue'
import initiativesMessages from '~/i18n/messages/initiatives'
import overlapMessages from '~/i18n/messages/overlap'
import testbedsMessages from '~/i18n/messages/testbeds'

import feedsMessages from '~/i18n/messages/feeds'
import { CalendarLink } from '~/components/feed-link'

export const handle = {
  i18n: [
    feedsMessages,
    catalogueMessages,
    testbedsMessages,
    overlapMessages,
    initiativesMessages,
    notificationsMessages,
  ],
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => data?.offer.title ?? t('notFound.title'), undefined, {
    description: summary(data?.offer.summary),
  })

export async function loader({ request, params }: LoaderFunctionArgs) {
  const offerId = offerIdSchema.safeParse(params.offerId)
  if (!offerId.success) throw notFound()
  const user = await getOptionalUser(request)
  const db = getDb()
  const offer = await orNotFound(
    getPublicOffer(db, offerId.data, user ? { id: user.id } : null, getLocale(request)),
  )
  const url = new URL(request.url)
  return {
    offer,
    // Linked by the overlap check; a draft shows only to its own organisation (decision 030).
    related: await relatedOffers(db, offer.id, user?.id ?? null),
    loginHref: `/login?${new URLSearchParams({ redirectTo: url.pathname })}`,
    follow: {
      signedIn: user !== null,
      following: await isFollowing(db, user?.id, { type: 'test_bed', id: offer.id }),
    },
  }
}

/** What the host provides, in the order the offer form asks for it; empty ones are left out. */
const PROVIDES: {
  field: 'environments' | 'test_users' | 'staff_time' | 'data_access' | 'premises' | 'equipment'
  label: MessageKey
}[] = [
  { field: 'environments', label: 'catalogue.offer.environments' },
  { field: 'test_users', label: 'catalogue.offer.testUsers' },
  { field: 'staff_time', label: 'catalogue.offer.staffTime' },
  { field: 'data_access', label: 'catalogue.offer.dataAccess' },
  { field: 'premises', label: 'catalogue.offer.premises' },
  { field: 'equipment', label: 'catalogue.offer.equipment' },
]

export default function OfferPage() {
  const { offer, related, loginHref, follow } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  const base = `/test-beds/${offer.id}`
  const provided = PROVIDES.filter((p) => offer[p.field].trim() !== '')
  const hasRequirements =
    offer.requires_ce_marking ||
    offer.requires_dpia ||
    offer.requires_insurance ||
    offer.other_requirements.trim() !== ''
  return (
    <>
      {offer.status === 'draft' ? (
        <div className="notice notice--warn">
          <p>{t('catalogue.offer.draftNotice')}</p>
        </div>
      ) : null}
      <h1>{offer.title}</h1>
      <p className="meta">
        {t('catalogue.offer.host')}
        {': '}
        <Link to={`/organisations/${offer.host_slug}`}>{offer.host_name}</Link> ·{' '}
        <OfferStatusBadge status={offer.status} />
      </p>
      <p className="lead">{offer.summary}</p>
      {offer.status === 'draft' ? null : (
        <CalendarLink href={`/test-beds/${offer.id}/calendar.ics`} />
      )}

      <Actions offer={offer} base={base} loginHref={loginHref} />
      {offer.status === 'draft' ? null : <FollowButton type="test_bed" id={offer.id} {...follow} />}

      <StatsSection
        id="facts-title"
        title={t('catalogue.offer.facts')}
        stats={[
          { label: t('catalogue.offer.runningPilots'), value: offer.running_pilots },
          { label: t('catalogue.offer.applicationsReceived'), value: offer.applications_received },
          { label: t('catalogue.offer.capacity'), value: offer.capacity },
        ]}
      />

      <section aria-labelledby="about-title">
        <h2 id="about-title">{t('catalogue.offer.about')}</h2>
        <PlainText text={offer.description} />
        <dl className="details">
          <dt>{t('catalogue.offer.county')}</dt>
          <dd>{offer.county_name}</dd>
          {offer.municipality_name ? (
            <>
              <dt>{t('catalogue.offer.municipality')}</dt>
              <dd>{offer.municipality_name}</dd>
            </>
          ) : null}
          {offer.places.trim() ? (
            <>
              <dt>{t('catalogue.offer.places')}</dt>
              <dd className="prewrap">{offer.places}</dd>
            </>
          ) : null}
          {offer.themes.length > 0 ? (
            <>
              <dt>{t('catalogue.offer.themes')}</dt>
              <dd>
                <ul className="plain-list">
                  {offer.themes.map((th) => (
                    <li key={th.code}>{th.name}</li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="provides-title">
        <h2 id="provides-title">{t('catalogue.offer.provides')}</h2>
        {provided.length === 0 && offer.test_user_count === null ? (
          <p>{t('catalogue.offer.providesNone')}</p>
        ) : (
          <dl className="details">
            {provided.map((p) => (
              <Fragment key={p.field}>
                <dt>{t(p.label)}</dt>
                <dd>
                  <PlainText text={offer[p.field]} />
                </dd>
              </Fragment>
            ))}
            {offer.test_user_count !== null ? (
              <>
                <dt>{t('catalogue.offer.testUserCount')}</dt>
                <dd>{formatNumber(offer.test_user_count, locale)}</dd>
              </>
            ) : null}
          </dl>
        )}
      </section>

      <section aria-labelledby="accepts-title">
        <h2 id="accepts-title">{t('catalogue.offer.accepts')}</h2>
        <dl className="details">
          <dt>{t('catalogue.offer.trl')}</dt>
          <dd>
            <TrlRange min={offer.trl_min} max={offer.trl_max} />
          </dd>
          <dt>{t('catalogue.offer.requirements')}</dt>
          <dd>
            {hasRequirements ? (
              <ul>
                {offer.requires_ce_marking ? <li>{t('catalogue.offer.requiresCe')}</li> : null}
                {offer.requires_dpia ? <li>{t('catalogue.offer.requiresDpia')}</li> : null}
                {offer.requires_insurance ? (
                  <li>{t('catalogue.offer.requiresInsurance')}</li>
                ) : null}
              </ul>
            ) : (
              t('catalogue.offer.noRequirements')
            )}
          </dd>
          {offer.other_requirements.trim() ? (
            <>
              <dt>{t('catalogue.offer.otherRequirements')}</dt>
              <dd>
                <PlainText text={offer.other_requirements} />
              </dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="capacity-title">
        <h2 id="capacity-title">{t('catalogue.offer.capacityTitle')}</h2>
        <dl className="details">
          <dt>{t('catalogue.offer.capacity')}</dt>
          <dd>
            {offer.capacity === 1
              ? t('catalogue.offer.capacityOne')
              : t('catalogue.offer.capacityValue', { count: offer.capacity })}
          </dd>
          <dt>{t('catalogue.offer.availability')}</dt>
          <dd>
            {offer.available_until === null
              ? t('catalogue.offer.availableFrom', {
                  from: formatDate(offer.available_from, locale),
                })
              : t('catalogue.offer.availableRange', {
                  from: formatDate(offer.available_from, locale),
                  until: formatDate(offer.available_until, locale),
                })}
          </dd>
        </dl>
      </section>

      <section aria-labelledby="intake-title">
        <h2 id="intake-title">{t('catalogue.offer.intakeTitle')}</h2>
        <dl className="details">
          <dt>{t('catalogue.offer.intake')}</dt>
          <dd>
            {t(`testBed.intake.${offer.intake}`)}
            {' – '}
            {t(
              offer.intake === 'round' ? 'testBed.intake.roundHelp' : 'testBed.intake.rollingHelp',
            )}
          </dd>
          {offer.deadline !== null ? (
            <>
              <dt>{t('catalogue.offer.deadline')}</dt>
              <dd>{formatDateTime(offer.deadline, locale)}</dd>
            </>
          ) : null}
        </dl>
      </section>

      <section aria-labelledby="access-title">
        <h2 id="access-title">{t('catalogue.offer.accessTitle')}</h2>
        <dl className="details">
          <dt>{t('catalogue.offer.access')}</dt>
          <dd>
            <AccessModelLabel model={offer.access_model} />
          </dd>
          <dt>{t('catalogue.offer.marketValue')}</dt>
          <dd>{formatMoney(offer.market_value_sek, locale)}</dd>
          <dt>{t('catalogue.offer.price')}</dt>
          <dd>{formatMoney(offer.price_sek, locale)}</dd>
        </dl>
        {offer.aid_sek > 0 ? (
          <p>{t('catalogue.offer.aidExplanation', { aid: formatMoney(offer.aid_sek, locale) })}</p>
        ) : null}
      </section>

      <section aria-labelledby="criteria-title">
        <h2 id="criteria-title">{t('catalogue.offer.criteria')}</h2>
        <p>{t('catalogue.offer.criteriaIntro')}</p>
        <ol className="criteria-list">
          {offer.criteria.map((c) => (
            <li key={c.id}>
              <strong>{c.title}</strong>{' '}
              <span className="meta">({t(`testBed.criterion.kind.${c.kind}`)})</span>
              {c.description.trim() ? <PlainText text={c.description} /> : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="contact-title">
        <h2 id="contact-title">{t('catalogue.offer.contact')}</h2>
        <dl className="details">
          <dt>{t('catalogue.offer.contactRole')}</dt>
          <dd>{offer.contact_role}</dd>
          <dt>{t('catalogue.offer.contactEmail')}</dt>
          <dd>
            <a href={`mailto:${offer.contact_email}`}>{offer.contact_email}</a>
          </dd>
        </dl>
        {offer.published_at !== null ? (
          <p className="meta">
            {t('catalogue.offer.published', { date: formatDate(offer.published_at, locale) })}
          </p>
        ) : null}
        {offer.status !== 'draft' ? (
          <p>
            <Link to={`${base}/history`}>{t('catalogue.offer.history')}</Link>
          </p>
        ) : null}
      </section>

      <RelatedItems related={related} kind="offer" />
    </>
  )
}

/** What this viewer can do with the offer: manage it, apply, see their application, or log in. */
function Actions({
  offer,
  base,
  loginHref,
}: {
  offer: PublicOffer
  base: string
  loginHref: string
}) {
  const t = useT()
  const { viewer } = offer
  const links: ActionLink[] = []
  if (viewer.is_host_member) {
    links.push({
      key: 'edit',
      node: (
        <Link className="button" to={`${base}/edit`}>
          {t('catalogue.offer.hostManage')}
        </Link>
      ),
    })
    links.push({
      key: 'applications',
      node: (
        <Link className="button button--secondary" to={`${base}/applications`}>
          {t('catalogue.offer.hostApplications')}
        </Link>
      ),
    })
  }
  for (const company of viewer.companies) {
    if (company.application) {
      links.push({
        key: `app-${company.id}`,
        node: (
          <>
            <Link to={`/applications/${company.application.id}`}>
              {t('catalogue.offer.yourApplication', { company: company.name })}
            </Link>{' '}
            <ApplicationStatusBadge status={company.application.status} />
          </>
        ),
      })
    } else if (offer.open_now) {
      const many = viewer.companies.length > 1
      links.push({
        key: `apply-${company.id}`,
        node: (
          <Link
            className="button"
            to={`${base}/apply?${new URLSearchParams({ company: company.slug })}`}
          >
            {many
              ? t('catalogue.offer.applyAs', { company: company.name })
              : t('catalogue.offer.apply')}
          </Link>
        ),
      })
    }
  }
  if (!viewer.signed_in && offer.open_now) {
    links.push({
      key: 'login',
      node: (
        <Link className="button" to={loginHref}>
          {t('catalogue.offer.loginToApply')}
        </Link>
      ),
    })
  }
  const noCompany =
    viewer.signed_in && !viewer.is_host_member && viewer.companies.length === 0 && offer.open_now
  return (
    <section aria-labelledby="actions-title" className="offer-actions">
      <h2 id="actions-title">{t('catalogue.offer.actions')}</h2>
      {offer.closed_reason ? (
        <div className="notice notice--warn">
          <p>{t(`catalogue.offer.closed.${offer.closed_reason}`)}</p>
        </div>
      ) : (
        <p>
          <IntakeLabel intake={offer.intake} deadline={offer.deadline} />
          {' · '}
          {t('catalogue.offer.openNow')}
        </p>
      )}
      {noCompany ? (
        <p>
          {t('catalogue.offer.noCompany')}{' '}
          <Link to="/organisations/new">{t('catalogue.offer.registerCompany')}</Link>
        </p>
      ) : null}
      <ActionLinks links={links} />
    </section>
  )
}
