import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { getOptionalUser, notFound, requireUser } from '~/auth/guards.server'
import { FollowButton } from '~/components/follow-button'
import notificationsMessages from '~/i18n/messages/notifications'
import { isFollowing } from '~/models/follows.server'
import { InitiativePeriod, InitiativeStatusBadge, ownerNames } from '~/components/initiative-card'
import { RelatedItems } from '~/components/overlap-step'
import { PlainText } from '~/components/plain-text'
import { DoneNotice } from '~/components/problem'
import { getLocale } from '~/i18n/locale.server'
import type { MessageKey } from '~/i18n/messages'
import { useT } from '~/i18n/use-t'
import { decideCoOwnership, requestCoOwnership } from '~/models/initiative-owners.server'
import { INITIATIVE_EVENTS, listInitiativeEvents } from '~/models/event-reads.server'
import { getInitiative } from '~/models/initiative-reads.server'
import { recordedChecks, relatedInitiatives } from '~/models/initiative-overlap.server'
import { changeInitiativeStatus, nextStatuses } from '~/models/initiatives.server'
import { getDb } from '~/utils/db.server'
import { orNotFound, refusal } from '~/utils/domain-errors.server'
import {
  decideSchema,
  initiativeIdSchema,
  requestSchema,
  statusSchema,
} from '~/utils/initiative-schema'
import { summary } from '~/utils/canonical'
import { pageTitle } from '~/utils/meta'
import { clientIp } from '~/utils/request.server'
import { InitiativeActions } from './actions-section'
import { InitiativeEvents } from './events-section'
import { RecordedChecks } from './overlap-section'
import cpvMessages from '~/i18n/messages/cpv'
import errorsMessages from '~/i18n/messages/errors'
import initiativesMessages from '~/i18n/messages/initiatives'
import testbedsMessages from '~/i18n/messages/testbeds'
import callsMessages from '~/i18n/messages/calls'
import overlapMessages from '~/i18n/messages/overlap'
import eventsMessages from '~/i18n/messages/events'

export const handle = {
  i18n: [
    notificationsMessages,
    initiativesMessages,
    cpvMessages,
    errorsMessages,
    testbedsMessages,
    callsMessages,
    overlapMessages,
    eventsMessages,
  ],
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => (data ? data.page.initiative.title : t('notFound.title')), undefined, {
    description: summary(data?.page.initiative.summary),
  })

const NOTICES = ['created', 'saved', 'status', 'requested', 'accepted', 'declined'] as const

function idOf(params: { initiativeId?: string }) {
  const id = initiativeIdSchema.safeParse(params.initiativeId)
  if (!id.success) throw notFound()
  return id.data
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request)
  const db = getDb()
  const page = await orNotFound(
    getInitiative(db, idOf(params), user?.id ?? null, getLocale(request)),
  )
  const notice = new URL(request.url).searchParams.get('notice')
  const events = await listInitiativeEvents(db, page.initiative.id)
  return {
    page,
    events: {
      ...events,
      full:
        events.upcoming.length === INITIATIVE_EVENTS.upcoming ||
        events.past.length === INITIATIVE_EVENTS.past,
    },
    related: await relatedInitiatives(db, page.initiative.id),
    checks: await recordedChecks(db, page.initiative.id, user?.id ?? null),
    next: page.viewer.isEditor ? nextStatuses(page.initiative.status) : [],
    follow: {
      signedIn: user !== null,
      following: await isFollowing(db, user?.id, { type: 'initiative', id: page.initiative.id }),
    },
    notice: NOTICES.find((n) => n === notice) ?? null,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const id = idOf(params)
  const db = getDb()
  const form = Object.fromEntries(await request.formData())
  const ip = clientIp(context)
  const fail = (intent: string, error: string) => data({ intent, error }, { status: 400 })
  try {
    if (form.intent === 'status') {
      const parsed = statusSchema.safeParse(form)
      if (!parsed.success) return fail('status', 'errors.choose')
      await changeInitiativeStatus(db, {
        initiativeId: id,
        userId: user.id,
        status: parsed.data.status,
        ip,
      })
      return redirect(`/initiatives/${id}?notice=status`)
    }
    if (form.intent === 'request') {
      const parsed = requestSchema.safeParse(form)
      if (!parsed.success) return fail('request', 'errors.choose')
      await requestCoOwnership(db, {
        initiativeId: id,
        organisationId: parsed.data.organisation_id,
        userId: user.id,
        ip,
      })
      return redirect(`/initiatives/${id}?notice=requested`)
    }
    const parsed = decideSchema.safeParse(form)
    if (!parsed.success) throw notFound()
    const accept = parsed.data.intent === 'accept'
    const reason = parsed.data.reason || null
    if (!accept && (!reason || reason.length < 5)) {
      return fail(`decline-${parsed.data.organisation_id}`, 'errors.domain.reason_required')
    }
    await decideCoOwnership(db, {
      initiativeId: id,
      organisationId: parsed.data.organisation_id,
      userId: user.id,
      accept,
      reason,
      ip,
    })
    return redirect(`/initiatives/${id}?notice=${accept ? 'accepted' : 'declined'}`)
  } catch (error) {
    const { messageKey } = refusal(error)
    return fail(String(form.intent ?? ''), messageKey)
  }
}

function Codes({ label, items }: { label: string; items: readonly string[] }) {
  const t = useT()
  return (
    <>
      <dt>{label}</dt>
      <dd>{items.length ? items.join(', ') : t('initiativePage.none')}</dd>
    </>
  )
}

export default function InitiativePage() {
  const { page, events, next, notice, related, checks, follow } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const i = page.initiative
  const linkedCount = page.calls.length + page.offers.length
  return (
    <div className="initiative-page">
      {notice ? (
        <DoneNotice>{t(`initiativePage.notice.${notice}` as MessageKey)}</DoneNotice>
      ) : null}
      <h1>{i.title}</h1>
      <p className="lead">
        <span className="visually-hidden">{t('initiative.owners')}: </span>
        {page.owners.map((o, index) => (
          <span key={o.id}>
            {index > 0 ? ' + ' : null}
            <Link to={`/organisations/${o.slug}`}>{o.name}</Link>
          </span>
        ))}
      </p>
      <p className="visually-hidden">{ownerNames(page.owners)}</p>
      <p>{i.summary}</p>
      {page.viewer.isEditor ? null : <FollowButton type="initiative" id={i.id} {...follow} />}
      {page.viewer.isEditor ? (
        <p>
          <Link to={`/initiatives/${i.id}/edit`} className="button button--secondary">
            {t('initiativePage.edit')}
          </Link>
        </p>
      ) : null}
      <dl className="details">
        <dt>{t('initiativePage.kind')}</dt>
        <dd>{t(`initiative.kind.${i.kind}` as MessageKey)}</dd>
        <dt>{t('initiativePage.status')}</dt>
        <dd>
          <InitiativeStatusBadge status={i.status} />
        </dd>
        <dt>{t('initiativePage.period')}</dt>
        <dd>
          <InitiativePeriod from={i.starts_on} to={i.ends_on} />
        </dd>
        <dt>{t('initiativePage.budget')}</dt>
        <dd>{t(`initiative.budget.${i.budget_band}` as MessageKey)}</dd>
        <dt>{t('initiativePage.contact')}</dt>
        <dd>
          {i.contact_role}
          {', '}
          <a href={`mailto:${i.contact_email}`}>{i.contact_email}</a>
        </dd>
      </dl>
      {i.description ? (
        <section aria-labelledby="description-heading">
          <h2 id="description-heading">{t('initiativePage.description')}</h2>
          <PlainText text={i.description} />
        </section>
      ) : null}
      <section aria-labelledby="targets-heading">
        <h2 id="targets-heading">{t('initiativePage.targets')}</h2>
        <dl className="details">
          <Codes label={t('initiativePage.themes')} items={page.themes.map((x) => x.name)} />
          <Codes
            label={t('initiativePage.cpv')}
            items={page.cpv.map((x) => `${x.code} ${x.label}`)}
          />
          <Codes
            label={t('initiativePage.sizes')}
            items={page.sizeClasses.map((s) => t(`initiative.size.${s}` as MessageKey))}
          />
          <Codes label={t('initiativePage.sectors')} items={page.sectors.map((x) => x.name)} />
          <Codes label={t('initiativePage.counties')} items={page.counties.map((x) => x.name)} />
          <Codes
            label={t('initiativePage.municipalities')}
            items={page.municipalities.map((x) => x.name)}
          />
        </dl>
      </section>
      <section aria-labelledby="linked-heading">
        <h2 id="linked-heading">{t('initiativePage.linked')}</h2>
        {linkedCount === 0 ? <p>{t('initiativePage.noLinked')}</p> : null}
        {page.offers.length > 0 ? (
          <>
            <h3>{t('initiativePage.offers')}</h3>
            <ul>
              {page.offers.map((o) => (
                <li key={o.id}>
                  <Link to={`/test-beds/${o.id}`}>{o.title}</Link>{' '}
                  {o.status === 'draft' ? t('initiativePage.draft') : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {page.calls.length > 0 ? (
          <>
            <h3>{t('initiativePage.calls')}</h3>
            <ul>
              {page.calls.map((c) => (
                <li key={c.id}>
                  <Link to={c.status === 'draft' ? `/calls/${c.id}/edit` : `/calls/${c.id}`}>
                    {c.title}
                  </Link>{' '}
                  {c.status === 'draft' ? t('initiativePage.draft') : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <InitiativeEvents upcoming={events.upcoming} past={events.past} full={events.full} />
      <RelatedItems related={related} />
      <RecordedChecks checks={checks} />
      <InitiativeActions page={page} next={next} failed={actionData ?? null} />
    </div>
  )
}
