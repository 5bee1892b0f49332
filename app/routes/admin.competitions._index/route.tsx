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
import { requirePlatformAdmin } from '~/auth/guards.server'
import { CompetitionFields, createCompetitionSchema } from '~/components/competition-form'
import { CompetitionStatusBadge } from '~/components/competition-labels'
import { ErrorSummary, SubmitButton, TextField } from '~/components/forms'
import { ListTable } from '~/components/list-table'
import { formatDateTime, formatNumber } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import { inputProblem } from '~/models/competition-shared.server'
import { createCompetition } from '~/models/competitions-admin.server'
import { listCompetitionsForAdmin } from '~/models/competitions-admin-view.server'
import { getDb } from '~/utils/db.server'
import { pageTitle } from '~/utils/meta'
import { clientIp } from '~/utils/request.server'
import competitionsMessages from '~/i18n/messages/competitions'
import errorsMessages from '~/i18n/messages/errors'

export const handle = { i18n: [competitionsMessages, errorsMessages] }

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'competition.admin.title')

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requirePlatformAdmin(request)
  return { competitions: await listCompetitionsForAdmin(getDb(), admin.id) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requirePlatformAdmin(request)
  const submission = parseWithZod(await request.formData(), { schema: createCompetitionSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply() }, { status: 400 })
  }
  const { year, intro_sv, intro_en, nominations_close } = submission.value
  try {
    await createCompetition(getDb(), {
      userId: admin.id,
      year,
      introSv: intro_sv,
      introEn: intro_en,
      nominationsCloseAt: nominations_close,
      ip: clientIp(context),
    })
  } catch (error) {
    const problem = inputProblem(error)
    if (!problem) throw error
    const reply = problem.field
      ? submission.reply({ fieldErrors: { [problem.field]: [problem.messageKey] } })
      : submission.reply({ formErrors: [problem.messageKey] })
    return data({ result: reply }, { status: 400 })
  }
  return redirect(`/admin/competitions/${year}?notice=created`)
}

export default function AdminCompetitions() {
  const { competitions } = useLoaderData<typeof loader>()
  const t = useT()
  const locale = useLocale()
  return (
    <>
      <h1>{t('competition.admin.title')}</h1>
      <p>{t('competition.admin.intro')}</p>
      <section aria-labelledby="years-heading">
        <h2 id="years-heading">{t('competition.admin.yearsHeading')}</h2>
        <ListTable
          count={competitions.length}
          empty={t('competition.admin.none')}
          caption={t('competition.admin.yearsCaption')}
          columns={[
            t('competition.admin.year'),
            t('competition.admin.status'),
            t('competition.admin.close'),
            t('competition.admin.categories'),
            t('competition.admin.nominations'),
            t('competition.admin.jurors'),
          ]}
        >
          {competitions.map((c) => (
            <tr key={c.year}>
              <th scope="row">
                <Link to={`/admin/competitions/${c.year}`}>{c.year}</Link>
              </th>
              <td>
                <CompetitionStatusBadge status={c.status} />
              </td>
              <td>{formatDateTime(c.nominations_close_at, locale)}</td>
              <td>{formatNumber(Number(c.categories ?? 0), locale)}</td>
              <td>{formatNumber(Number(c.nominations ?? 0), locale)}</td>
              <td>{formatNumber(Number(c.jurors ?? 0), locale)}</td>
            </tr>
          ))}
        </ListTable>
      </section>
      <CreateForm />
    </>
  )
}

function CreateForm() {
  const t = useT()
  const actionData = useActionData<typeof action>()
  const [form, fields] = useForm({
    id: 'create-competition',
    lastResult: actionData?.result,
    constraint: getZodConstraint(createCompetitionSchema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: createCompetitionSchema }),
  })
  return (
    <section aria-labelledby="create-heading">
      <h2 id="create-heading">{t('competition.admin.createHeading')}</h2>
      <p className="hint">{t('competition.admin.createHelp')}</p>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <TextField
          meta={fields.year}
          label={t('competition.field.year')}
          inputMode="numeric"
          width="short"
        />
        <CompetitionFields fields={fields} />
        <SubmitButton>{t('competition.admin.create')}</SubmitButton>
      </Form>
    </section>
  )
}
