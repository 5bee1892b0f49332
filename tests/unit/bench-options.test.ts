import { spawnSync } from 'node:child_process'
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, test } from 'vitest'
import { DEFAULT_DB, parseOptions, refuseDemoDatabase, runs } from '../bench/options'

// `npm run bench`'s command line and its refusal of the demo database (decision 047).

describe('arguments', () => {
  test('defaults: the scale suite on data/scale.sqlite, 3 × 3 s alternations at 50 connections', () => {
    const o = parseOptions([])
    expect(o).toMatchObject({
      suite: 'scale',
      only: [],
      db: DEFAULT_DB,
      quick: false,
      duration: 3,
      alternations: 3,
      connections: 50,
      commits: 200,
      build: true,
    })
    expect(DEFAULT_DB).toBe('data/scale.sqlite')
    expect(runs(o, 'pages')).toBe(true)
    expect(runs(o, 'bids')).toBe(true)
  })

  test('--quick shortens, explicit values win, --no-build skips the build', () => {
    expect(parseOptions(['--quick'])).toMatchObject({ duration: 1, alternations: 1 })
    const o = parseOptions(['--quick', '--duration', '5', '--db', '/tmp/x.sqlite', '--no-build'])
    expect(o).toMatchObject({ duration: 5, alternations: 1, db: '/tmp/x.sqlite', build: false })
  })

  test('--only picks parts, comma-separated or repeated, and implies their suite', () => {
    const o = parseOptions(['--only', 'search,bids'])
    expect(o.only).toEqual(['search', 'bids'])
    expect(runs(o, 'pages')).toBe(false)
    expect(runs(o, 'search')).toBe(true)
    expect(parseOptions(['--only', 'ocds']).suite).toBe('legacy')
    expect(parseOptions(['--only', 'ocds', '--only', 'saved-searches']).only).toEqual([
      'ocds',
      'saved-searches',
    ])
    expect(parseOptions(['--suite', 'legacy']).suite).toBe('legacy')
  })

  test('refuses what it cannot do', () => {
    expect(() => parseOptions(['--duration', '0'])).toThrow(/--duration/)
    expect(() => parseOptions(['--duration', '2.5'])).toThrow(/--duration/)
    expect(() => parseOptions(['--connections', 'many'])).toThrow(/--connections/)
    expect(() => parseOptions(['--only', 'everything'])).toThrow(/choose from/)
    expect(() => parseOptions(['--only', 'ocds,pages'])).toThrow(/two suites/)
    expect(() => parseOptions(['--suite', 'legacy', '--only', 'pages'])).toThrow(/not part/)
    expect(() => parseOptions(['--suite', 'fast'])).toThrow(/--suite/)
    expect(() => parseOptions(['--dbb', 'x'])).toThrow()
    expect(() => parseOptions(['data/scale.sqlite'])).toThrow()
  })
})

describe('the demo database is refused', () => {
  test('the default demo path, however it is written', () => {
    expect(() => refuseDemoDatabase('data/testarena.sqlite', {})).toThrow(/npm start/)
    expect(() => refuseDemoDatabase('./data/../data/testarena.sqlite', {})).toThrow(/npm start/)
    expect(() => refuseDemoDatabase(resolve('data/testarena.sqlite'), {})).toThrow(/npm start/)
    expect(() => refuseDemoDatabase('data/scale.sqlite', {})).not.toThrow()
  })

  test('the file DATABASE_PATH names, also through a symlink', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-options-'))
    const demo = join(dir, 'live.sqlite')
    writeFileSync(demo, '')
    symlinkSync(demo, join(dir, 'alias.sqlite'))
    const env = { DATABASE_PATH: demo }
    expect(() => refuseDemoDatabase(demo, env)).toThrow(/Refusing/)
    expect(() => refuseDemoDatabase(join(dir, 'alias.sqlite'), env)).toThrow(/Refusing/)
    expect(() => refuseDemoDatabase(join(dir, 'scale.sqlite'), env)).not.toThrow()
    // With DATABASE_PATH elsewhere, data/testarena.sqlite is just another file.
    expect(() => refuseDemoDatabase('data/testarena.sqlite', env)).not.toThrow()
  })
})

test('npm run bench stops before touching the demo database', () => {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'tests/bench/run.ts', '--db', 'data/testarena.sqlite', '--no-build'],
    { encoding: 'utf8', env: { ...process.env, DATABASE_PATH: '' } },
  )
  expect(result.status).toBe(1)
  expect(result.stderr).toMatch(/Refusing to bench data\/testarena\.sqlite/)
})
