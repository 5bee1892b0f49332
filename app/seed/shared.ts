import type { Kysely } from 'kysely'
import type { Database } from '#db/schema'
import { setClockOffset } from '~/utils/clock.server'
import {
  parseStockholmDate,
  parseStockholmDateTime,
  toStockholmDateInput,
} from '~/utils/stockholm-time'

// What the demo scenarios share: the keys of the seeded people and organisations, and the demo
// calendar. The seed writes its history through every rule at its own moment by moving the app
// clock, which the seed's connection makes SQLite follow (decision 018).

export const DAY = 86400

export type Tx = Kysely<Database>

/** The demo users and organisations by key, and the moment the seed started. */
export interface SeedIds {
  users: Map<string, number>
  orgs: Map<string, number>
  at: number
}

export function id(map: Map<string, number>, key: string): number {
  const value = map.get(key)
  if (value === undefined) throw new Error(`Demo seed: unknown key ${key}`)
  return value
}

/** Looks up a seeded user or organisation by its demo key. */
export function keys(ids: SeedIds) {
  return {
    user: (key: string) => id(ids.users, key),
    org: (key: string) => id(ids.orgs, key),
  }
}

const pad = (n: number) => String(n).padStart(2, '0')

/** Demo times on Swedish calendar days, counted in days from `base` (negative = past). */
export function calendar(base: number) {
  const date = (day: number) => toStockholmDateInput(base + day * DAY)
  return {
    /** Midnight at the start of the day. */
    dayStart: (day: number) => parseStockholmDate(date(day))!,
    /** A time of day, `HH:MM`. */
    at: (day: number, time: string) => parseStockholmDateTime(`${date(day)}T${time}`)!,
    /** An hour of the day, its minutes varying from day to day by `step`. */
    moment: (day: number, hour: number, step: number) =>
      parseStockholmDateTime(`${date(day)}T${pad(hour)}:${pad((((day * step) % 60) + 60) % 60)}`)!,
  }
}

/** Moves the app clock (and with it SQLite's) to a moment; now() is that moment afterwards. */
export function travel(at: number): void {
  setClockOffset(at - Math.floor(Date.now() / 1000))
}

/** What the initiative models need to know of an organisation: id, kind, verification. */
export async function organisation(db: Tx, id: number) {
  return db
    .selectFrom('organisations')
    .select(['id', 'kind', 'verification_status'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
}
