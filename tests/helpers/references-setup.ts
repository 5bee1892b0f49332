import {
  action as caseAction,
  loader as caseLoader,
} from '~/routes/references.$referenceId._index/route'
import { action as editAction } from '~/routes/references.$referenceId.edit/route'
import { action as newAction, loader as newLoader } from '~/routes/references.new/route'
import { getDb } from '~/utils/db.server'
import { sessionCookieFor } from './factories'
import { mailsTo } from './inspect'
import { createRunningPilot } from './pilot-factories'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from './requests'

// Shared setup for the reference-case route tests (references-*.test.ts): a complete form, the
// reference routes, and lookups of rows and mails.

export const db = getDb()

export const cookie = (userId: number) => sessionCookieFor(db, userId)

/** A complete, valid form: Swedish and English, one result with a decimal comma. */
export const FORM: Record<string, string> = {
  title_sv: 'Nyckelfri hemtjänst i Bergnäset',
  summary_sv: 'Hemtjänsten sparade 14 minuter per pass med digitala lås.',
  challenge_sv: 'Fysiska nycklar tog tid och försvann.',
  solution_sv: 'Batteridrivna lås som klarar −40 °C.',
  deployment_sv: 'Fyra vintermånader i ordinärt boende.',
  participants_sv: '30 brukare och 22 undersköterskor.',
  quote_sv: 'Vi köper gärna igen.',
  quote_by_role: 'Enhetschef hemtjänst',
  has_english: 'on',
  title_en: 'Keyless home care in Bergnäset',
  summary_en: 'Home care saved 14 minutes per shift with digital locks.',
  challenge_en: 'Physical keys took time and went missing.',
  solution_en: 'Battery-powered locks that work at −40 °C.',
  deployment_en: 'Four winter months in ordinary housing.',
  participants_en: '30 clients and 22 care assistants.',
  quote_en: 'We would gladly buy again.',
  place: 'Bergnäset, Luleå',
  started_on: '2026-01-10',
  ended_on: '2026-05-01',
  'results[0].label_sv': 'Tid för nycklar per pass',
  'results[0].label_en': 'Time on keys per shift',
  'results[0].value': '2,5',
  'results[0].unit': 'min',
  'results[0].baseline': '1 016',
  'results[1].label_sv': '',
  'results[1].value': '',
  would_use_again: 'yes',
  takes_reference_calls: 'on',
  contact_role: 'Enhetschef hemtjänst',
}

export function swedishOnly(): Record<string, string> {
  const form = { ...FORM }
  delete form.has_english
  return form
}

export function newPage(query: string, cookieHeader?: string) {
  return run(() =>
    newLoader(loaderArgs(getRequest(`/references/new?${query}`, { cookie: cookieHeader }))),
  )
}

export function create(query: string, fields: Record<string, string>, cookieHeader: string) {
  return run(() =>
    newAction(
      actionArgs(formRequest(`/references/new?${query}`, fields, { cookie: cookieHeader })),
    ),
  )
}

export function casePage(id: number | string, cookieHeader?: string, query = '') {
  return run(() =>
    caseLoader(
      loaderArgs(getRequest(`/references/${id}${query}`, { cookie: cookieHeader }), {
        referenceId: String(id),
      }),
    ),
  )
}

export function post(id: number, fields: Record<string, string>, cookieHeader: string) {
  return run(() =>
    caseAction(
      actionArgs(formRequest(`/references/${id}?index`, fields, { cookie: cookieHeader }), {
        referenceId: String(id),
      }),
    ),
  )
}

export function edit(id: number, fields: Record<string, string>, cookieHeader: string) {
  return run(() =>
    editAction(
      actionArgs(formRequest(`/references/${id}/edit`, fields, { cookie: cookieHeader }), {
        referenceId: String(id),
      }),
    ),
  )
}

export async function row(id: number) {
  return db.selectFrom('reference_cases').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function caseCount() {
  const r = await db
    .selectFrom('reference_cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

export function idFrom(location: string | null): number {
  const match = /^\/references\/(\d+)/.exec(location ?? '')
  if (!match) throw new Error(`Not a reference address: ${location}`)
  return Number(match[1])
}

export async function emailOf(userId: number) {
  const r = await db
    .selectFrom('users')
    .select('email')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow()
  return r.email
}

export async function mailsFor(userId: number, template: string) {
  return mailsTo(db, await emailOf(userId), template)
}

export async function approve(id: number, userId: number) {
  const current = await row(id)
  return post(id, { intent: 'approve', revision: String(current!.revision) }, await cookie(userId))
}

/** A pilot that is accepted but still running (no report yet). */
export function activePilot() {
  return createRunningPilot(db)
}
