import { z } from 'zod'
import { INTERMEDIARY_TYPES, PUBLIC_BODY_TYPES, SIZE_CLASSES } from '~/domain/vocabularies'
import type { OrganisationKind } from '#db/schema'
import { isPersonalIdentityNumber, normaliseOrgNumber } from './org-number'

/** The reference data a form needs to check county, municipality and sectors (server and browser). */
export interface ReferenceCodes {
  municipalities: ReadonlyArray<{ code: string; county_code: string }>
  sectors: ReadonlyArray<{ code: string }>
}

const choose = { errorMap: () => ({ message: 'errors.choose' }) }

/** "www.example.se" becomes "https://www.example.se"; the result must be an http(s) URL. */
const website = z
  .string()
  .trim()
  .max(500, 'errors.tooLong')
  .transform((v) => (/^[a-z][a-z0-9+.-]*:/i.test(v) ? v : `https://${v}`))
  .refine((v) => {
    try {
      const url = new URL(v)
      return (
        (url.protocol === 'https:' || url.protocol === 'http:') &&
        /^https?:\/\/[^/\s]+\.[^/\s]+/i.test(v)
      )
    } catch {
      return false
    }
  }, 'errors.url')
  .optional()

export const orgNumberField = z
  .string({ required_error: 'errors.required' })
  .trim()
  .transform((value, ctx) => {
    const digits = normaliseOrgNumber(value)
    if (!digits) {
      const message = isPersonalIdentityNumber(value)
        ? 'errors.orgNumberPersonal'
        : 'errors.orgNumber'
      ctx.addIssue({ code: z.ZodIssueCode.custom, message })
      return z.NEVER
    }
    return digits
  })

function parts(ref: ReferenceCodes) {
  const countyOf = new Map(ref.municipalities.map((m) => [m.code, m.county_code]))
  const counties = new Set(countyOf.values())
  const sectorCodes = new Set(ref.sectors.map((s) => s.code))

  const common = z.object({
    name: z
      .string({ required_error: 'errors.required' })
      .trim()
      .min(2, 'errors.tooShort')
      .max(200, 'errors.tooLong'),
    website,
    description: z.string().trim().max(2000, 'errors.tooLong').optional(),
  })
  // Checked on its own, so a wrong municipality is reported together with other mistakes.
  const location = z
    .object({
      county_code: z
        .string({ required_error: 'errors.choose' })
        .refine((c) => counties.has(c), 'errors.choose'),
      municipality_code: z
        .string({ required_error: 'errors.choose' })
        .refine((m) => countyOf.has(m), 'errors.choose'),
    })
    .superRefine((value, ctx) => {
      if (countyOf.get(value.municipality_code) !== value.county_code) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          path: ['municipality_code'],
          message: 'errors.municipalityNotInCounty',
        })
      }
    })
  const company = {
    size_class: z.enum(SIZE_CLASSES, choose),
    sectors: z
      .array(z.string().refine((s) => sectorCodes.has(s), 'errors.invalid'))
      .max(sectorCodes.size, 'errors.invalid')
      .optional()
      .transform((v) => [...new Set(v ?? [])].sort()),
  }
  const publicBody = { public_body_type: z.enum(PUBLIC_BODY_TYPES, choose) }
  const intermediary = { intermediary_type: z.enum(INTERMEDIARY_TYPES, choose) }
  return { common, location, company, publicBody, intermediary }
}

/**
 * The registration form: kind decides whether a size class, a public-body type or an
 * intermediary type is required.
 */
export function registrationSchema(ref: ReferenceCodes) {
  const { common, location, company, publicBody, intermediary } = parts(ref)
  const kind = z.discriminatedUnion(
    'kind',
    [
      z.object({ kind: z.literal('company'), ...company }),
      z.object({ kind: z.literal('public_body'), ...publicBody }),
      z.object({ kind: z.literal('intermediary'), ...intermediary }),
    ],
    choose,
  )
  return common.extend({ org_number: orgNumberField }).and(location).and(kind)
}

/** The settings form: the kind is fixed, so its fields are simply required. */
export function settingsSchema(ref: ReferenceCodes, kind: OrganisationKind) {
  const { common, location, company, publicBody, intermediary } = parts(ref)
  const kindPart =
    kind === 'company'
      ? z.object(company).transform((v) => ({ ...v, kind: 'company' as const }))
      : kind === 'intermediary'
        ? z.object(intermediary).transform((v) => ({ ...v, kind: 'intermediary' as const }))
        : z.object(publicBody).transform((v) => ({ ...v, kind: 'public_body' as const }))
  return common.and(location).and(kindPart)
}
