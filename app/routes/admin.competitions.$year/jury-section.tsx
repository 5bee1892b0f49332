import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { ErrorSummary, SubmitButton, TextField } from '~/components/forms'
import { formatDateTime, formatNumber } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import type { AdminCompetition } from '~/models/competitions-admin-view.server'
import { jurorSchema } from './schema'
import { ButtonProblem, useResultFor } from './section-helpers'

export function JurySection({ competition: c }: { competition: AdminCompetition }) {
  const t = useT()
  const locale = useLocale()
  const open = c.status !== 'published'
  const [form, fields] = useForm({
    id: 'juror-new',
    lastResult: useResultFor('appointJuror'),
    constraint: getZodConstraint(jurorSchema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: jurorSchema }),
  })
  return (
    <section aria-labelledby="jury-heading">
      <h2 id="jury-heading">{t('competition.admin.juryHeading')}</h2>
      <p className="hint">{t('competition.admin.juryHelp')}</p>
      {c.jurors.length === 0 ? (
        <p>{t('competition.admin.noJurors')}</p>
      ) : (
        <table>
          <caption>{t('competition.admin.juryCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('competition.admin.jurorName')}</th>
              <th scope="col">{t('competition.admin.jurorEmail')}</th>
              <th scope="col">{t('competition.admin.jurorAppointed')}</th>
              <th scope="col">{t('competition.admin.jurorDeclarations')}</th>
              {open ? <th scope="col">{t('competition.admin.jurorAction')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {c.jurors.map((j) => (
              <tr key={j.id}>
                <th scope="row">{j.name}</th>
                <td className="break-anywhere">{j.email}</td>
                <td>{formatDateTime(j.appointedAt, locale)}</td>
                <td>{formatNumber(j.declarations, locale)}</td>
                {open ? (
                  <td>
                    {j.declarations === 0 ? (
                      <>
                        <ButtonProblem intent="removeJuror" target={j.id} />
                        <Form method="post">
                          <input type="hidden" name="target" value={j.id} />
                          <button
                            type="submit"
                            name="intent"
                            value="removeJuror"
                            className="button button--secondary"
                          >
                            {t('competition.admin.removeJuror')}
                            <span className="visually-hidden"> {j.name}</span>
                          </button>
                        </Form>
                      </>
                    ) : (
                      t('competition.admin.jurorFixed')
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open ? (
        <Form method="post" {...getFormProps(form)} className="stack">
          <ErrorSummary form={form} />
          <TextField
            meta={fields.email}
            label={t('competition.field.jurorEmail')}
            hint={t('competition.hint.jurorEmail')}
            type="email"
            autoComplete="off"
          />
          <SubmitButton name="intent" value="appointJuror">
            {t('competition.admin.appointJuror')}
          </SubmitButton>
        </Form>
      ) : null}
    </section>
  )
}
