import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod'
import { Form } from '@remix-run/react'
import { CategoryFields, categorySchema } from '~/components/competition-form'
import { InLanguage } from '~/components/competition-labels'
import { ErrorSummary, SubmitButton } from '~/components/forms'
import { PlainText } from '~/components/plain-text'
import { useT } from '~/i18n/use-t'
import type { AdminCompetition } from '~/models/competitions-admin-view.server'
import { ButtonProblem, type Category, useResultFor } from './section-helpers'

export function CategoriesSection({ competition: c }: { competition: AdminCompetition }) {
  const t = useT()
  const editable = c.status === 'nominating'
  return (
    <section aria-labelledby="categories-heading">
      <h2 id="categories-heading">{t('competition.admin.categoriesHeading')}</h2>
      <p className="hint">{t('competition.admin.categoriesHelp')}</p>
      {c.categories.length === 0 ? <p>{t('competition.admin.noCategories')}</p> : null}
      {c.categories.map((category) => (
        <article key={category.id} className="card competition-category">
          <h3>
            {category.nameSv}{' '}
            <span className="meta" lang="en">
              {category.nameEn}
            </span>
          </h3>
          <p className="meta">
            {t('competition.admin.nominationCount', { count: category.nominationCount })}
          </p>
          <InLanguage lang="sv">
            <PlainText text={category.descriptionSv} />
          </InLanguage>
          <InLanguage lang="en">
            <PlainText text={category.descriptionEn} />
          </InLanguage>
          {editable && category.nominationCount === 0 ? (
            <CategoryEditor category={category} />
          ) : (
            <p className="hint">{t('competition.admin.categoryFixed')}</p>
          )}
        </article>
      ))}
      {editable ? <AddCategory /> : null}
    </section>
  )
}

function CategoryEditor({ category }: { category: Category }) {
  const t = useT()
  const lastResult = useResultFor('updateCategory', category.id)
  const [form, fields] = useForm({
    id: `category-${category.id}`,
    lastResult,
    defaultValue: {
      name_sv: category.nameSv,
      name_en: category.nameEn,
      description_sv: category.descriptionSv,
      description_en: category.descriptionEn,
    },
    constraint: getZodConstraint(categorySchema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: categorySchema }),
  })
  return (
    <>
      <details open={lastResult ? true : undefined}>
        <summary>
          {t('competition.admin.editCategory')}
          <span className="visually-hidden"> {category.nameSv}</span>
        </summary>
        <Form method="post" {...getFormProps(form)} className="stack">
          <ErrorSummary form={form} />
          <input type="hidden" name="target" value={category.id} />
          <CategoryFields fields={fields} />
          <SubmitButton name="intent" value="updateCategory">
            {t('competition.admin.saveCategory')}
          </SubmitButton>
        </Form>
      </details>
      <ButtonProblem intent="deleteCategory" target={category.id} />
      <Form method="post" className="actions">
        <input type="hidden" name="target" value={category.id} />
        <button
          type="submit"
          name="intent"
          value="deleteCategory"
          className="button button--danger"
        >
          {t('competition.admin.deleteCategory')}
          <span className="visually-hidden"> {category.nameSv}</span>
        </button>
      </Form>
    </>
  )
}

function AddCategory() {
  const t = useT()
  const [form, fields] = useForm({
    id: 'category-new',
    lastResult: useResultFor('addCategory'),
    constraint: getZodConstraint(categorySchema),
    shouldValidate: 'onSubmit',
    shouldRevalidate: 'onInput',
    onValidate: ({ formData }) => parseWithZod(formData, { schema: categorySchema }),
  })
  return (
    <>
      <h3>{t('competition.admin.addCategoryHeading')}</h3>
      <Form method="post" {...getFormProps(form)} className="stack">
        <ErrorSummary form={form} />
        <CategoryFields fields={fields} />
        <SubmitButton name="intent" value="addCategory">
          {t('competition.admin.addCategory')}
        </SubmitButton>
      </Form>
    </>
  )
}
