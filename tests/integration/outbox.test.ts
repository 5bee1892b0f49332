import type { AddressInfo } from 'node:net'
import nodemailer, { type Transporter } from 'nodemailer'
import { SMTPServer } from 'smtp-server'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { DB } from '#db/connection'
import { deliverDueMail, listOutbox, queueMail, retryDelay } from '~/models/outbox.server'
import { loader as outboxLoader } from '~/routes/dev.outbox/route'
import { now, setClockOffset } from '~/utils/clock.server'
import { getDb } from '~/utils/db.server'
import { resetEnvCache } from '~/utils/env.server'
import { createTestDb } from '../helpers/db'
import { unique } from '../helpers/factories'
import { getRequest, loaderArgs, run } from '../helpers/requests'

const FROM = 'Testarena <no-reply@testarena.test>'

let db: DB
beforeEach(async () => {
  ;({ db } = await createTestDb())
})
afterEach(async () => {
  setClockOffset(0)
  await db.destroy()
})

function address() {
  return `${unique('mail')}@example.test`
}

async function row(id: number) {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}

/** A transport that records what it was asked to send. */
function recordingTransport() {
  const sent: { to: unknown; subject: unknown; text: unknown; from: unknown }[] = []
  return {
    sent,
    sendMail: (async (mail: Record<string, unknown>) => {
      sent.push({ to: mail.to, subject: mail.subject, text: mail.text, from: mail.from })
      return { messageId: `<${sent.length}@fake.test>` }
    }) as unknown as Transporter['sendMail'],
  }
}

function failingTransport(message = '421 Service not available, try again later') {
  let calls = 0
  return {
    get calls() {
      return calls
    },
    sendMail: (async () => {
      calls++
      throw new Error(message)
    }) as unknown as Transporter['sendMail'],
  }
}

describe('queueMail', () => {
  test('renders the Swedish template with its parameters and the signature', async () => {
    const to = address()
    const id = await queueMail(db, {
      to,
      locale: 'sv',
      template: 'password_reset',
      params: { name: 'Maja', link: 'http://localhost:3000/reset/abc' },
    })
    const mail = await row(id)
    expect(mail).toMatchObject({
      to_address: to,
      template: 'password_reset',
      subject: 'Återställ ditt lösenord i Testarena',
    })
    expect(mail.text_body).toContain('Hej Maja!')
    expect(mail.text_body).toContain('\nhttp://localhost:3000/reset/abc\n')
    expect(mail.text_body).toMatch(/Hälsningar\nTestarena\n$/)
    expect(mail).toMatchObject({ attempts: 0, sent_at: null, last_error: null })
    expect(mail.next_attempt_at).toBe(mail.created_at)
  })

  test('renders the English template for an English-speaking recipient', async () => {
    const id = await queueMail(db, {
      to: address(),
      locale: 'en',
      template: 'verification_rejected',
      params: {
        organisation: 'Region Test',
        reason: 'Wrong number',
        link: 'http://localhost:3000/organisations/region-test',
      },
    })
    const mail = await row(id)
    expect(mail.subject).toBe('Region Test could not be verified on Testarena')
    expect(mail.text_body).toContain('Reason: Wrong number')
    expect(mail.text_body).toContain('http://localhost:3000/organisations/region-test')
    expect(mail.text_body).toMatch(/Best regards\nTestarena\n$/)
    expect(mail.text_body).not.toMatch(/\{\w+\}/)
  })
})

describe('deliverDueMail', () => {
  test('sends what is due and marks it sent with the message id', async () => {
    const to = address()
    const id = await queueMail(db, {
      to,
      locale: 'sv',
      template: 'password_changed',
      params: { name: 'Ola', time: 'nu', link: 'http://x.test/r' },
    })
    const transport = recordingTransport()

    expect(await deliverDueMail(db, transport, FROM)).toEqual({ sent: 1, failed: 0 })
    expect(transport.sent).toEqual([
      {
        from: FROM,
        to,
        subject: 'Ditt lösenord i Testarena har ändrats',
        text: (await row(id)).text_body,
      },
    ])
    const mail = await row(id)
    expect(mail).toMatchObject({ attempts: 1, message_id: '<1@fake.test>', last_error: null })
    expect(mail.sent_at).toBeGreaterThanOrEqual(mail.created_at)

    // Sent mail is not sent again.
    expect(await deliverDueMail(db, transport, FROM)).toEqual({ sent: 0, failed: 0 })
    expect(transport.sent).toHaveLength(1)
  })

  test('a failing server keeps the message, records the error, backs off, and a later run delivers it', async () => {
    const to = address()
    const id = await queueMail(db, {
      to,
      locale: 'en',
      template: 'password_reset',
      params: { name: 'Kim', link: 'http://x.test/r' },
    })

    const before = now()
    const broken = failingTransport()
    expect(await deliverDueMail(db, broken, FROM)).toEqual({ sent: 0, failed: 1 })
    let mail = await row(id)
    expect(mail).toMatchObject({
      attempts: 1,
      sent_at: null,
      last_error: '421 Service not available, try again later',
    })
    expect(mail.next_attempt_at).toBeGreaterThanOrEqual(before + retryDelay(1))
    expect(mail.next_attempt_at).toBeLessThanOrEqual(now() + retryDelay(1))

    // Not due yet: a working transport is not even asked.
    const working = recordingTransport()
    expect(await deliverDueMail(db, working, FROM)).toEqual({ sent: 0, failed: 0 })
    expect(working.sent).toHaveLength(0)

    // A second failure after the first back-off doubles the wait.
    setClockOffset(retryDelay(1) + 1)
    expect(await deliverDueMail(db, broken, FROM)).toEqual({ sent: 0, failed: 1 })
    mail = await row(id)
    expect(mail.attempts).toBe(2)
    expect(mail.next_attempt_at - now()).toBeGreaterThanOrEqual(retryDelay(2) - 1)
    expect(retryDelay(2)).toBe(2 * retryDelay(1))

    setClockOffset(retryDelay(1) + retryDelay(2) + 2)
    expect(await deliverDueMail(db, working, FROM)).toEqual({ sent: 1, failed: 0 })
    mail = await row(id)
    expect(mail).toMatchObject({ attempts: 3, last_error: null, message_id: '<1@fake.test>' })
    expect(mail.sent_at).not.toBeNull()
    expect(working.sent[0]).toMatchObject({ to, subject: 'Reset your Testarena password' })
    expect(broken.calls).toBe(2)
  })

  test('the back-off is capped at six hours', () => {
    expect([1, 2, 3, 4].map(retryDelay)).toEqual([60, 120, 240, 480])
    expect(retryDelay(30)).toBe(6 * 60 * 60)
  })

  test('listOutbox shows the newest first and filters by recipient, whatever its case', async () => {
    const to = address()
    const first = await queueMail(db, {
      to,
      locale: 'sv',
      template: 'password_reset',
      params: { name: 'A', link: 'l' },
    })
    await queueMail(db, {
      to: address(),
      locale: 'sv',
      template: 'password_reset',
      params: { name: 'B', link: 'l' },
    })
    const second = await queueMail(db, {
      to,
      locale: 'sv',
      template: 'password_reset',
      params: { name: 'C', link: 'l' },
    })
    expect((await listOutbox(db, { to: to.toUpperCase() })).map((m) => m.id)).toEqual([
      second,
      first,
    ])
    expect((await listOutbox(db)).map((m) => m.id)).toHaveLength(3)
  })
})

describe('delivery over real SMTP', () => {
  test('a message reaches a local SMTP server with its subject and recipient', async () => {
    const received: { from: string; to: string[]; raw: string }[] = []
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = []
        stream.on('data', (chunk: Buffer) => chunks.push(chunk))
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          })
          callback()
        })
      },
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.server.address() as AddressInfo
      const transport = nodemailer.createTransport({
        host: '127.0.0.1',
        port,
        secure: false,
        ignoreTLS: true,
      })
      const to = address()
      const id = await queueMail(db, {
        to,
        locale: 'en',
        template: 'password_reset',
        params: { name: 'Robin', link: 'http://localhost:3000/reset/token123' },
      })

      expect(await deliverDueMail(db, transport, FROM)).toEqual({ sent: 1, failed: 0 })
      transport.close()

      expect(received).toHaveLength(1)
      const [message] = received
      expect(message!.from).toBe('no-reply@testarena.test')
      expect(message!.to).toEqual([to])
      expect(message!.raw).toMatch(/^Subject: Reset your Testarena password\r$/m)
      expect(message!.raw).toMatch(new RegExp(`^To: ${to.replace(/[.+]/g, '\\$&')}\r$`, 'm'))
      // Quoted-printable may wrap long lines with a soft break ("=" at the end of a line).
      expect(message!.raw.replace(/=\r\n/g, '')).toContain('http://localhost:3000/reset/token123')
      const mail = await row(id)
      expect(mail.sent_at).not.toBeNull()
      expect(mail.message_id).toMatch(/^<.+@.+>$/)
      expect(message!.raw).toContain(`Message-ID: ${mail.message_id}`)
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })

  test('an unreachable SMTP server is a recorded failure, not a lost message', async () => {
    // Bind and release a port so nothing listens on it.
    const probe = new SMTPServer({ logger: false })
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
    const { port } = probe.server.address() as AddressInfo
    await new Promise<void>((resolve) => probe.close(() => resolve()))

    const transport = nodemailer.createTransport({
      host: '127.0.0.1',
      port,
      secure: false,
      ignoreTLS: true,
      connectionTimeout: 2000,
    })
    const id = await queueMail(db, {
      to: address(),
      locale: 'sv',
      template: 'password_reset',
      params: { name: 'X', link: 'l' },
    })
    expect(await deliverDueMail(db, transport, FROM)).toEqual({ sent: 0, failed: 1 })
    const mail = await row(id)
    expect(mail).toMatchObject({ attempts: 1, sent_at: null })
    expect(mail.last_error).toMatch(/ECONNREFUSED/)
  })
})

describe('the development outbox page', () => {
  afterEach(() => {
    delete process.env.DEV_TOOLS
    resetEnvCache()
  })

  test('does not exist unless the developer tools are on', async () => {
    delete process.env.DEV_TOOLS
    resetEnvCache()
    const reply = await run(() => outboxLoader(loaderArgs(getRequest('/dev/outbox'))))
    expect(reply).toBeInstanceOf(Response)
    expect((reply as Response).status).toBe(404)
  })

  test('lists the mail newest first and filters by recipient', async () => {
    process.env.DEV_TOOLS = 'true'
    resetEnvCache()
    const to = address()
    const first = await queueMail(getDb(), {
      to,
      locale: 'sv',
      template: 'password_reset',
      params: { name: 'A', link: 'http://localhost:3000/a' },
    })
    await queueMail(getDb(), {
      to: address(),
      locale: 'sv',
      template: 'password_reset',
      params: { name: 'B', link: 'l' },
    })
    const second = await queueMail(getDb(), {
      to,
      locale: 'en',
      template: 'password_reset',
      params: { name: 'C', link: 'l' },
    })

    const all = (await outboxLoader(loaderArgs(getRequest('/dev/outbox')))) as Awaited<
      ReturnType<typeof outboxLoader>
    >
    expect(all.to).toBe('')
    expect(all.messages.length).toBeGreaterThanOrEqual(3)
    expect(all.messages[0]!.id).toBe(second)

    const filtered = (await outboxLoader(
      loaderArgs(getRequest(`/dev/outbox?to=${encodeURIComponent(` ${to.toUpperCase()} `)}`)),
    )) as Awaited<ReturnType<typeof outboxLoader>>
    expect(filtered.messages.map((m) => m.id)).toEqual([second, first])
    expect(filtered.messages[1]!.text_body).toContain('http://localhost:3000/a')
  })
})
