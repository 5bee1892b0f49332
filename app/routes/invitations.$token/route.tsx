import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ProblemBox } from '~/components/problem'
import { getOptionalUser, notFound, requireUser } from '~/auth/guards.server'
import { formatDateTime } from '~/i18n/format'
import type { MessageKey } from '~/i18n/messages'
import { useLocale, useT } from '~/i18n/use-t'
import { acceptInvitation, getInvitationByToken } from '~/models/invitations.server'
import { getDb } from '~/utils/db.server'
import { refusal } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { clientIp } from '~/utils/request.server'
import { tokenSchema } from './schema'
import errorsMessages from '~/i18n/messages/errors'
import organisationsMessages from '~/i18n/messages/organisations'

export const handle = { i18n: [errorsMessages, organisationsMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data
      ? t('invitation.title', { organisation: data.invitation.organisation })
      : t('notFound.title'),
  )

type View = 'anonymous' | 'accept' | 'otherEmail' | 'expired' | 'closed'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = tokenSchema.safeParse(params.token)
  if (!token.success) throw notFound()
  const invitation = await getInvitationByToken(getDb(), token.data)
  if (!invitation) throw notFound()
  const user = await getOptionalUser(request)
  let view: View
  if (invitation.state === 'closed') view = 'closed'
  else if (invitation.state === 'expired') view = 'expired'
  else if (!user) view = 'anonymous'
  else if (user.email.toLowerCase() !== invitation.email) view = 'otherEmail'
  else view = 'accept'
  const open = view !== 'closed' && view !== 'expired'
  return {
    view,
    path: new URL(request.url).pathname,
    currentEmail: user?.email ?? null,
    invitation: {
      organisation: invitation.organisation_name,
      inviter: invitation.inviter_name,
      role: invitation.role,
      expiresAt: invitation.expires_at,
      // The address is shown only while the invitation can still be used.
      email: open ? invitation.email : null,
    },
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const token = tokenSchema.safeParse(params.token)
  if (!token.success) throw notFound()
  try {
    const { slug } = await acceptInvitation(getDb(), {
      token: token.data,
      userId: user.id,
      ip: clientIp(context),
    })
    return redirect(`/organisations/${slug}?joined=1`)
  } catch (error) {
    return data({ error: refusal(error).messageKey }, { status: 400 })
  }
}

export default function Invitation() {
  const { view, path, invitation, currentEmail } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const back = new URLSearchParams({ redirectTo: path })
  const problem: MessageKey | null =
    actionData?.error ??
    (view === 'expired'
      ? 'errors.domain.invitation_expired'
      : view === 'closed'
        ? 'errors.domain.invitation_closed'
        : view === 'otherEmail'
          ? 'errors.domain.invitation_for_other_email'
          : null)
  return (
    <>
      <h1>{t('invitation.title', { organisation: invitation.organisation })}</h1>
      {problem ? (
        <ProblemBox id="invitation-problem" title={t('invitation.unusable')} message={t(problem)} />
      ) : null}
      <p>
        {t('invitation.body', {
          inviter: invitation.inviter,
          organisation: invitation.organisation,
        })}
      </p>
      <dl className="details">
        <dt>{t('invitation.role')}</dt>
        <dd>{t(`org.role.${invitation.role}`)}</dd>
        <dt>{t('invitation.inviter')}</dt>
        <dd>{invitation.inviter}</dd>
        {invitation.email ? (
          <>
            <dt>{t('invitation.email')}</dt>
            <dd>{invitation.email}</dd>
            <dt>{t('invitation.expires')}</dt>
            <dd>{formatDateTime(invitation.expiresAt, locale)}</dd>
          </>
        ) : null}
      </dl>

      {view === 'accept' && !actionData?.error ? (
        <Form method="post">
          <button type="submit" className="button">
            {t('invitation.accept', { organisation: invitation.organisation })}
          </button>
        </Form>
      ) : null}

      {view === 'anonymous' ? (
        <>
          <p>{t('invitation.anonymous')}</p>
          <div className="actions">
            <Link className="button" to={`/login?${back}`}>
              {t('invitation.login')}
            </Link>
            <Link
              className="button button--secondary"
              to={`/signup?${new URLSearchParams({ redirectTo: path, email: invitation.email ?? '' })}`}
            >
              {t('invitation.signup')}
            </Link>
          </div>
        </>
      ) : null}

      {view === 'otherEmail' && currentEmail ? (
        <p>{t('invitation.otherEmailHelp', { current: currentEmail })}</p>
      ) : null}

      {view === 'closed' || view === 'expired' ? (
        <p>
          <Link to="/my/organisations">{t('invitation.myOrganisations')}</Link>
        </p>
      ) : null}
    </>
  )
}
