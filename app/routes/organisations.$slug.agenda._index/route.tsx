import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getOptionalUser, notFound } from '~/auth/guards.server'
import { FollowButton } from '~/components/follow-button'
import notificationsMessages from '~/i18n/messages/notifications'
import { isFollowing } from '~/models/follows.server'
import { formatDay, IndicatorFigures } from '~/components/agenda-figures'
import { DoneNotice } from '~/components/problem'
import { getLocale } from '~/i18n/locale.server'
import { useLocale, useT } from '~/i18n/use-t'
import { getAgendaPage } from '~/models/agenda-reads.server'
import { getDb } from '~/utils/db.server'
import { orNotFound } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { slugSchema } from '~/utils/slug'
import agendaMessages from '~/i18n/messages/agenda'

// A region's agenda, "hit ska vi" (decision record 033): public once published; a draft only for
// its editors. Per goal, each indicator's progress as a chart with a table beside it, and the
// initiatives that serve the goal.

export const handle = { i18n: [agendaMessages, notificationsMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) => data?.agenda.title ?? t('notFound.title'))

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = slugSchema.safeParse(params.slug)
  if (!slug.success) throw notFound()
  const user = await getOptionalUser(request)
  const page = await orNotFound(
    getAgendaPage(getDb(), slug.data, user?.id ?? null, getLocale(request)),
  )
  const notice = new URL(request.url).searchParams.get('notice') === 'published'
  const follow = {
    signedIn: user !== null,
    following: await isFollowing(getDb(), user?.id, { type: 'agenda', id: page.agenda.id }),
  }
  return { ...page, notice, follow }
}

export default function AgendaPage() {
  const { region, agenda, editor, coOwners, goals, notice, follow } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  const owners = [region.name, ...coOwners.map((c) => c.name)].join(' + ')
  return (
    <>
      {notice ? <DoneNotice>{t('agenda.published')}</DoneNotice> : null}
      <h1>{agenda.title}</h1>
      <p className="meta">
        {t('agenda.owners', { owners })}
        {' · '}
        {t('agenda.since', { date: formatDay(agenda.starts_on, locale) })}
      </p>
      {agenda.status === 'draft' ? (
        <div className="notice notice--warn">
          <p>{t('agenda.draftNotice')}</p>
        </div>
      ) : null}
      <p className="prewrap">{agenda.summary}</p>
      {agenda.status === 'published' && !editor ? (
        <FollowButton type="agenda" id={agenda.id} {...follow} />
      ) : null}
      <p>
        <Link to={`/organisations/${region.slug}`}>
          {t('agenda.toRegion', { name: region.name })}
        </Link>
        {editor ? (
          <>
            {' · '}
            <Link to={`/organisations/${region.slug}/agenda/edit`}>{t('agenda.editLink')}</Link>
          </>
        ) : null}
      </p>
      <p className="meta">{t('agenda.liveExplained')}</p>
      {goals.length === 0 ? <p>{t('agenda.noGoals')}</p> : null}
      {goals.map((goal, index) => (
        <section key={goal.id} aria-labelledby={`goal-${goal.id}`} className="agenda-goal">
          <h2 id={`goal-${goal.id}`}>
            {t('agenda.goalHeading', { number: index + 1, title: goal.title })}
          </h2>
          {goal.status === 'draft' ? <p className="meta">{t('agenda.goalDraft')}</p> : null}
          {goal.description ? <p className="prewrap">{goal.description}</p> : null}
          {goal.indicators.map((indicator) => (
            <section key={indicator.id} aria-labelledby={`indicator-${indicator.id}`}>
              <h3 id={`indicator-${indicator.id}`}>{indicator.label}</h3>
              <IndicatorFigures indicator={indicator} />
            </section>
          ))}
          <h3>{t('agenda.initiativesTitle')}</h3>
          {goal.initiatives.length === 0 ? (
            <p>{t('agenda.noInitiatives')}</p>
          ) : (
            <ul>
              {goal.initiatives.map((i) => (
                <li key={i.id}>
                  <Link to={`/initiatives/${i.id}`}>{i.title}</Link>{' '}
                  <span className="meta">({i.owner_name})</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  )
}
