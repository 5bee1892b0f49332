import { FollowButton } from '~/components/follow-button'
import { Link } from '@remix-run/react'
import { type ActionLink, ActionLinks } from '~/components/action-links'
import { CallDeadline } from '~/components/call-labels'
import { useT } from '~/i18n/use-t'
import type { PublicCall } from '~/models/call-catalogue.server'

/** What this viewer can do: follow, bid, or manage the call as its buyer. */
export function Actions({ call }: { call: PublicCall }) {
  const t = useT()
  const { viewer } = call
  const base = `/calls/${call.id}`
  const links: ActionLink[] = []
  if (viewer.is_buyer_member) {
    links.push({
      key: 'edit',
      node: (
        <Link className="button" to={`${base}/edit`}>
          {t('callPublic.actions.edit')}
        </Link>
      ),
    })
    if (call.open) {
      links.push({
        key: 'amend',
        node: (
          <Link className="button button--secondary" to={`${base}/amend`}>
            {t('callPublic.actions.amend')}
          </Link>
        ),
      })
    }
    if (call.status !== 'draft') {
      links.push({
        key: 'questions',
        node: (
          <Link className="button button--secondary" to={`${base}/questions`}>
            {t('callPublic.actions.questions')}
          </Link>
        ),
      })
    }
    if (call.deadline_passed && call.status !== 'draft') {
      links.push({
        key: 'evaluation',
        node: (
          <Link className="button button--secondary" to={`${base}/evaluation`}>
            {t('callPublic.actions.evaluation')}
          </Link>
        ),
      })
    }
  }
  if (call.open) {
    for (const company of viewer.companies) {
      links.push({
        key: `bid-${company.id}`,
        node: (
          <Link
            className="button"
            to={`${base}/bid?${new URLSearchParams({ company: company.slug })}`}
          >
            {viewer.companies.length > 1
              ? t('callPublic.actions.bidAs', { company: company.name })
              : t('callPublic.actions.bid')}
          </Link>
        ),
      })
    }
  }
  return (
    <section aria-labelledby="actions-title" className="offer-actions">
      <h2 id="actions-title">{t('callPublic.actions.title')}</h2>
      {call.open ? (
        <p>
          <CallDeadline kind="tender" at={call.tender_deadline} />
        </p>
      ) : null}
      <ActionLinks links={links} />
      {call.open && viewer.signed_in && !viewer.is_buyer_member && viewer.companies.length === 0 ? (
        <p>
          {t('callPublic.actions.noCompany')}{' '}
          <Link to="/organisations/new">{t('callPublic.actions.registerCompany')}</Link>
        </p>
      ) : null}
      {call.status === 'draft' ? null : (
        <FollowButton
          type="call"
          id={call.id}
          following={viewer.following}
          signedIn={viewer.signed_in}
        />
      )}
    </section>
  )
}
