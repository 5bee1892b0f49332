import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod'
import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { notFound, requireUser } from '~/auth/guards.server'
import { formatDay } from '~/components/agenda-figures'
import { useIntentForm } from '~/components/agenda-form'
import {
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextareaField,
  TextField,
} from '~/components/forms'
import { DoneNotice } from '~/components/problem'
import { useLocale, useT } from '~/i18n/use-t'
import { getAgendaEditPage } from '~/models/agenda-reads.server'
import { addAgendaCoOwner, createGoal, publishAgenda, saveAgenda } from '~/models/agendas.server'
import { agendaSchema, coOwnerSchema, goalSchema, publishSchema } from '~/utils/agenda-schema'
import { getDb } from '~/utils/db.server'
import { orNotFound, refusalReply } from '~/utils/domain-errors.server'
import { pageTitle } from '~/utils/meta'
import { clientIp } from '~/utils/request.server'
import { slugSchema } from '~/utils/slug'
import agendaMessages from '~/i18n/messages/agenda'
import errorsMessages from '~/i18n/messages/errors'

// The editors' page of a region's agenda (decision record 033): create or edit the agenda, publish
// it, name co-owners (members of the region), add goals. Members of the region or of a co-owner;
// anyone else gets 404.

export const handle = { i18n: [agendaMessages, errorsMessages] }

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'agenda.edit.title')

const SCHEMAS = {
  save: agendaSchema,
  publish: publishSchema,
  co_owner: coOwnerSchema,
  goal: goalSchema,
} as const
type Intent = keyof typeof SCHEMAS

function slugOf(params: { slug?: string }) {
  const slug = slugSchema.safeParse(params.slug)
  if (!slug.success) throw notFound()
  return slug.data
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  const page = await orNotFound(getAgendaEditPage(getDb(), slugOf(params), user.id))
  const notice = new URL(request.url).searchParams.get('notice')
  return {
    region: { slug: page.region.slug, name: page.region.name },
    agenda: page.agenda
      ? {
          id: page.agenda.id,
          title: page.agenda.title,
          summary: page.agenda.summary,
          starts_on: page.agenda.starts_on,
          status: page.agenda.status,
        }
      : null,
    regionMember: page.regionMember,
    goals: page.goals,
    coOwners: page.coOwners,
    candidates: page.candidates,
    notice: notice === 'saved' || notice === 'co_owner' ? notice : null,
    defaultStart: `${new Date().getUTCFullYear()}-01-01`,
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const db = getDb()
  const slug = slugOf(params)
  const page = await orNotFound(getAgendaEditPage(db, slug, user.id))
  const formData = await request.formData()
  const raw = String(formData.get('intent') ?? '')
  const intent: Intent = raw in SCHEMAS ? (raw as Intent) : 'save'
  const submission = parseWithZod(formData, { schema: SCHEMAS[intent] })
  if (submission.status !== 'success') {
    return data({ form: intent, result: submission.reply() }, { status: 400 })
  }
  const value = submission.value
  const ip = clientIp(context)
  const base = `/organisations/${slug}/agenda`
  try {
    if (value.intent === 'save') {
      await saveAgenda(db, {
        regionSlug: slug,
        userId: user.id,
        input: { title: value.title, summary: value.summary, starts_on: value.starts_on },
        ip,
      })
      return redirect(`${base}/edit?notice=saved`)
    }
    if (!page.agenda) throw notFound()
    if (value.intent === 'publish') {
      await publishAgenda(db, { agendaId: page.agenda.id, userId: user.id, ip })
      return redirect(`${base}?notice=published`)
    }
    if (value.intent === 'co_owner') {
      if (!page.candidates.some((c) => c.id === value.organisation_id)) {
        const reply = submission.reply({ fieldErrors: { organisation_id: ['errors.choose'] } })
        return data({ form: intent, result: reply }, { status: 400 })
      }
      await addAgendaCoOwner(db, {
        agendaId: page.agenda.id,
        userId: user.id,
        organisationId: value.organisation_id,
        ip,
      })
      return redirect(`${base}/edit?notice=co_owner`)
    }
    const goalId = await createGoal(db, {
      agendaId: page.agenda.id,
      userId: user.id,
      input: { title: value.title, description: value.description },
      ip,
    })
    return redirect(`${base}/goals/${goalId}?notice=created`)
  } catch (error) {
    return data(
      { form: intent, result: refusalReply(submission, error, { agenda_published: 'starts_on' }) },
      { status: 400 },
    )
  }
}

export default function EditAgenda() {
  const { region, agenda, regionMember, goals, coOwners, candidates, notice, defaultStart } =
    useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  const [form, fields] = useIntentForm('save', agendaSchema, {
    title: agenda?.title ?? '',
    summary: agenda?.summary ?? '',
    starts_on: agenda?.starts_on ?? defaultStart,
  })
  const [publishForm] = useIntentForm('publish', publishSchema)
  const [coForm, coFields] = useIntentForm('co_owner', coOwnerSchema)
  const [goalForm, goalFields] = useIntentForm('goal', goalSchema)
  const base = `/organisations/${region.slug}/agenda`
  const published = agenda?.status === 'published'
  return (
    <>
      {notice ? (
        <DoneNotice>
          {t(notice === 'saved' ? 'agenda.edit.notice.saved' : 'agenda.edit.notice.co_owner')}
        </DoneNotice>
      ) : null}
      <h1>{t('agenda.edit.title')}</h1>
      <p>
        <Link to={`/organisations/${region.slug}`}>
          {t('agenda.toRegion', { name: region.name })}
        </Link>
        {agenda ? (
          <>
            {' · '}
            <Link to={base}>{t('agenda.edit.view')}</Link>
          </>
        ) : null}
      </p>
      {agenda ? (
        <p>{published ? t('agenda.edit.isPublished') : t('agenda.edit.isDraft')}</p>
      ) : (
        <p>{t('agenda.edit.intro', { name: region.name })}</p>
      )}

      <section aria-labelledby="agenda-text-title">
        <h2 id="agenda-text-title">
          {agenda ? t('agenda.edit.textTitle') : t('agenda.edit.createTitle')}
        </h2>
        <Form method="post" {...getFormProps(form)} className="stack">
          <input type="hidden" name="intent" value="save" />
          <ErrorSummary form={form} />
          <TextField meta={fields.title} label={t('agenda.field.title')} />
          <TextareaField meta={fields.summary} label={t('agenda.field.summary')} />
          {published && agenda ? (
            <p>
              <input type="hidden" name="starts_on" value={agenda.starts_on} />
              {t('agenda.edit.startFixed', { date: formatDay(agenda.starts_on, locale) })}
            </p>
          ) : (
            <TextField
              meta={fields.starts_on}
              type="date"
              label={t('agenda.field.startsOn')}
              hint={t('agenda.field.startsOnHint')}
              width="medium"
            />
          )}
          <div className="actions">
            <SubmitButton>{agenda ? t('agenda.edit.save') : t('agenda.edit.create')}</SubmitButton>
          </div>
        </Form>
      </section>

      {agenda ? (
        <>
          <section aria-labelledby="agenda-goals-title">
            <h2 id="agenda-goals-title">{t('agenda.edit.goalsTitle')}</h2>
            {goals.length === 0 ? (
              <p>{t('agenda.noGoals')}</p>
            ) : (
              <ol>
                {goals.map((g) => (
                  <li key={g.id}>
                    <Link to={`${base}/goals/${g.id}`}>{g.title}</Link>{' '}
                    <span className="meta">
                      {t('agenda.edit.goalMeta', {
                        status: t(
                          g.status === 'published'
                            ? 'agenda.status.published'
                            : 'agenda.status.draft',
                        ),
                        count: Number(g.indicator_count ?? 0),
                      })}
                    </span>
                  </li>
                ))}
              </ol>
            )}
            <h3>{t('agenda.edit.newGoal')}</h3>
            <Form method="post" {...getFormProps(goalForm)} className="stack">
              <input type="hidden" name="intent" value="goal" />
              <ErrorSummary form={goalForm} />
              <TextField meta={goalFields.title} label={t('agenda.field.goalTitle')} />
              <TextareaField
                meta={goalFields.description}
                label={t('agenda.field.goalDescription')}
                required={false}
              />
              <div className="actions">
                <SubmitButton>{t('agenda.edit.addGoal')}</SubmitButton>
              </div>
            </Form>
          </section>

          <section aria-labelledby="agenda-owners-title">
            <h2 id="agenda-owners-title">{t('agenda.edit.ownersTitle')}</h2>
            <p>
              {t('agenda.owners', {
                owners: [region.name, ...coOwners.map((c) => c.name)].join(' + '),
              })}
            </p>
            {regionMember ? (
              <Form method="post" {...getFormProps(coForm)} className="stack">
                <input type="hidden" name="intent" value="co_owner" />
                <ErrorSummary form={coForm} />
                <SelectField
                  meta={coFields.organisation_id}
                  label={t('agenda.field.coOwner')}
                  hint={t('agenda.field.coOwnerHint')}
                  options={candidates.map((c) => ({ value: String(c.id), label: c.name }))}
                />
                <div className="actions">
                  <SubmitButton>{t('agenda.edit.addCoOwner')}</SubmitButton>
                </div>
              </Form>
            ) : (
              <p className="meta">{t('agenda.edit.coOwnersByRegion')}</p>
            )}
          </section>

          {published ? null : (
            <section aria-labelledby="agenda-publish-title">
              <h2 id="agenda-publish-title">{t('agenda.edit.publishTitle')}</h2>
              <p>{t('agenda.edit.publishIntro')}</p>
              <Form method="post" {...getFormProps(publishForm)} className="stack">
                <input type="hidden" name="intent" value="publish" />
                <ErrorSummary form={publishForm} />
                <div className="actions">
                  <SubmitButton>{t('agenda.edit.publish')}</SubmitButton>
                </div>
              </Form>
            </section>
          )}
        </>
      ) : null}
    </>
  )
}
