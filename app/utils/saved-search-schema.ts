import { z } from 'zod'
import type { SavedSearchItemKind } from '#db/schema'
import { PROCEDURES } from '~/domain/vocabularies'
import { cpvCodesField } from '~/utils/cpv'
import { foldedWords, MAX_SEARCH_WORDS, MAX_WORD_LENGTH } from '~/utils/folded-words'

// Client-safe: the saved-search form (issue 16 part 2, decision record 037). Messages are i18n
// keys; whether CPV codes exist is the server's question (findUnknownCpv), and the database checks
// the rest again (migration 2026-12-07-23-saved-searches).

export const SAVED_SEARCH_KIND_VALUES = [
  'test_bed',
  'call',
  'initiative',
] as const satisfies readonly SavedSearchItemKind[]

export const TRL_LEVELS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const

const withParams = (key: string, params: Record<string, number>) =>
  `${key}|${JSON.stringify(params)}`

const trl = z
  .enum(TRL_LEVELS, { errorMap: () => ({ message: 'errors.choose' }) })
  .optional()
  .transform((v) => (v === undefined ? null : Number(v)))

export interface SavedSearchOptions {
  themes: ReadonlyArray<{ code: string }>
  counties: ReadonlyArray<{ code: string }>
  municipalities: ReadonlyArray<{ code: string; county_code: string }>
}

export function savedSearchSchema(options: SavedSearchOptions) {
  const themes = new Set(options.themes.map((t) => t.code))
  const counties = new Set(options.counties.map((c) => c.code))
  const countyOf = new Map(options.municipalities.map((m) => [m.code, m.county_code]))
  return z
    .object({
      name: z
        .string({ required_error: 'errors.required' })
        .trim()
        .min(1, 'errors.required')
        .max(100, 'errors.tooLong'),
      kinds: z
        .array(z.enum(SAVED_SEARCH_KIND_VALUES), { required_error: 'savedSearch.error.kinds' })
        .min(1, 'savedSearch.error.kinds')
        .transform((v) => SAVED_SEARCH_KIND_VALUES.filter((k) => v.includes(k))),
      themes: z
        .array(z.string().refine((t) => themes.has(t), 'errors.invalid'))
        .optional()
        .transform((v) => [...new Set(v ?? [])]),
      cpv_codes: cpvCodesField,
      county_code: z
        .string()
        .refine((c) => counties.has(c), 'errors.choose')
        .optional()
        .transform((v) => v ?? null),
      municipality_code: z
        .string()
        .refine((m) => countyOf.has(m), 'savedSearch.error.municipality')
        .optional()
        .transform((v) => v ?? null),
      procedure: z
        .enum(PROCEDURES, { errorMap: () => ({ message: 'errors.choose' }) })
        .optional()
        .transform((v) => v ?? null),
      trl_min: trl,
      trl_max: trl,
      query: z
        .string()
        .trim()
        .max(200, 'errors.tooLong')
        .optional()
        .transform((v) => v ?? '')
        .refine(
          (v) => foldedWords(v).length <= MAX_SEARCH_WORDS,
          withParams('savedSearch.error.tooManyWords', { max: MAX_SEARCH_WORDS }),
        )
        .refine(
          (v) => foldedWords(v).every((w) => [...w].length <= MAX_WORD_LENGTH),
          withParams('savedSearch.error.wordTooLong', { max: MAX_WORD_LENGTH }),
        ),
    })
    .superRefine((value, ctx) => {
      if (value.municipality_code && countyOf.get(value.municipality_code) !== value.county_code) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['municipality_code'],
          message: 'savedSearch.error.municipality',
        })
      }
      if (value.trl_min !== null && value.trl_max !== null && value.trl_min > value.trl_max) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['trl_max'],
          message: 'savedSearch.error.trlOrder',
        })
      }
    })
    .transform((value) => ({
      ...value,
      // One end of the range alone: the other is the scale's end.
      trl_min: value.trl_min ?? (value.trl_max === null ? null : 1),
      trl_max: value.trl_max ?? (value.trl_min === null ? null : 9),
    }))
}

export type SavedSearchFormValue = z.output<ReturnType<typeof savedSearchSchema>>
export type SavedSearchFormInput = z.input<ReturnType<typeof savedSearchSchema>>

export const savedSearchIdSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER)

/**
 * The form's first values from a catalogue's filters (`/account/searches/new?kind=call&…`): the
 * "save as alert" links of /test-beds and /calls. What makes no sense is left out.
 */
export function prefillFromQuery(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  const kind = params.get('kind')
  if (kind && (SAVED_SEARCH_KIND_VALUES as readonly string[]).includes(kind)) out.kinds = [kind]
  const theme = params.get('theme')
  if (theme && /^[a-z_]{2,40}$/.test(theme)) out.themes = [theme]
  const county = params.get('county')
  if (county && /^\d{2}$/.test(county)) out.county_code = county
  const procedure = params.get('procedure')
  if (procedure && (PROCEDURES as readonly string[]).includes(procedure)) {
    out.procedure = procedure
  }
  // A catalogue's CPV filter is a code or its first digits: the code that begins with them.
  const cpv = params.get('cpv')?.replace(/-\d$/u, '')
  if (cpv && /^\d{2,8}$/.test(cpv)) out.cpv_codes = cpv.padEnd(8, '0')
  const level = params.get('trl')
  if (level && /^[1-9]$/.test(level)) {
    out.trl_min = level
    out.trl_max = level
  }
  const q = params.get('q')?.trim().slice(0, 200)
  if (q) {
    out.query = q
    out.name = q.slice(0, 100)
  }
  return out
}
