import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { getEnv, resetEnvCache } from '~/utils/env.server'

const KEYS = [
  'NODE_ENV',
  'PORT',
  'HOST',
  'DATABASE_PATH',
  'APP_ORIGIN',
  'TRUST_PROXY',
  'SEED_DEMO',
  'SMTP_URL',
  'MAIL_FROM',
  'SESSION_IDLE_MINUTES',
  'SESSION_MAX_HOURS',
  'LOGIN_LIMIT_PER_IP',
  'LOGIN_LIMIT_PER_ACCOUNT',
  'FORM_LIMIT_PER_IP',
  'DEV_TOOLS',
  'PAGE_CACHE',
]

let saved: Record<string, string | undefined>
beforeEach(() => {
  saved = Object.fromEntries(KEYS.map((k) => [k, process.env[k]]))
  for (const k of KEYS) delete process.env[k]
  resetEnvCache()
})
afterEach(() => {
  for (const k of KEYS) {
    if (saved[k] === undefined) delete process.env[k]
    else process.env[k] = saved[k]
  }
  resetEnvCache()
})

function envWith(vars: Record<string, string>) {
  Object.assign(process.env, vars)
  resetEnvCache()
  return getEnv()
}

describe('getEnv', () => {
  test('has working defaults for a local production run', () => {
    const env = envWith({ NODE_ENV: 'production' })
    expect(env).toMatchObject({
      NODE_ENV: 'production',
      PORT: 3000,
      HOST: '0.0.0.0',
      DATABASE_PATH: 'data/testarena.sqlite',
      APP_ORIGIN: 'http://localhost:3000',
      TRUST_PROXY: false,
      SEED_DEMO: true,
      MAIL_FROM: 'Testarena <no-reply@testarena.test>',
      SESSION_IDLE_MINUTES: 30,
      SESSION_MAX_HOURS: 12,
      secureCookies: false,
      devTools: false,
    })
    expect(env.SMTP_URL).toBeUndefined()
  })

  test('defaults to development, where the developer tools are on', () => {
    const env = envWith({})
    expect(env.NODE_ENV).toBe('development')
    expect(env.devTools).toBe(true)
  })

  test('the default origin follows the port', () => {
    expect(envWith({ NODE_ENV: 'production', PORT: '8080' }).APP_ORIGIN).toBe(
      'http://localhost:8080',
    )
  })

  test('derives secure cookies from an https origin and keeps only the origin', () => {
    const env = envWith({
      NODE_ENV: 'production',
      APP_ORIGIN: 'https://testarena.example.se/some/path?x=1',
    })
    expect(env.APP_ORIGIN).toBe('https://testarena.example.se')
    expect(env.secureCookies).toBe(true)
    expect(env.devTools).toBe(false)
  })

  test('an http origin has no secure cookies', () => {
    expect(
      envWith({ NODE_ENV: 'production', APP_ORIGIN: 'http://intranet.example:8080' }).secureCookies,
    ).toBe(false)
  })

  test('DEV_TOOLS turns the tools on over http, in production mode too', () => {
    expect(envWith({ NODE_ENV: 'production', DEV_TOOLS: 'true' }).devTools).toBe(true)
  })

  test('refuses DEV_TOOLS on an https deployment', () => {
    expect(() =>
      envWith({
        NODE_ENV: 'production',
        DEV_TOOLS: 'true',
        APP_ORIGIN: 'https://testarena.example.se',
      }),
    ).toThrow(/DEV_TOOLS: DEV_TOOLS must not be enabled on an https deployment/)
    expect(() =>
      envWith({
        NODE_ENV: 'production',
        DEV_TOOLS: '1',
        APP_ORIGIN: 'https://testarena.example.se',
      }),
    ).toThrow(/DEV_TOOLS/)
  })

  test('rejects a bad port with a readable message naming the variable', () => {
    expect(() => envWith({ PORT: 'eighty' })).toThrow(
      /^Invalid environment:\n {2}PORT: Expected number, received nan/,
    )
    resetEnvCache()
    expect(() => envWith({ PORT: '70000' })).toThrow(
      /PORT: Number must be less than or equal to 65535/,
    )
    resetEnvCache()
    expect(() => envWith({ PORT: '0' })).toThrow(/PORT: Number must be greater than or equal to 1/)
  })

  test('lists every bad variable at once', () => {
    let message = ''
    try {
      envWith({
        PORT: 'x',
        APP_ORIGIN: 'not a url',
        SMTP_URL: 'http://mail.example',
        NODE_ENV: 'staging',
      })
    } catch (error) {
      message = (error as Error).message
    }
    const lines = message
      .split('\n')
      .slice(1)
      .map((l) => l.trim().split(':')[0])
    expect(lines.sort()).toEqual(['APP_ORIGIN', 'NODE_ENV', 'PORT', 'SMTP_URL'])
    expect(message).toContain('SMTP_URL must start with smtp:// or smtps://')
  })

  test('reads flags as true only for "true" or "1"', () => {
    expect(envWith({ NODE_ENV: 'production', TRUST_PROXY: '1' }).TRUST_PROXY).toBe(true)
    resetEnvCache()
    expect(envWith({ NODE_ENV: 'production', TRUST_PROXY: 'false', SEED_DEMO: '0' })).toMatchObject(
      {
        TRUST_PROXY: false,
        SEED_DEMO: false,
      },
    )
    resetEnvCache()
    expect(() => envWith({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/)
  })

  test('the page cache is on unless PAGE_CACHE is off, and nothing else is accepted', () => {
    expect(envWith({ NODE_ENV: 'production' }).PAGE_CACHE).toBe(true)
    resetEnvCache()
    expect(envWith({ NODE_ENV: 'production', PAGE_CACHE: 'off' }).PAGE_CACHE).toBe(false)
    resetEnvCache()
    expect(() => envWith({ PAGE_CACHE: 'no' })).toThrow(/PAGE_CACHE/)
  })

  test('is cached until reset', () => {
    const first = envWith({ NODE_ENV: 'production', PORT: '4000' })
    process.env.PORT = '5000'
    expect(getEnv()).toBe(first)
    resetEnvCache()
    expect(getEnv().PORT).toBe(5000)
  })
})
