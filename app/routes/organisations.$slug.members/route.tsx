import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ProblemBox, DoneNotice } from '~/components/problem'
import { MEMBER_ROLES } from '~/domain/vocabularies'
import { notFound } from '~/auth/guards.server'
import { enforceFormLimit } from '~/auth/limits.server'
import { ChoiceGroup, ErrorSummary, SubmitButton, TextField } from '~/components/forms'
import { formatDate, formatDateTime } from '~/i18n/format'
import { getLocale } from '~/i18n/locale.server'
import { useLocale, useT } from '~/i18n/use-t'
import {
  createInvitation,
  listOpenInvitations,
  revokeInvitation,
} from '~/models/invitations.server'
import {
  changeMemberRole,
  leaveOrganisation,
  listMembers,
  removeMember,
} from '~/models/memberships.server'
import { requireOrganisationMember } from '~/auth/organisation-guard.server'
import { getDb } from '~/utils/db.server'
import { refusal } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { clientIp, oneOf } from '~/utils/request.server'
import { inviteSchema, memberActionSchema, NOTICES } from './schema'
import errorsMessages from '~/i18n/messages/errors'
import organisationsMessages from '~/i18n/messages/organisations'

export const handle = { i18n: [errorsMessages, organisationsMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, (t) =>
    data ? t('orgMembers.title', { name: data.org.name }) : t('notFound.title'),
  )

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, org } = await requireOrganisationMember(request, params)
  const db = getDb()
  const isAdmin = org.role === 'admin'
  const [members, invitations] = await Promise.all([
    listMembers(db, org.id, user.id),
    isAdmin ? listOpenInvitations(db, org.id, user.id) : Promise.resolve([]),
  ])
  const notice = new URL(request.url).searchParams.get('notice')
  return {
    org: { id: org.id, slug: org.slug, name: org.name, role: org.role },
    me: user.id,
    members,
    invitations,
    notice: oneOf(NOTICES, notice),
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, org } = await requireOrganisationMember(request, params)
  const db = getDb()
  const ip = clientIp(context)
  const formData = await request.formData()
  const here = `/organisations/${org.slug}/members`

  if (formData.get('intent') === 'invite') {
    if (org.role !== 'admin') throw notFound()
    enforceFormLimit(request, ip)
    const submission = parseWithZod(formData, { schema: inviteSchema })
    if (submission.status !== 'success') {
      return data({ result: submission.reply(), error: null }, { status: 400 })
    }
    try {
      await createInvitation(db, {
        organisationId: org.id,
        inviter: { id: user.id, name: user.name },
        email: submission.value.email,
        role: submission.value.role,
        locale: getLocale(request),
        ip,
      })
    } catch (error) {
      const result = submission.reply({ fieldErrors: { email: [refusal(error).messageKey] } })
      return data({ result, error: null }, { status: 400 })
    }
    return redirect(`${here}?notice=invited`)
  }

  const parsed = memberActionSchema.safeParse(Object.fromEntries(formData))
  if (!parsed.success) throw data('bad request', { status: 400 })
  const input = parsed.data
  try {
    switch (input.intent) {
      case 'role':
        await changeMemberRole(db, {
          organisationId: org.id,
          actorId: user.id,
          userId: input.user_id,
          role: input.role,
          ip,
        })
        return redirect(`${here}?notice=roleChanged`)
      case 'remove':
        await removeMember(db, {
          organisationId: org.id,
          actorId: user.id,
          userId: input.user_id,
          ip,
        })
        return redirect(
          input.user_id === user.id ? '/my/organisations?notice=left' : `${here}?notice=removed`,
        )
      case 'revoke':
        await revokeInvitation(db, {
          organisationId: org.id,
          actorId: user.id,
          invitationId: input.invitation_id,
          ip,
        })
        return redirect(`${here}?notice=revoked`)
      case 'leave':
        await leaveOrganisation(db, { organisationId: org.id, userId: user.id, ip })
        return redirect('/my/organisations?notice=left')
    }
  } catch (error) {
    return data({ result: null, error: refusal(error).messageKey }, { status: 400 })
  }
}

export default function OrganisationMembers() {
  const { org, me, members, invitations, notice } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const t = useT()
  const locale = useLocale()
  const isAdmin = org.role === 'admin'
  const [form, fields] = useForm({
    id: 'invite',
    lastResult: actionData?.result,
    constraint: getZodConstraint(inviteSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
    defaultValue: { role: 'member' },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteSchema }),
  })
  const roleOptions = MEMBER_ROLES.map((r) => ({ value: r, label: t(`org.role.${r}`) }))
  return (
    <>
      {notice ? <DoneNotice>{t(`orgMembers.notice.${notice}`)}</DoneNotice> : null}
      {actionData?.error ? (
        <ProblemBox
          id="member-error-title"
          title={t('orgMembers.error.title')}
          message={t(actionData.error)}
        />
      ) : null}
      <h1>{t('orgMembers.title', { name: org.name })}</h1>
      <p>
        <Link to={`/organisations/${org.slug}`}>{t('orgMembers.back')}</Link>
      </p>

      <h2>{t('orgMembers.heading')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('orgMembers.name')}</th>
            <th scope="col">{t('orgMembers.email')}</th>
            <th scope="col">{t('orgMembers.role')}</th>
            <th scope="col">{t('orgMembers.since')}</th>
            {isAdmin ? <th scope="col">{t('orgMembers.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                {m.name} {m.id === me ? t('orgMembers.you') : null}
              </th>
              <td>{m.email}</td>
              <td>{t(`org.role.${m.role}`)}</td>
              <td>{formatDate(m.created_at, locale)}</td>
              {isAdmin ? (
                <td>
                  <Form method="post" className="row-form">
                    <input type="hidden" name="user_id" value={m.id} />
                    <label htmlFor={`role-${m.id}`} className="visually-hidden">
                      {t('orgMembers.roleFor', { name: m.name })}
                    </label>
                    <select
                      id={`role-${m.id}`}
                      name="role"
                      defaultValue={m.role}
                      className="input input--short"
                    >
                      {roleOptions.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                    <button
                      type="submit"
                      name="intent"
                      value="role"
                      className="button button--secondary"
                      aria-label={t('orgMembers.changeRoleFor', { name: m.name })}
                    >
                      {t('orgMembers.changeRole')}
                    </button>
                    <button
                      type="submit"
                      name="intent"
                      value="remove"
                      className="button button--danger"
                      aria-label={t('orgMembers.removeFor', { name: m.name })}
                    >
                      {t('orgMembers.remove')}
                    </button>
                  </Form>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>

      {isAdmin ? (
        <>
          <h2>{t('orgMembers.invitations.title')}</h2>
          {invitations.length === 0 ? (
            <p>{t('orgMembers.invitations.empty')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('orgMembers.invitations.email')}</th>
                  <th scope="col">{t('orgMembers.role')}</th>
                  <th scope="col">{t('orgMembers.invitations.invitedBy')}</th>
                  <th scope="col">{t('orgMembers.invitations.expires')}</th>
                  <th scope="col">{t('orgMembers.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {invitations.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">{i.email}</th>
                    <td>{t(`org.role.${i.role}`)}</td>
                    <td>{i.inviter_name}</td>
                    <td>{formatDateTime(i.expires_at, locale)}</td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="invitation_id" value={i.id} />
                        <button
                          type="submit"
                          name="intent"
                          value="revoke"
                          className="button button--secondary"
                          aria-label={t('orgMembers.invitations.revokeFor', { email: i.email })}
                        >
                          {t('orgMembers.invitations.revoke')}
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}

          <h2>{t('orgMembers.invite.title')}</h2>
          <p>{t('orgMembers.invite.hint')}</p>
          <Form method="post" {...getFormProps(form)} className="stack">
            <ErrorSummary form={form} />
            <TextField
              meta={fields.email}
              label={t('orgMembers.invite.email')}
              type="email"
              autoComplete="off"
            />
            <ChoiceGroup
              meta={fields.role}
              type="radio"
              legend={t('orgMembers.invite.role')}
              options={roleOptions}
            />
            <SubmitButton name="intent" value="invite">
              {t('orgMembers.invite.submit')}
            </SubmitButton>
          </Form>
        </>
      ) : null}

      <h2>{t('orgMembers.leave.title')}</h2>
      <p>{t('orgMembers.leave.body')}</p>
      <Form method="post">
        <button type="submit" name="intent" value="leave" className="button button--danger">
          {t('orgMembers.leave.submit', { name: org.name })}
        </button>
      </Form>
    </>
  )
}
