import { z } from 'zod'
import { useT } from '~/i18n/use-t'
import { parseStockholmDateTime } from '~/utils/stockholm-time'
import { type FieldMeta, TextareaField, TextField } from './forms'

// The administrator's forms for a year's competition and its categories: one zod schema per form,
// used by the browser and the server (client-safe: no server modules here).

function text(min: number, max: number) {
  return z
    .string({ required_error: 'errors.required' })
    .trim()
    .min(1, 'errors.required')
    .min(min, 'errors.tooShort')
    .max(max, 'errors.tooLong')
}

const closeAt = z.string({ required_error: 'errors.required' }).transform((value, ctx) => {
  const seconds = parseStockholmDateTime(value)
  if (seconds === null) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'competition.error.dateTime' })
    return z.NEVER
  }
  return seconds
})

const competitionFields = {
  intro_sv: text(10, 4000),
  intro_en: text(10, 4000),
  nominations_close: closeAt,
}

export const createCompetitionSchema = z.object({
  year: z
    .number({ required_error: 'errors.required', invalid_type_error: 'competition.error.year' })
    .int('competition.error.year')
    .min(2020, 'competition.error.year')
    .max(2100, 'competition.error.year'),
  ...competitionFields,
})

export const updateCompetitionSchema = z.object(competitionFields)

export const categorySchema = z.object({
  name_sv: text(3, 120),
  name_en: text(3, 120),
  description_sv: text(10, 2000),
  description_en: text(10, 2000),
})

/** Introduction in both languages and the close of nominations (Swedish time). */
export function CompetitionFields({
  fields,
  closeHint,
}: {
  fields: { intro_sv: FieldMeta; intro_en: FieldMeta; nominations_close: FieldMeta }
  closeHint?: string
}) {
  const t = useT()
  return (
    <>
      <TextareaField meta={fields.intro_sv} label={t('competition.field.introSv')} rows={4} />
      <TextareaField meta={fields.intro_en} label={t('competition.field.introEn')} rows={4} />
      <TextField
        meta={fields.nominations_close}
        label={t('competition.field.close')}
        hint={closeHint ?? t('competition.hint.close')}
        type="datetime-local"
        width="medium"
      />
    </>
  )
}

/** A category's name and description in both languages. */
export function CategoryFields({
  fields,
}: {
  fields: {
    name_sv: FieldMeta
    name_en: FieldMeta
    description_sv: FieldMeta
    description_en: FieldMeta
  }
}) {
  const t = useT()
  return (
    <>
      <TextField meta={fields.name_sv} label={t('competition.field.nameSv')} />
      <TextField meta={fields.name_en} label={t('competition.field.nameEn')} />
      <TextareaField
        meta={fields.description_sv}
        label={t('competition.field.descriptionSv')}
        rows={3}
      />
      <TextareaField
        meta={fields.description_en}
        label={t('competition.field.descriptionEn')}
        rows={3}
      />
    </>
  )
}
