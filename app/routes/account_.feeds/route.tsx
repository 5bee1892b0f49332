import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { notFound, requireUser } from '~/auth/guards.server'
import { DoneNotice } from '~/components/problem'
import { formatDate } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import {
  feedTokenStatus,
  issueCalendarToken,
  issueSavedSearchFeedToken,
  revokeCalendarToken,
  revokeSavedSearchFeedToken,
} from '~/models/feed-tokens.server'
import { getDb } from '~/utils/db.server'
import { orNotFound } from '~/utils/domain-errors.server'
import { getEnv } from '~/utils/env.server'
import { pageTitle } from '~/utils/meta'
import { feedTokenFormSchema } from './schema'
import feedsMessages from '~/i18n/messages/feeds'

// A person's secret calendar and saved-search feed addresses (decision record 038): create or
// regenerate one (shown once, in the answer to the POST), or revoke it.

export const handle = { i18n: [feedsMessages] }

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'feeds.settings.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return feedTokenStatus(getDb(), user.id)
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const form = feedTokenFormSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!form.success) throw notFound()
  const db = getDb()
  const origin = getEnv().APP_ORIGIN
  switch (form.data.intent) {
    case 'calendar_create': {
      const token = await issueCalendarToken(db, user.id)
      return { created: `${origin}/calendar/${token}.ics`, revoked: false }
    }
    case 'calendar_revoke':
      await revokeCalendarToken(db, user.id)
      return { created: null, revoked: true }
    case 'search_create': {
      const token = await orNotFound(issueSavedSearchFeedToken(db, user.id, form.data.searchId))
      return { created: `${origin}/search-feeds/${token}.atom`, revoked: false }
    }
    case 'search_revoke':
      await revokeSavedSearchFeedToken(db, user.id, form.data.searchId)
      return { created: null, revoked: true }
  }
}

export default function FeedAddresses() {
  const { calendarSince, searches } = useLoaderData<typeof loader>()
  const answer = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  return (
    <>
      {answer?.revoked ? <DoneNotice>{t('feeds.settings.revoked')}</DoneNotice> : null}
      <h1>{t('feeds.settings.title')}</h1>
      <p>
        <Link to="/account/notifications">{t('feeds.settings.back')}</Link>
      </p>
      <p>{t('feeds.settings.intro')}</p>
      {answer?.created ? (
        <div className="notice notice--ok" role="status">
          <p>{t('feeds.settings.created')}</p>
          <p className="secret-address">
            <code>{answer.created}</code>
          </p>
        </div>
      ) : null}

      <section aria-labelledby="calendar-title">
        <h2 id="calendar-title">{t('feeds.settings.calendarTitle')}</h2>
        <p>{t('feeds.settings.calendarHow')}</p>
        <p>
          {calendarSince === null
            ? t('feeds.settings.calendarNone')
            : t('feeds.settings.calendarSince', { date: formatDate(calendarSince, locale) })}
        </p>
        <Form method="post" className="actions">
          <button type="submit" name="intent" value="calendar_create">
            {calendarSince === null
              ? t('feeds.settings.calendarCreate')
              : t('feeds.settings.calendarRegenerate')}
          </button>
          {calendarSince === null ? null : (
            <button
              type="submit"
              name="intent"
              value="calendar_revoke"
              className="button button--secondary"
            >
              {t('feeds.settings.calendarRevoke')}
            </button>
          )}
        </Form>
      </section>

      <section aria-labelledby="search-feeds-title">
        <h2 id="search-feeds-title">{t('feeds.settings.searchesTitle')}</h2>
        <p>{t('feeds.settings.searchesHow')}</p>
        {searches.length === 0 ? (
          <p>{t('feeds.settings.searchesNone')}</p>
        ) : (
          <ul className="stack">
            {searches.map((s) => (
              <li key={s.id} className="card">
                <h3>{s.name}</h3>
                <p className="meta">
                  {s.token_created_at === null
                    ? t('feeds.settings.searchNoFeed')
                    : t('feeds.settings.searchHasFeed', {
                        date: formatDate(s.token_created_at, locale),
                      })}
                </p>
                <Form method="post" className="actions">
                  <input type="hidden" name="searchId" value={s.id} />
                  <button type="submit" name="intent" value="search_create">
                    {t('feeds.settings.searchCreate', { name: s.name })}
                  </button>
                  {s.token_created_at === null ? null : (
                    <button
                      type="submit"
                      name="intent"
                      value="search_revoke"
                      className="button button--secondary"
                    >
                      {t('feeds.settings.searchRevoke', { name: s.name })}
                    </button>
                  )}
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  )
}
