import { type ActionFunctionArgs, data, type MetaFunction, redirect } from '@remix-run/node'
import { Link, useActionData } from '@remix-run/react'
import { notFound, requireUser } from '~/auth/guards.server'
import { useT } from '~/i18n/use-t'
import { translateError } from '~/i18n/use-t'
import { setInitiativeLink } from '~/models/initiative-owners.server'
import { getDb } from '~/utils/db.server'
import { refusal } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { clientIp } from '~/utils/request.server'
import { initiativeLinkSchema } from './schema'
import errorsMessages from '~/i18n/messages/errors'
import initiativesMessages from '~/i18n/messages/initiatives'

// Where the "belongs to initiative" select of a call's or offer's edit page posts. A refusal
// (an initiative the organisation does not own or co-own) is a 400 page with the way back.

export const handle = { i18n: [initiativesMessages, errorsMessages] }

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'initiativeLink.label')

export async function loader() {
  throw notFound()
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const parsed = initiativeLinkSchema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) throw notFound()
  const { kind, id, initiative_id } = parsed.data
  const back = kind === 'call' ? `/calls/${id}/edit` : `/test-beds/${id}/edit`
  try {
    await setInitiativeLink(getDb(), {
      table: kind === 'call' ? 'calls' : 'test_bed_offers',
      id,
      userId: user.id,
      initiativeId: initiative_id,
      ip: clientIp(context),
    })
    return redirect(`${back}?initiative=saved#initiative-link-heading`)
  } catch (error) {
    return data({ error: refusal(error).messageKey as string, back }, { status: 400 })
  }
}

export default function InitiativeLinkRefused() {
  const result = useActionData<typeof action>()
  const t = useT()
  return (
    <>
      <h1>{t('initiativeLink.label')}</h1>
      {result ? (
        <>
          <div className="error-summary" role="alert">
            <p>{translateError(t, result.error)}</p>
          </div>
          <p>
            <Link to={result.back}>{t('initiativeForm.back')}</Link>
          </p>
        </>
      ) : null}
    </>
  )
}
