/**
 * Kysely's driver prepares every query; db/connection.ts keeps the prepared statements (decision
 * record 043). A kept statement is reused, a busy one (still iterated) is not, and streaming works.
 */
import SQLite from 'better-sqlite3'
import { sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { openDatabase, StatementCache } from '#db/connection'

function numbers(rows = 5) {
  const sqlite = new SQLite(':memory:')
  sqlite.exec('create table n (v integer primary key)')
  for (let v = 1; v <= rows; v++) sqlite.prepare('insert into n (v) values (?)').run(v)
  return sqlite
}

describe('the prepared-statement cache', () => {
  it('returns the kept statement for the same SQL and a new one for other SQL', () => {
    const cache = new StatementCache(numbers())
    const first = cache.prepare('select v from n where v = ?')
    expect(cache.prepare('select v from n where v = ?')).toBe(first)
    expect(cache.prepare('select v from n where v > ?')).not.toBe(first)
    expect(cache.kept).toBe(2)
    expect(first.all([3])).toEqual([{ v: 3 }])
  })

  it('keeps at most its size, dropping the least recently used', () => {
    const cache = new StatementCache(numbers(), 2)
    const a = cache.prepare('select 1')
    const b = cache.prepare('select 2')
    expect(cache.prepare('select 1')).toBe(a)
    cache.prepare('select 3')
    expect(cache.kept).toBe(2)
    expect(cache.prepare('select 1')).toBe(a)
    expect(cache.prepare('select 2')).not.toBe(b)
  })

  it('gives a fresh statement while the kept one is being iterated, and both run', () => {
    const cache = new StatementCache(numbers())
    const text = 'select v from n order by v'
    const streaming = cache.prepare(text)
    const rows = streaming.iterate([])
    expect(rows.next().value).toEqual({ v: 1 })
    expect(streaming.busy).toBe(true)
    const other = cache.prepare(text)
    expect(other).not.toBe(streaming)
    expect(other.all([])).toHaveLength(5)
    expect([...rows]).toEqual([{ v: 2 }, { v: 3 }, { v: 4 }, { v: 5 }])
    expect(cache.prepare(text)).toBe(streaming)
  })

  it('serves Kysely queries, writes, transactions and streams through the cache', async () => {
    const { db, sqlite } = openDatabase(':memory:')
    await sql`create table n (v integer primary key)`.execute(db)
    await db.transaction().execute(async (trx) => {
      for (let v = 1; v <= 50; v++) await sql`insert into n (v) values (${v})`.execute(trx)
    })
    const query = (min: number) => sql<{ v: number }>`select v from n where v > ${min}`.execute(db)
    expect((await query(40)).rows).toHaveLength(10)
    expect((await query(45)).rows).toHaveLength(5)
    const streamed: number[] = []
    for await (const row of db
      .selectFrom(sql<{ v: number }>`(select v from n)`.as('t'))
      .select('v')
      .orderBy('v')
      .stream()) {
      streamed.push(row.v)
    }
    expect(streamed).toHaveLength(50)
    // The same stream again, and a query with the stream's SQL, after it ended.
    let again = 0
    for await (const _row of db
      .selectFrom(sql`(select v from n)`.as('t'))
      .selectAll()
      .stream())
      again += 1
    expect(again).toBe(50)
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(sqlite.pragma('recursive_triggers', { simple: true })).toBe(1)
    await db.destroy()
    expect(sqlite.open).toBe(false)
  })
})
