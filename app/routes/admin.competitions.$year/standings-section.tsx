import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Form, Link } from '@remix-run/react'
import { InLanguage, PlacementBadge, ReferenceTitle } from '~/components/competition-labels'
import {
  ChoiceGroup,
  ErrorSummary,
  SelectField,
  SubmitButton,
  TextareaField,
} from '~/components/forms'
import { PlainText } from '~/components/plain-text'
import { formatNumber } from '~/i18n/format'
import { useLocale, useT } from '~/i18n/use-t'
import type { AdminCompetition } from '~/models/competitions-admin-view.server'
import { resultSchema } from './schema'
import { ButtonProblem, type Category, useResultFor } from './section-helpers'
import { TableScroll } from '~/components/table-scroll'

function formatAverage(value: number | null, locale: 'sv' | 'en', none: string): string {
  if (value === null) return none
  return formatNumber(Math.round(value * 100) / 100, locale)
}

export function StandingsSection({ competition: c }: { competition: AdminCompetition }) {
  const t = useT()
  return (
    <section aria-labelledby="standings-heading">
      <h2 id="standings-heading">{t('competition.admin.standingsHeading')}</h2>
      <p className="hint">{t('competition.admin.standingsHelp')}</p>
      {c.categories.map((category) => (
        <CategoryStandings
          key={category.id}
          category={category}
          jurors={c.jurors.length}
          judging={c.status === 'judging'}
        />
      ))}
    </section>
  )
}

function CategoryStandings({
  category,
  jurors,
  judging,
}: {
  category: Category
  jurors: number
  judging: boolean
}) {
  const t = useT()
  const locale = useLocale()
  const headingId = `standings-${category.id}`
  return (
    <section aria-labelledby={headingId} className="competition-standings">
      <h3 id={headingId}>{category.nameSv}</h3>
      {category.standings.length === 0 ? (
        <p>{t('competition.admin.noNominations')}</p>
      ) : (
        <TableScroll label={t('competition.admin.standingsCaption', { category: category.nameSv })}>
          <table>
            <caption>
              {t('competition.admin.standingsCaption', { category: category.nameSv })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('competition.admin.colReference')}</th>
                <th scope="col">{t('competition.admin.colParties')}</th>
                <th scope="col">{t('competition.admin.colAverage')}</th>
                <th scope="col">{t('competition.admin.colScores')}</th>
                <th scope="col">{t('competition.admin.colDeclarations')}</th>
                <th scope="col">{t('competition.admin.colResult')}</th>
              </tr>
            </thead>
            <tbody>
              {category.standings.map((row) => (
                <tr key={row.nominationId}>
                  <th scope="row">
                    <Link to={`/references/${row.referenceId}`}>
                      <ReferenceTitle titleSv={row.titleSv} titleEn={row.titleEn} />
                    </Link>
                  </th>
                  <td>
                    {t('competition.parties', {
                      company: row.companyName,
                      publicBody: row.publicBodyName,
                    })}
                  </td>
                  <td>
                    {formatAverage(row.averageScore, locale, t('competition.admin.noAverage'))}
                  </td>
                  <td>
                    {t('competition.admin.scoresOf', {
                      count: row.scoreCount,
                      cleared: row.clearedJurors,
                    })}
                  </td>
                  <td>
                    {t('competition.admin.declarationsOf', {
                      count: row.declarations,
                      jurors,
                    })}
                  </td>
                  <td>
                    {row.result ? (
                      <>
                        <PlacementBadge placement={row.result.placement} />
                        {judging ? (
                          <>
                            <ButtonProblem intent="removeResult" target={row.nominationId} />
                            <Form method="post">
                              <input type="hidden" name="target" value={row.nominationId} />
                              <button
                                type="submit"
                                name="intent"
                                value="removeResult"
                                className="link-button"
                              >
                                {t('competition.admin.removeResult')}
                                <span className="visually-hidden">
                                  {' '}
                                  <ReferenceTitle titleSv={row.titleSv} titleEn={row.titleEn} />
                                </span>
                              </button>
                            </Form>
                          </>
                        ) : null}
                      </>
                    ) : (
                      t('competition.admin.noResult')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <p>
        {category.juryComplete
          ? t('competition.admin.juryComplete')
          : t('competition.admin.juryIncomplete')}
      </p>
      {category.standings
        .filter((row) => row.result)
        .map((row) => (
          <div key={row.nominationId} className="competition-motivation">
            <h4>
              <PlacementBadge placement={row.result!.placement} />{' '}
              <ReferenceTitle titleSv={row.titleSv} titleEn={row.titleEn} />
            </h4>
            <InLanguage lang="sv">
              <PlainText text={row.result!.motivationSv} />
            </InLanguage>
            <InLanguage lang="en">
              <PlainText text={row.result!.motivationEn} />
            </InLanguage>
          </div>
        ))}
      {judging && category.standings.some((row) => !row.result) ? (
        <ResultForm category={category} />
      ) : null}
    </section>
  )
}

function ResultForm({ category }: { category: Category }) {
  const t = useT()
  const locale = useLocale()
  const [form, fields] = useForm({
    id: `result-${category.id}`,
    lastResult: useResultFor('recordResult', category.id),
    constraint: getZodConstraint(resultSchema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resultSchema }),
  })
  return (
    <Form method="post" {...getFormProps(form)} className="stack card">
      <h4>{t('competition.admin.resultHeading', { category: category.nameSv })}</h4>
      <p className="hint">{t('competition.admin.resultHelp')}</p>
      <ErrorSummary form={form} />
      <input type="hidden" name="target" value={category.id} />
      <SelectField
        meta={fields.nomination_id}
        label={t('competition.field.nomination')}
        options={category.standings
          .filter((row) => !row.result)
          .map((row) => ({
            value: String(row.nominationId),
            label: t('competition.admin.nominationOption', {
              title: locale === 'en' ? (row.titleEn ?? row.titleSv) : row.titleSv,
              average: formatAverage(row.averageScore, locale, t('competition.admin.noAverage')),
            }),
          }))}
      />
      <ChoiceGroup
        meta={fields.placement}
        legend={t('competition.field.placement')}
        type="radio"
        options={[
          { value: 'winner', label: t('competition.placement.winner') },
          { value: 'honourable_mention', label: t('competition.placement.honourable_mention') },
        ]}
      />
      <TextareaField
        meta={fields.motivation_sv}
        label={t('competition.field.motivationSv')}
        rows={4}
      />
      <TextareaField
        meta={fields.motivation_en}
        label={t('competition.field.motivationEn')}
        rows={4}
      />
      <SubmitButton name="intent" value="recordResult">
        {t('competition.admin.recordResult')}
      </SubmitButton>
    </Form>
  )
}
