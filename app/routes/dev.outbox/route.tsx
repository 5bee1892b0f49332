import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { z } from 'zod'
import { notFound } from '~/auth/guards.server'
import { formatDateTime } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import { listOutbox } from '~/models/outbox.server'
import { getDb } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { pageTitle } from '~/utils/meta'
import adminMessages from '~/i18n/messages/admin'

export const handle = { i18n: [adminMessages] }

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'outbox.title')

const querySchema = z.object({ to: z.string().trim().max(254).optional() })

/** Development and test only: the outbox shows reset links, so it never exists in production. */
export async function loader({ request }: LoaderFunctionArgs) {
  if (!getEnv().devTools) throw notFound()
  const url = new URL(request.url)
  const parsed = querySchema.safeParse({ to: url.searchParams.get('to') ?? undefined })
  const to = parsed.success && parsed.data.to ? parsed.data.to : ''
  const messages = await listOutbox(getDb(), { to: to || undefined, limit: 100 })
  return { to, messages }
}

const URL_PATTERN = /(https?:\/\/[^\s<>"']+)/g

/** Plain text with its http(s) addresses turned into links (trailing punctuation stays text). */
function linkify(text: string): ReactNode[] {
  return text.split(URL_PATTERN).map((part, i) => {
    if (i % 2 === 0) return part
    const trailing = /[.,;:!?)]+$/.exec(part)?.[0] ?? ''
    const href = trailing ? part.slice(0, -trailing.length) : part
    return (
      <span key={i}>
        <a href={href}>{href}</a>
        {trailing}
      </span>
    )
  })
}

export default function DevOutbox() {
  const { to, messages } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  return (
    <>
      <h1>{t('outbox.title')}</h1>
      <p>{t('outbox.intro')}</p>
      <Form
        method="get"
        role="search"
        aria-label={t('outbox.filter.legend')}
        className="outbox-filter"
      >
        <div className="field">
          <label htmlFor="outbox-to">{t('outbox.filter.to')}</label>
          <div className="actions">
            <input
              id="outbox-to"
              name="to"
              type="email"
              className="input input--medium"
              defaultValue={to}
              key={to}
              autoComplete="off"
            />
            <button type="submit" className="button">
              {t('outbox.filter.submit')}
            </button>
            {to ? <Link to="/dev/outbox">{t('outbox.filter.clear')}</Link> : null}
          </div>
        </div>
      </Form>
      {messages.length === 0 ? (
        <p>{to ? t('outbox.emptyFor', { to }) : t('outbox.empty')}</p>
      ) : (
        <>
          <p className="meta">
            {messages.length === 1
              ? t('outbox.countOne')
              : t('outbox.count', { count: messages.length })}
          </p>
          <div className="outbox-list">
            {messages.map((m) => (
              <article key={m.id} className="card" aria-labelledby={`mail-${m.id}-subject`}>
                <h2 id={`mail-${m.id}-subject`}>{m.subject}</h2>
                <dl className="details">
                  <dt>{t('outbox.to')}</dt>
                  <dd>{m.to_address}</dd>
                  <dt>{t('outbox.created')}</dt>
                  <dd>{formatDateTime(m.created_at, locale)}</dd>
                  <dt>{t('outbox.sent')}</dt>
                  <dd>{m.sent_at ? formatDateTime(m.sent_at, locale) : t('outbox.notSent')}</dd>
                  {m.sent_at ? null : (
                    <>
                      <dt>{t('outbox.nextAttempt')}</dt>
                      <dd>{formatDateTime(m.next_attempt_at, locale)}</dd>
                    </>
                  )}
                  <dt>{t('outbox.attempts')}</dt>
                  <dd>{m.attempts}</dd>
                  {m.last_error ? (
                    <>
                      <dt>{t('outbox.lastError')}</dt>
                      <dd>{m.last_error}</dd>
                    </>
                  ) : null}
                  <dt>{t('outbox.template')}</dt>
                  <dd>{m.template}</dd>
                </dl>
                <h3 className="visually-hidden">{t('outbox.body')}</h3>
                <pre className="mail-body">{linkify(m.text_body)}</pre>
              </article>
            ))}
          </div>
        </>
      )}
    </>
  )
}
