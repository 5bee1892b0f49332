import { parseWithZod } from '@conform-to/zod'
import { data, redirect } from '@remix-run/node'
import type { DB } from '#db/connection'
import { getLocale } from '~/i18n/locale.server'
import { findUnknownCpv } from '~/models/cpv.server'
import { getSavedSearchFormOptions } from '~/models/saved-searches.server'
import { unknownCpvMessage } from './cpv'
import { refusalReply } from './domain-errors.server'
import { type SavedSearchFormValue, savedSearchSchema } from './saved-search-schema'

/**
 * The new and the edit page's action (issue 16 part 2): parse the form, refuse unknown CPV codes
 * next to their field, save, and go to `done`; a refusal comes back as the form's reply (400).
 */
export async function saveSearchFromForm(
  db: DB,
  request: Request,
  save: (input: SavedSearchFormValue) => Promise<unknown>,
  done: string,
) {
  const options = await getSavedSearchFormOptions(db, getLocale(request))
  const submission = parseWithZod(await request.formData(), { schema: savedSearchSchema(options) })
  if (submission.status !== 'success') return data({ result: submission.reply() }, { status: 400 })
  const unknown = await findUnknownCpv(db, submission.value.cpv_codes)
  if (unknown.length > 0) {
    const reply = submission.reply({ fieldErrors: { cpv_codes: [unknownCpvMessage(unknown)] } })
    return data({ result: reply }, { status: 400 })
  }
  try {
    await save(submission.value)
    return redirect(done)
  } catch (error) {
    return data({ result: refusalReply(submission, error) }, { status: 400 })
  }
}
