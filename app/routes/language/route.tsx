import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { z } from 'zod'
import { getOptionalUser } from '~/auth/guards.server'
import { localeCookie } from '~/i18n/locale.server'
import { LOCALES } from '~/i18n/locales'
import { setUserLocale } from '~/models/users.server'
import { getDb } from '~/utils/db.server'
import { getEnv } from '~/utils/env.server'
import { withoutLang } from '~/utils/canonical'
import { safeRedirect } from '~/utils/request.server'

const schema = z.object({ locale: z.enum(LOCALES), redirectTo: z.string().optional() })

/** The language switch: a plain form post, so it works without JavaScript. */
export async function action({ request }: ActionFunctionArgs) {
  const parsed = schema.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) throw new Response('Bad request', { status: 400 })
  const user = await getOptionalUser(request)
  // Signed-in users also get their mail in the language they chose.
  if (user) await setUserLocale(getDb(), user.id, parsed.data.locale)
  // Back to the page without `?lang=`, which would otherwise outrank the choice (decision 039).
  return redirect(withoutLang(safeRedirect(parsed.data.redirectTo)), {
    headers: { 'Set-Cookie': localeCookie(parsed.data.locale, getEnv().secureCookies) },
  })
}

export async function loader() {
  return redirect('/')
}
