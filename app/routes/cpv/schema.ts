import { z } from 'zod'
import { normaliseCpvCode } from '~/utils/cpv'

/**
 * The CPV page's GET parameters. Anything that makes no sense is ignored rather than refused: a
 * malformed `parent` shows the top of the tree; a well-formed code that does not exist is the
 * loader's 404.
 */
export const cpvPageSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  parent: z
    .string()
    .transform((value, ctx) => {
      const code = normaliseCpvCode(value)
      if (code === null) {
        ctx.addIssue({ code: z.ZodIssueCode.custom })
        return z.NEVER
      }
      return code
    })
    .optional()
    .catch(undefined),
})
export type CpvPageParams = z.infer<typeof cpvPageSchema>
