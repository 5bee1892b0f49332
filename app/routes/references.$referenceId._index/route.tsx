import type { SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { getOptionalUser, notFound, requireUser } from '~/auth/guards.server'
import { DoneNotice } from '~/components/problem'
import { shownLanguage } from '~/components/reference-card'
import { getLocale } from '~/i18n/locale.server'
import { isLocale, type Locale } from '~/i18n/locales'
import { useT } from '~/i18n/use-t'
import {
  approveReference,
  setContactConsent,
  withdrawReference,
} from '~/models/reference-approval.server'
import { getReferenceForEdit, getReferenceForViewer } from '~/models/reference-cases.server'
import { deleteDraftReference } from '~/models/reference-editing.server'
import { getDb } from '~/utils/db.server'
import { type FormReplier, orNotFound, refusalReply } from '~/utils/domain-errors.server'
import { summary } from '~/utils/canonical'
import { pageTitle } from '~/utils/meta'
import {
  approveSchema,
  emptySchema,
  REFERENCE_CONFIRMS,
  REFERENCE_NOTICES,
  type ReferenceIntent,
  referenceIdSchema,
  referenceIntentSchema,
  withdrawSchema,
} from '~/utils/reference-schema'
import { clientIp, oneOf } from '~/utils/request.server'
import { PartyPanel } from './party-panel'
import { ReferenceContent } from './reference-content'
import errorsMessages from '~/i18n/messages/errors'
import organisationsMessages from '~/i18n/messages/organisations'
import referencesMessages from '~/i18n/messages/references'

export const handle = { i18n: [errorsMessages, organisationsMessages, referencesMessages] }

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(
    matches,
    (t) => {
      if (!data) return t('notFound.title')
      const r = data.reference
      return data.lang === 'en' && r.title_en ? r.title_en : r.title_sv
    },
    undefined,
    {
      description: summary(
        data?.lang === 'en' && data.reference.summary_en
          ? data.reference.summary_en
          : data?.reference.summary_sv,
      ),
    },
  )

function parseReferenceId(params: { referenceId?: string }): number {
  const id = referenceIdSchema.safeParse(params.referenceId)
  if (!id.success) throw notFound()
  return id.data
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const referenceId = parseReferenceId(params)
  const user = await getOptionalUser(request)
  const view = await orNotFound(getReferenceForViewer(getDb(), referenceId, user?.id ?? null))
  const url = new URL(request.url)
  const hasEnglish = view.reference.title_en !== null
  const asked = url.searchParams.get('lang')
  // The version asked for when it exists; else the viewer's language when it exists; else
  // Swedish, which every case has.
  const lang: Locale =
    isLocale(asked) && (asked === 'sv' || hasEnglish)
      ? asked
      : shownLanguage(getLocale(request), hasEnglish)
  return {
    ...view,
    lang,
    hasEnglish,
    confirm: view.party ? oneOf(REFERENCE_CONFIRMS, url.searchParams.get('confirm')) : null,
    notice: view.party ? oneOf(REFERENCE_NOTICES, url.searchParams.get('notice')) : null,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const referenceId = parseReferenceId(params)
  const user = await requireUser(request)
  const db = getDb()
  // Every action is the parties'; anyone else gets 404 before the form is read.
  await orNotFound(getReferenceForEdit(db, referenceId, user.id))
  const formData = await request.formData()
  const intent = referenceIntentSchema.safeParse(formData.get('intent'))
  if (!intent.success) throw data('bad request', { status: 400 })
  const ip = clientIp(context)
  const here = `/references/${referenceId}`

  const fail = (result: SubmissionResult<string[]>) =>
    data({ intent: intent.data as ReferenceIntent, result }, { status: 400 })

  async function attempt(submission: FormReplier, run: () => Promise<string>) {
    let to: string
    try {
      to = await run()
    } catch (error) {
      return fail(refusalReply(submission, error))
    }
    return redirect(to)
  }

  switch (intent.data) {
    case 'approve': {
      const submission = parseWithZod(formData, { schema: approveSchema })
      if (submission.status !== 'success') return fail(submission.reply())
      return attempt(submission, async () => {
        const { published } = await approveReference(db, {
          referenceId,
          userId: user.id,
          revision: submission.value.revision,
          ip,
        })
        return `${here}?notice=${published ? 'published' : 'approved'}`
      })
    }
    case 'withdraw': {
      const submission = parseWithZod(formData, { schema: withdrawSchema })
      if (submission.status !== 'success') return fail(submission.reply())
      return attempt(submission, async () => {
        await withdrawReference(db, {
          referenceId,
          userId: user.id,
          reason: submission.value.reason,
          ip,
        })
        return `${here}?notice=withdrawn`
      })
    }
    case 'delete': {
      const submission = parseWithZod(formData, { schema: emptySchema })
      if (submission.status !== 'success') return fail(submission.reply())
      return attempt(submission, async () => {
        const { organisationSlug } = await deleteDraftReference(db, {
          referenceId,
          userId: user.id,
          ip,
        })
        return `/organisations/${organisationSlug}/references?notice=deleted`
      })
    }
    case 'consent':
    case 'withdrawConsent': {
      const submission = parseWithZod(formData, { schema: emptySchema })
      if (submission.status !== 'success') return fail(submission.reply())
      const consent = intent.data === 'consent'
      return attempt(submission, async () => {
        await setContactConsent(db, { referenceId, userId: user.id, consent, ip })
        return `${here}?notice=${consent ? 'consented' : 'consentWithdrawn'}`
      })
    }
  }
}

export default function ReferencePage() {
  const view = useLoaderData<typeof loader>()
  const t = useT()
  return (
    <>
      {view.notice ? <DoneNotice>{t(`reference.notice.${view.notice}`)}</DoneNotice> : null}
      {view.party ? <PartyPanel view={view} party={view.party} /> : null}
      <ReferenceContent reference={view.reference} lang={view.lang} hasEnglish={view.hasEnglish} />
    </>
  )
}
