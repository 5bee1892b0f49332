import { expect } from 'vitest'
import {
  action as adminListAction,
  loader as adminListLoader,
} from '~/routes/admin.competitions._index/route'
import {
  action as adminYearAction,
  loader as adminYearLoader,
} from '~/routes/admin.competitions.$year/route'
import { loader as yearLoader } from '~/routes/competitions.$year._index/route'
import { action as juryAction, loader as juryLoader } from '~/routes/competitions.$year.jury/route'
import { action as nominateAction } from '~/routes/competitions.$year.nominate/route'
import { now } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { toStockholmDateTimeInput } from '~/utils/stockholm-time'
import { DAY } from './call-factories'
import { sessionCookieFor } from './factories'
import { createPlatformAdmin } from './reference-factories'
import { actionArgs, formRequest, getRequest, loaderArgs, run } from './requests'
import { formResult, headerOf, statusOf } from './responses'

// Shared setup for the competition integration tests (competitions-*.test.ts): the routes'
// loaders and actions, and competitions, categories and jurors made through the app.

export const cookie = (userId: number) => sessionCookieFor(getDb(), userId)

// Every test uses its own year (the year is unique in the database).
let nextYear = 2040
export const freshYear = () => nextYear++

export const INTRO_SV = 'Årets tävling lyfter fram verifierade referenser från hela landet.'
export const INTRO_EN =
  'This year’s competition showcases verified references from all over Sweden.'
export const CATEGORY = {
  name_sv: 'Årets testbäddssamarbete',
  name_en: 'Test-bed partnership of the year',
  description_sv: 'Ett samarbete där en testbädd ledde till ett verkligt införande.',
  description_en: 'A partnership in which a test bed led to real deployment.',
}
export const MOTIVATION = 'Ett tydligt exempel på hur en pilot blev ett införande i full skala.'

export function adminList(userCookie?: string) {
  return run(() =>
    adminListLoader(loaderArgs(getRequest('/admin/competitions', { cookie: userCookie }))),
  )
}

export function createPost(fields: Record<string, string>, userCookie: string) {
  return run(() =>
    adminListAction(actionArgs(formRequest('/admin/competitions', fields, { cookie: userCookie }))),
  )
}

export function adminPage(year: number | string, userCookie: string, search = '') {
  return run(() =>
    adminYearLoader(
      loaderArgs(getRequest(`/admin/competitions/${year}${search}`, { cookie: userCookie }), {
        year: String(year),
      }),
    ),
  )
}

export function adminPost(year: number, fields: Record<string, string>, userCookie: string) {
  return run(() =>
    adminYearAction(
      actionArgs(formRequest(`/admin/competitions/${year}`, fields, { cookie: userCookie }), {
        year: String(year),
      }),
    ),
  )
}

export function publicPage(year: number | string, headers: Record<string, string> = {}) {
  return run(() =>
    yearLoader(
      loaderArgs(getRequest(`/competitions/${year}`, { headers }), { year: String(year) }),
    ),
  )
}

export function nominatePost(year: number, fields: Record<string, string>, userCookie: string) {
  return run(() =>
    nominateAction(
      actionArgs(formRequest(`/competitions/${year}/nominate`, fields, { cookie: userCookie }), {
        year: String(year),
      }),
    ),
  )
}

export function juryPage(year: number | string, userCookie: string) {
  return run(() =>
    juryLoader(
      loaderArgs(getRequest(`/competitions/${year}/jury`, { cookie: userCookie }), {
        year: String(year),
      }),
    ),
  )
}

export function juryPost(year: number, fields: Record<string, string>, userCookie: string) {
  return run(() =>
    juryAction(
      actionArgs(formRequest(`/competitions/${year}/jury`, fields, { cookie: userCookie }), {
        year: String(year),
      }),
    ),
  )
}

export function formErrors(outcome: unknown): string[] {
  return formResult(outcome).error?.[''] ?? []
}

export function fieldErrors(outcome: unknown, field: string): string[] {
  return formResult(outcome).error?.[field] ?? []
}

export async function competitionRow(year: number) {
  return getDb()
    .selectFrom('competitions')
    .selectAll()
    .where('year', '=', year)
    .executeTakeFirstOrThrow()
}

export async function admin() {
  const user = await createPlatformAdmin(getDb())
  return { user, cookie: await cookie(user.id) }
}

/** A competition created through the app, nominations closing `closeIn` seconds from now. */
export async function openCompetition(adminCookie: string, closeIn = 2 * DAY) {
  const year = freshYear()
  const outcome = await createPost(
    {
      year: String(year),
      intro_sv: INTRO_SV,
      intro_en: INTRO_EN,
      nominations_close: toStockholmDateTimeInput(now() + closeIn),
    },
    adminCookie,
  )
  expect(statusOf(outcome)).toBe(302)
  expect(headerOf(outcome, 'Location')).toBe(`/admin/competitions/${year}?notice=created`)
  return year
}

export async function addCategoryViaApp(year: number, adminCookie: string, overrides = {}) {
  const outcome = await adminPost(
    year,
    { intent: 'addCategory', ...CATEGORY, ...overrides },
    adminCookie,
  )
  expect(statusOf(outcome)).toBe(302)
  const rows = await getDb()
    .selectFrom('competition_categories as c')
    .innerJoin('competitions as k', 'k.id', 'c.competition_id')
    .select(['c.id'])
    .where('k.year', '=', year)
    .orderBy('c.position', 'desc')
    .execute()
  return rows[0]!.id
}

export async function nominationIds(categoryId: number) {
  const rows = await getDb()
    .selectFrom('competition_nominations')
    .select(['id', 'reference_id'])
    .where('category_id', '=', categoryId)
    .orderBy('id')
    .execute()
  return rows
}

export async function appoint(year: number, email: string, adminCookie: string) {
  const outcome = await adminPost(year, { intent: 'appointJuror', email }, adminCookie)
  expect(statusOf(outcome)).toBe(302)
}
