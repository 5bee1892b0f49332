import type SQLite from 'better-sqlite3'
import type { DB } from '../../db/connection'
import type { AuditWriter } from './audit-log'
import type { Log } from './progress'
import type { Random } from './random'

// What the phases of `npm run seed:scale` share.

export const DAY = 86400
export const HOUR = 3600

/** How many rows of each kind to add on top of the demo data. */
export interface Sizes {
  calls: number
  testBeds: number
  companies: number
  bids: number
  references: number
  applications: number
}

/** A verified public body that publishes calls and hosts test beds. */
export interface Buyer {
  id: number
  name: string
  /** The member who writes and publishes. */
  author: number
  /** The member who opens and evaluates (may be the author). */
  evaluator: number
  county: string
  municipality: string | null
  place: string
}

/** The generated companies, by index: organisation id and its one admin. */
export interface Companies {
  ids: number[]
  users: number[]
  places: string[]
}

export interface Context {
  db: DB
  sqlite: SQLite.Database
  random: Random
  sizes: Sizes
  /** The moment the seed started: nothing is written later than this. */
  base: number
  log: Log
  passwordHash: string
  /** Appends audit rows as audit() does (audit-log.ts). */
  audit: AuditWriter
  platformAdmin: number
  buyers: Buyer[]
  companies: Companies
  themes: string[]
  cpv: string[]
  /** Municipality short names, largest towns first (drawn with a Zipf law). */
  places: { code: string; county: string; name: string }[]
}
