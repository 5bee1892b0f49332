import { describe, expect, test } from 'vitest'
import { DomainError } from '~/models/errors.server'
import { type FormReplier, orNotFound, refusal, refusalReply } from '~/utils/domain-errors.server'

// The two idioms every route uses for a model's refusal (issue 14): not found ⇒ 404, anything else
// ⇒ the form's translated error, and a bug stays a bug.

const replier: FormReplier = {
  reply: (options) => ({
    status: 'error',
    error: { ...options.fieldErrors, '': options.formErrors ?? null },
  }),
}

async function thrown(work: () => unknown): Promise<unknown> {
  try {
    await work()
  } catch (error) {
    return error
  }
  throw new Error('nothing was thrown')
}

describe('orNotFound', () => {
  test('passes the value through', async () => {
    expect(await orNotFound(Promise.resolve(42))).toBe(42)
  })

  test('turns not_found into the 404 response', async () => {
    const error = await thrown(() => orNotFound(Promise.reject(new DomainError('not_found'))))
    expect(error).toBeInstanceOf(Response)
    expect((error as Response).status).toBe(404)
  })

  test('leaves any other refusal and any bug as they came', async () => {
    const refused = new DomainError('deadline_passed')
    expect(await thrown(() => orNotFound(Promise.reject(refused)))).toBe(refused)
    const bug = new TypeError('x is undefined')
    expect(await thrown(() => orNotFound(Promise.reject(bug)))).toBe(bug)
  })
})

describe('refusal and refusalReply', () => {
  test('a refusal becomes the form error, or the error of the field named for its code', () => {
    expect(refusal(new DomainError('deadline_passed')).code).toBe('deadline_passed')
    expect(refusalReply(replier, new DomainError('deadline_passed')).error).toEqual({
      '': ['errors.domain.deadline_passed'],
    })
    expect(
      refusalReply(replier, new DomainError('deadline_passed'), { deadline_passed: 'deadline' })
        .error,
    ).toEqual({ deadline: ['errors.domain.deadline_passed'], '': null })
  })

  test('not_found is still the 404, and a bug is rethrown', async () => {
    const error = await thrown(() => refusalReply(replier, new DomainError('not_found')))
    expect((error as Response).status).toBe(404)
    const bug = new RangeError('boom')
    expect(await thrown(() => refusal(bug))).toBe(bug)
  })
})
