import { Form } from '@remix-run/react'
import { formatDate } from '~/i18n/format'
import type { MessageKey } from '~/i18n/messages'
import { translateError, useLocale, useT } from '~/i18n/use-t'
import type { InitiativePage } from '~/models/initiative-reads.server'

// What a viewer may do on an initiative's page: the owner side moves the status forward, the
// owner's members decide requests to co-own, and a member of another verified public body or
// intermediary asks to co-own. Plain forms: they work without JavaScript; a refusal comes back
// with status 400 and is shown next to the form that asked.

type Page = Pick<InitiativePage, 'initiative' | 'viewer' | 'requests'>

function Failure({ failed, intent }: { failed: Failed | null; intent: string }) {
  const t = useT()
  if (!failed || failed.intent !== intent) return null
  return (
    <div className="error-summary" role="alert" id={`${intent}-error`}>
      <p>{translateError(t, failed.error)}</p>
    </div>
  )
}

interface Failed {
  intent: string
  error: string
}

export function InitiativeActions({
  page,
  next,
  failed,
}: {
  page: Page
  next: readonly string[]
  failed: Failed | null
}) {
  const t = useT()
  const locale = useLocale()
  const { viewer } = page
  return (
    <>
      {viewer.isEditor && next.length > 0 ? (
        <section aria-labelledby="status-heading">
          <h2 id="status-heading">{t('initiativePage.statusTitle')}</h2>
          <p className="hint">{t('initiativePage.statusHelp')}</p>
          <Failure failed={failed} intent="status" />
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="status" />
            <div className="field">
              <label htmlFor="initiative-status">{t('initiativePage.statusTo')}</label>
              <select id="initiative-status" name="status" className="input">
                {next.map((s) => (
                  <option key={s} value={s}>
                    {t(`initiative.status.${s}` as MessageKey)}
                  </option>
                ))}
              </select>
            </div>
            <div className="actions">
              <button type="submit" className="button">
                {t('initiativePage.statusSubmit')}
              </button>
            </div>
          </Form>
        </section>
      ) : null}

      {page.requests.length > 0 ? (
        <section aria-labelledby="requests-heading">
          <h2 id="requests-heading">{t('initiativePage.requestsTitle')}</h2>
          <ul className="plain-list stack">
            {page.requests.map((r) => (
              <li key={r.organisation_id}>
                {r.state === 'pending' ? (
                  <p>
                    {t('initiativePage.requestPending', {
                      name: r.name,
                      date: formatDate(r.requested_at, locale),
                    })}
                  </p>
                ) : (
                  <p>
                    {t('initiativePage.requestDeclined', {
                      name: r.name,
                      date: formatDate(r.decided_at ?? r.requested_at, locale),
                      reason: r.decline_reason ?? '',
                    })}
                  </p>
                )}
                {r.state === 'pending' && viewer.isOwnerMember ? (
                  <>
                    <Failure failed={failed} intent={`decline-${r.organisation_id}`} />
                    <Form method="post" className="actions">
                      <input type="hidden" name="organisation_id" value={r.organisation_id} />
                      <button type="submit" name="intent" value="accept" className="button">
                        {t('initiativePage.accept', { name: r.name })}
                      </button>
                    </Form>
                    <Form method="post" className="stack">
                      <input type="hidden" name="organisation_id" value={r.organisation_id} />
                      <div className="field">
                        <label htmlFor={`reason-${r.organisation_id}`}>
                          {t('initiativePage.declineReason', { name: r.name })}
                        </label>
                        <textarea
                          id={`reason-${r.organisation_id}`}
                          name="reason"
                          rows={2}
                          className="input"
                          aria-describedby={
                            failed?.intent === `decline-${r.organisation_id}`
                              ? `decline-${r.organisation_id}-error`
                              : undefined
                          }
                        />
                      </div>
                      <div className="actions">
                        <button
                          type="submit"
                          name="intent"
                          value="decline"
                          className="button button--secondary"
                        >
                          {t('initiativePage.decline', { name: r.name })}
                        </button>
                      </div>
                    </Form>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {viewer.canAskFor.length > 0 ? (
        <section aria-labelledby="co-own-heading">
          <h2 id="co-own-heading">{t('initiativePage.coOwnTitle')}</h2>
          <p>{t('initiativePage.coOwnHelp')}</p>
          <Failure failed={failed} intent="request" />
          <Form method="post" className="stack">
            <input type="hidden" name="intent" value="request" />
            <div className="field">
              <label htmlFor="co-own-organisation">{t('initiativePage.coOwnAs')}</label>
              <select id="co-own-organisation" name="organisation_id" className="input">
                {viewer.canAskFor.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="actions">
              <button type="submit" className="button">
                {t('initiativePage.coOwnSubmit')}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </>
  )
}
